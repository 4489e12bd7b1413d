# Shared by the black-box test scripts: sourced after setting $suite (the
# name printed with each failure) with the incline binary as $1. Gives
# $bin (absolute), $top (the checkout), $tmp (removed on exit), ok/ko,
# expect and finish.
set -u
LC_ALL=C; export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(pwd)
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT INT TERM
pass=0; fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "$suite: FAIL: $*"; }

# expect CODE STDERR_SUBSTRING -- ARGS...: runs incline ARGS (stdout to
# $tmp/out, stderr to $tmp/err) and checks its exit code and message.
expect() {
	code=$1; msg=$2; shift 3
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ "$rc" -ne "$code" ]; then ko "incline $* exited $rc, wanted $code: $(head -c 300 "$tmp/err")"; return; fi
	if [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then ko "incline $*: stderr lacks '$msg': $(head -c 300 "$tmp/err")"; return; fi
	ok
}

# The closing line, and the script's exit status.
finish() {
	echo "$suite: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
