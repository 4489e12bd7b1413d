#!/bin/sh
# Where `incline extract` (or another command) spends its instructions, by
# callgrind: counts do not depend on the machine's load, unlike seconds, so
# two builds can be compared on a shared machine. Not part of `make check`.
#
# usage: test/bench/profile.sh [INCLINE] [COMMAND] [MB]
#   INCLINE  the binary (./incline), COMMAND extract (or dates, build),
#   MB       corpus size in MB (1; made by gen_corpus.py under build/bench/)
# Prints the total and the functions above 1% inclusive; the raw profile is
# build/bench/callgrind.<command>.out (callgrind_annotate reads it).
set -eu
bin=${1:-./incline}
cmd=${2:-extract}
mb=${3:-1}
dir=build/bench
corpus=$dir/profile-$mb
out=$dir/callgrind.$cmd.out

command -v valgrind >/dev/null || { echo "profile.sh: valgrind not found" >&2; exit 2; }
mkdir -p "$dir"
python3 test/bench/gen_corpus.py --out "$corpus" --mb "$mb" >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" "$cmd" "$corpus" \
	2>"$dir/callgrind.$cmd.log" >/dev/null
grep 'refs:' "$dir/callgrind.$cmd.log" | sed 's/^==[0-9]*== *//'
callgrind_annotate --auto=no --inclusive=yes "$out" 2>/dev/null |
	awk '/^ *[0-9,]+ +\( *[0-9.]+%\) / { p = $2; gsub(/[()%]/, "", p);
		if (p + 0 >= 1 && p + 0 < 90) print }' | head -40
