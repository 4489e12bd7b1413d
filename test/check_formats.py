#!/usr/bin/env python3
"""Checks incline's outputs the way their consumers read them.

usage: check_formats.py KIND FILE [ARG]
  schema FILE SCHEMA        timeline JSON against the JSON Schema
  ndjson FILE SCHEMA        every line against the schema's #/$defs/ndjson_line
  csv FILE JSON             Python's csv module reads one row per event
  timelinejs FILE           TimelineJS3's documented JSON format
  timesketch FILE           Timesketch's JSONL import fields
  stix FILE                 STIX 2.1 rules for the objects incline writes
  dom FILE COUNT            a browser's DOM of the HTML view: COUNT events,
                            no script, no on* attribute, only http(s) links
  mdhtml FILE COUNT         the Markdown view as cmark-gfm renders it: COUNT
                            <h3> events, nothing executable, only web links
  tlpage FILE OUT ASSETS    (not a check) writes OUT, a page that loads
                            TimelineJS from ASSETS (its dist/) with FILE's data
  tldom FILE COUNT          that page's DOM after TimelineJS ran: loaded, no
                            error, COUNT event slides besides the title
  png FILE                  a PNG with pixels that are not all the same
Exits 0 when the file passes, 1 with a message when it does not, and 77
when a checker's library is missing (jsonschema)."""
import csv
import datetime
import html.parser
import json
import re
import struct
import sys
import zlib


def fail(msg):
    print(f"check_formats: {sys.argv[1]} {sys.argv[2]}: {msg}", file=sys.stderr)
    sys.exit(1)


def validator(schema_path, ref=None):
    try:
        import jsonschema
    except ImportError:
        print("check_formats: python3-jsonschema is not installed", file=sys.stderr)
        sys.exit(77)
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    if ref:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"],
                  "$ref": ref}
    return jsonschema.Draft202012Validator(schema)


def check_schema(path, schema):
    v = validator(schema)
    doc = json.load(open(path, encoding="utf-8"))
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        fail(f"{len(errors)} schema errors, first at "
             f"{'/'.join(map(str, errors[0].path))}: {errors[0].message}")
    # What a schema cannot say: ids are unique and references resolve.
    events = {e["id"]: e for e in doc["events"]}
    if len(events) != len(doc["events"]):
        fail("event ids repeat")
    incidents = {i["id"]: i for i in doc.get("incidents", [])}
    for e in doc["events"]:
        if "incident" in e and e["id"] not in incidents.get(e["incident"], {}).get("events", []):
            fail(f"{e['id']}: its incident {e['incident']} does not list it")
    for i in incidents.values():
        for ev in i["events"]:
            if events.get(ev, {}).get("incident") != i["id"]:
                fail(f"{i['id']} lists {ev}, which is not its event")


def check_ndjson(path, schema):
    v = validator(schema, "#/$defs/ndjson_line")
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        errors = list(v.iter_errors(json.loads(line)))
        if errors:
            fail(f"line {n}: {errors[0].message}")


def check_csv(path, json_path):
    doc = json.load(open(json_path, encoding="utf-8"))
    events = doc["events"]
    names = {i["id"]: i.get("name") or "" for i in doc.get("incidents", [])}
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    if len(rows) != len(events) + 1:
        fail(f"{len(rows) - 1} rows for {len(events)} events")
    width = len(rows[0])
    if any(len(r) != width for r in rows):
        fail("rows of different widths")
    header = rows[0]
    for row, ev in zip(rows[1:], events):
        cell = dict(zip(header, row))
        if cell["id"] != ev["id"] or cell["type"] != ev["type"]:
            fail(f"row {cell['id']} is not event {ev['id']}")
        if int(cell["evidence_count"]) != len(ev["evidence"]):
            fail(f"{ev['id']}: evidence_count")
        if cell["incident"] != ev.get("incident", ""):
            fail(f"{ev['id']}: incident")
        name = names.get(ev.get("incident"), "")
        if cell["incident_name"] not in (name, "'" + name):
            fail(f"{ev['id']}: incident_name {cell['incident_name']!r} is not {name!r}")


SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group",
              "display_date", "background", "autolink", "unique_id"}
DATE_KEYS = {"year", "month", "day", "hour", "minute", "second",
             "millisecond", "display_date", "format"}


def tl_date(d, where):
    if not isinstance(d, dict) or not isinstance(d.get("year"), int):
        fail(f"{where}: a date needs a numeric year")
    if set(d) - DATE_KEYS:
        fail(f"{where}: unknown date keys {set(d) - DATE_KEYS}")
    if "day" in d and "month" not in d:
        fail(f"{where}: day without month")
    m, day = d.get("month", 1), d.get("day", 1)
    datetime.date(d["year"], m, day)  # raises on an impossible date
    return (d["year"], m, day)


def check_timelinejs(path):
    doc = json.load(open(path, encoding="utf-8"))
    if set(doc) - {"events", "title", "eras", "scale"}:
        fail(f"unknown top-level keys {set(doc) - {'events', 'title', 'eras', 'scale'}}")
    if not isinstance(doc.get("events"), list):
        fail("events must be a list")
    ids = set()
    for i, s in enumerate(doc["events"]):
        where = f"events[{i}]"
        if set(s) - SLIDE_KEYS:
            fail(f"{where}: unknown keys {set(s) - SLIDE_KEYS}")
        start = tl_date(s.get("start_date"), where)
        if "end_date" in s and tl_date(s["end_date"], where) < start:
            fail(f"{where}: end_date before start_date")
        text = s.get("text", {})
        if not isinstance(text.get("headline"), str) or not isinstance(text.get("text"), str):
            fail(f"{where}: text.headline and text.text must be strings")
        if "<script" in text["text"].lower() or "<script" in text["headline"].lower():
            fail(f"{where}: a script tag in the text")
        if not isinstance(s.get("group"), str):
            fail(f"{where}: group must be a string")
        if s["unique_id"] in ids:
            fail(f"{where}: unique_id repeated")
        ids.add(s["unique_id"])


def check_timesketch(path):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        o = json.loads(line)
        for key in ("message", "datetime", "timestamp_desc"):
            if not isinstance(o.get(key), str) or not o[key]:
                fail(f"line {n}: {key} missing or empty")
        when = datetime.datetime.fromisoformat(o["datetime"])
        if when.utcoffset() is None:
            fail(f"line {n}: datetime has no UTC offset")
        if o["timestamp"] != int(when.timestamp()) * 1000000:
            fail(f"line {n}: timestamp and datetime disagree")


STIX_ID = re.compile(r"^([a-z][a-z0-9-]*[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
STIX_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$")
CUSTOM = re.compile(r"^x_[a-z0-9_]{1,248}$")
# Properties STIX 2.1 defines for each type incline writes (common ones
# first); anything else must be a custom x_ property.
COMMON = {"type", "spec_version", "id", "created", "modified", "created_by_ref",
          "revoked", "labels", "confidence", "lang", "external_references",
          "object_marking_refs", "granular_markings", "extensions"}
DEFINED = {
    "incident": {"name", "description", "kill_chain_phases"},
    "threat-actor": {"name", "description", "threat_actor_types", "aliases",
                     "first_seen", "last_seen", "roles", "goals",
                     "sophistication", "resource_level", "primary_motivation",
                     "secondary_motivations", "personal_motivations"},
    "relationship": {"relationship_type", "description", "source_ref",
                     "target_ref", "start_time", "stop_time"},
    "report": {"name", "description", "report_types", "published", "object_refs"},
}
REQUIRED = {"incident": {"name"}, "threat-actor": {"name"},
            "relationship": {"relationship_type", "source_ref", "target_ref"},
            "report": {"name", "published", "object_refs"}}


def no_null_or_empty(v, where):
    if v is None:
        fail(f"{where}: null value (STIX forbids them)")
    if isinstance(v, list):
        if not v:
            fail(f"{where}: empty list (STIX forbids them)")
        for i, x in enumerate(v):
            no_null_or_empty(x, f"{where}[{i}]")
    if isinstance(v, dict):
        for k, x in v.items():
            no_null_or_empty(x, f"{where}.{k}")


def check_stix(path):
    b = json.load(open(path, encoding="utf-8"))
    if b.get("type") != "bundle" or set(b) != {"type", "id", "objects"}:
        fail("not a STIX 2.1 bundle (type, id, objects)")
    m = STIX_ID.match(b["id"])
    if not m or m.group(1) != "bundle":
        fail(f"bad bundle id {b['id']}")
    no_null_or_empty(b["objects"], "objects")
    ids, uuids = {}, set()
    for o in b["objects"]:
        m = STIX_ID.match(o.get("id", ""))
        if not m or m.group(1) != o.get("type"):
            fail(f"bad id {o.get('id')} for type {o.get('type')}")
        # STIX 2.1 section 2.9: the UUID part is unique whatever the type
        if o["id"].split("--")[1] in uuids:
            fail(f"UUID of {o['id']} used by another object")
        uuids.add(o["id"].split("--")[1])
        ids[o["id"]] = o
    types = {}
    for o in b["objects"]:
        t, where = o["type"], o["id"]
        types[t] = types.get(t, 0) + 1
        if o.get("spec_version") != "2.1":
            fail(f"{where}: spec_version must be 2.1")
        for k in ("created", "modified") + (("published",) if t == "report" else ()):
            if not STIX_TIME.match(o.get(k, "")):
                fail(f"{where}: {k} is not a STIX timestamp")
        if o["modified"] < o["created"]:
            fail(f"{where}: modified before created")
        if t not in DEFINED:
            fail(f"{where}: incline writes no {t}")
        if REQUIRED[t] - set(o):
            fail(f"{where}: missing {REQUIRED[t] - set(o)}")
        for k in set(o) - COMMON - DEFINED[t]:
            if not CUSTOM.match(k):
                fail(f"{where}: {k} is neither a STIX property nor x_ custom")
        for ref in [o.get("source_ref"), o.get("target_ref")] + o.get("object_refs", []):
            if ref is not None and ref not in ids:
                fail(f"{where}: reference {ref} not in the bundle")
        for e in o.get("external_references", []):
            if "source_name" not in e or not ({"url", "external_id", "description"} & set(e)):
                fail(f"{where}: external reference needs source_name and url/external_id/description")
            if "url" in e and not re.match(r"^https?://", e["url"]):
                fail(f"{where}: url {e['url']} is not http(s)")
        if t == "relationship" and "x_incline_stance" in o:
            if ids[o["target_ref"]]["type"] not in ("threat-actor", "intrusion-set"):
                fail(f"{where}: a claim must point at an actor")
            # a denial written as attributed-to would read as an attribution
            want = {"asserted": "attributed-to", "suspected": "attributed-to",
                    "denied": "related-to", "unattributed": "related-to"}.get(o["x_incline_stance"])
            if o["relationship_type"] != want:
                fail(f"{where}: stance {o['x_incline_stance']} as {o['relationship_type']}")
        elif t == "relationship" and o["relationship_type"] == "attributed-to":
            fail(f"{where}: attributed-to without x_incline_stance")
    if not types.get("incident"):
        fail("no incident")
    if not types.get("report"):
        fail("no report")


class Dom(html.parser.HTMLParser):
    def __init__(self, links=r"^https?://"):
        super().__init__()
        self.events = 0
        self.headings = 0
        self.links = links
        self.problems = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form"):
            self.problems.append(f"<{tag}> element")
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append(f"{k} attribute on <{tag}>")
            if k in ("href", "src", "action", "formaction") and v is not None \
                    and not re.match(self.links, v):
                self.problems.append(f"{k}={v!r} on <{tag}>")
        if tag == "li" and "event" in (a.get("class") or "").split():
            self.events += 1
        if tag == "h3":
            self.headings += 1


def check_dom(path, want):
    d = Dom()
    d.feed(open(path, encoding="utf-8").read())
    if d.problems:
        fail("; ".join(d.problems[:5]))
    if d.events != int(want):
        fail(f"{d.events} events on the page, {want} in the timeline")


def check_mdhtml(path, want):
    # GFM autolinks e-mail addresses in plain text: mailto: is harmless.
    d = Dom(links=r"^(https?://|mailto:)")
    d.feed(open(path, encoding="utf-8").read())
    if d.problems:
        fail("; ".join(d.problems[:5]))
    if d.headings != int(want):
        fail(f"{d.headings} event headings, {want} in the timeline")


def tl_page(path, out, assets):
    # "</" inside the inline script would end it: JSON allows "<\/".
    data = open(path, encoding="utf-8").read().replace("</", "<\\/")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{assets}/css/timeline.css">
<script src="file://{assets}/js/timeline.js"></script></head>
<body><div id="tl" style="width:1000px;height:650px"></div><script>
window.onerror = function (m) {{ document.body.setAttribute("data-error", String(m)); }};
var tl = new TL.Timeline("tl", {data}, {{hash_bookmark: false}});
tl.on("loaded", function () {{ document.body.setAttribute("data-loaded", "yes"); }});
</script></body></html>
""")


def check_tldom(path, want):
    dom = open(path, encoding="utf-8").read()
    err = re.search(r'data-error="([^"]*)"', dom)
    if err:
        fail(f"TimelineJS: {err.group(1)}")
    if 'data-loaded="yes"' not in dom:
        fail("TimelineJS did not finish loading the data")
    slides = re.findall(r'class="tl-slide( [^"]*)?"', dom)
    events = [c for c in slides if "tl-slide-titleslide" not in c]
    if len(events) != int(want):
        fail(f"TimelineJS shows {len(events)} slides for {want} events")


def check_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    if width < 100 or height < 100:
        fail(f"{width}x{height} is too small")
    # Filter bytes aside, a blank page is one colour: few distinct bytes.
    if len(set(raw)) < 16:
        fail("the page is blank")


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    kind, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    checks = {"schema": check_schema, "ndjson": check_ndjson, "csv": check_csv,
              "timelinejs": check_timelinejs, "timesketch": check_timesketch,
              "stix": check_stix, "dom": check_dom, "mdhtml": check_mdhtml,
              "tlpage": tl_page, "tldom": check_tldom, "png": check_png}
    try:
        checks[kind](path, *rest)
    except (ValueError, KeyError, TypeError, zlib.error, csv.Error) as e:
        fail(f"{type(e).__name__}: {e}")


if __name__ == "__main__":
    main()
