#!/bin/sh
# make check's small run of the known-duplicate harness (dup_harness.py) on
# examples/: every sentence and its rewritten twin (dates reworded,
# sentences reordered, boilerplate, look-alike letters, another outlet and
# day) must end in one event, and nothing may join events of different
# stories. Skipped (passes) when python3 is missing.
# usage: dup_check.sh PATH/TO/incline
set -u
if ! command -v python3 >/dev/null 2>&1; then
	echo "dup_check: python3 not found, skipped"
	exit 0
fi
python3 test/eval/dup_harness.py --incline "$1" --story-by-dir --show 5 \
	--min-p 1.0 --min-r 0.95 examples/ test/eval/stories/ || { echo "dup_check: FAIL"; exit 1; }
