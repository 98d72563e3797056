// Shared by the node runners: reads headings.txt-style files into [{name, headings}] and builds a page.
import fs from 'node:fs'

export function readPages(paths) {
  const pages = []
  for (const path of paths) {
    for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue
      if (line.startsWith('= ')) pages.push({ name: line.slice(2).trim(), headings: [] })
      else pages.at(-1).headings.push(line)
    }
  }
  return pages
}

export const documentOf = (headings) => headings.map((h) => `## ${h}\n\nText.\n\n`).join('')

export function print(name, headings, ids) {
  if (ids.length !== headings.length) throw new Error(`${name}: ${ids.length} ids for ${headings.length} headings`)
  headings.forEach((h, i) => console.log(`${name}\t${h}\t${ids[i] ?? ''}`))
}
