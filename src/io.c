/* File plumbing: bounded whole-file reads, atomic writes (temp file in the
 * destination's folder, fsync, rename) and sorted recursive walks with
 * symlink-loop detection. Only POSIX calls; every error names its path. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "incline/io.h"

/* First read buffer when the size is not known in advance (stdin, pipes). */
#define IO_READ_CHUNK 65536u

/* Permission bits of a newly created destination: mkstemp makes 0600, which
 * would surprise whoever reads a timeline. Reading the umask would mean
 * changing it (process-wide, not thread-safe), so a fixed mode is used; an
 * existing destination keeps its own mode instead. */
#define IO_NEW_FILE_MODE 0644

/* Thread-safe strerror (the XSI strerror_r the POSIX feature macro
 * selects). */
static const char *errno_text(int errnum, char *buf, size_t size)
{
	if (strerror_r(errnum, buf, size) != 0)
		snprintf(buf, size, "error %d", errnum);
	return buf;
}

static int io_errno(incline_error *err, int code, const char *path,
		    const char *what, int errnum)
{
	char buf[128];

	return incline_error_set(err, code, path, 0, 0, "%s: %s", what,
				 errno_text(errnum, buf, sizeof buf));
}

/* ---- reading ----------------------------------------------------------- */

/* Makes room for at least one more byte plus the NUL. */
static int read_grow(char **buf, size_t *cap, size_t n, size_t max)
{
	size_t want = *cap ? *cap : IO_READ_CHUNK;
	char *p;

	while (want < n + 2) {
		if (want > SIZE_MAX / 2)
			return INCLINE_ENOMEM;
		want *= 2;
	}
	/* Never more than the limit allows, plus one byte to see it is
	 * exceeded and one for the NUL. */
	if (max < SIZE_MAX - 2 && want > max + 2 && n + 2 <= max + 2)
		want = max + 2;
	p = realloc(*buf, want);
	if (!p)
		return INCLINE_ENOMEM;
	*buf = p;
	*cap = want;
	return 0;
}

/* Reads fd to its end, with read(2) into one buffer of about hint bytes
 * (0 = unknown): a corpus is thousands of small files, and a stdio stream
 * per file (its allocation, its buffer) cost as much as the read itself.
 * Pipes, devices and stdin take the same loop. A file that grows while it
 * is read is read to its end all the same. */
static int read_fd(char **out, size_t *len, int fd, const char *path,
		   size_t max, size_t hint, incline_error *err)
{
	/* + 2: EOF is seen without a realloc, and the NUL fits. */
	size_t n = 0, cap = hint < SIZE_MAX - 2 ? hint + 2 : 0;
	char *buf = NULL;

	for (;;) {
		ssize_t got;

		if (n + 2 > cap && read_grow(&buf, &cap, n, max))
			goto nomem;
		if (!buf && !(buf = malloc(cap)))
			goto nomem;
		got = read(fd, buf + n, cap - 1 - n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return io_errno(err, INCLINE_EIO, path, "cannot read", errno);
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > max) {
			free(buf);
			return incline_error_set(err, INCLINE_ELIMIT, path, 0, 0,
						 "is larger than %zu bytes", max);
		}
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
nomem:
	free(buf);
	return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0,
				 "out of memory reading");
}

int incline_io_read_file(char **out, size_t *len, const char *path,
			 size_t max, incline_error *err)
{
	struct stat st;
	int fd, rc;
	size_t hint = 0;

	*out = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0)
		return read_fd(out, len, STDIN_FILENO, "<stdin>", max, 0, err);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return io_errno(err, INCLINE_EIO, path, "cannot open", errno);
	if (fstat(fd, &st) != 0) {
		rc = io_errno(err, INCLINE_EIO, path, "cannot stat", errno);
		close(fd);
		return rc;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return incline_error_set(err, INCLINE_EIO, path, 0, 0,
					 "is a directory");
	}
	if (S_ISREG(st.st_mode)) {
		/* Refuse early rather than read a huge file to find out. */
		if ((unsigned long long)st.st_size > max) {
			close(fd);
			return incline_error_set(err, INCLINE_ELIMIT, path, 0, 0,
						 "is larger than %zu bytes",
						 max);
		}
		hint = (size_t)st.st_size;
	}
	rc = read_fd(out, len, fd, path, max, hint, err);
	close(fd);
	return rc;
}

/* ---- atomic write ------------------------------------------------------ */

static int write_stdout(incline_io_writer fn, void *payload,
			incline_error *err)
{
	int rc = fn(stdout, payload, err);

	if (rc)
		return rc;
	if (fflush(stdout) != 0 || ferror(stdout))
		return io_errno(err, INCLINE_EIO, "-",
				"cannot write to standard output", errno);
	return 0;
}

/* Writes into an existing special file (a device such as /dev/null or
 * /dev/full, a FIFO, a terminal) in place: renaming a temporary file over
 * it would replace the device node itself. */
static int write_special(const char *path, incline_io_writer fn,
			 void *payload, incline_error *err)
{
	FILE *fp = fopen(path, "w");
	int rc;

	if (!fp)
		return io_errno(err, INCLINE_EIO, path, "cannot open", errno);
	rc = fn(fp, payload, err);
	if (fflush(fp) != 0 || ferror(fp)) {
		if (!rc)
			rc = io_errno(err, INCLINE_EIO, path, "cannot write", errno);
	}
	if (fclose(fp) != 0 && !rc)
		rc = io_errno(err, INCLINE_EIO, path, "cannot write", errno);
	return rc;
}

/* An existing path that is neither a regular file nor a folder. */
static bool is_special(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* *dir = new copy of path's folder ("." when there is none), *base points
 * into path after the last '/'. */
static int split_path(char **dir, const char **base, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n;

	if (!slash) {
		*base = path;
		*dir = strdup(".");
		return *dir ? 0 : INCLINE_ENOMEM;
	}
	*base = slash + 1;
	n = slash == path ? 1 : (size_t)(slash - path); /* "/x" -> "/" */
	*dir = malloc(n + 1);
	if (!*dir)
		return INCLINE_ENOMEM;
	memcpy(*dir, path, n);
	(*dir)[n] = '\0';
	return 0;
}

/* New "DIR/.BASE.XXXXXX" template for mkstemp. */
static char *temp_template(const char *dir, const char *base)
{
	static const char suffix[] = ".XXXXXX";
	size_t nd = strlen(dir), nb = strlen(base), n;
	char *t;

	if (nd > SIZE_MAX / 2 || nb > SIZE_MAX / 2 - sizeof suffix - 3)
		return NULL;
	n = nd + 2 + nb + sizeof suffix;
	t = malloc(n);
	if (t)
		snprintf(t, n, "%s/.%s%s", dir, base, suffix);
	return t;
}

/* Flushes the directory entry of the rename to disk. Best effort: the
 * rename has already happened, so a failure here cannot be reported as
 * "destination untouched". */
static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* Mode for the new file: the destination's own, or IO_NEW_FILE_MODE. */
static mode_t dest_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	return IO_NEW_FILE_MODE;
}

/* Runs fn into the temporary file fd (taken: closed on return) and makes
 * it durable. Returns 0 or an error; never touches the destination. */
static int write_temp(int fd, const char *path, mode_t mode,
		      incline_io_writer fn, void *payload, incline_error *err)
{
	FILE *fp;
	int rc;

	if (fchmod(fd, mode) != 0) {
		rc = io_errno(err, INCLINE_EIO, path, "cannot set mode of",
			      errno);
		close(fd);
		return rc;
	}
	fp = fdopen(fd, "wb");
	if (!fp) {
		rc = io_errno(err, INCLINE_EIO, path, "cannot write", errno);
		close(fd);
		return rc;
	}
	rc = fn(fp, payload, err);
	if (rc) {
		incline_error_set(err, rc, path, 0, 0, "cannot write: %s",
				  incline_error_name(rc));
		fclose(fp);
		return rc;
	}
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0) {
		rc = io_errno(err, INCLINE_EIO, path, "cannot write", errno);
		fclose(fp);
		return rc;
	}
	if (fclose(fp) != 0)
		return io_errno(err, INCLINE_EIO, path, "cannot write", errno);
	return 0;
}

int incline_io_write_atomic(const char *path, incline_io_writer fn,
			    void *payload, incline_error *err)
{
	char *dir = NULL, *tmp = NULL;
	const char *base;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return write_stdout(fn, payload, err);
	if (is_special(path))
		return write_special(path, fn, payload, err);
	if (split_path(&dir, &base, path) || !(tmp = temp_template(dir, base))) {
		free(dir);
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0,
					 "out of memory writing");
	}
	if (*base == '\0') {
		rc = incline_error_set(err, INCLINE_EIO, path, 0, 0,
				       "names a directory, not a file");
		goto out;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		char buf[128];

		/* Missing or read-only folder: name the folder, it is what
		 * the user has to fix. */
		rc = incline_error_set(err, INCLINE_EIO, path, 0, 0,
				       "cannot create a file in folder '%s': %s",
				       dir, errno_text(errno, buf, sizeof buf));
		goto out;
	}
	rc = write_temp(fd, path, dest_mode(path), fn, payload, err);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = io_errno(err, INCLINE_EIO, path, "cannot replace", errno);
	if (rc)
		unlink(tmp);
	else
		sync_dir(dir);
out:
	free(tmp);
	free(dir);
	return rc;
}

/* ---- walking ----------------------------------------------------------- */

/* One directory on the path from the walk's root to where it is now; a
 * directory met again on its own path is a symlink loop. */
typedef struct walk_frame {
	dev_t dev;
	ino_t ino;
	const struct walk_frame *up;
} walk_frame;

typedef struct walk_ctx {
	incline_io_visit fn;
	void *payload;
	incline_error *err;
} walk_ctx;

static int walk_dir(walk_ctx *ctx, const char *path, const struct stat *st,
		    const walk_frame *up);

static int qsort_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Appends a copy of name to *names. */
static int push_name(char ***names, size_t *n, size_t *cap, const char *name)
{
	if (*n == *cap) {
		size_t want = *cap ? *cap * 2 : 16;
		char **p;

		if (want > SIZE_MAX / sizeof *p)
			return INCLINE_ENOMEM;
		p = realloc(*names, want * sizeof *p);
		if (!p)
			return INCLINE_ENOMEM;
		*names = p;
		*cap = want;
	}
	if (!((*names)[*n] = strdup(name)))
		return INCLINE_ENOMEM;
	(*n)++;
	return 0;
}

/* The visible entry names of folder path, sorted by bytes. */
static int list_dir(char ***out, size_t *out_n, const char *path,
		    incline_error *err)
{
	DIR *d = opendir(path);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	int rc = 0;

	*out = NULL;
	*out_n = 0;
	if (!d)
		return io_errno(err, INCLINE_EIO, path, "cannot open folder",
				errno);
	for (;;) {
		errno = 0;
		if (!(de = readdir(d))) {
			if (errno)
				rc = io_errno(err, INCLINE_EIO, path,
					      "cannot read folder", errno);
			break;
		}
		if (de->d_name[0] == '.') /* ., .. and hidden entries */
			continue;
		if (push_name(&names, &n, &cap, de->d_name)) {
			rc = incline_error_set(err, INCLINE_ENOMEM, path, 0, 0,
					       "out of memory");
			break;
		}
	}
	closedir(d);
	if (rc) {
		free_names(names, n);
		return rc;
	}
	if (n > 1)
		qsort(names, n, sizeof *names, qsort_name);
	*out = names;
	*out_n = n;
	return 0;
}

/* New "DIR/NAME" without doubling a trailing slash of dir. */
static char *join_path(const char *dir, const char *name)
{
	size_t nd = strlen(dir), nn = strlen(name);
	bool slash = nd > 0 && dir[nd - 1] != '/';
	char *p;

	if (nn > SIZE_MAX - nd - 2)
		return NULL;
	p = malloc(nd + slash + nn + 1);
	if (p)
		snprintf(p, nd + slash + nn + 1, "%s%s%s", dir,
			 slash ? "/" : "", name);
	return p;
}

/* One entry below a walked folder: files are visited, folders walked,
 * anything else (sockets, dangling links) skipped. */
static int walk_entry(walk_ctx *ctx, const char *path, const walk_frame *up)
{
	struct stat st;

	/* stat, not lstat: a link to a file is read like the file, a link
	 * to a folder is followed, which is why loops must be caught. */
	if (stat(path, &st) != 0) {
		int errnum = errno; /* lstat below may change errno */
		struct stat lst;

		if (errnum == ELOOP)
			return incline_error_set(ctx->err, INCLINE_EIO, path, 0,
						 0, "symlink loop at '%s'",
						 path);
		if (errnum == ENOENT && lstat(path, &lst) == 0
		    && S_ISLNK(lst.st_mode))
			return 0; /* dangling link: nothing to read */
		return io_errno(ctx->err, INCLINE_EIO, path, "cannot read",
				errnum);
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(ctx, path, &st, up);
	if (S_ISREG(st.st_mode))
		return ctx->fn(path, ctx->payload, ctx->err);
	return 0;
}

static int walk_dir(walk_ctx *ctx, const char *path, const struct stat *st,
		    const walk_frame *up)
{
	walk_frame here = { st->st_dev, st->st_ino, up };
	char **names;
	size_t n;
	int rc;

	for (const walk_frame *f = up; f; f = f->up)
		if (f->dev == st->st_dev && f->ino == st->st_ino)
			return incline_error_set(ctx->err, INCLINE_EIO, path, 0,
						 0, "symlink loop at '%s'",
						 path);
	rc = list_dir(&names, &n, path, ctx->err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *child = join_path(path, names[i]);

		if (!child) {
			rc = incline_error_set(ctx->err, INCLINE_ENOMEM, path,
					       0, 0, "out of memory");
			break;
		}
		rc = walk_entry(ctx, child, &here);
		free(child);
	}
	free_names(names, n);
	return rc;
}

int incline_io_walk(const char *path, incline_io_visit fn, void *payload,
		    incline_error *err)
{
	walk_ctx ctx = { fn, payload, err };
	struct stat st;

	if (stat(path, &st) != 0) {
		if (errno == ELOOP)
			return incline_error_set(err, INCLINE_EIO, path, 0, 0,
						 "symlink loop at '%s'", path);
		return io_errno(err, INCLINE_EIO, path, "cannot read", errno);
	}
	/* The root is visited whatever its type (it may be /dev/stdin or a
	 * pipe the user named on purpose); only entries found below a
	 * folder are filtered to regular files. */
	if (!S_ISDIR(st.st_mode))
		return fn(path, payload, err);
	return walk_dir(&ctx, path, &st, NULL);
}
