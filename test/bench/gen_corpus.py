#!/usr/bin/env python3
"""Deterministic benchmark corpus: real news sentences recombined into articles.

Sentences come from examples/ and, when present, ../shared/corpus/{casie,annoctr,
timebank}/*.txt (headers stripped). Each generated article takes runs of
consecutive sentences from random source documents (so "last week" still sits
next to what it refers to), gets a publication date between 2010 and 2024 and a
front-matter header (the format src/article.c reads), and is written to its own
file. The same seed and size always give byte-identical files.

usage: gen_corpus.py --out DIR --mb N [--seed S] [--root REPO] [--shared DIR]
Prints the total bytes and file count. A finished corpus carries a .done stamp
and is not rebuilt.
"""
import argparse
import datetime
import os
import random
import re
import sys

SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d\']))\s+(?=["\u201c\'(]?[A-Z0-9])')
FILES_PER_DIR = 1000
# Article sizes (bytes): real cyber news runs from a short brief to a long
# feature; CASIE's mean is about 8 KB, the seed articles about 3 KB.
MIN_BYTES, MAX_BYTES = 1200, 20000
FIRST_DAY = datetime.date(2010, 1, 1).toordinal()
LAST_DAY = datetime.date(2024, 12, 31).toordinal()


def strip_header(text):
    """The body of an article: front matter and the seed date line removed."""
    if text.startswith('---\n'):
        end = text.find('\n---', 4)
        if end >= 0:
            return text[text.find('\n', end + 1) + 1:]
    m = re.match(r'\s*date\s+\d{4}-\d{2}-\d{2}\s+', text)
    return text[m.end():] if m else text


def documents(root, shared):
    """Lists of paragraphs (each a list of sentences), one per source file."""
    paths = []
    for top in [os.path.join(root, 'examples')] + \
            [os.path.join(shared, 'corpus', c) for c in ('casie', 'annoctr', 'timebank')]:
        for d, dirs, files in os.walk(top):
            dirs.sort()
            paths += [os.path.join(d, f) for f in sorted(files) if f.endswith('.txt')]
    docs = []
    for p in paths:
        with open(p, encoding='utf-8', errors='replace') as fh:
            body = strip_header(fh.read())
        sents = []
        for para in re.split(r'\n\s*\n', body):
            para = ' '.join(para.split())
            sents += [s for s in SENTENCE_END.split(para) if len(s) > 20]
        if sents:
            docs.append(sents)
    return docs


def article(rng, docs, number):
    target = int(min(MAX_BYTES, max(MIN_BYTES, rng.lognormvariate(8.4, 0.6))))
    day = datetime.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
    outlet = 'outlet%02d.example' % rng.randrange(40)
    paras, size = [], 0
    while size < target:
        doc = docs[rng.randrange(len(docs))]
        start = rng.randrange(len(doc))
        run = doc[start:start + rng.randint(2, 5)]
        para = ' '.join(run)
        paras.append(para)
        size += len(para.encode('utf-8')) + 2
    title = paras[0][:90].rsplit(' ', 1)[0]
    head = '---\ndate: %s\nsource: %s\nurl: https://%s/news/%d\ntitle: "%s"\n---\n' % (
        day.isoformat(), outlet, outlet, number, title.replace('"', "'"))
    return (head + '\n\n'.join(paras) + '\n').encode('utf-8')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--mb', type=float, required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--root', default='.')
    ap.add_argument('--shared', default='../shared')
    a = ap.parse_args()
    stamp = os.path.join(a.out, '.done')
    if os.path.exists(stamp):
        print(open(stamp).read().strip())
        return 0
    docs = documents(a.root, a.shared)
    if not docs:
        print('gen_corpus: no source text found', file=sys.stderr)
        return 1
    rng = random.Random(a.seed)
    want, total, n = int(a.mb * 1e6), 0, 0
    while total < want:
        d = os.path.join(a.out, '%04d' % (n // FILES_PER_DIR))
        if n % FILES_PER_DIR == 0:
            os.makedirs(d, exist_ok=True)
        data = article(rng, docs, n)
        with open(os.path.join(d, '%07d.txt' % n), 'wb') as fh:
            fh.write(data)
        total += len(data)
        n += 1
    with open(stamp, 'w') as fh:
        fh.write('%d %d\n' % (total, n))
    print('%d %d' % (total, n))
    return 0


if __name__ == '__main__':
    sys.exit(main())
