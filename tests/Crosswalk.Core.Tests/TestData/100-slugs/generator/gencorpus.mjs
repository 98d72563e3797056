import fs from 'fs'
import GithubSlugger, { slug } from 'github-slugger'
import { regex } from 'github-slugger/regex.js'
const pkg = JSON.parse(fs.readFileSync('node_modules/github-slugger/package.json','utf8'))

// --- github-slugger's own test/fixtures.json (the short, non-category fixtures, in upstream order, one slugger) ---
const upstream = [
 ["Basic usage","alpha","alpha"],["Basic usage (again)","alpha","alpha-1"],["Camelcase","bravoCharlieDelta","bravocharliedelta"],
 ["Prototypal injection: proto","__proto__","__proto__"],["Prototypal injection: proto (again)","__proto__","__proto__-1"],
 ["Prototypal injection: has own","hasOwnProperty","hasownproperty"],["Repetition (1)","echo","echo"],["Repetition (2)","echo","echo-1"],
 ["Repetition (3)","echo 1","echo-1-1"],["Repetition (4)","echo-1","echo-1-2"],["Repetition (5)","echo","echo-2"],
 ["More repetition (1)","foxtrot-1","foxtrot-1"],["More repetition (2)","foxtrot","foxtrot"],["More repetition (3)","foxtrot","foxtrot-2"],
 ["Characters: dash","heading with a - dash","heading-with-a---dash"],["Characters: underscore","heading with an _ underscore","heading-with-an-_-underscore"],
 ["Characters: dot","heading with a period.txt","heading-with-a-periodtxt"],
 ["Characters: dots, parents, brackets","exchange.bind_headers(exchange, routing [, bindCallback])","exchangebind_headersexchange-routing--bindcallback"],
 ["Characters: space"," ","-"],["Characters: initial space"," a","-a"],["Characters: final space","a ","a-"],["Characters: initial and final spaces"," a ","-a-"],
 ["Characters: initial and final dashes","-a-","-a--1"],["Characters: apostrophe","apostrophe\u2019s should be trimmed","apostrophes-should-be-trimmed"],
 ["Some more duplicates (1)","golf","golf"],["Some more duplicates (2)","golf","golf-1"],["Some more duplicates (3)","golf","golf-2"],
 ["Non-ascii: \u2665","I \u2665 unicode","i--unicode"],["Non-ascii: -","dash-dash","dash-dash"],["Non-ascii: \u2013","en\u2013dash","endash"],["Non-ascii: \u2013","em\u2013dash","emdash"],
 ["Non-ascii: \u{1F604}","\u{1F604} unicode emoji","-unicode-emoji"],["Non-ascii: \u{1F604}-\u{1F604}","\u{1F604}-\u{1F604} unicode emoji","--unicode-emoji"],
 ["Non-ascii: \u{1F604}_\u{1F604}","\u{1F604}_\u{1F604} unicode emoji","_-unicode-emoji"],["Non-ascii: \u{1F604}","\u{1F604} - an emoji","---an-emoji"],
 ["Non-ascii: :smile:",":smile: - a gemoji","smile---a-gemoji"],["Non-ascii: Cyrillic (1)","\u041F\u0440\u0438\u0432\u0435\u0442","\u043F\u0440\u0438\u0432\u0435\u0442"],
 ["Non-ascii: Cyrillic (2)","Профили пользователей","профили-пользователей"],["Non-ascii: Cyrillic + Han","Привет non-latin 你好","привет-non-latin-你好"],
 ["Gemoji (1)",":ok: No underscore","ok-no-underscore"],["Gemoji (2)",":ok_hand: Single","ok_hand-single"],
 ["Gemoji (3)",":ok_hand::hatched_chick: Two in a row with no spaces","ok_handhatched_chick-two-in-a-row-with-no-spaces"],
 ["Gemoji (4)",":ok_hand: :hatched_chick: Two in a row","ok_hand-hatched_chick-two-in-a-row"],
 ["Connector_Punctuation","a_ \u203F \u2040 \u2054 \uFE33 \uFE34 \uFE4D \uFE4E \uFE4F \uFF3Fb","a_-\u203F-\u2040-\u2054-\uFE33-\uFE34-\uFE4D-\uFE4E-\uFE4F-\uFF3Fb"],
 ["Line_Separator","a\u2028b","ab"],
 ["Titlecase_Letter","aǅ ǈ ǋ ǲ ᾈ ᾉ ᾊ ᾋ ᾌ ᾍ ᾎ ᾏ ᾘ ᾙ ᾚ ᾛ ᾜ ᾝ ᾞ ᾟ ᾨ ᾩ ᾪ ᾫ ᾬ ᾭ ᾮ ᾯ ᾼ ῌ ῼb","aǆ-ǉ-ǌ-ǳ-ᾀ-ᾁ-ᾂ-ᾃ-ᾄ-ᾅ-ᾆ-ᾇ-ᾐ-ᾑ-ᾒ-ᾓ-ᾔ-ᾕ-ᾖ-ᾗ-ᾠ-ᾡ-ᾢ-ᾣ-ᾤ-ᾥ-ᾦ-ᾧ-ᾳ-ῃ-ῳb"],
]

const runs = []
function run(name, inputs, check) {
  const s = new GithubSlugger()
  const cases = inputs.map(i => ({ input: i, slug: s.slug(i), slugify: slug(i) }))
  if (check) cases.forEach((c, k) => { if (c.slug !== check[k]) throw new Error(`upstream mismatch ${name} #${k}: ${c.slug} vs ${check[k]}`) })
  if (runs.some(r => r.name === name)) throw new Error('dup run ' + name)
  runs.push({ name, cases })
}
run('upstream fixtures.json (non-category part, one slugger, upstream order)', upstream.map(u => u[1]), upstream.map(u => u[2]))

// --- handwritten single cases: each gets its own slugger ---
const single = {
  'ascii letters digits': 'Hello World 123',
  'punctuation': 'Hello, World! (really?) [yes]; {ok}: "quoted" \'single\' #hash $dollar %pct ^caret *star +plus =eq |pipe \\back /slash ~tilde @at',
  'code span text': '`foo()` bar',
  'code span generic': '`List<T>.Add(item)` method',
  'ampersand and lt gt': 'Tom & Jerry <script> a > b',
  'html entity text': '&amp; &lt;tag&gt; &#169; &nbsp;',
  'decoded entities': '\u00A9 2024 \u2122 \u00AE',
  'quotes typographic': '\u201CSmart\u201D \u2018quotes\u2019 \u00ABguillemets\u00BB \u201Elow\u201C',
  'leading trailing spaces': '   padded   ',
  'multiple spaces': 'a  b   c    d',
  'underscores': '__init__ and snake_case_name',
  'hyphens': '--flag-name --- x',
  'mixed dashes': 'a - b \u2013 c \u2014 d \u2212 e',
  'dotted version': 'Version 1.2.3 (2024-01-01)',
  'path like': 'src/Crosswalk.Core/Markdown/GitHubSlugger.cs',
  'emoji simple': '\u{1F680} Launch',
  'emoji ZWJ family': 'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} emoji',
  'emoji skin tone': 'wave \u{1F44B}\u{1F3FD} hand',
  'emoji flag': 'flag \u{1F1FA}\u{1F1F8} us',
  'emoji keycap': 'keycap 1\uFE0F\u20E3 one',
  'emoji variation selector': 'heart \u2764\uFE0F love',
  'ZWJ alone': 'a\u200Db',
  'ZWNJ (Persian)': '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645',
  'soft hyphen': 'soft\u00ADhyphen',
  'zero width space': 'zero\u200Bwidth',
  'BOM': '\uFEFFbom',
  'non-breaking space': 'non\u00A0breaking space',
  'narrow nbsp and thin space': 'a\u202Fb\u2009c',
  'ideographic space': '\u65E5\u672C\u3000\u8A9E',
  'tab': 'tab\there',
  'newline': 'line\nbreak',
  'carriage return': 'cr\r\nlf',
  'Cyrillic': 'Привет Мир',
  'Greek': 'Καλημέρα Κόσμε',
  'Greek final sigma uppercase': 'ΟΔΗΓΟΣ ΧΡΗΣΗΣ',
  'Greek sigma alone': 'Σ',
  'Greek sigma double': 'ΣΣ',
  'Greek sigma before punctuation': 'ΑΣ. ΑΣ\' ΑΣ: ΑΣ, ΑΣ-Β',
  'Greek sigma with combining mark': 'ΑΣ\u0301 ΑΣ\u0301Β',
  'Greek sigma after modifier letter': 'Aʰ\u03A3 \u03A3ʰ A\u00AD\u03A3',
  'Greek sigma between lowercase': 'aΣb aΣ1 1Σ',
  'Greek sigma after dropped symbol': 'Α\u2665Σ Α\u{1F600}Σ Α\u00A0Σ',
  'Greek sigma followed by ignorable then cased': 'ΑΣ\u00B7Β ΑΣ\u2019Β',
  'Greek tonos': 'Ά Έ Ή Ί Ό Ύ Ώ ΐ ΰ',
  'CJK': '快速开始 入门指南',
  'Japanese kana': 'はじめに カタカナ ｶﾀｶﾅ',
  'Korean': '시작하기 가이드',
  'Arabic': 'مرحبا بالعالم',
  'Arabic with harakat and tatweel': 'مَرْحَبًا عـــربي',
  'Arabic-Indic digits': 'الفصل ١٢٣ ۴۵۶',
  'Hebrew': 'שלום עולם',
  'Hebrew with niqqud': 'שָׁלוֹם',
  'Devanagari with marks': 'हिन्दी भाषा',
  'Devanagari digits': 'अध्याय १२३',
  'Thai': 'ภาษาไทย สวัสดี',
  'Thai digits': 'บทที่ ๑๒',
  'Bengali': 'বাংলা ১২৩',
  'Tamil': 'தமிழ் மொழி',
  'Georgian': 'ქართული ᲥᲐᲠᲗᲣᲚᲘ',
  'Armenian': 'Հայերեն',
  'Cherokee': 'ᏣᎳᎩ Ꮳꮃ',
  'Ethiopic': 'አማርኛ',
  'accented precomposed': 'Café Crème Brûlée Ñandú Ångström',
  'accented decomposed': 'Cafe\u0301 Cre\u0300me Bru\u0302le\u0301e N\u0303andu\u0301 A\u030Angstro\u0308m',
  'Latin specials': 'Straße ß ẞ Œuvre Æsir Øre Łódź ĳ ǅ ǈ ǋ',
  'Turkish dotted I': 'İstanbul IŞIK ı',
  'Kelvin and Ohm signs': '\u212A \u2126 \u212B',
  'fullwidth': 'ＡＢＣ １２３ ｆｕｌｌ',
  'ligatures': 'ﬁ ﬂ ﬀ',
  'superscripts and fractions': 'x² ³ ¹ ½ ⅓ ⁴',
  'roman numerals': 'Chapter Ⅻ ⅻ Ⅳ',
  'circled letters and digits': 'Ⓐ ⓑ ① ⑩ ❶',
  'squared letters': '\u{1F130} \u{1F150} \u{1F170} \u{1F1E6}',
  'math alphanumerics': '𝒜𝒷𝒸 𝐀𝐁 𝔘𝔫𝔦 𝟙𝟚',
  'astral letters Deseret': '𐐀𐐁 𐐨',
  'astral CJK ext B': '𠀀𠀁 𪘀',
  'CJK ext G (Unicode 13)': '\u{30000}\u{3134A}',
  'CJK ext H (Unicode 15, after the regex table)': '\u{31350}\u{323AF}',
  'letters newer than Unicode 13': 'a\u{1E030}b \u0C5D \u{11F00} \u{1E4D0}',
  'Latin lambda with stroke (Unicode 16 case pair)': '\uA7DC \u019B',
  'Latin capital letters added in Unicode 17': '\uA7CE\uA7D2',
  'unassigned code points': 'a\u0378b \u{E0080} \u{10FFFF}',
  'private use': 'a\uE000b \u{F0000}',
  'combining marks alone': '\u0301\u0302 x\u20DD',
  'variation selectors': 'a\uFE0Fb \u{E0100}',
  'tag characters': '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} scotland',
  'currency': '$100 €50 ¥30 £20 ₹10 ₿1',
  'math symbols': 'a+b=c ∑ ∫ √ ≤ ≥ × ÷ ±',
  'arrows and box drawing': '→ ← ⇒ ─ │ ┌',
  'music symbols astral': '\u{1D11E} \u{1D15F}',
  'ellipsis and bullets': 'Wait… • · ‧',
  'connector punctuation': 'a‿b ⁀ ︳ ＿',
  'asterisks and emphasis': '**bold** _italic_ ~~strike~~',
  'link text': '[Link](https://example.com/path?q=1#frag)',
  'only punctuation': '!!!',
  'empty string': '',
  'only spaces': '   ',
  'only emoji': '\u{1F389}\u{1F389}',
  'digits only': '2024',
  'mixed case': 'CamelCase XMLHttpRequest iOS',
  'long heading': 'This is a much longer heading that keeps going on and on to make sure nothing odd happens with longer inputs, including punctuation: yes!',
  'NUL and control chars': 'a\u0000b\u0007c\u007Fd\u0085e',
  'Mongolian with FVS': 'ᠮᠣᠩᠭᠣᠯ\u180B',
  'Tibetan': 'བོད་ཡིག',
  'Myanmar': 'မြန်မာ',
  'Khmer': 'ភាសាខ្មែរ',
  'Sinhala': 'සිංහල',
  'Vietnamese': 'Tiếng Việt có dấu',
  'Hangul jamo decomposed': '\u1100\u1161\u11A8',
  'Cyrillic with combining': 'и\u0306 й Ё ё\u0308',
}
for (const [name, input] of Object.entries(single)) run(name, [input])

// --- de-duplication scenarios ---
run('dedup: literal collision', ['a', 'a', 'a-1'])
run('dedup: literal first', ['a-1', 'a', 'a', 'a'])
run('dedup: chain', ['x', 'x-1', 'x', 'x', 'x-2', 'x-1'])
run('dedup: case insensitive', ['Intro', 'intro', 'INTRO'])
run('dedup: punctuation differences collapse', ['Setup!', 'Setup?', 'Setup'])
run('dedup: empty slugs', ['!!!', '???', '', '-'])
run('dedup: dashes', ['-', '-', '--', '-1', '-'])
run('dedup: unicode', ['Привет', 'привет', 'ПРИВЕТ', 'привет-1'])
run('dedup: numbers', ['1', '1', '1-1', '1', '1-1-1'])
run('dedup: many', Array.from({ length: 12 }, () => 'faq'))

// --- General_Category samples (like the upstream category fixtures; categories per node's Unicode version) ---
const gcs = ['Lu','Ll','Lt','Lm','Lo','Mn','Mc','Me','Nd','Nl','No','Pc','Pd','Ps','Pe','Pi','Pf','Po','Sm','Sc','Sk','So','Zs','Zl','Zp','Cc','Cf','Co','Cn']
for (const gc of gcs) {
  const re = new RegExp(`^\\p{gc=${gc}}$`, 'u'); const all = []
  for (let cp = 0; cp <= 0x10FFFF; cp++) { if (cp >= 0xD800 && cp <= 0xDFFF) continue; if (re.test(String.fromCodePoint(cp))) all.push(cp) }
  const n = 120, step = Math.max(1, Math.floor(all.length / n)); const pick = []
  for (let k = 0; k < all.length && pick.length < n; k += step) pick.push(all[k])
  run(`General_Category ${gc} sample`, ['a' + pick.map(c => String.fromCodePoint(c)).join(' ') + 'b'])
}
// letters that are letters to node's Unicode but are dropped by github-slugger's Unicode 13 table
{
  const pick = []; for (let cp = 0x80; cp <= 0x10FFFF && pick.length < 200; cp++) { if (cp >= 0xD800 && cp <= 0xDFFF) continue; const s = String.fromCodePoint(cp); if (/\p{L}|\p{M}|\p{Nd}/u.test(s) && s.toLowerCase().replace(regex, '') === '') pick.push(cp) }
  run('letters/marks/digits assigned after the Unicode version of the regex', ['a' + pick.map(c => String.fromCodePoint(c)).join(' ') + 'b'])
}
// Lone surrogates cannot round-trip through System.Text.Json; GitHubSluggerTests checks them directly.
console.log('lone', JSON.stringify([slug('a\uD800b'), slug('a\uDC00b'), slug('a\uDC00\uD800b'), slug('Α\uD800Σ'), slug('ΑΣ\uDC00')]))
const out = { generator: 'github-slugger ' + pkg.version + ' on node ' + process.version + ' (ICU ' + process.versions.icu + ', Unicode ' + process.versions.unicode + ')', note: 'Each run uses a fresh GithubSlugger; slug = slugger.slug(input), slugify = slug(input).', runs }
fs.writeFileSync('corpus.json', JSON.stringify(out, null, 1) + '\n')
console.log(runs.length, runs.reduce((a, r) => a + r.cases.length, 0))
