#!/bin/sh
# Black-box tests of the input formats: JSON, NDJSON, CSV, HTML and gzip
# renditions of the seed articles give the timeline the text gives, their
# offsets point into the files, and bad input is a clear error (exit 1).
# usage: inputs.sh PATH/TO/incline
suite=inputs
. "$(dirname "$0")/lib/harness.sh"

seeds=$top/examples/icc-2023
data=$top/test/data/icc-2023
cd "$tmp" || exit 1

# ---- the same events from every rendition ------------------------------
# Event and incident ids, article ids, offsets, outlets and urls legitimately
# differ between renditions (and the header line names the articles);
# everything else (types, dates, summaries, quotes, claims, source counts)
# must not.
norm() { grep -v '"generated_from"' "$1" | sed -E 's/"(id|article|start|end|source|url|incident)":("[^"]*"|[0-9]+|null),?//g' | sort; }
"$bin" build -f ndjson "$seeds" >text.nd 2>err || ko "build of the text seeds: $(cat err)"
[ "$(wc -l <text.nd)" -gt 10 ] && ok || ko "the seeds give events"
norm text.nd >text.norm
for r in "articles.json" "articles.ndjson" "articles.csv" "000.html 002.html"; do
	set --; for x in $r; do set -- "$@" "$data/$x"; done
	if "$bin" build -f ndjson "$@" >r.nd 2>err; then
		norm r.nd >r.norm
		cmp -s text.norm r.norm && ok || ko "$r: not the events of the text version: $(diff text.norm r.norm | head -c 400)"
	else
		ko "$r: build failed: $(cat err)"
	fi
done
gzip -c "$data/articles.ndjson" >articles.ndjson.gz
"$bin" build -f ndjson articles.ndjson.gz >gz.nd 2>err && norm gz.nd >gz.norm && cmp -s text.norm gz.norm && ok \
	|| ko "gzip: not the events of the text version: $(cat err)"
# stdin: detected from the bytes
"$bin" build -f ndjson - <"$data/articles.json" >in.nd 2>err && norm in.nd >in.norm && cmp -s text.norm in.norm && ok \
	|| ko "JSON on stdin: $(cat err)"
# worker threads change nothing
"$bin" build "$data/articles.json" "$data/000.html" >j1.json 2>/dev/null
"$bin" build -j 2 "$data/articles.json" "$data/000.html" >j2.json 2>/dev/null
[ -s j1.json ] && cmp -s j1.json j2.json && ok || ko "build -j 2 on JSON and HTML differs from -j 1"
# extract reports file offsets too
"$bin" extract "$data/articles.csv" >x.nd 2>err && grep -q '"article":"[^"]*articles.csv#000"' x.nd && ok || ko "extract on CSV: $(cat err)"
# --input-format overrides the extension
cp "$data/articles.csv" articles.txt
expect 0 "" -- build --input-format csv articles.txt
expect 2 "unknown input format" -- build --input-format xml articles.txt

# ---- offsets point into the file as on disk -----------------------------
# "Sept. 19" in the first seed: the span `incline dates` gives must hold
# exactly those bytes in every rendition.
for f in "$data/articles.json" "$data/articles.ndjson" "$data/articles.csv" "$data/000.html" articles.ndjson.gz; do
	"$bin" dates "$f" >d.nd 2>err || { ko "dates $f: $(cat err)"; continue; }
	line=$(grep '"text":"Sept. 19"' d.nd | head -1)
	s=$(echo "$line" | sed -E 's/.*"start":([0-9]+).*/\1/'); e=$(echo "$line" | sed -E 's/.*"end":([0-9]+).*/\1/')
	case $f in *.gz) src=$(gzip -dc "$f");; *) src=$(cat "$f");; esac
	got=$(printf '%s' "$src" | tail -c +$((s + 1)) | head -c $((e - s)))
	[ -n "$line" ] && [ "$got" = "Sept. 19" ] && ok || ko "dates $f: span $s-$e holds '$got'"
done
# an evidence span of the HTML page covers its sentence in the file
"$bin" build -f ndjson "$data/000.html" >h.nd 2>/dev/null
line=$(grep -o '"start":[0-9]*,"end":[0-9]*,"text":"ICC staff detected[^"]*"' h.nd | head -1)
s=$(echo "$line" | sed -E 's/"start":([0-9]+).*/\1/'); e=$(echo "$line" | sed -E 's/.*"end":([0-9]+).*/\1/')
got=$(tail -c +$((s + 1)) "$data/000.html" | head -c $((e - s)) | tr -s ' \n' '  ')
case $got in "ICC staff detected unusual activity on their computer network, prompting"*) ok ;; *) ko "HTML evidence span $s-$e holds '$got'" ;; esac

# ---- the bad-input matrix -------------------------------------------------
printf '[{"text": "Hackers breached ACME on Monday.", "date": "2023-09-19"},\n {"text": "x", "date": }]\n' >malformed.json
expect 1 "malformed.json:2:24: invalid JSON" -- build malformed.json
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' >deep.json
expect 1 "deep.json:1:65: JSON nested deeper than 64 levels" -- build deep.json
printf '[{"text": 42, "date": "2023-09-19"},\n {"text": "Hackers breached ACME on Monday.", "date": true},\n {"body": "ACME confirmed the breach on Tuesday.", "published": "2023-09-20T10:00:00Z"}]\n' >types.json
expect 1 'types.json:1:11: record 1: field "text" is a number, expected a string' -- build types.json
[ ! -s out ] && ok || ko "a bad record without --keep-going: no output"
expect 1 'types.json:2:55: record 2: field "date" is a boolean' -- build --keep-going types.json
grep -q '"types.json#3"' out && ! grep -q '"types.json#1"' out && ok || ko "--keep-going keeps the good record only"
printf '{"text": "Hackers breached ACME on Monday.", "date": "2023-09-19"}\n{"text": "No date here."}\n{broken\n' >recs.ndjson
expect 1 "recs.ndjson:2:1: record 2: no publication date" -- build recs.ndjson
expect 1 "recs.ndjson:3:" -- build --keep-going recs.ndjson
grep -q "recs.ndjson:2:1: record 2: no publication date" err && grep -q '"recs.ndjson#1"' out && ok || ko "NDJSON --keep-going"
expect 1 "recs.ndjson:3:7: record 3: invalid JSON" -- build --ref-date 2023-09-19 --keep-going -o kept.json recs.ndjson
grep -q '"recs.ndjson#2"' kept.json && ok || ko "--ref-date dates a record without one"
printf 'id,date,text\n1,2023-09-19,"Hackers breached ""ACME"" on Monday.\nThey said so."\n2,2023-09-20,"unterminated\n' >bad.csv
expect 1 "bad.csv:4:14: invalid CSV: quoted field not closed" -- build bad.csv
printf 'id,date,text\n1,2023-09-19,Hackers "breached" ACME\n' >quote.csv
expect 1 "quote.csv:2:22: invalid CSV" -- build quote.csv
printf 'id,date,text\n' >header.csv
expect 1 "header.csv: only a header row, no articles" -- build header.csv
printf 'id,text\n1,Hackers breached ACME on Monday.\n' >nodate.csv
expect 1 "nodate.csv:2:1: record 1: no publication date" -- build nodate.csv
expect 0 "" -- build --ref-date 2023-09-19 nodate.csv
: >empty.json; : >empty.csv; : >empty.html
expect 1 "empty.json:1:1: empty json file" -- build empty.json
expect 1 "empty.csv:1:1: empty csv file" -- build empty.csv
expect 1 "empty.html:1:1: empty html file" -- build empty.html
printf '<html><body><p>Hackers breached ACME on Monday.</p></body></html>\n' >nodate.html
expect 1 "nodate.html:1:1: no publication date" -- build nodate.html
expect 0 "" -- build --ref-date 2023-09-19 nodate.html
printf '\037\213garbage' >bad.gz
expect 1 "bad.gz: corrupt gzip data" -- build bad.gz
head -c 100000 /dev/zero | gzip -c >bomb.txt.gz
expect 1 "bomb.txt.gz: decompresses to more than 1000 bytes" -- build --max-article-bytes 1000 bomb.txt.gz

finish
