#!/usr/bin/env python3
"""Hostile inputs for comparing two builds of the date scanner (see
same_output.sh): sentences from examples/ and test/cases/ mixed with the
text the scanner's fast paths must not misread. Deterministic from --seed.

  --out DIR     writes DIR/text/*.txt (valid UTF-8: for `incline dates`
                and `incline extract`) and DIR/raw/*.bin (any bytes,
                NUL and invalid UTF-8 included: for timex_dump, which
                calls the scanner directly, since the CLI refuses them).

Mutations: Cyrillic and Greek letters inside and beside date words, curly
quotes, dashes, no-break and other Unicode spaces, digits glued to
letters ("5March", "March5", "Q3x"), words that start like a lexicon word
("Marches", "Mayday", "Septem", "Thursdays"), case games ("MARCH",
"mArCh"), long words (16 bytes and more), and texts cut at every kind of
place so an expression ends at the end of the buffer.
"""
import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

WORDS = [
    "March", "Mar", "Marc", "Marches", "marchers", "May", "Mayday", "maybe",
    "June", "Junes", "Jun.", "Sept.", "Sep", "Septem", "September", "Sept",
    "Thursday", "Thursdays", "Thu.", "thurs", "today", "todays", "tonight",
    "yesterday", "year", "years", "yearly", "decade", "decades", "quarter",
    "quarterly", "Q3", "Q3x", "3Q", "H1", "H3", "FY2023", "FY23", "FY20230",
    "fiscal", "last", "lasting", "next", "nexts", "this", "that", "the",
    "a", "an", "ago", "agony", "early", "earlier", "mid", "mid-2020",
    "late", "later", "latest", "spring", "springs", "summer", "fall",
    "autumn", "winter", "morning", "night", "nights", "noon", "midnight",
    "o'clock", "a.m.", "p.m.", "AM", "pm", "PM.", "am.", "daily", "weekly",
    "every", "each", "since", "until", "through", "between", "and", "to",
    "of", "in", "on", "at", "least", "up", "these", "days", "right", "now",
    "approximately", "approximatelyy", "approximatel", "around", "nearly",
    "nineties", "twenties", "twenty", "twenty-one", "first", "second",
    "third", "19th", "1st", "2nd", "3rd", "4th", "11th", "1990s", "1990's",
    "'90s", "’90s", "2023", "2023a", "a2023", "20230315", "2023-03-15",
    "2023-03-15T12:00:00", "15/03/2023", "3/15/2023", "15.03.2023",
    "10:30", "10:30:15", "25:61", "5pm", "5 p.m.", "12am", "2,000",
    "10.0.3", "3f2a9b", "4G", "v2023", "Outlook", "2010", "Patch",
    "Tuesday", "version", "https://example.com/2020/04/x.png", "www.a.b/2019",
    "hxxp://bad.example/2021/05/06", "[link](/files/2020/img.png)",
    "supercalifragilistic", "MARCH", "mArCh", "JANUARY", "Jan", "jan.",
    "Марта", "марта", "Мarch", "Mаrch", "Σεπτέμβριος", "2023年3月15日",
    "Dec", "Decem", "December31", "31December", "5March", "March5",
]

SPACES = [" ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u2009", "\u200a",
          "\u2028", "\u3000", "\u202f", " \u00a0 "]
PUNCT = [",", ".", ";", ":", "-", "\u2013", "\u2014", "/", "(", ")", "'",
         "\u2019", "\u2018", "\u201c", "\u201d", "\"", "!", "?", "[", "]"]
RAW = [b"\x00", b"\xff", b"\xfe", b"\xc3", b"\xe2\x80", b"\xe2", b"\xc0\xaf",
       b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xc2\xa0", b"\xe2\x80\x93"]


def sentences():
    out = []
    for base in (os.path.join(ROOT, "examples"), os.path.join(ROOT, "test", "cases")):
        for d, _, files in sorted(os.walk(base)):
            for f in sorted(files):
                if not f.endswith(".txt"):
                    continue
                try:
                    with open(os.path.join(d, f), encoding="utf-8") as fh:
                        text = fh.read(200000)
                except (UnicodeDecodeError, OSError):
                    continue
                for line in text.split("\n"):
                    line = line.strip()
                    if 20 < len(line) < 2000:
                        out.append(line)
    return out or ["On March 5, 2023 the attack began."]


def mutate(rng, s):
    words = s.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < 0.08:
            out.append(rng.choice(WORDS))
        elif r < 0.10:
            out.append(w + rng.choice(WORDS))
        elif r < 0.12:
            out.append(rng.choice(WORDS) + w)
        elif r < 0.14 and w:
            i = rng.randrange(len(w))
            out.append(w[:i] + rng.choice("АаЕеМмОоСсРрХх") + w[i + 1:])
        else:
            out.append(w)
        out.append(rng.choice(SPACES) if rng.random() < 0.1 else " ")
        if rng.random() < 0.05:
            out.append(rng.choice(PUNCT))
    return "".join(out)


def make_text(rng, pool):
    n = rng.randrange(1, 12)
    parts = [mutate(rng, rng.choice(pool)) for _ in range(n)]
    text = rng.choice(["\n\n", "\n", " "]).join(parts)
    if rng.random() < 0.5:
        # cut anywhere (on a character): an expression may end the buffer
        text = text[:rng.randrange(len(text) + 1)]
    if rng.random() < 0.3:
        text += " " + " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 5)))
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = sentences()
    os.makedirs(os.path.join(a.out, "text"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "raw"), exist_ok=True)
    for i in range(a.n):
        text = make_text(rng, pool)
        with open(os.path.join(a.out, "text", "%04d.txt" % i), "w", encoding="utf-8") as f:
            f.write(text)
        b = bytearray(make_text(rng, pool).encode("utf-8"))
        for _ in range(rng.randrange(0, 20)):
            at = rng.randrange(len(b) + 1)
            b[at:at] = rng.choice(RAW)
        with open(os.path.join(a.out, "raw", "%04d.bin" % i), "wb") as f:
            f.write(bytes(b))
    # Every date word alone and at the end of the buffer, with and
    # without a number before and after.
    for i, w in enumerate(WORDS):
        for j, text in enumerate((w, "On " + w, "5 " + w, w + " 5", "in " + w + " 2023",
                                  w + " 2023", "the " + w, w.upper(), w.lower())):
            with open(os.path.join(a.out, "raw", "w%03d_%d.bin" % (i, j)), "wb") as f:
                f.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
