// Heading ids from Mintlify's MDX compilation (getMdx of @mintlify/common, which serializes with @mintlify/mdx):
// the id attribute each heading's <Heading> element gets, read by a last rehype plugin, then cleanHeadingId of
// @mintlify/common, which Mintlify's own code says its client <Heading> component applies to that id at render.
// Usage (in a folder with @mintlify/common installed): node run-mintlify.mjs headings.txt explicit.txt
import fs from 'node:fs'
import { getMdx } from '@mintlify/common/server-mdx'
import { cleanHeadingId } from '@mintlify/common'
import { visit } from 'unist-util-visit'
import { readPages, documentOf, print } from './pages.mjs'

// getMdx compiles a page more than once (with and without JavaScript); every compilation must agree.
let runs = []
const collect = () => (tree) => {
  const ids = []
  visit(tree, (node) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Heading') {
      const id = node.attributes.find((a) => a.name === 'id')?.value
      ids.push(typeof id === 'string' ? cleanHeadingId(id) : '')
    }
  })
  runs.push(ids)
}
for (const { name, headings } of readPages(process.argv.slice(2))) {
  runs = []
  await getMdx({ path: `/${name}`, content: documentOf(headings), metadata: {}, snippets: [], subdomain: 'test',
    codeStyling: 'dark', config: {}, tailwindSelectors: [], rehypePlugins: [collect] })
  if (runs.some((ids) => JSON.stringify(ids) !== JSON.stringify(runs[0]))) throw new Error(`${name}: compilations disagree`)
  print(name, headings, runs[0])
}
const version = (p) => JSON.parse(fs.readFileSync(`node_modules/${p}/package.json`, 'utf8')).version
console.error(`@mintlify/common ${version('@mintlify/common')}, @mintlify/mdx ${version('@mintlify/mdx')}, @sindresorhus/slugify ${version('@sindresorhus/slugify')}, node ${process.version}`)
