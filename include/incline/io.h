/* File plumbing: whole-file reads, atomic writes, directory walks. */
#ifndef INCLINE_IO_H
#define INCLINE_IO_H

#include <stddef.h>
#include <stdio.h>

#include "incline/error.h"

/* Reads all of path ("-" = stdin) into *out (new, NUL-terminated for
 * convenience, caller frees with free()) and its length into *len.
 * More than max bytes is INCLINE_ELIMIT; a directory or unreadable file is
 * INCLINE_EIO. On failure *out = NULL. */
int incline_io_read_file(char **out, size_t *len, const char *path,
			 size_t max, incline_error *err);

/* Writes the content fn produces to path atomically: into a temporary
 * file in the same folder, fsync, then rename over path. If fn fails or
 * any step fails, path is untouched and the temporary file is removed.
 * fn returns 0 or an INCLINE_E* code. path "-" writes to stdout directly. */
typedef int (*incline_io_writer)(FILE *fp, void *payload, incline_error *err);
int incline_io_write_atomic(const char *path, incline_io_writer fn,
			    void *payload, incline_error *err);

/* Calls fn for path itself when it is a file, or for every regular file
 * below it (recursively, names in byte order, hidden entries skipped) when
 * it is a directory. Symlink loops and unreadable folders are INCLINE_EIO.
 * fn returns 0 to go on or an error code to stop (returned as is). */
typedef int (*incline_io_visit)(const char *file, void *payload,
				incline_error *err);
int incline_io_walk(const char *path, incline_io_visit fn, void *payload,
		    incline_error *err);

#endif
