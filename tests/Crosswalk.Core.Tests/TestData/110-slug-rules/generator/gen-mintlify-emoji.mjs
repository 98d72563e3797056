// Prints, as C# hex pairs, the code points that Mintlify's cleanHeadingId removes as emoji:
// \p{Emoji_Modifier}|\p{Emoji_Modifier_Base}|\p{Emoji_Presentation}|\p{Extended_Pictographic}|[\u200D\uFE0E\uFE0F]
// Usage: node gen-mintlify-emoji.mjs > mintlify-emoji.cs.txt
const re = /\p{Emoji_Modifier}|\p{Emoji_Modifier_Base}|\p{Emoji_Presentation}|\p{Extended_Pictographic}|[\u200D\uFE0E\uFE0F]/u
const ranges = []
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue
  if (!re.test(String.fromCodePoint(cp))) continue
  if (ranges.length && ranges.at(-1)[1] === cp - 1) ranges.at(-1)[1] = cp
  else ranges.push([cp, cp])
}
console.error(`node ${process.version}, Unicode ${process.versions.unicode}: ${ranges.length} ranges`)
const flat = ranges.flat().map((v) => '0x' + v.toString(16).toUpperCase().padStart(4, '0'))
for (let i = 0; i < flat.length; i += 12) console.log('        ' + flat.slice(i, i + 12).join(', ') + ',')
