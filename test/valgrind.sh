#!/bin/sh
# valgrind memcheck of the incline command on the seed articles: no
# errors and no leaks (definite, indirect or possible) on the main paths.
# Skipped, with a message, when valgrind is missing or the binary is built
# with sanitizers (they do not mix). `make check DEBUGGER=valgrind` runs
# the unit tests under valgrind too.
# usage: valgrind.sh PATH/TO/incline
set -u
LC_ALL=C; export LC_ALL
bin=$1
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: SKIP: valgrind not installed"; exit 0
fi
if grep -q __asan_init "$bin" 2>/dev/null; then
	echo "valgrind: SKIP: $bin is built with sanitizers"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
seeds=examples/icc-2023
pass=0; fail=0

# memcheck ARGS...: the command must succeed with a clean report
memcheck() {
	if valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible \
		--log-file="$tmp/vg.log" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" &&
		[ ! -s "$tmp/vg.log" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "valgrind: FAIL: incline $*"; head -30 "$tmp/vg.log"; head -5 "$tmp/err"
	fi
}

memcheck build "$seeds/"
memcheck build -f csv -o "$tmp/t.csv" "$seeds/"
memcheck extract -j 2 "$seeds/"
"$bin" build -o "$tmp/t.json" "$seeds/000_e5bf3133bbcd0f08.txt" 2>/dev/null
memcheck build --update "$tmp/t.json" "$seeds/002_ad1cce7abc74dd27.txt"
"$bin" extract "$seeds/002_ad1cce7abc74dd27.txt" >"$tmp/e.ndjson" 2>/dev/null
memcheck merge "$tmp/t.json" "$tmp/e.ndjson"
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
