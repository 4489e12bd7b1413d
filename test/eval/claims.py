#!/usr/bin/env python3
"""Attribution claims of incline, scored the way an analyst reads them.

usage: claims.py [--incline PATH] [--cases TSV] [--quiet] SHARED_DIR

Every case of TSV (default claims.tsv beside this script) names a file under
SHARED_DIR (../shared: seeds and corpora, read only), a bit of one sentence
of it, and what an analyst takes from that sentence: the claimed actor, the
claimant (who says so) and the stance. The file is extracted whole
(`incline extract`), so a claimant told in an earlier sentence ("the company
said") can be resolved. The attribution event whose evidence holds the
quoted bit is compared field by field; a case with no such event is wrong on
all three. Prints the misses (unless --quiet), then a table and a last
machine-readable line:
claims_n=N actor_ok=A claimant_ok=C stance_ok=S all_ok=K

Matching: actor names case-insensitively; claimant case-insensitively, with
a leading "the"/"a"/"an", quotes and end punctuation set aside; "~x" in the
table means the claimant contains x; "-" means none; "*" is not checked.
"""
import argparse, json, os, re, subprocess, sys


def norm(s):
    s = (s or '').strip().strip('"\u201c\u201d\'.,').strip()
    s = re.sub(r'\s+', ' ', s).lower()
    return re.sub(r'^(the|a|an) ', '', s)


def match(want, got, fold):
    if want == '*':
        return True
    if want == '-':
        return not got
    for w in want.split('|'):
        if w.startswith('~'):
            if got and w[1:].lower() in got.lower():
                return True
        elif got and fold(w) == fold(got):
            return True
    return False


def ref_date(path):
    gold = path[:-4] + '.gold.json'
    if os.path.exists(gold):
        g = json.load(open(gold, encoding='utf-8'))
        d = g.get('dct') or g.get('published')
        if d:
            return d[:10]
    return '2020-01-01'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--incline', default='./incline')
    ap.add_argument('--cases', default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    'claims.tsv'))
    ap.add_argument('--quiet', action='store_true')
    ap.add_argument('shared')
    a = ap.parse_args()
    events = {}
    n = ok_actor = ok_claimant = ok_stance = ok_all = 0
    for line in open(a.cases, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        f, quote, actor, claimant, stance = line.rstrip('\n').split('\t')[:5]
        path = os.path.join(a.shared, f)
        if not os.path.exists(path):
            sys.exit('claims: %s not found' % path)
        if path not in events:
            p = subprocess.run([a.incline, 'extract', '--ref-date', ref_date(path), path],
                               capture_output=True)
            if p.returncode != 0:
                sys.exit('claims: incline failed on %s: %s' % (path, p.stderr.decode()[:200]))
            events[path] = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        text = open(path, 'rb').read()
        # a space of the quote matches any run of spaces, no-break ones too
        m = re.search(rb'(?:\s|\xc2\xa0)+'.join(re.escape(w.encode('utf-8'))
                                                 for w in quote.split()), text)
        at = m.start() if m else -1
        if at < 0:
            sys.exit('claims: %r not in %s' % (quote, f))
        got = None
        for ev in events[path]:
            if ev.get('type') != 'attribution':
                continue
            # the claim of the sentence itself: an event may hold several
            for e in ev.get('evidence', []):
                if e['start'] <= at < e['end']:
                    got = e.get('attribution') or ev.get('attribution') or {}
                    break
            if got is not None:
                break
        n += 1
        if got is None:
            if not a.quiet:
                print('NO CLAIM  %s: %s' % (os.path.basename(f), quote))
            continue
        ga, gc, gs = got.get('actor'), got.get('claimant'), got.get('stance')
        r = (match(actor, ga, lambda s: s.lower()), match(claimant, gc, norm),
             match(stance, gs, lambda s: s))
        ok_actor += r[0]
        ok_claimant += r[1]
        ok_stance += r[2]
        ok_all += all(r)
        if not all(r) and not a.quiet:
            print('WRONG     %s: %s\n          actor %r%s claimant %r%s stance %r%s' % (
                os.path.basename(f), quote,
                ga, '' if r[0] else ' (want %s)' % actor,
                gc, '' if r[1] else ' (want %s)' % claimant,
                gs, '' if r[2] else ' (want %s)' % stance))
    if not n:
        sys.exit('claims: no cases')
    print('| cases | actor | claimant | stance | all three |')
    print('|---|---|---|---|---|')
    print('| %d | %.3f | %.3f | %.3f | %.3f |' % (n, ok_actor / n, ok_claimant / n,
                                               ok_stance / n, ok_all / n))
    print('claims_n=%d actor_ok=%d claimant_ok=%d stance_ok=%d all_ok=%d' % (
        n, ok_actor, ok_claimant, ok_stance, ok_all))


if __name__ == '__main__':
    main()
