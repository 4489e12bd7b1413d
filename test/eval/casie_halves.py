#!/usr/bin/env python3
"""Scores CASIE on two fixed halves, to tune on one and check on the other.

usage: casie_halves.py [--incline ./incline] [--scorer PATH] [--keep DIR] CASIE_DIR

The documents, sorted by file name, are split by position: even positions
are half A (look at its errors, with casie_errors.py on A's directory),
odd ones half B (only its numbers: a rule is kept when it raises B's
precision without lowering B's recall). Each half is a directory of
symbolic links; both are scored with ../shared/eval/score_events.py and
the script prints each half's and the whole's numbers.
"""
import argparse, glob, os, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))


def split(src, dst):
    """Links src's documents into dst/A and dst/B; returns the two paths."""
    halves = [os.path.join(dst, 'A'), os.path.join(dst, 'B')]
    for h in halves:
        os.makedirs(h, exist_ok=True)
    for i, gold in enumerate(sorted(glob.glob(os.path.join(src, '*.gold.json')))):
        txt = gold[:-len('.gold.json')] + '.txt'
        for f in (gold, txt):
            link = os.path.join(halves[i % 2], os.path.basename(f))
            if not os.path.lexists(link):
                os.symlink(os.path.abspath(f), link)
    return halves


def counts(out):
    """The scorer's counts: {name: (found, total)}."""
    c = {}
    for m in re.finditer(r'^recall (\w+)\s+(\d+)/(\d+)', out, re.M):
        c[m[1]] = (int(m[2]), int(m[3]))
    m = re.search(r'^precision \S+ (\d+)/(\d+)', out, re.M)
    c['precision'] = (int(m[1]), int(m[2]))
    m = re.search(r'time args found (\d+)/(\d+); dates attached (\d+)/(\d+)', out)
    c['time'] = (int(m[1]), int(m[2]))
    c['attach'] = (int(m[3]), int(m[4]))
    return c


def line(name, c):
    ratio = lambda k: c[k][0] / c[k][1] if c[k][1] else 0.0
    found = sum(c[k][0] for k in ('attack', 'discover', 'patch'))
    total = sum(c[k][1] for k in ('attack', 'discover', 'patch'))
    r = found / total if total else 0.0
    p = ratio('precision')
    f = 2 * p * r / (p + r) if p + r else 0.0
    return ('%-5s P %.3f (%d/%d)  R %.3f (attack %.3f, discover %.3f, patch %.3f)  F1 %.3f  '
            'time %.3f  attach %.3f' % (name, p, c['precision'][0], c['precision'][1], r,
                                        ratio('attack'), ratio('discover'), ratio('patch'), f,
                                        ratio('time'), ratio('attach')))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--incline', default='./incline')
    ap.add_argument('--scorer', default=os.path.join(HERE, '..', '..', '..', 'shared', 'eval',
                                                     'score_events.py'))
    ap.add_argument('--keep', help='make the halves here (kept), not in a temporary directory')
    ap.add_argument('dir')
    a = ap.parse_args()
    tmp = None if a.keep else tempfile.TemporaryDirectory(prefix='casie-halves-')
    halves = split(a.dir, a.keep or tmp.name)

    def score(h):
        p = subprocess.run([sys.executable, a.scorer, '--incline', a.incline, h],
                           capture_output=True, text=True)
        if p.returncode:
            sys.exit('casie_halves: %s: %s' % (h, p.stderr.strip()[-300:]))
        return counts(p.stdout)

    with ThreadPoolExecutor(2) as ex:
        ca, cb = ex.map(score, halves)
    whole = {k: (ca[k][0] + cb[k][0], ca[k][1] + cb[k][1]) for k in ca}
    for name, c in (('whole', whole), ('A', ca), ('B', cb)):
        print(line(name, c))
    if tmp:
        tmp.cleanup()


if __name__ == '__main__':
    main()
