#!/bin/sh
# Black-box tests of the incline command: exit codes, stdout, stderr.
# usage: cli.sh PATH/TO/incline
suite=cli
. "$(dirname "$0")/lib/harness.sh"

seeds=$top/examples/icc-2023
printf ' date 2023-09-19 Hackers breached the ACME network on Monday.\n' >"$tmp/a.txt"
printf 'No header and no date here.\n' >"$tmp/nodate.txt"
: >"$tmp/empty.txt"
printf ' date 2023-02-30 Bad day\n' >"$tmp/badday.txt"

expect 0 "" -- --help
grep -q "usage: incline build" "$tmp/out" && ok || ko "--help prints usage"
expect 0 "" -- --version
grep -q "^incline [0-9]" "$tmp/out" && ok || ko "--version"
expect 2 "missing command" --
expect 2 "unknown command" -- frobnicate x
expect 2 "no input files" -- build
expect 2 "unknown format" -- build -f xml "$tmp/a.txt"
expect 2 "invalid --ref-date" -- build --ref-date 2023-13-01 "$tmp/a.txt"
expect 2 "" -- build --no-such-option "$tmp/a.txt"
expect 2 "between 0 and 1" -- build --min-overlap 2 "$tmp/a.txt"

expect 1 "$tmp/missing.txt" -- build "$tmp/missing.txt"
expect 1 "$tmp/nodate.txt:1:1: no publication date" -- build "$tmp/nodate.txt"
expect 1 "$tmp/empty.txt:1:1: empty file" -- build "$tmp/empty.txt"
expect 1 "$tmp/badday.txt:1:7: invalid date" -- build "$tmp/badday.txt"
expect 0 "" -- build --ref-date 2023-09-19 "$tmp/nodate.txt"
expect 1 "$tmp/a.txt: is larger than 20 bytes" -- build --max-article-bytes 20 "$tmp/a.txt"
expect 2 "not a positive byte count" -- build --max-article-bytes -5 "$tmp/a.txt"
mkdir "$tmp/emptydir"
expect 1 "$tmp/emptydir: no articles found" -- build "$tmp/emptydir"

# --keep-going: the readable input is still processed, the exit says 1
expect 1 "no publication date" -- build --keep-going -o "$tmp/kg.json" "$tmp/nodate.txt" "$tmp/a.txt"
grep -q '"generated_from"' "$tmp/kg.json" && grep -q 'a.txt' "$tmp/kg.json" && ok || ko "--keep-going output"
rm -f "$tmp/nokg.json"
expect 1 "no publication date" -- build -o "$tmp/nokg.json" "$tmp/nodate.txt" "$tmp/a.txt"
[ ! -e "$tmp/nokg.json" ] && ok || ko "without --keep-going nothing is written"
# --keep-going in a folder: only the bad file is skipped, the folder's
# other files (before and after it) are built, at -j 1 and -j 2
mkdir "$tmp/kgd"
cp "$seeds/000_e5bf3133bbcd0f08.txt" "$tmp/kgd/a.txt"; cp "$seeds/002_ad1cce7abc74dd27.txt" "$tmp/kgd/c.txt"
printf '[{"date":"2023-09-19","text":"x"},' >"$tmp/kgd/b.json"
"$bin" build -o "$tmp/kgd.want" "$tmp/kgd/a.txt" "$tmp/kgd/c.txt"
for j in 1 2; do
	expect 1 "$tmp/kgd/b.json:1:" -- build --keep-going -j $j -o "$tmp/kgd.$j" "$tmp/kgd"
	[ "$(grep -c . "$tmp/err")" = 1 ] && cmp -s "$tmp/kgd.want" "$tmp/kgd.$j" && ok ||
		ko "build --keep-going -j $j of a folder with a bad file: not the good files' timeline"
done
rm -f "$tmp/kgd.0"
expect 1 "$tmp/kgd/b.json:1:" -- build -j 2 -o "$tmp/kgd.0" "$tmp/kgd"
[ ! -e "$tmp/kgd.0" ] && ok || ko "without --keep-going a bad file in a folder fails the build"

# output: atomic, never half written, old file kept when writing fails
expect 0 "" -- build -o "$tmp/t.json" "$seeds"
grep -q '"events"' "$tmp/t.json" && ok || ko "-o writes the timeline"
expect 3 "$tmp/no/such/dir/t.json" -- build -o "$tmp/no/such/dir/t.json" "$seeds"
mkdir "$tmp/ro" && echo old >"$tmp/ro/t.json" && chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	expect 3 "$tmp/ro" -- build -o "$tmp/ro/t.json" "$seeds"
	[ "$(cat "$tmp/ro/t.json")" = old ] && ok || ko "read-only folder: old file intact"
fi
[ -z "$(ls -A "$tmp" | grep '^\.')" ] && ok || ko "temporary files left behind"

# formats
expect 0 "" -- build -f csv "$seeds"
head -1 "$tmp/out" | tr -d '"' | grep -q '^id,type,earliest,latest' && ok || ko "csv header"
expect 0 "" -- extract "$seeds/002_ad1cce7abc74dd27.txt"
[ "$(grep -c '"type"' "$tmp/out")" -gt 3 ] && ok || ko "extract prints one event per line"
expect 0 "" -- dates "$seeds/002_ad1cce7abc74dd27.txt"
grep -q '"text":"At the end of last week"\|"text":"the end of last week"' "$tmp/out" && ok || ko "dates finds the end of last week"
expect 1 "no publication date" -- dates "$tmp/nodate.txt"
expect 0 "" -- dates --ref-date 1998-01-08 "$tmp/nodate.txt"

# stdin
"$bin" build - <"$tmp/a.txt" >"$tmp/stdin.json" 2>"$tmp/err" && grep -q '"article": "-"' "$tmp/stdin.json" && ok || ko "stdin input"

# order of inputs never changes the output
"$bin" build "$seeds/000_e5bf3133bbcd0f08.txt" "$seeds/002_ad1cce7abc74dd27.txt" >"$tmp/o1" 2>/dev/null
"$bin" build "$seeds/002_ad1cce7abc74dd27.txt" "$seeds/000_e5bf3133bbcd0f08.txt" >"$tmp/o2" 2>/dev/null
cmp -s "$tmp/o1" "$tmp/o2" && ok || ko "input order changes the timeline"

# invalid UTF-8: warned with its line and column, read as U+FFFD, offsets kept
printf ' date 2023-09-19 Headline\n\nThe court was hacked \377 on Monday.\n' >"$tmp/bad.txt"
expect 0 "bad.txt:3:22: warning: invalid UTF-8" -- extract "$tmp/bad.txt"
grep -q '"start":[0-9]*,"end":[0-9]*,"text":"The court was hacked' "$tmp/out" && ok || ko "invalid UTF-8: event still extracted"

# merge: timelines and extract streams, any mix and order, give the build
A=$seeds/000_e5bf3133bbcd0f08.txt; B=$seeds/002_ad1cce7abc74dd27.txt
"$bin" build "$A" "$B" >"$tmp/ab.json"
"$bin" build "$A" >"$tmp/A.json"; "$bin" build "$B" >"$tmp/B.json"
"$bin" extract "$A" >"$tmp/A.nd"; "$bin" extract "$B" >"$tmp/B.nd"
expect 0 "" -- merge "$tmp/B.json" "$tmp/A.json"
cmp -s "$tmp/out" "$tmp/ab.json" && ok || ko "merge A.json B.json != build A B"
expect 0 "" -- merge "$tmp/A.nd" "$tmp/B.json"
cmp -s "$tmp/out" "$tmp/ab.json" && ok || ko "merge of NDJSON and JSON != build"
cat "$tmp/B.nd" "$tmp/A.nd" | "$bin" merge - >"$tmp/m.json" 2>"$tmp/err" && cmp -s "$tmp/m.json" "$tmp/ab.json" && ok || ko "merge - (concatenated streams)"
"$bin" build -f csv "$A" "$B" >"$tmp/ab.csv"
expect 0 "" -- merge -f csv "$tmp/A.nd" "$tmp/B.nd"
cmp -s "$tmp/out" "$tmp/ab.csv" && ok || ko "merge -f csv != build -f csv"
"$bin" extract - <"$A" >"$tmp/stdin.nd" && "$bin" merge "$tmp/stdin.nd" >"$tmp/m.json" && "$bin" build - <"$A" | cmp -s - "$tmp/m.json" && ok || ko "extract - | merge != build -"
head -1 "$tmp/stdin.nd" | grep -q '"generated_from":\["-"\]' && ok || ko "extract stream starts with its articles record"
printf '{"type": "intrusion", "evidence": [{"article": "x", "start": "3", "end": 4}]}\n' >"$tmp/bad.nd"
expect 1 "$tmp/bad.nd:1:62: evidence[0].start: expected a non-negative integer" -- merge "$tmp/bad.nd"
expect 1 "$tmp/missing.nd" -- merge "$tmp/missing.nd"
expect 1 "bad.nd:1:62" -- merge --keep-going -o "$tmp/kg2.json" "$tmp/bad.nd" "$tmp/A.json"
cmp -s "$tmp/kg2.json" "$tmp/A.json" && ok || ko "merge --keep-going writes what loaded"
# likewise a bad file in a folder: the files after it are still merged
mkdir "$tmp/mdir"; cp "$tmp/A.json" "$tmp/B.json" "$tmp/mdir"; cp "$tmp/bad.nd" "$tmp/mdir/AB-bad.nd"
expect 1 "mdir/AB-bad.nd:1:62" -- merge --keep-going -o "$tmp/kg3.json" "$tmp/mdir"
cmp -s "$tmp/kg3.json" "$tmp/ab.json" && ok || ko "merge --keep-going of a folder skips only its bad file"
expect 1 "mdir/AB-bad.nd:1:62" -- merge "$tmp/mdir"
[ ! -s "$tmp/out" ] && ok || ko "merge of a folder with a bad file, without --keep-going: no output"
expect 2 "no input files" -- merge
"$bin" merge "$tmp/ab.json" "$tmp/ab.json" "$tmp/A.nd" | cmp -s - "$tmp/ab.json" && ok || ko "merging a timeline with itself changed it"
expect 0 "" -- build --split -o "$tmp/split-build" "$A" "$B"
expect 0 "" -- merge --split -o "$tmp/split-merge" "$tmp/B.nd" "$tmp/A.json"
[ -n "$(ls "$tmp/split-merge")" ] && diff -r "$tmp/split-build" "$tmp/split-merge" >/dev/null && ok || ko "merge --split != build --split"
expect 2 "--split needs" -- merge --split "$tmp/A.json"

# -o to a pipe (or a device) writes into it: renaming a file over it would
# put a regular file where it was (as root: /dev/null for everyone)
if mkfifo "$tmp/pipe" 2>/dev/null; then
	cat "$tmp/pipe" >"$tmp/piped.json" & reader=$!
	"$bin" build -o "$tmp/pipe" "$A" "$B" 2>"$tmp/err"; wait $reader
	[ -p "$tmp/pipe" ] && cmp -s "$tmp/piped.json" "$tmp/ab.json" && ok || ko "-o FIFO replaced the pipe or lost the output"
	rm -f "$tmp/pipe"
fi

# build --update: in place, atomic, re-adding changes nothing
cp "$tmp/A.json" "$tmp/U.json"
expect 0 "" -- build --update "$tmp/U.json" "$B"
cmp -s "$tmp/U.json" "$tmp/ab.json" && ok || ko "update A with B != build A B"
expect 0 "" -- build --update "$tmp/U.json" "$B" "$A"
cmp -s "$tmp/U.json" "$tmp/ab.json" && ok || ko "re-adding articles changed the timeline"
cp "$tmp/U.json" "$tmp/U.before"
expect 1 "no publication date" -- build --update "$tmp/U.json" "$tmp/nodate.txt"
cmp -s "$tmp/U.json" "$tmp/U.before" && ok || ko "failed update touched the timeline"
printf '{\n  "events": [\n    {"type": 3}]}\n' >"$tmp/broken.json"; cp "$tmp/broken.json" "$tmp/broken.before"
expect 1 "$tmp/broken.json:3:14: events[0].type: unknown event type" -- build --update "$tmp/broken.json" "$B"
cmp -s "$tmp/broken.json" "$tmp/broken.before" && ok || ko "update of a broken timeline touched it"
expect 1 "$tmp/none.json" -- build --update "$tmp/none.json" "$B"
[ ! -e "$tmp/none.json" ] && ok || ko "update of a missing timeline created it"
expect 2 "--update" -- build --update "$tmp/U.json" -o "$tmp/x.json" "$B"
expect 2 "--update" -- build --update "$tmp/U.json" -f csv "$B"
expect 2 "--update works with build" -- merge --update "$tmp/U.json" "$tmp/A.json"
[ -z "$(ls -A "$tmp" | grep '^\.')" ] && ok || ko "temporary files left behind by merge/update"

# -o onto a device writes into it: the device node is never replaced
expect 0 "" -- build -o /dev/null "$seeds"
[ -c /dev/null ] && ok || ko "-o /dev/null replaced the device"
if [ -c /dev/full ]; then
	expect 3 "cannot write" -- build -o /dev/full "$seeds"
	[ -c /dev/full ] && ok || ko "-o /dev/full replaced the device"
fi

finish
