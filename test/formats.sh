#!/bin/sh
# Every output format read back by its own consumer: the JSON Schema
# (python3-jsonschema), jq, Python's csv module, the TimelineJS and
# Timesketch import rules, STIX 2.1 rules, cmark-gfm for the Markdown view
# and headless Chromium for the HTML view; plus byte-identical output whatever the input order, and
# hostile article text (script tags, attribute breakers, javascript: URLs)
# that must come out inert.
# usage: formats.sh PATH/TO/incline
set -u
LC_ALL=C; export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(pwd)
check=$top/test/check_formats.py
schema=$top/schema/timeline.schema.json
seeds=$top/examples/icc-2023
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0; fail=0; skipped=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "formats: FAIL: $*"; }
skip() { skipped=$((skipped + 1)); echo "formats: SKIP: $*"; }

# A Python that has jsonschema (Debian's python3-jsonschema lives in the
# system python3, which may not be the first python3 on PATH).
py=python3
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import jsonschema' 2>/dev/null; then py=$p; break; fi
done

# run_check NAME ARGS...: check_formats.py, 77 = its library is missing
run_check() {
	name=$1; shift
	"$py" "$check" "$@" 2>"$tmp/check.err"; rc=$?
	if [ "$rc" -eq 0 ]; then ok
	elif [ "$rc" -eq 77 ]; then skip "$name: $(cat "$tmp/check.err")"
	else ko "$name: $(head -c 400 "$tmp/check.err")"; fi
}

# Hostile articles: markup and script in the text, the outlet and the URL.
mkdir "$tmp/hostile"
cat >"$tmp/hostile/a.txt" <<'ART'
---
date: 2023-09-19
source: <img src=x onerror=alert(1)>"'
url: javascript:alert(1)
title: <script>alert(1)</script>
---
Hackers breached the ACME network on Monday <script>alert(1)</script> and stole data.
Researchers said the LockBit ransomware gang may have been behind the attack " onerror="alert(2).
ACME denied that LockBit was responsible, according to a spokesperson.
The company restored its systems on Sept. 18 <a href="javascript:alert(3)">click</a>.
ART
cat >"$tmp/hostile/b.txt" <<'ART'
---
date: 2023-09-20
source: https://news.example/
url: https://news.example/acme?a=1&b=<2>
---
ACME said hackers breached its network on Sunday, Sept. 17.
Officials said LockBit was behind the attack on ACME.
ART

formats="json csv ndjson timelinejs timesketch stix markdown html"
# --help and the man page name every format
for f in $formats; do
	"$bin" --help | grep -q "$f" && ok || ko "--help does not list $f"
	grep -q "^\.B $f\$" "$top/man/incline.1" && ok || ko "man page does not describe $f"
done
for set in seeds hostile; do
	if [ "$set" = seeds ]; then in1="$seeds/000_e5bf3133bbcd0f08.txt"; in2="$seeds/002_ad1cce7abc74dd27.txt"
	else in1="$tmp/hostile/a.txt"; in2="$tmp/hostile/b.txt"; fi
	out=$tmp/$set
	for f in $formats; do
		if "$bin" build -f "$f" -o "$out.$f" "$in1" "$in2" 2>"$tmp/err" \
		   && "$bin" build -f "$f" -o "$out.rev.$f" "$in2" "$in1" 2>>"$tmp/err"; then ok
		else ko "$set: build -f $f: $(head -c 300 "$tmp/err")"; continue; fi
		# determinism: same articles in another order, same bytes
		cmp -s "$out.$f" "$out.rev.$f" && ok || ko "$set: -f $f depends on input order"
	done
	n=$(jq '.events | length' "$out.json")
	[ "$n" -gt 0 ] && ok || ko "$set: no events"

	run_check "$set json schema" schema "$out.json" "$schema"
	run_check "$set ndjson schema" ndjson "$out.ndjson" "$schema"
	# jq reads the timeline; its events are exactly the NDJSON lines
	jq -c '.events[]' "$out.json" >"$tmp/jq.events"
	jq -c 'select(has("evidence"))' "$out.ndjson" | cmp -s - "$tmp/jq.events" && ok || ko "$set: json events != ndjson event lines"
	[ "$(jq -c 'select(has("evidence") | not) | .generated_from' "$out.ndjson")" = "$(jq -c .generated_from "$out.json")" ] \
		&& ok || ko "$set: ndjson articles line"
	run_check "$set csv" csv "$out.csv" "$out.json"
	run_check "$set timelinejs" timelinejs "$out.timelinejs"
	run_check "$set timesketch" timesketch "$out.timesketch"
	run_check "$set stix" stix "$out.stix"
	[ "$(grep -c '^### ' "$out.markdown")" -eq "$n" ] && ok || ko "$set: markdown event count"
	[ "$(grep -c '<li class="event ' "$out.html")" -eq "$n" ] && ok || ko "$set: html event count"
	grep -q "<body data-events=\"$n\">" "$out.html" && ok || ko "$set: html data-events"
done

# The committed timelines and `extract` output follow the schema too.
for t in "$top"/timelines/*.json; do
	[ -f "$t" ] && run_check "$(basename "$t") schema" schema "$t" "$schema"
done
"$bin" extract -o "$tmp/extract.ndjson" "$seeds" && ok || ko "extract failed"
run_check "extract ndjson schema" ndjson "$tmp/extract.ndjson" "$schema"

# Round trip: merge reads a timeline back and writes the same bytes, also
# with article URLs in the evidence (put after "source", where emit_json
# writes them).
for set in seeds hostile; do
	"$bin" merge -o "$tmp/$set.again.json" "$tmp/$set.json" 2>"$tmp/err" \
		&& cmp -s "$tmp/$set.json" "$tmp/$set.again.json" && ok || ko "$set: build -> json -> merge differs: $(head -c 300 "$tmp/err")"
done
jq '.events[].evidence[] |= ({article, source, url: ("https://example.com/" + (.start | tostring))}
	+ del(.article, .source))' "$tmp/seeds.json" >"$tmp/urls.json"
"$bin" merge -o "$tmp/urls.again.json" "$tmp/urls.json" 2>"$tmp/err" \
	&& cmp -s "$tmp/urls.json" "$tmp/urls.again.json" && ok || ko "evidence url lost in a merge round trip: $(head -c 300 "$tmp/err")"
run_check "json with urls: schema" schema "$tmp/urls.json" "$schema"
"$bin" merge -f html -o "$tmp/urls.html" "$tmp/urls.json" && grep -q '<a href="https://example.com/[0-9]*" rel="noopener noreferrer">' "$tmp/urls.html" \
	&& ok || ko "html: evidence url not linked"

# The hostile text is there, inert.
h=$tmp/hostile
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$h.html" && ok || ko "html: escaped script text missing"
grep -qi '<script\|<img\|href="javascript' "$h.html" && ko "html: markup from an article survived" || ok
grep -qi '<script\|<img\|](javascript' "$h.markdown" && ko "markdown: markup from an article survived" || ok
grep -q 'href="javascript\|href="data:' "$h.html" && ko "html: a javascript: or data: link" || ok
# Links need the article URL in the evidence (extract fills it when it
# copies the article's url into incline_evidence.url).
if [ "$(jq '[.events[].evidence[] | select(.url)] | length' "$h.json")" -gt 0 ]; then
	grep -q 'href="https://news.example/acme?a=1&amp;b=%3C2%3E"' "$h.html" && ok || ko "html: web link missing"
	grep -q '"url": "https://news.example/acme?a=1&b=<2>"' "$h.stix" && ok || ko "stix: report url missing"
else
	skip "evidence carries no url yet: links are tested by test_emit_views only"
fi
run_check "hostile dom (static)" dom "$h.html" "$(jq '.events | length' "$h.json")"

# The Markdown view as GitHub renders it (cmark-gfm with raw HTML allowed,
# so only incline's escaping stands between an article and the page).
if command -v cmark-gfm >/dev/null; then
	for set in seeds hostile; do
		cmark-gfm --unsafe -e autolink -e strikethrough -e table "$tmp/$set.markdown" \
			>"$tmp/$set.md.html" && ok || ko "$set: cmark-gfm failed"
		run_check "$set markdown as rendered" mdhtml "$tmp/$set.md.html" "$(jq '.events | length' "$tmp/$set.json")"
	done
else
	skip "cmark-gfm not installed (make deps installs it)"
fi

# Headless Chromium: the page renders, the browser's DOM has one li.event
# per event and nothing executable, and the screenshot is not blank.
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
	skip "chromium not installed (make deps installs it)"
else
	set -- --headless --disable-gpu --no-first-run --no-default-browser-check \
		--disable-extensions --hide-scrollbars --mute-audio --disable-dev-shm-usage \
		--user-data-dir="$tmp/chrome" --window-size=1000,1400
	[ "$(id -u)" = 0 ] && set -- "$@" --no-sandbox
	for set in seeds hostile; do
		n=$(jq '.events | length' "$tmp/$set.json")
		# one retry: a first start on a cold machine can time out
		for try in 1 2; do
			timeout 120 "$chromium" "$@" --dump-dom "file://$tmp/$set.html" \
				>"$tmp/$set.dom" 2>"$tmp/chrome.err"
			[ -s "$tmp/$set.dom" ] && break
		done
		if [ -s "$tmp/$set.dom" ]; then
			ok
			run_check "$set chromium dom" dom "$tmp/$set.dom" "$n"
		else
			ko "$set: chromium --dump-dom gave nothing: $(tail -c 300 "$tmp/chrome.err")"
		fi
		for try in 1 2; do
			timeout 120 "$chromium" "$@" --screenshot="$tmp/$set.png" \
				"file://$tmp/$set.html" >/dev/null 2>"$tmp/chrome.err"
			[ -s "$tmp/$set.png" ] && break
		done
		if [ -s "$tmp/$set.png" ]; then
			ok
			run_check "$set screenshot" png "$tmp/$set.png"
		else
			ko "$set: no screenshot: $(tail -c 300 "$tmp/chrome.err")"
		fi
	done
fi

# TimelineJS itself (npm @knight-lab/timelinejs, pinned; fetched once into
# build/npm, skipped when the registry cannot be reached) loads each
# TimelineJS file in headless Chromium: every event becomes a slide.
tljs_version=3.9.11
tljs=$top/build/npm/node_modules/@knight-lab/timelinejs/dist
if [ -n "$chromium" ] && [ ! -f "$tljs/js/timeline.js" ] && command -v npm >/dev/null; then
	mkdir -p "$top/build/npm"
	timeout 300 npm install --prefix "$top/build/npm" --no-audit --no-fund --ignore-scripts \
		--loglevel=error "@knight-lab/timelinejs@$tljs_version" >"$tmp/npm.log" 2>&1 || true
fi
if [ -z "$chromium" ] || [ ! -f "$tljs/js/timeline.js" ]; then
	skip "TimelineJS $tljs_version or chromium not available (npm registry unreachable?)"
else
	for set in seeds hostile; do
		"$py" "$check" tlpage "$tmp/$set.timelinejs" "$tmp/$set.tl.html" "$tljs"
		for try in 1 2; do
			timeout 120 "$chromium" "$@" --virtual-time-budget=10000 --dump-dom \
				"file://$tmp/$set.tl.html" >"$tmp/$set.tl.dom" 2>"$tmp/chrome.err"
			[ -s "$tmp/$set.tl.dom" ] && break
		done
		run_check "$set TimelineJS" tldom "$tmp/$set.tl.dom" "$(jq '.events | length' "$tmp/$set.timelinejs")"
	done
fi

echo "formats: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
