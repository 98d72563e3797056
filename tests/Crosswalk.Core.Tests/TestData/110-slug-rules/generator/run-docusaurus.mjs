// Heading ids from Docusaurus' MDX loader: its own preprocessing and remark pipeline (format mdx, the
// default for .md and .mdx files), with the default markdown options; a last rehype plugin reads the ids.
// Usage (in a folder with @docusaurus/mdx-loader installed): node run-docusaurus.mjs headings.txt explicit.txt
import { createRequire } from 'node:module'
import { readPages, documentOf, print } from './pages.mjs'

const require = createRequire(import.meta.url)
const { createProcessorUncached } = require('@docusaurus/mdx-loader/lib/processor.js')
const preprocessContent = require('@docusaurus/mdx-loader/lib/preprocessor.js').default
const { DEFAULT_PARSE_FRONT_MATTER } = require('@docusaurus/utils')
const { visit } = await import('unist-util-visit')

// DEFAULT_MARKDOWN_CONFIG of @docusaurus/core 3.10.2 (lib/server/configValidation.js), which is not installed here.
const markdownConfig = {
  format: 'mdx', mermaid: false, emoji: true, parseFrontMatter: DEFAULT_PARSE_FRONT_MATTER,
  mdx1Compat: { comments: true, admonitions: true, headingIds: true }, anchors: { maintainCase: false },
  remarkRehypeOptions: undefined, hooks: { onBrokenMarkdownLinks: 'warn', onBrokenMarkdownImages: 'throw' },
}
let ids = []
const collect = () => (tree) => visit(tree, 'element', (node) => {
  if (node.tagName === 'h2') ids.push(node.properties.id ?? '')
})
const processor = await createProcessorUncached({
  options: { markdownConfig, admonitions: true, staticDirs: [], siteDir: process.cwd(), rehypePlugins: [collect] },
  format: 'mdx',
})
for (const { name, headings } of readPages(process.argv.slice(2))) {
  ids = []
  const content = preprocessContent({ fileContent: documentOf(headings), filePath: `${name}.md`, markdownConfig, admonitions: true })
  await processor.process({ content, filePath: `${process.cwd()}/${name}.md`, frontMatter: {}, compilerName: 'server' })
  print(name, headings, ids)
}
const version = (p) => require(`${p}/package.json`).version
console.error(`@docusaurus/mdx-loader ${version('@docusaurus/mdx-loader')}, github-slugger ${version('github-slugger')}, node ${process.version}`)
