// Finds dates with chrono-node in every article below a folder, the way
// `incline dates` does: the publication date from the front-matter header is
// the reference date, the body (header excluded) is the text.
// usage: node chrono_count.js NODE_MODULES_DIR DIR
// Prints one JSON line: {"files", "bytes", "dates", "seconds"} (seconds of
// reading + parsing, without node's start-up).
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require(path.resolve(process.argv[2], 'chrono-node'));

function walk(dir, out) {
	for (const name of fs.readdirSync(dir).sort()) {
		if (name.startsWith('.'))
			continue;
		const p = path.join(dir, name);
		if (fs.statSync(p).isDirectory())
			walk(p, out);
		else
			out.push(p);
	}
	return out;
}

const t0 = process.hrtime.bigint();
let bytes = 0, dates = 0;
const files = walk(process.argv[3], []);
for (const f of files) {
	const buf = fs.readFileSync(f);
	bytes += buf.length;
	let text = buf.toString('utf8'), ref = new Date();
	const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
	if (m) {
		const d = /^date:\s*(\d{4})-(\d{2})-(\d{2})/m.exec(m[1]);
		if (d)
			ref = new Date(+d[1], +d[2] - 1, +d[3], 12);
		text = text.slice(m[0].length);
	}
	dates += chrono.parse(text, ref).length;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({files: files.length, bytes, dates, seconds}));
