"""Heading ids from Python-Markdown's toc extension with its default slugify, as MkDocs configures it
(extensions toc, tables, fenced_code; attr_list added for the page of explicit {#id} ids).
Usage: python3 run-python-markdown.py headings.txt explicit.txt > python-markdown.tsv"""
import re
import sys
import html
import markdown
from pages import read_pages, document

for name, headings in read_pages(sys.argv[1:]):
    extensions = ['toc', 'tables', 'fenced_code'] + (['attr_list'] if name == 'explicit' else [])
    out = markdown.markdown(document(headings), extensions=extensions)
    ids = re.findall(r'<h2(?: id="([^"]*)")?>', out)
    assert len(ids) == len(headings), (name, len(ids), len(headings))
    for heading, id in zip(headings, ids):
        print('%s\t%s\t%s' % (name, heading, html.unescape(id)))
sys.stderr.write('Python-Markdown %s\n' % markdown.__version__)
