#!/bin/sh
# Golden cases as data (STYLE.md 14): every folder test/cases/<name>/ is one
# run of the incline command, checked for its exit code and its exact
# standard error. A case folder holds:
#   args     the command line after `incline` (sh words; paths relative to
#            the case folder, which is the working directory)
#   exit     the expected exit code
#   stderr   the expected standard error, exactly (absent: must be empty)
#   stdout   optional: the expected standard output, exactly
#   setup    optional sh script run first in the folder (generates big or
#            odd inputs); exit 77 skips the case with the reason it printed
#   check    optional sh script run after, with $bin, $rc, $out and $err set:
#            extra assertions (an output file absent or intact, ...)
#   timeout  optional: seconds allowed (default 60); running longer fails
#   any other file: input.
# Each case runs in a fresh copy under a temp folder removed at exit. Every
# case also checks that no temporary output file (.NAME.XXXXXX) is left.
# usage: golden.sh PATH/TO/incline [CASE...]
set -u
LC_ALL=C; export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
top=$(pwd)
# Thousands of small files: on a RAM disk when there is one (10x faster
# than a busy disk), unless TMPDIR says where.
base=${TMPDIR:-/tmp}
[ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
tmp=$(mktemp -d "$base/incline-golden.XXXXXX"); trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
pass=0; fail=0; skip=0

ko() { fail=$((fail + 1)); echo "golden: FAIL $name: $*"; }

cases=${*:-$(ls "$top/test/cases")}
for name in $cases; do
	src=$top/test/cases/$name
	[ -f "$src/args" ] || continue
	dir=$tmp/$name
	cp -R "$src" "$dir" || { ko "cannot copy"; continue; }
	cd "$dir" || continue
	rm -f args exit stderr stdout setup check timeout
	if [ -f "$src/setup" ]; then
		sh "$src/setup" >"$tmp/setup.out" 2>&1; src_rc=$?
		if [ "$src_rc" -eq 77 ]; then
			skip=$((skip + 1)); echo "golden: SKIP $name: $(tail -1 "$tmp/setup.out")"
			cd "$top"; continue
		fi
		[ "$src_rc" -eq 0 ] || { ko "setup failed: $(tail -3 "$tmp/setup.out")"; cd "$top"; continue; }
	fi
	limit=60; [ -f "$src/timeout" ] && limit=$(cat "$src/timeout")
	out=$tmp/$name.stdout; err=$tmp/$name.stderr
	eval "set -- $(cat "$src/args")"
	timeout "$limit" "$bin" "$@" >"$out" 2>"$err"; rc=$?
	want=$(cat "$src/exit")
	if [ "$rc" -eq 124 ]; then ko "still running after $limit s (hang?)"
	elif [ "$rc" -ge 128 ]; then ko "killed by signal $((rc - 128)): $(head -c 300 "$err")"
	elif [ "$rc" -ne "$want" ]; then ko "exit $rc, wanted $want: $(head -c 300 "$err")"
	elif [ -f "$src/stderr" ] && ! cmp -s "$src/stderr" "$err"; then
		ko "stderr differs:"; diff "$src/stderr" "$err" | head -5
	elif [ ! -f "$src/stderr" ] && [ -s "$err" ]; then ko "unexpected stderr: $(head -c 300 "$err")"
	elif [ -f "$src/stdout" ] && ! cmp -s "$src/stdout" "$out"; then
		ko "stdout differs:"; diff "$src/stdout" "$out" | head -5
	elif [ -n "$(find . -name '.*.??????' 2>/dev/null | head -1)" ]; then
		ko "temporary file left: $(find . -name '.*.??????' | head -1)"
	elif [ -f "$src/check" ] && ! bin=$bin rc=$rc out=$out err=$err sh "$src/check" >"$tmp/check.out" 2>&1; then
		ko "check: $(tail -3 "$tmp/check.out")"
	else
		pass=$((pass + 1))
	fi
	cd "$top"
	chmod -R u+rwx "$dir" 2>/dev/null; rm -rf "$dir"
done
echo "golden: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
