#!/bin/sh
# Failure injection through the command itself: `incline build` on the
# seed articles (with -j2 on every other run, so the worker threads'
# allocations fail too) with its Nth allocation failing, for N spread
# over all of them. Each run must exit 0 with the undisturbed timeline, or
# exit 3 saying "out of memory" with the old timeline intact; never crash,
# hang, or leave a temporary file. Uses $INCLINE_CHAOS_BIN (the
# incline-chaos binary `make check` builds: main.c and the library linked
# with test/chaos_alloc.c); skipped without it.
# INCLINE_CHAOS_CLI_RUNS sets how many failure points are tried (200).
# usage: chaos_cli.sh PATH/TO/incline
set -u
LC_ALL=C; export LC_ALL
chaos=${INCLINE_CHAOS_BIN:-}
if [ -z "$chaos" ] || [ ! -x "$chaos" ]; then
	echo "chaos_cli: SKIP: INCLINE_CHAOS_BIN not set (make check sets it)"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
seeds=examples/icc-2023
runs=${INCLINE_CHAOS_CLI_RUNS:-200}
pass=0; fail=0

mkdir "$tmp/out"
INCLINE_CHAOS_COUNT=$tmp/count "$chaos" build -o "$tmp/want.json" "$seeds" 2>"$tmp/err" ||
	{ echo "chaos_cli: FAIL: the undisturbed run failed: $(cat "$tmp/err")"; exit 1; }
total=$(cat "$tmp/count")
step=$((total / runs)); [ "$step" -ge 1 ] || step=1
n=1; i=0
while [ "$n" -le "$total" ]; do
	jobs=1; [ $((i % 2)) -eq 1 ] && jobs=2
	echo old >"$tmp/out/t.json"
	INCLINE_CHAOS_FAIL_AT=$n timeout 60 "$chaos" build -j "$jobs" -o "$tmp/out/t.json" "$seeds" \
		>"$tmp/stdout" 2>"$tmp/err"
	rc=$?
	what=""
	if [ "$rc" -eq 0 ]; then
		cmp -s "$tmp/out/t.json" "$tmp/want.json" || what="succeeded with a different timeline"
	elif [ "$rc" -eq 3 ]; then
		grep -q "out of memory" "$tmp/err" || what="exit 3 without 'out of memory': $(head -c 200 "$tmp/err")"
		[ "$(cat "$tmp/out/t.json")" = old ] || what="the old timeline was changed"
	else
		what="exit $rc: $(head -c 300 "$tmp/err")"
	fi
	[ "$(ls -A "$tmp/out")" = t.json ] || what="$what; files left: $(ls -A "$tmp/out" | tr '\n' ' ')"
	if [ -n "$what" ]; then
		fail=$((fail + 1)); echo "chaos_cli: FAIL: allocation $n of $total (-j $jobs): $what"
		rm -f "$tmp"/out/.t.json.*
	else
		pass=$((pass + 1))
	fi
	n=$((n + step)); i=$((i + 1))
done
echo "chaos_cli: $pass passed, $fail failed (every ${step}th of $total allocations)"
[ "$fail" -eq 0 ]
