/* File plumbing: whole-file reads, atomic writes, directory walks. */
#ifndef INCLINE_IO_H
#define INCLINE_IO_H

#include <stddef.h>
#include <stdio.h>

#include "incline/error.h"

/* Reads all of path ("-" = stdin; borrowed) into *out (new,
 * NUL-terminated for convenience, caller frees with free()) and its length
 * into *len. More than max bytes is INCLINE_ELIMIT; a directory or
 * unreadable file is INCLINE_EIO; INCLINE_ENOMEM. On failure *out = NULL
 * and *len = 0. err caller-allocated, NULL allowed (as below). */
int incline_io_read_file(char **out, size_t *len, const char *path,
			 size_t max, incline_error *err);

/* Writes the content fn produces to path atomically: into a temporary
 * file in the same folder, fsync, then rename over path. If fn fails or
 * any step fails, path is untouched and the temporary file is removed.
 * fn is called once with a stream it must not close, payload as given
 * (borrowed, passed through) and err; it returns 0 or an INCLINE_E* code,
 * returned as is. path "-" writes to stdout directly (not atomic: a
 * failure may leave part of the output there); so does an existing path
 * that is not a regular file (/dev/null, /dev/full, a FIFO): it is written
 * in place, never replaced. A new file gets mode 0644,
 * a replaced one keeps its mode. */
typedef int (*incline_io_writer)(FILE *fp, void *payload, incline_error *err);
int incline_io_write_atomic(const char *path, incline_io_writer fn,
			    void *payload, incline_error *err);

/* Calls fn for path itself when it is not a directory (whatever its type:
 * a pipe or /dev/stdin named on purpose), or for every regular file below
 * it (recursively, names in byte order, hidden entries and dangling links
 * skipped) when it is one. The file name fn gets is borrowed, valid during
 * the call only; payload is passed through. Symlink loops and unreadable
 * folders are INCLINE_EIO. fn returns 0 to go on or an error code to stop
 * (returned as is). */
typedef int (*incline_io_visit)(const char *file, void *payload,
				incline_error *err);
int incline_io_walk(const char *path, incline_io_visit fn, void *payload,
		    incline_error *err);

#endif
