/* gzip-compressed inputs, through zlib: the archives crawlers write
 * (.json.gz, .ndjson.gz) are read as they are. Offsets reported for them
 * are offsets into the decompressed bytes. */
#include <stdint.h>
#include <stdlib.h>

#include <zlib.h>

#include "article_private.h"

/* Output grows by doubling from this size. */
#define GUNZIP_FIRST_CHUNK 65536u

int incline_article_gunzip(char **out, size_t *out_len, const char *path, const char *buf,
			   size_t len, size_t max, incline_error *err)
{
	z_stream z = {0};
	char *dst = NULL;
	size_t cap = 0, n = 0, in = 0;
	int zrc = Z_OK;

	*out = NULL;
	*out_len = 0;
	/* 16 + MAX_WBITS: gzip framing. Concatenated members (what `cat a.gz
	 * b.gz` makes) are read one after another. */
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
	for (;;) {
		size_t room;

		if (n == cap) {
			/* One byte more than max shows the limit is passed. */
			size_t top = max < SIZE_MAX - 2 ? max + 1 : SIZE_MAX - 2;
			size_t want = cap ? (cap > SIZE_MAX / 2 ? top : cap * 2) : GUNZIP_FIRST_CHUNK;
			char *p;
			if (want > top)
				want = top;
			if (want <= cap)
				goto limit;
			if (!(p = realloc(dst, want + 1)))
				goto nomem;
			dst = p;
			cap = want;
		}
		room = cap - n;
		z.next_in = (Bytef *)(uintptr_t)(buf + in);
		z.avail_in = len - in > UINT32_MAX ? UINT32_MAX : (uInt)(len - in);
		z.next_out = (Bytef *)(dst + n);
		z.avail_out = room > UINT32_MAX ? UINT32_MAX : (uInt)room;
		zrc = inflate(&z, Z_NO_FLUSH);
		in = (size_t)((const char *)z.next_in - buf);
		n = (size_t)((char *)z.next_out - dst);
		if (n > max)
			goto limit;
		if (zrc == Z_STREAM_END) {
			/* Another member may follow; trailing zero padding ends it. */
			while (in < len && buf[in] == '\0')
				in++;
			if (in >= len)
				break;
			if (inflateReset(&z) != Z_OK)
				goto corrupt;
			continue;
		}
		/* Z_OK made progress; Z_BUF_ERROR with a full output wants room.
		 * Anything else, a truncated stream included, is corrupt. */
		if (zrc == Z_OK || (zrc == Z_BUF_ERROR && z.avail_out == 0))
			continue;
		if (zrc == Z_MEM_ERROR)
			goto nomem;
		goto corrupt;
	}
	inflateEnd(&z);
	if (!dst && !(dst = malloc(1)))
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
	dst[n] = '\0';
	*out = dst;
	*out_len = n;
	return 0;
limit:
	inflateEnd(&z);
	free(dst);
	return incline_error_set(err, INCLINE_ELIMIT, path, 0, 0,
				 "decompresses to more than %zu bytes", max);
corrupt:
	inflateEnd(&z);
	free(dst);
	return incline_error_set(err, INCLINE_EINVAL, path, 0, 0, "corrupt gzip data%s%s",
				 z.msg ? ": " : "", z.msg ? z.msg : "");
nomem:
	inflateEnd(&z);
	free(dst);
	return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
}
