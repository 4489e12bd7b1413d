#!/usr/bin/env python3
"""Lists CASIE extraction errors with their sentences, for analysis (not a scorer).

usage: casie_errors.py [--incline ./incline] [--out PREFIX] CASIE_DIR

Uses the matching rules of ../shared/eval/score_events.py and writes PREFIX.fp.jsonl (system
intrusion/vulnerability/patch events whose sentence holds no gold nugget of that class, with
the nuggets of other classes it holds), PREFIX.fn.jsonl (gold Actual events no compatible
system event covers, with context and the types found there) and PREFIX.att.jsonl (matched
events whose date span misses the gold Time argument). Prints counts per type and class.
"""
import argparse, collections, glob, json, os, subprocess
from concurrent.futures import ThreadPoolExecutor

CLASS = {'Databreach': 'attack', 'Phishing': 'attack', 'Ransom': 'attack',
         'DiscoverVulnerability': 'discover', 'PatchVulnerability': 'patch'}
ACCEPT = {'attack': {'intrusion', 'impact'}, 'discover': {'vulnerability', 'detection'},
          'patch': {'patch', 'response'}}
SCORED = {'intrusion': 'attack', 'vulnerability': 'discover', 'patch': 'patch'}


def run(incline, gp):
    p = subprocess.run([incline, 'extract', gp[:-len('.gold.json')] + '.txt'], capture_output=True)
    evs = (json.loads(l) for l in p.stdout.decode('utf-8', 'replace').splitlines() if l.strip())
    return gp, [e for e in evs if 'type' in e]


def spans(e):
    return [(x['start'], x['end']) for x in e.get('evidence', [])]


def inside(n, sp):
    return any(a <= n['start'] and n['end'] <= b for a, b in sp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--incline', default='./incline')
    ap.add_argument('--out', default='casie')
    ap.add_argument('dir')
    a = ap.parse_args()
    docs = sorted(glob.glob(os.path.join(a.dir, '*.gold.json')))
    with ThreadPoolExecutor(2) as ex:
        results = list(ex.map(lambda gp: run(a.incline, gp), docs))
    out = {'fp': [], 'fn': [], 'att': []}
    tp = 0
    for gp, evs in results:
        gold = json.load(open(gp, encoding='utf-8'))
        raw = open(gp[:-len('.gold.json')] + '.txt', 'rb').read()
        text = lambda s, e: raw[s:e].decode('utf-8', 'replace')
        for e in evs:
            c = SCORED.get(e['type'])
            if not c or not spans(e):
                continue
            s = spans(e)[0]
            nug = [g for g in gold['events'] if inside(g['nugget'], [s])]
            if any(CLASS.get(g['subtype']) == c for g in nug):
                tp += 1
                continue
            out['fp'].append({'doc': gold['doc'], 'type': e['type'], 'text': text(*s),
                              'other_nuggets': ['%s:%s' % (g['subtype'], g['nugget']['text']) for g in nug]})
        for g in gold['events']:
            c = CLASS.get(g['subtype'])
            if c is None or g['realis'] != 'Actual':
                continue
            n = g['nugget']
            hits = [e for e in evs if e['type'] in ACCEPT[c] and inside(n, spans(e))]
            if not hits:
                ctx = text(max(0, n['start'] - 200), n['start']) + '[[' + n['text'] + ']]' + text(n['end'], n['end'] + 200)
                out['fn'].append({'doc': gold['doc'], 'subtype': g['subtype'], 'nugget': n['text'],
                                  'context': ctx.replace('\n', ' '),
                                  'types_there': sorted({e['type'] for e in evs if inside(n, spans(e))})})
            elif g['time']:
                ds = [h['date'] for h in hits if isinstance(h.get('date'), dict) and 'start' in h['date']]
                if not any(d['start'] < t['end'] and t['start'] < d['end'] for d in ds for t in g['time']):
                    out['att'].append({'doc': gold['doc'], 'nugget': n['text'],
                                       'gold_time': [t['text'] for t in g['time']],
                                       'system': [(h['type'], (h.get('date') or {}).get('text')) for h in hits]})
    for k, rows in out.items():
        with open('%s.%s.jsonl' % (a.out, k), 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('precision %d/%d' % (tp, tp + len(out['fp'])))
    print('false alarms by type', dict(collections.Counter(r['type'] for r in out['fp'])))
    print('misses by subtype', dict(collections.Counter(r['subtype'] for r in out['fn'])))
    print('date attachment errors', len(out['att']))


if __name__ == '__main__':
    main()
