#!/usr/bin/env python3
"""Known-duplicate harness for incline's merge.

usage: dup_harness.py [--incline PATH] [--limit N] [--per-pile K] [--show N]
                      [--min-p P] [--min-r R] ARTICLE|DIR ...

For every article (seed format " date YYYY-MM-DD ..." or front matter) it
writes a twin that tells the same story the way another outlet would:
  - dates reworded: "Sept. 19" <-> "19 September", "September 19, 2023" ->
    "19 September 2023";
  - sentences reordered (every other pair of neighbours in a paragraph
    swapped);
  - outlet boilerplate added before and after the story;
  - look-alike letters: Cyrillic С, І, о for Latin C, I, o in some
    capitalised words ("ICC" -> "ІСС");
  - a different outlet and a publication date one day later.
It then builds one timeline from piles of K originals and their twins
(`incline build -f json`, articles of different stories side by side) and
scores the events against what is known by construction:
  items        every evidence of the timeline, keyed by (article, event
               type, sentence of the original it comes from); a twin's
               sentence is traced back through the rewrite;
  same         two items with the same key (a sentence and its retelling,
               told as the same type): they must share an event;
  different    two items of different stories: they must not;
  other pairs (one article, different sentences: an article may tell one
  happening twice; with --story-by-dir, articles of one folder, which
  retell one incident) are not judged. A story is an article, or with
  --story-by-dir a folder.
Reports pairwise precision / recall / F1 and B-cubed (precision over the
judged items of an item's event) and, with --min-p / --min-r, exits 1
when pairwise precision or recall is below the bound (used by make check
on examples/). The last line is machine-readable:
dup_pair_f1=... dup_b3_f1=... pair_p=... pair_r=... b3_p=... b3_r=... items=... stories=...
"""
import argparse, datetime, glob, json, os, re, subprocess, sys, tempfile

MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']
ABBR = {'Jan': 1, 'Feb': 2, 'Mar': 3, 'Apr': 4, 'Jun': 6, 'Jul': 7, 'Aug': 8, 'Sep': 9,
        'Sept': 9, 'Oct': 10, 'Nov': 11, 'Dec': 12}
SHORT = {1: 'Jan.', 2: 'Feb.', 3: 'March', 4: 'April', 5: 'May', 6: 'June', 7: 'July',
         8: 'Aug.', 9: 'Sept.', 10: 'Oct.', 11: 'Nov.', 12: 'Dec.'}
MONTH_NUM = dict({m: i + 1 for i, m in enumerate(MONTHS)}, **ABBR)
LOOKALIKE = {'C': '\u0421', 'I': '\u0406', 'o': '\u043e'}
BOILER_TOP = 'Subscribe to our newsletter for the latest security news. Advertisement.'
BOILER_END = 'Copyright 2024 Example Wire. All rights reserved. Share this article.'

MONTH_DAY = re.compile(r'\b(%s)(\.?) (\d{1,2})(?:st|nd|rd|th)?\b(?:, (\d{4}))?'
                       % '|'.join(sorted(MONTH_NUM, key=len, reverse=True)))
DAY_MONTH = re.compile(r'\b(\d{1,2}) (%s)\b(?: (\d{4}))?' % '|'.join(MONTHS))


def reword_dates(s):
    """'Sept. 19' -> '19 September', '19 September' -> 'Sept. 19'."""
    out, last = [], 0
    spans = []
    for m in MONTH_DAY.finditer(s):
        if m.group(1) in ABBR and not m.group(2) and m.group(1) != 'May':
            continue  # "Mar 3" without a period is too often not a date
        n = MONTH_NUM[m.group(1)]
        rep = '%d %s' % (int(m.group(3)), MONTHS[n - 1]) + (' ' + m.group(4) if m.group(4) else '')
        spans.append((m.start(), m.end(), rep))
    for m in DAY_MONTH.finditer(s):
        if any(a < m.end() and m.start() < b for a, b, _ in spans):
            continue
        n = MONTH_NUM[m.group(2)]
        rep = '%s %d' % (SHORT[n], int(m.group(1))) + (', ' + m.group(3) if m.group(3) else '')
        spans.append((m.start(), m.end(), rep))
    for a, b, rep in sorted(spans):
        out.append(s[last:a])
        out.append(rep)
        last = b
    out.append(s[last:])
    return ''.join(out)


def lookalike(s, k):
    """Look-alike letters in every other capitalised word (from the k-th)."""
    words = re.split(r'(\W+)', s)
    n = 0
    for i, w in enumerate(words):
        if w[:1].isupper() and len(w) > 1:
            n += 1
            if (n + k) % 2 == 0:
                words[i] = ''.join(LOOKALIKE.get(c, c) for c in w)
    return ''.join(words)


SENT = re.compile(r'(?<=[.!?\u201d"])\s+(?=[A-Z\u201c"])')


def read_article(path):
    """(header text, header dict, body) with the original body bytes."""
    raw = open(path, encoding='utf-8').read()
    if raw.startswith('---\n'):
        end = raw.index('\n---\n', 4) + 5
        head = raw[:end]
        fields = dict(l.split(': ', 1) for l in head.splitlines()[1:-1] if ': ' in l)
        return 'front', fields, raw[end:]
    m = re.match(r' date (\d{4}-\d{2}-\d{2}) ', raw)
    if m:
        nl = raw.find('\n')
        nl = len(raw) if nl < 0 else nl
        return 'seed', {'date': m.group(1), 'title': raw[m.end():nl]}, raw[nl:]
    raise ValueError('%s: no date header' % path)


def pieces(body):
    """The body as (start, end) pieces: paragraphs split into sentences."""
    out = []
    for pm in re.finditer(r'[^\n]+(?:\n(?!\s*\n)[^\n]+)*', body):
        para, base = pm.group(0), pm.start()
        last = 0
        for sm in SENT.finditer(para):
            out.append((base + last, base + sm.start(), len(out)))
            last = sm.end()
        out.append((base + last, base + len(para), len(out)))
    return out


def make_twin(kind, fields, body, k):
    """The twin's text and, per twin piece, (twin start, twin end, original
    piece index) in characters of the twin body; plus its header."""
    ps = pieces(body)
    paras = {}
    for a, b, i in ps:
        paras.setdefault(body.rfind('\n', 0, a), []).append((a, b, i))
    text = [BOILER_TOP, '\n\n']
    pos = len(BOILER_TOP) + 2
    spans = []
    for key in sorted(paras):
        group = paras[key][:]
        for j in range(0, len(group) - 1, 4):  # swap every other neighbour pair
            group[j], group[j + 1] = group[j + 1], group[j]
        first = True
        for a, b, i in group:
            s = lookalike(reword_dates(body[a:b]), k + i)
            if not first:
                text.append(' ')
                pos += 1
            first = False
            spans.append((pos, pos + len(s), i))
            text.append(s)
            pos += len(s)
        text.append('\n\n')
        pos += 2
    text.append(BOILER_END + '\n')
    day = datetime.date.fromisoformat(fields['date']) + datetime.timedelta(days=1)
    title = lookalike(reword_dates(fields.get('title', '')), k)
    head = ('---\ndate: %s\nsource: twin-outlet-%d.example\ntitle: %s\n---\n'
            % (day.isoformat(), k % 7, title))
    return head, ''.join(text), spans


def char_to_byte(s):
    """Byte offset of every character offset of s (one past the end too)."""
    out, b = [], 0
    for c in s:
        out.append(b)
        b += len(c.encode('utf-8'))
    out.append(b)
    return out


def locate(spans, byte_start):
    """The original piece index holding byte byte_start (spans in bytes)."""
    best = None
    for a, b, i in spans:
        if a <= byte_start < b:
            return i
        if a <= byte_start:
            best = i
    return best


def collect(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(sorted(glob.glob(os.path.join(p, '**', '*.txt'), recursive=True)))
        else:
            out.append(p)
    return out


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--incline', default='./incline')
    ap.add_argument('--limit', type=int, default=0, help='use the first N articles only')
    ap.add_argument('--per-pile', type=int, default=10)
    ap.add_argument('--show', type=int, default=0, help='print the first N errors')
    ap.add_argument('--min-p', type=float, default=None)
    ap.add_argument('--min-r', type=float, default=None)
    ap.add_argument('--spread', action='store_true',
                    help='pile j takes articles j, j+P, j+2P... (P piles) instead of '
                         'neighbours: corpora numbered as crawled (CASIE) put several '
                         'reports of one incident side by side, which the harness would '
                         'count as wrong merges')
    ap.add_argument('--story-by-dir', action='store_true',
                    help='articles of one folder tell one story (examples/NAME/): '
                         'their pairs across articles are not judged')
    ap.add_argument('paths', nargs='+')
    a = ap.parse_args()
    arts = collect(a.paths)
    if a.limit:
        arts = arts[:a.limit]
    if a.spread:
        n_piles = max(1, (len(arts) + a.per_pile - 1) // a.per_pile)
        arts = [x for j in range(n_piles) for x in arts[j::n_piles]]
    same_sys = same_all = diff_sys = diff_same_victim = 0
    b3p = b3r = 0.0
    n_items = 0
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        for pile in range(0, len(arts), a.per_pile):
            group = arts[pile:pile + a.per_pile]
            files = {}  # path -> (story, byte spans of pieces)
            for k, path in enumerate(group, pile):
                try:
                    kind, fields, body = read_article(path)
                except ValueError:
                    continue
                raw = open(path, encoding='utf-8').read()
                off = len(raw) - len(body)
                cb = char_to_byte(raw)
                orig_spans = [(cb[off + s], cb[off + e], i) for s, e, i in pieces(body)]
                odir = os.path.join(tmp, 'p%d' % pile)
                os.makedirs(odir, exist_ok=True)
                opath = os.path.join(odir, 's%03d-a.txt' % k)
                with open(opath, 'w', encoding='utf-8') as f:
                    f.write(raw)
                head, tbody, tspans = make_twin(kind, fields, body, k)
                traw = head + tbody
                tb = char_to_byte(traw)
                toff = len(head)
                tpath = os.path.join(odir, 's%03d-b.txt' % k)
                with open(tpath, 'w', encoding='utf-8') as f:
                    f.write(traw)
                story = os.path.dirname(os.path.abspath(path)) if a.story_by_dir else path
                files[opath] = ((story, k), orig_spans, path)
                files[tpath] = ((story, k), [(tb[toff + s], tb[toff + e], i) for s, e, i in tspans], path)
            if not files:
                continue
            out = os.path.join(tmp, 'p%d.json' % pile)
            p = subprocess.run([a.incline, 'build', '-f', 'json', '-o', out] + sorted(files),
                               capture_output=True)
            if p.returncode != 0:
                sys.exit('dup_harness: incline failed (%d): %s' % (p.returncode, p.stderr.decode()[:300]))
            tl = json.load(open(out, encoding='utf-8'))
            evs = tl['events']
            inc_name = {i['id']: i.get('name') for i in tl.get('incidents', [])}
            items = []  # (event index, key, text)
            for ei, ev in enumerate(evs):
                for e in ev.get('evidence', []):
                    f = files.get(e['article'])
                    if not f:
                        continue
                    piece = locate(f[1], e['start'])
                    items.append((ei, (f[0], ev['type'], piece), e['text']))
            n_items += len(items)
            # each story's victim as incline named it: the incident most
            # of its items are in
            votes = {}
            for ei, key, _ in items:
                name = inc_name.get(evs[ei].get('incident'))
                votes.setdefault(key[0][0], {}).setdefault(name, 0)
                votes[key[0][0]][name] += 1
            story_victim = {st: max(sorted(v.items(), key=lambda kv: str(kv[0])), key=lambda kv: kv[1])[0]
                            for st, v in votes.items()}
            by_key, by_ev = {}, {}
            for it in items:
                by_key.setdefault(it[1], []).append(it)
                by_ev.setdefault(it[0], []).append(it)
            for x in range(len(items)):
                for y in range(x + 1, len(items)):
                    ix, iy = items[x], items[y]
                    ss = ix[0] == iy[0]
                    if ix[1] == iy[1]:
                        same_all += 1
                        same_sys += ss
                        if not ss and len(errors) < a.show:
                            errors.append('MISSED %s: %r | %r' % (ix[1], ix[2][:90], iy[2][:90]))
                    elif ix[1][0][0] != iy[1][0][0] and ss:
                        diff_sys += 1
                        vx, vy = story_victim.get(ix[1][0][0]), story_victim.get(iy[1][0][0])
                        diff_same_victim += vx is not None and vx == vy
                        if len(errors) < a.show:
                            errors.append('WRONG event %s: %r | %r' % (evs[ix[0]]['id'], ix[2][:90], iy[2][:90]))
            for it in items:
                s = by_ev[it[0]]
                judged = [o for o in s if o[1] == it[1] or o[1][0][0] != it[1][0][0]]
                inter = sum(1 for o in s if o[1] == it[1])
                b3p += inter / len(judged)
                b3r += inter / len(by_key[it[1]])
    for e in errors:
        print(e)
    pp = same_sys / (same_sys + diff_sys) if same_sys + diff_sys else 1.0
    pr = same_sys / same_all if same_all else 1.0
    bp = b3p / n_items if n_items else 0.0
    br = b3r / n_items if n_items else 0.0
    print('pairs: %d must share an event, %d do; %d pairs of different stories share one'
          ' (%d between stories incline gives the same victim: two reports of one incident, or'
          ' a victim picked wrongly; merge never joins different victims)'
          % (same_all, same_sys, diff_sys, diff_same_victim))
    print('dup_pair_f1=%.3f dup_b3_f1=%.3f pair_p=%.3f pair_r=%.3f b3_p=%.3f b3_r=%.3f items=%d stories=%d'
          % (f1(pp, pr), f1(bp, br), pp, pr, bp, br, n_items, len(arts)))
    bad = (a.min_p is not None and pp < a.min_p) or (a.min_r is not None and pr < a.min_r)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
