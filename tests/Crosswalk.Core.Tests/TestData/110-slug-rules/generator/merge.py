"""Joins the runners' outputs (page, heading, id; same order) into ../slugs.tsv.
Usage: python3 merge.py github.tsv mintlify.tsv python-markdown.tsv docusaurus.tsv kramdown.tsv"""
import sys

columns = ['github', 'mintlify', 'python-markdown', 'docusaurus', 'kramdown']
tables = [[line.split('\t') for line in open(p, encoding='utf-8').read().split('\n') if line] for p in sys.argv[1:]]
assert len(tables) == len(columns)
with open('../slugs.tsv', 'w', encoding='utf-8', newline='\n') as out:
    out.write('\t'.join(['page', 'heading'] + columns) + '\n')
    for rows in zip(*tables):
        assert len({(r[0], r[1]) for r in rows}) == 1, rows
        for r in rows:
            assert '\t' not in r[2] and '\n' not in r[2]
        out.write('\t'.join([rows[0][0], rows[0][1]] + [r[2] for r in rows]) + '\n')
    assert all(len(t) == len(tables[0]) for t in tables)
