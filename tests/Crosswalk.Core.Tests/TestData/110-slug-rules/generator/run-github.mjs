// The github column: github-slugger 2.0.0 (one slugger per page) over each heading's text as remark parses it
// (CommonMark + GFM, mdast-util-to-string), the way rehype-slug and remark-slug derive GitHub's ids. GitHub
// has no {#id} syntax, so the page of explicit ids gets "(n/a)".
// Usage (with github-slugger@2.0.0, unified, remark-parse, remark-gfm, mdast-util-to-string installed):
//   node run-github.mjs headings.txt explicit.txt
import GithubSlugger from 'github-slugger'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { toString } from 'mdast-util-to-string'
import { readPages, documentOf, print } from './pages.mjs'

for (const { name, headings } of readPages(process.argv.slice(2))) {
  if (name === 'explicit') {
    print(name, headings, headings.map(() => '(n/a)'))
    continue
  }
  const slugger = new GithubSlugger()
  const tree = unified().use(remarkParse).use(remarkGfm).parse(documentOf(headings))
  print(name, headings, tree.children.filter((n) => n.type === 'heading').map((h) => slugger.slug(toString(h))))
}
