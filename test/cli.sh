#!/bin/sh
# Black-box tests of the incline command: exit codes, stdout, stderr.
# usage: cli.sh PATH/TO/incline
set -u
LC_ALL=C; export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(pwd)
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT INT TERM
pass=0; fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "cli: FAIL: $*"; }

# expect CODE STDERR_SUBSTRING -- ARGS...
expect() {
	code=$1; msg=$2; shift 3
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ "$rc" -ne "$code" ]; then ko "incline $* exited $rc, wanted $code: $(head -c 300 "$tmp/err")"; return; fi
	if [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then ko "incline $*: stderr lacks '$msg': $(head -c 300 "$tmp/err")"; return; fi
	ok
}

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

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
