#!/bin/sh
# `make install` into a temporary DESTDIR: every file lands where it
# should, incline.pc carries the PREFIX, a small program compiles and links
# against the installed library through pkg-config, the man page renders
# without warnings, and `make uninstall` removes everything again.
# usage: install.sh PATH/TO/incline
set -u
LC_ALL=C; export LC_ALL
case "$1" in
*build/san/*) echo "install: skipped under SAN=1 (installs the plain build)"; exit 0;;
esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
dest=$tmp/dest; prefix=/opt/incline; root=$dest$prefix
pass=0; fail=0
ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "install: FAIL: $*"; }

if make -s --no-print-directory install DESTDIR="$dest" PREFIX="$prefix" >"$tmp/log" 2>&1; then ok
else ko "make install: $(tail -c 400 "$tmp/log")"; echo "install: $pass passed, $fail failed"; exit 1; fi

for f in bin/incline lib/libincline.a include/incline/incline.h include/incline/emit.h \
	 lib/pkgconfig/incline.pc share/man/man1/incline.1 share/incline/timeline.schema.json; do
	[ -f "$root/$f" ] && ok || ko "$prefix/$f not installed"
done
[ -x "$root/bin/incline" ] && "$root/bin/incline" --version | grep -q '^incline ' && ok || ko "installed incline does not run"
grep -q "^prefix=$prefix\$" "$root/lib/pkgconfig/incline.pc" && ok || ko "incline.pc lacks prefix=$prefix"

# pkg-config finds it (the sysroot maps $prefix to the staging folder).
export PKG_CONFIG_PATH="$root/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
if flags=$(pkg-config --cflags --libs incline 2>"$tmp/err"); then ok
else ko "pkg-config: $(cat "$tmp/err")"; flags=; fi
[ "$(pkg-config --modversion incline 2>/dev/null)" = "$(sed -n 's/^#define INCLINE_VERSION "\(.*\)"/\1/p' include/incline/incline.h)" ] \
	&& ok || ko "pkg-config --modversion"
cat >"$tmp/tiny.c" <<'C'
#include <stdio.h>
#include <incline/incline.h>

int main(void)
{
	incline_timeline tl = {0};
	incline_error err;
	char day[11];

	incline_error_clear(&err);
	printf("%s\n", incline_date_format_day(day, incline_date_from_ymd(2023, 9, 19)));
	if (incline_timeline_add_article(&tl, "a.txt") || incline_emit_html(stdout, &tl, &err))
		return 1;
	incline_timeline_free(&tl);
	return 0;
}
C
# shellcheck disable=SC2086 # flags are words
if ${CC:-cc} -std=c11 -Wall -Werror -o "$tmp/tiny" "$tmp/tiny.c" $flags 2>"$tmp/err"; then ok
else ko "a program does not build against the installed library: $(head -c 400 "$tmp/err")"; fi
if [ -x "$tmp/tiny" ] && "$tmp/tiny" >"$tmp/tiny.out" && grep -q '^2023-09-19$' "$tmp/tiny.out" \
   && grep -q '<body data-events="0">' "$tmp/tiny.out"; then ok
else ko "the program built against the library does not run"; fi

if command -v groff >/dev/null; then
	groff -man -Tutf8 -ww -z "$root/share/man/man1/incline.1" >"$tmp/err" 2>&1 && [ ! -s "$tmp/err" ] \
		&& ok || ko "man page: $(head -c 300 "$tmp/err")"
fi

if make -s --no-print-directory uninstall DESTDIR="$dest" PREFIX="$prefix" >"$tmp/log" 2>&1; then ok
else ko "make uninstall: $(tail -c 400 "$tmp/log")"; fi
left=$(find "$dest" -type f | sed "s|^$dest||")
[ -z "$left" ] && ok || ko "left after uninstall: $left"

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
