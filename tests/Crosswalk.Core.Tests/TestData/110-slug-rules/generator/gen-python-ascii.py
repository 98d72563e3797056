"""Prints the C# tables of PythonAsciiFolding.cs: for every code point above ASCII, the ASCII characters that survive
Python-Markdown's slugify (unicodedata.normalize('NFKD', c), then encode('ascii', 'ignore')).
Usage: python3 gen-python-ascii.py > python-ascii.cs.txt"""
import sys
import unicodedata

folded = {}
for cp in range(0x80, 0x110000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    ascii = ''.join(c for c in unicodedata.normalize('NFKD', chr(cp)) if ord(c) < 128)
    if ascii:
        folded[cp] = ascii

runs = []  # [first, last, ascii of first, step] where ascii(cp) = first's + step * (cp - first)
multi = []
for cp in sorted(folded):
    a = folded[cp]
    if len(a) > 1:
        multi.append((cp, a))
        continue
    if runs and runs[-1][1] == cp - 1:
        first, last, start, step = runs[-1]
        delta = ord(a) - (start + (step or 0) * (last - first))
        if (step is None and delta in (0, 1)) or (step is not None and delta == step):
            runs[-1] = [first, cp, start, delta if step is None else step]
            continue
    runs.append([cp, cp, ord(a), None])

sys.stderr.write('Python %s, Unicode %s: %d runs, %d multi\n' % (sys.version.split()[0], unicodedata.unidata_version, len(runs), len(multi)))
print('    public static ReadOnlySpan<int> SingleRuns =>\n    [')
flat = [v for r in runs for v in (r[0], r[1], r[2], r[3] or 0)]
for i in range(0, len(flat), 16):
    print('        ' + ', '.join('0x%04X' % v if j % 4 < 2 else str(v) for j, v in enumerate(flat[i:i + 16], start=i)) + ',')
print('    ];\n')
print('    private static readonly (int CodePoint, string Ascii)[] Multiple =\n    [')
for i in range(0, len(multi), 6):
    print('        ' + ' '.join('(0x%04X, "%s"),' % (cp, a.replace('\\', '\\\\').replace('"', '\\"')) for cp, a in multi[i:i + 6]))
print('    ];')
