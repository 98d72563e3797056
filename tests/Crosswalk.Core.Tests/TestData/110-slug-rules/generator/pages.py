"""Shared by the Python runner: reads headings.txt-style files into (page, [heading, ...]) pairs."""
import sys


def read_pages(paths):
    pages = []
    for path in paths:
        with open(path, encoding='utf-8') as f:
            for line in f.read().split('\n'):
                if not line.strip() or line.startswith('#'):
                    continue
                if line.startswith('= '):
                    pages.append((line[2:].strip(), []))
                else:
                    pages[-1][1].append(line)
    return pages


def document(headings):
    return ''.join('## %s\n\nText.\n\n' % h for h in headings)
