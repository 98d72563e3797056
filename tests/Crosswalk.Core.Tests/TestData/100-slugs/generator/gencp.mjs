import fs from 'fs'
import { slug } from 'github-slugger'
// One line per run of consecutive code points with the same rule: "start end rule" (hex).
// rule: "drop" = slug is empty; "+d"/"-d" = slug is the single code point cp+d; "=hex,hex" = literal code points.
const lines = []; let cur = null
const emit = () => { if (cur) lines.push(`${cur.s.toString(16).toUpperCase()} ${cur.e.toString(16).toUpperCase()} ${cur.r}`) }
for (let cp = 0; cp <= 0x10FFFF; cp++) {
  if (cp >= 0xD800 && cp <= 0xDFFF) continue
  const o = [...slug(String.fromCodePoint(cp))].map(c => c.codePointAt(0))
  let r
  if (o.length === 0) r = 'drop'
  else if (o.length === 1) { const d = o[0] - cp; r = (d >= 0 ? '+' : '-') + Math.abs(d).toString(16).toUpperCase() }
  else r = '=' + o.map(c => c.toString(16).toUpperCase()).join(',')
  if (cur && cur.r === r && cur.e === cp - 1) cur.e = cp
  else if (cur && cur.r === r && cur.e === 0xD7FF && cp === 0xE000) cur.e = cp  // surrogates are not code points of their own
  else { emit(); cur = { s: cp, e: cp, r } }
}
emit()
fs.writeFileSync('codepoints.txt', '# github-slugger 2.0.0 slug(String.fromCodePoint(cp)) for every scalar value, generated with node ' + process.version + '\n# start end rule (hex): drop = empty slug; +d/-d = the code point cp+d/cp-d; =a,b = those code points\n' + lines.join('\n') + '\n')
console.log(lines.length)
