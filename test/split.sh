#!/bin/sh
# Black-box tests of `incline build --split -o DIR`: one timeline per
# incident, file names are safe slugs, same files whatever the input order.
# usage: split.sh PATH/TO/incline
suite=split
. "$(dirname "$0")/lib/harness.sh"

seeds=$top/examples/icc-2023
# An unrelated incident: a ransomware case at another victim, two outlets.
mkdir "$tmp/in"
printf ' date 2021-05-08 Colonial Pipeline hit by ransomware\nColonial Pipeline said on Friday it was hit by a ransomware attack that forced it to shut down its fuel network.\nThe Colonial Pipeline company took systems offline to contain the threat.\n' >"$tmp/in/cp1.txt"
printf ' date 2021-05-09 Fuel pipeline shut\nColonial Pipeline was hit by a ransomware attack on Friday and shut down its network.\nColonial Pipeline took its systems offline.\n' >"$tmp/in/cp2.txt"

"$bin" build --split -o "$tmp/out" "$seeds" "$tmp/in" 2>"$tmp/err" && ok || ko "build --split exited $?: $(cat "$tmp/err")"
[ -f "$tmp/out/international-criminal-court.json" ] && ok || ko "ICC timeline: $(ls "$tmp/out")"
[ -f "$tmp/out/colonial-pipeline.json" ] && ok || ko "Colonial Pipeline timeline: $(ls "$tmp/out")"
[ "$(ls "$tmp/out" | wc -l)" -eq 2 ] && ok || ko "two incidents, got: $(ls "$tmp/out")"
grep -q 'cp1.txt' "$tmp/out/international-criminal-court.json" && ko "ICC file cites the pipeline" || ok
grep -q '000_e5bf3133bbcd0f08' "$tmp/out/colonial-pipeline.json" && ko "pipeline file cites the ICC" || ok
grep -q '"name": "Colonial Pipeline"' "$tmp/out/colonial-pipeline.json" && ok || ko "incident name"

# order of inputs does not matter
"$bin" build --split -o "$tmp/out2" "$tmp/in" "$seeds" 2>/dev/null
diff -r "$tmp/out" "$tmp/out2" >/dev/null && ok || ko "--split depends on input order"

# csv too; existing folder reused
"$bin" build --split -f csv -o "$tmp/out" "$seeds" 2>/dev/null && [ -f "$tmp/out/international-criminal-court.csv" ] && ok || ko "--split -f csv"

# usage errors
"$bin" build --split "$seeds" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] && grep -q "needs" "$tmp/err" && ok || ko "--split without -o"
"$bin" extract --split -o "$tmp/x" "$seeds" >/dev/null 2>&1; [ $? -eq 2 ] && ok || ko "--split with extract"
# a file in the way of the folder: output error
: >"$tmp/file"
"$bin" build --split -o "$tmp/file" "$seeds" >/dev/null 2>&1; [ $? -eq 3 ] && ok || ko "--split into a file"

finish
