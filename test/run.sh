#!/bin/sh
# Runs every cmocka binary and the shell suites; prints one closing line
# "check: N passed, N failed" and fails when anything failed.
# usage: run.sh DEBUGGER INCLINE_BIN TEST_BIN...
debugger=$1; incline=$2; shift 2
passed=0; failed=0
for t in "$@"; do
	if $debugger "$t"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $t"; fi
done
for s in test/*.sh test/eval/*.sh; do
	case $s in test/run.sh) continue ;; esac
	[ -f "$s" ] || continue
	if sh "$s" "$incline"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $s"; fi
done
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
