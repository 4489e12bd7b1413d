#!/bin/sh
# -j N and streaming: output byte-identical to -j 1, and `extract`/`dates`
# behave as per-article mappers (a directory's output is the concatenation
# of its files' outputs), which is what GNU parallel or Hadoop Streaming
# rely on.
# usage: parallel.sh PATH/TO/incline
suite=parallel
. "$(dirname "$0")/lib/harness.sh"

# 30 articles: the seed articles' bodies under front-matter headers with
# different publication dates, so relative dates resolve differently.
mkdir "$tmp/c"
i=0
for day in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15; do
	for f in "$top"/examples/icc-2023/*.txt; do
		i=$((i + 1))
		{ printf -- '---\ndate: 2023-09-%s\nsource: outlet%d.example\n---\n' "$day" $((i % 4))
		  tail -n +2 "$f"; } >"$tmp/c/a$(printf %03d $i).txt"
	done
done

for cmd in dates extract build; do
	"$bin" $cmd "$tmp/c" >"$tmp/$cmd.1" 2>"$tmp/err" || ko "$cmd -j 1 failed: $(head -c 200 "$tmp/err")"
	"$bin" $cmd -j 4 "$tmp/c" >"$tmp/$cmd.4" 2>"$tmp/err" || ko "$cmd -j 4 failed: $(head -c 200 "$tmp/err")"
	[ -s "$tmp/$cmd.1" ] && cmp -s "$tmp/$cmd.1" "$tmp/$cmd.4" && ok || ko "$cmd: -j 4 output differs from -j 1"
done
"$bin" build -f csv --jobs 3 "$tmp/c" >"$tmp/csv.3" && "$bin" build -f csv "$tmp/c" >"$tmp/csv.1" &&
	cmp -s "$tmp/csv.1" "$tmp/csv.3" && ok || ko "build -f csv: --jobs 3 differs"
[ "$(wc -l <"$tmp/extract.1")" -gt 30 ] && ok || ko "extract found too few events"

# mapper: the directory's lines are each file's lines, in input order
: >"$tmp/cat.extract"; : >"$tmp/cat.dates"
for f in "$tmp"/c/*.txt; do
	"$bin" extract "$f" >>"$tmp/cat.extract"
	"$bin" dates "$f" >>"$tmp/cat.dates"
done
cmp -s "$tmp/cat.extract" "$tmp/extract.1" && ok || ko "extract of a folder is not the concatenation of its files"
cmp -s "$tmp/cat.dates" "$tmp/dates.1" && ok || ko "dates of a folder is not the concatenation of its files"
"$bin" extract - <"$tmp/c/a001.txt" >"$tmp/stdin.extract" && [ -s "$tmp/stdin.extract" ] &&
	grep -q '"article": *"-"' "$tmp/stdin.extract" && ok || ko "extract reads stdin"

# a bad input in the middle: same output and exit status at any -j
printf 'no date\n' >"$tmp/c/a015b.txt"
"$bin" extract --keep-going "$tmp/c" >"$tmp/kg.1" 2>"$tmp/kgerr.1"; rc1=$?
"$bin" extract --keep-going -j 4 "$tmp/c" >"$tmp/kg.4" 2>"$tmp/kgerr.4"; rc4=$?
[ $rc1 -eq 1 ] && [ $rc4 -eq 1 ] && cmp -s "$tmp/kg.1" "$tmp/kg.4" &&
	grep -q "a015b.txt:1:1: no publication date" "$tmp/kgerr.4" && ok || ko "--keep-going with -j 4 ($rc1, $rc4)"
rm -f "$tmp/out.ndjson"
"$bin" extract -j 2 -o "$tmp/out.ndjson" "$tmp/c" 2>/dev/null
[ $? -eq 1 ] && [ ! -e "$tmp/out.ndjson" ] && ok || ko "a failed streaming run leaves -o FILE unwritten"

# Files are read by the worker threads: what reading finds (warnings,
# skipped records, bad files, empty folders) is still reported in input
# order, with file and position, and the run stops or goes on exactly as
# with -j 1.
mkdir "$tmp/r" "$tmp/r/c" "$tmp/r/d" "$tmp/r/empty"
for i in 1 2 3 4 5 6; do
	printf -- '---\ndate: 2023-09-0%s\n---\nOn March %s, 2023 the attack began. Two days later it ended.\n' \
		$i $i >"$tmp/r/c/a$i.txt"
done
printf 'date 2023-01-01 t\nbad \377 byte on March 3\n' >"$tmp/r/c/a3b.txt"
printf 'date 2023-01-01 t\nnul \000 here\n' >"$tmp/r/d/b1.txt"
cp "$tmp/r/c/a1.txt" "$tmp/r/d/b0.txt"; cp "$tmp/r/c/a2.txt" "$tmp/r/d/b2.txt"
printf '%s\n' '{"id":"x","date":"2023-02-02","text":"On May 5 it began."}' \
	'{"id":"y","text":"no date here"}' \
	'{"id":"z","date":"2023-02-03","text":"Then on June 6."}' >"$tmp/r/recs.ndjson"
printf 'no date at all\n' >"$tmp/r/nodate.txt"
(
	cd "$tmp/r" || exit 1
	for cmd in dates extract; do
		for kg in "" --keep-going; do
			"$bin" $cmd $kg c d recs.ndjson nodate.txt empty c/a1.txt >"$cmd$kg.1" 2>"$cmd$kg.e1"
			echo $? >"$cmd$kg.rc1"
			"$bin" $cmd $kg -j 4 c d recs.ndjson nodate.txt empty c/a1.txt >"$cmd$kg.4" 2>"$cmd$kg.e4"
			echo $? >"$cmd$kg.rc4"
		done
	done
)
for cmd in dates extract; do
	for kg in "" --keep-going; do
		r="$tmp/r/$cmd$kg"
		[ "$(cat "$r.rc1")" = 1 ] && [ "$(cat "$r.rc4")" = 1 ] && cmp -s "$r.1" "$r.4" &&
			cmp -s "$r.e1" "$r.e4" && ok || ko "$cmd $kg: reading errors differ between -j 1 and -j 4"
	done
done
printf '%s\n' "incline: c/a3b.txt:2:5: warning: invalid UTF-8, read as U+FFFD" \
	"incline: d/b1.txt:2:5: NUL byte: not a text file" \
	"incline: recs.ndjson:2:1: record 2: no publication date (date, published, publish_date, date_publish or datePublished; or pass --ref-date)" \
	"incline: nodate.txt:1:1: no publication date (add a \"date\" header or pass --ref-date)" \
	"incline: empty: no articles found" >"$tmp/r/want"
cmp -s "$tmp/r/want" "$tmp/r/dates--keep-going.e4" && ok || ko "--keep-going -j 4: reports not in input order: $(cat "$tmp/r/dates--keep-going.e4")"
# --keep-going skips only the bad file: the files of its folder before and
# after it are written, and so are the later inputs
grep -q '"d/b0.txt"' "$tmp/r/dates--keep-going.4" && grep -q '"d/b2.txt"' "$tmp/r/dates--keep-going.4" &&
	! grep -q '"d/b1.txt"' "$tmp/r/dates--keep-going.4" &&
	grep -q 'recs.ndjson#z' "$tmp/r/dates--keep-going.4" && ok || ko "--keep-going -j 4: wrong articles written"

# A folder of good and bad files (a broken JSON file, read by the caller's
# thread; UTF-16 and oversized text files, read by the workers): with
# --keep-going each bad file is reported with its position and skipped,
# every good file is processed, the exit status is 1, and all of it is the
# same at -j 1 and -j 2. Without it the run stops at the first bad file.
mkdir "$tmp/k" "$tmp/k/d"
printf -- '---\ndate: 2023-09-01\n---\nOn March 1, 2023 LockBit attacked ACME Corp.\n' >"$tmp/k/d/a.txt"
printf '{"id":"x","date":"2023-02-02","text":"On May 5 it began."' >"$tmp/k/d/b.json"
printf '\377\376d\000a\000t\000e\000\n\000' >"$tmp/k/d/c.txt"
head -c 3000 /dev/zero | tr '\0' x >"$tmp/k/d/d.txt"
printf -- '---\ndate: 2023-09-04\n---\nOn March 4, 2023 hackers breached Foo Inc.\n' >"$tmp/k/d/e.txt"
printf -- '---\ndate: 2023-09-05\n---\nOn March 5, 2023 Bar Ltd was attacked.\n' >"$tmp/k/z.txt"
printf '%s\n' "incline: d/b.json:1:57: invalid JSON: '}' expected near end of file" \
	"incline: d/c.txt:1:1: UTF-16 text: convert the file to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)" \
	"incline: d/d.txt: is larger than 2000 bytes" >"$tmp/k/want"
(
	cd "$tmp/k" || exit 1
	for cmd in dates extract; do
		for j in 1 2; do
			"$bin" $cmd --keep-going --max-article-bytes 2000 -j $j d z.txt >"$cmd.$j" 2>"$cmd.e$j"
			echo $? >"$cmd.rc$j"
		done
		"$bin" $cmd --max-article-bytes 2000 -j 2 d z.txt >"$cmd.stop" 2>"$cmd.estop"
		echo $? >"$cmd.rcstop"
	done
)
for cmd in dates extract; do
	r="$tmp/k/$cmd"
	[ "$(cat "$r.rc1")" = 1 ] && [ "$(cat "$r.rc2")" = 1 ] && cmp -s "$r.1" "$r.2" && cmp -s "$r.e1" "$r.e2" &&
		ok || ko "$cmd --keep-going on a folder: -j 1 and -j 2 differ"
	cmp -s "$tmp/k/want" "$r.e2" && ok || ko "$cmd --keep-going on a folder: reports: $(cat "$r.e2")"
	grep -q '"d/a.txt"' "$r.2" && grep -q '"d/e.txt"' "$r.2" && grep -q '"z.txt"' "$r.2" &&
		! grep -q '"d/[bcd]\.' "$r.2" && ok || ko "$cmd --keep-going on a folder: good files not all written"
	[ "$(cat "$r.rcstop")" = 1 ] && [ "$(cat "$r.estop")" = "$(head -n 1 "$tmp/k/want")" ] &&
		grep -q '"d/a.txt"' "$r.stop" && ! grep -q '"d/e.txt"' "$r.stop" && ! grep -q '"z.txt"' "$r.stop" &&
		ok || ko "$cmd without --keep-going on a folder: $(cat "$r.estop")"
done
# without it the first bad file ends the run: its warning came first, then
# the error; the lines before it are written, none after
[ "$(sed -n 2p "$tmp/r/dates.e4")" = "incline: d/b1.txt:2:5: NUL byte: not a text file" ] &&
	grep -q 'd/b0.txt' "$tmp/r/dates.4" && ! grep -q 'recs.ndjson' "$tmp/r/dates.4" && ok ||
	ko "-j 4 without --keep-going: $(cat "$tmp/r/dates.e4")"

# usage
for bad in 0 -1 x 1000; do
	"$bin" extract -j "$bad" "$tmp/c" >/dev/null 2>"$tmp/err"
	[ $? -eq 2 ] && grep -q "number of threads" "$tmp/err" && ok || ko "-j $bad is a usage error"
done

finish
