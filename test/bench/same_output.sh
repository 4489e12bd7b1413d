#!/bin/sh
# Proves an output-preserving change preserved the output: runs two builds
# of incline on the same inputs and compares their stdout byte for byte.
# Not part of `make check` (it needs two builds, and large inputs).
#
# usage: test/bench/same_output.sh OLD NEW DIR|FILE...
#   OLD, NEW  two incline binaries (keep the old one: cp incline /tmp/x)
#   For each input, compares `dates` (with and without --ref-date, and
#   -j 2) and `extract`, reading the input as one tree.
#   With OLD_DUMP and NEW_DUMP set to two builds of test/bench/timex_dump
#   (the scanner called directly on raw bytes: NUL and invalid UTF-8,
#   which the CLI refuses), also compares their dumps of every *.bin and
#   *.txt file under each input. Build one with
#     cc -O2 -Iinclude test/bench/timex_dump.c build/obj/libincline.a \
#        $(pkg-config --libs jansson icu-uc icu-i18n) -lcsv -lstemmer -lz -lm -pthread
# Typical inputs: build/bench/c10 (gen_corpus.py --mb 10), each folder of
# ../shared/corpus, examples/, and nasty_corpus.py's text/ and raw/.
# Prints one line per comparison; exits 1 if any differs.
set -u
old=$1
new=$2
shift 2
tmp=${TMPDIR:-/tmp}/same_output.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

same() { # label, then the arguments after the binary
	label=$1
	shift
	"$old" "$@" >"$tmp/old" 2>"$tmp/old.err"
	orc=$?
	"$new" "$@" >"$tmp/new" 2>"$tmp/new.err"
	nrc=$?
	if [ "$orc" = "$nrc" ] && cmp -s "$tmp/old" "$tmp/new" && cmp -s "$tmp/old.err" "$tmp/new.err"; then
		echo "same   $label ($(wc -c <"$tmp/new") bytes, exit $nrc)"
	else
		echo "DIFFER $label (exit $orc vs $nrc)"
		cmp "$tmp/old" "$tmp/new" | head -1
		fail=1
	fi
}

for in in "$@"; do
	same "dates $in" dates --keep-going "$in"
	same "dates --ref-date $in" dates --keep-going --ref-date 2023-03-15 "$in"
	same "dates -j 2 $in" dates --keep-going -j 2 "$in"
	same "extract $in" extract --keep-going "$in"
	same "extract --ref-date $in" extract --keep-going --ref-date 2019-07-01 "$in"
	if [ -n "${OLD_DUMP:-}" ] && [ -n "${NEW_DUMP:-}" ]; then
		find "$in" -type f \( -name '*.bin' -o -name '*.txt' \) | LC_ALL=C sort >"$tmp/files"
		xargs "$OLD_DUMP" <"$tmp/files" >"$tmp/old" 2>&1
		xargs "$NEW_DUMP" <"$tmp/files" >"$tmp/new" 2>&1
		if cmp -s "$tmp/old" "$tmp/new"; then
			echo "same   timex_dump $in ($(wc -l <"$tmp/new") lines)"
		else
			echo "DIFFER timex_dump $in"
			diff "$tmp/old" "$tmp/new" | head -5
			fail=1
		fi
	fi
done
exit $fail
