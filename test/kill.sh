#!/bin/sh
# Never lose a timeline: `incline build --update` is killed with SIGKILL at
# random moments, half of them while it writes the new file, and after
# every kill the timeline must be the old one or the new one, byte for
# byte, and valid JSON. A kill can leave the writer's temporary file
# behind: it must be hidden and named after the timeline (.NAME.XXXXXX),
# and reading the folder must not take it for a timeline.
# usage: kill.sh PATH/TO/incline [ROUNDS]
set -u
LC_ALL=C; export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
rounds=${2:-24}
top=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0; fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "kill: FAIL: $*"; }

valid_json() {
	if command -v jq >/dev/null 2>&1; then jq -e . "$1" >/dev/null 2>&1
	else python3 -m json.tool "$1" >/dev/null 2>&1; fi
}

# A uniform random number in [0, $1) from the round's seed.
rand() { awk -v s="$seed" -v r="$round" -v m="$1" 'BEGIN { srand(s + r); printf "%.3f", rand() * m }'; }

# Enough input that writing takes a measurable time: 80 articles made from
# the seeds under other outlets' names (about 0.8 MB of timeline).
cd "$tmp" && mkdir in out
i=0
while [ $i -lt 40 ]; do
	i=$((i + 1))
	for s in "$top"/examples/icc-2023/*.txt; do
		{ printf -- '---\ndate: 2023-09-%02d\nsource: outlet%d.example\n---\n' $((20 + i % 9)) $i
		  tail -n +2 "$s"; } >"in/$(basename "$s" .txt)-$i.txt"
	done
done
"$bin" build "$top/examples/icc-2023" >old.json || ko "build the old timeline"
cp old.json out/t.json
"$bin" build --update out/t.json in || ko "update without a kill"
mv out/t.json new.json
cmp -s old.json new.json && ko "the update changes nothing: the test would prove nothing"

seed=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
writing=0 olds=0 news=0 leftovers=0
round=0
while [ $round -lt "$rounds" ]; do
	round=$((round + 1))
	cp old.json out/t.json
	"$bin" build --update out/t.json in 2>/dev/null &
	pid=$!
	if [ $((round % 2)) -eq 0 ]; then
		sleep "$(rand 0.2)"
	else
		# Wait for the temporary file (bounded: the run may finish
		# first), then kill a moment into the write.
		n=0
		while [ $n -lt 20000 ]; do
			for f in out/.t.json.*; do :; done
			[ -e "$f" ] && { writing=$((writing + 1)); break; }
			n=$((n + 1))
		done
		sleep "$(rand 0.04)"
	fi
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null

	if cmp -s out/t.json old.json; then olds=$((olds + 1)); ok
	elif cmp -s out/t.json new.json; then news=$((news + 1)); ok
	else ko "round $round (seed $seed): the timeline is neither the old nor the new one"; fi
	valid_json out/t.json && ok || ko "round $round (seed $seed): not valid JSON"
	for f in out/* out/.*; do
		case ${f#out/} in
		t.json | . | ..) ;;
		.t.json.??????) leftovers=$((leftovers + 1)) ;;
		*) ko "round $round: unexpected file $f" ;;
		esac
	done
	# What a later run reading the folder sees: the timeline only (once,
	# with a leftover there: merging costs more than a round).
	if [ $leftovers -gt 0 ] && [ ! -e walk.json ]; then
		"$bin" merge out >walk.json 2>/dev/null && "$bin" merge out/t.json | cmp -s - walk.json && ok ||
			ko "round $round: reading the folder took a leftover for a timeline"
	fi
	rm -f out/.t.json.??????
done
echo "kill: $rounds kills (seed $seed): $olds left the old timeline, $news the new one;" \
	"$writing during the write; $leftovers hidden temporary files left"
echo "kill: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
