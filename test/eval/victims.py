#!/usr/bin/env python3
"""Victim accuracy of incline's incidents on hand-labelled CASIE articles.

usage: victims.py [--incline PATH] [--labels TSV] CORPUS_DIR

For every article of CORPUS_DIR labelled in TSV (default casie_victims.tsv
beside this script), builds it alone (`incline build -f json`) and checks
that the name of its first incident is one of the labels (case folded;
the name may add words around a label: "village of nashotah" for
"nashotah"). Prints the misses, then a last machine-readable line:
victims_ok=N victims_n=M
"""
import argparse, json, os, re, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--incline', default='./incline')
    ap.add_argument('--labels', default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     'casie_victims.tsv'))
    ap.add_argument('corpus')
    a = ap.parse_args()
    ok = n = 0
    for line in open(a.labels, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        doc, labels = line.rstrip('\n').split('\t')
        path = os.path.join(a.corpus, doc + '.txt')
        if not os.path.exists(path):
            continue
        p = subprocess.run([a.incline, 'build', '-f', 'json', path], capture_output=True)
        if p.returncode != 0:
            sys.exit('victims: incline failed on %s: %s' % (path, p.stderr.decode()[:200]))
        inc = json.loads(p.stdout).get('incidents', [])
        name = ((inc[0].get('name') if inc else None) or '').lower()
        n += 1
        if any(re.search(r"(^|[\s'])%s($|[\s'])" % re.escape(l), name) for l in labels.split('|')):
            ok += 1
        else:
            print('MISS %s: %r, want %s' % (doc, name, labels))
    print('victims_ok=%d victims_n=%d' % (ok, n))


if __name__ == '__main__':
    main()
