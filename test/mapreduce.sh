#!/bin/sh
# incline as a map/reduce job, locally: `incline extract` maps article
# files to NDJSON event streams (in parallel, as GNU parallel, Hadoop
# Streaming or Spark's RDD.pipe would run it), `incline merge` reduces the
# partial results, in one step or as a tree, in any order. Every way must
# give the timeline `incline build` makes of all the articles at once,
# byte for byte.
# usage: mapreduce.sh PATH/TO/incline
suite=mapreduce
. "$(dirname "$0")/lib/harness.sh"

# The corpus: the seeds and retellings of them by other outlets on other
# days (front-matter header, the seed's body), 10 articles.
cd "$tmp" && mkdir in parts
cp "$top"/examples/icc-2023/*.txt in/
n=0
for src in wire.example daily.example weekly.example herald.example; do
	for seed in "$top"/examples/icc-2023/*.txt; do
		n=$((n + 1))
		{ printf -- '---\ndate: 2023-09-%02d\nsource: %s\n---\n' $((20 + n % 5)) "$src"
		  tail -n +2 "$seed"; } >"in/$src-$n.txt"
	done
done

"$bin" build in >all.json || ko "build of all articles"
"$bin" build -f csv in >all.csv || ko "build -f csv of all articles"

# map: three parts, extracted two at a time
ls in/* | split -n r/3 - list.
ls list.* | xargs -P 2 -I{} sh -c '"$1" extract $(cat "$2") >"parts/$2.ndjson"' sh "$bin" {} \
	|| ko "parallel extract"
[ "$(ls parts | wc -l)" -eq 3 ] && ok || ko "three partial results"
# an empty partition and a job's success marker, as Hadoop and Spark leave
: >parts/part-empty.ndjson; : >parts/_SUCCESS

# reduce in one step, in two orders, from a folder
"$bin" merge parts/*.ndjson | cmp -s - all.json && ok || ko "merge of the parts != build"
"$bin" merge $(ls parts/*.ndjson | sort -r) | cmp -s - all.json && ok || ko "merge in reverse order != build"
"$bin" merge parts | cmp -s - all.json && ok || ko "merge of the parts folder != build"
"$bin" merge -f csv parts | cmp -s - all.csv && ok || ko "merge -f csv != build -f csv"
cat parts/*.ndjson | "$bin" merge - | cmp -s - all.json && ok || ko "merge of the concatenated stream != build"

# reduce as a tree: ((1 2) 3) and (1 (2 3)), through timeline files
rm parts/_SUCCESS parts/part-empty.ndjson
set -- parts/*.ndjson
"$bin" merge "$1" "$2" >m12.json && "$bin" merge m12.json "$3" | cmp -s - all.json && ok || ko "merge(merge(1, 2), 3) != build"
"$bin" merge "$2" "$3" >m23.json && "$bin" merge "$1" m23.json | cmp -s - all.json && ok || ko "merge(1, merge(2, 3)) != build"

# as Spark's RDD.pipe("xargs incline extract") runs it: each partition's
# elements (article paths) are lines on the mapper's standard input
mkdir piped
for l in list.*; do xargs "$bin" extract <"$l" >"piped/$l"; done
"$bin" merge piped | cmp -s - all.json && ok || ko "RDD.pipe-style map, merge reduce != build"

# one article per mapper, each a streaming filter on stdin (ids are "-",
# so compare with the build of that one article from stdin)
"$bin" extract - <in/wire.example-1.txt | "$bin" merge - >one.json &&
	"$bin" build - <in/wire.example-1.txt | cmp -s - one.json && ok || ko "extract - | merge - != build -"

# NDJSON article records streamed through one mapper (RDD.pipe("incline
# extract -") on a partition of records): ids are -#ID, spans offsets into
# the stream, so it equals the build of that same stream
python3 - "$top"/examples/icc-2023/*.txt >feed.ndjson <<'PY' || ko "make NDJSON article records"
import json, sys
for i, p in enumerate(sys.argv[1:]):
    lines = open(p, encoding="utf-8").read().split("\n")
    print(json.dumps({"id": "r%d" % i, "date": lines[0].split()[1], "text": "\n".join(lines[1:])}))
PY
"$bin" extract - <feed.ndjson | "$bin" merge - >feed-mr.json &&
	"$bin" build - <feed.ndjson | cmp -s - feed-mr.json && ok || ko "records: extract - | merge - != build -"
grep -q '"-#r1"' feed-mr.json && ok || ko "records on stdin keep their ids"

# with GNU parallel, when it is installed, exactly as the README shows
if command -v parallel >/dev/null 2>&1; then
	rm -f parts/*
	ls in/* | parallel --will-cite -j 2 -N 4 "'$bin' extract {} > parts/{#}.ndjson" &&
		"$bin" merge parts | cmp -s - all.json && ok || ko "GNU parallel map, merge reduce != build"
fi

finish
