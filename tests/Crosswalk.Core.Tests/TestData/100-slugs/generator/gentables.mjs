import fs from 'fs'
import { regex } from 'github-slugger/regex.js'
function ranges(pred) { const r=[]; let s=-1; for (let cp=0; cp<=0x110000; cp++) { const k = cp<=0x10FFFF && !(cp>=0xD800&&cp<=0xDFFF) && pred(cp); if (k && s<0) s=cp; if (!k && s>=0) { r.push([s,cp-1]); s=-1 } } return r }
const hex = n => '0x' + n.toString(16).toUpperCase().padStart(4,'0')
function emit(name, r, doc) {
  const lines = []; for (let i=0;i<r.length;i+=6) lines.push('        ' + r.slice(i,i+6).map(([a,b])=>hex(a)+', '+hex(b)).join(', ') + ',')
  return `    /// <summary>${doc}</summary>\n    private static ReadOnlySpan<int> ${name} =>\n    [\n${lines.join('\n')}\n    ];\n`
}
const keep = ranges(cp => { const s=String.fromCodePoint(cp); return s.replace(regex,'')===s })
const cased = ranges(cp => /\p{Cased}/u.test(String.fromCodePoint(cp)))
const ign = ranges(cp => /\p{Case_Ignorable}/u.test(String.fromCodePoint(cp)))
fs.writeFileSync('tables.cs.txt', emit('KeptRanges', keep, 'x') + '\n' + emit('CasedRanges', cased, 'x') + '\n' + emit('CaseIgnorableRanges', ign, 'x'))
