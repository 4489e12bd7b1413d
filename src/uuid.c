/* SHA-1 and RFC 4122 version-5 UUIDs.
 *
 * Why a SHA-1 of our own: RFC 4122 defines v5 UUIDs with SHA-1, and none
 * of the libraries incline links (jansson, libcsv, ICU, libstemmer) exposes
 * one; pulling in OpenSSL or nettle for ~80 lines of a frozen, public
 * algorithm would add a dependency to every build. This is a plain
 * implementation of FIPS 180-4 section 6.1, checked against its test
 * vectors in test/test_uuid.c. SHA-1 is used here only to name things
 * deterministically, never for security. */
#include <string.h>

#include "uuid.h"

static uint32_t rol(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static void compress(uint32_t h[5], const uint8_t p[64])
{
	uint32_t w[80], a, b, c, d, e;

	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16
		       | (uint32_t)p[4 * t + 2] << 8 | p[4 * t + 3];
	for (int t = 16; t < 80; t++)
		w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (int t = 0; t < 80; t++) {
		uint32_t f, k, tmp;

		if (t < 20)
			f = (b & c) | (~b & d), k = 0x5A827999;
		else if (t < 40)
			f = b ^ c ^ d, k = 0x6ED9EBA1;
		else if (t < 60)
			f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
		else
			f = b ^ c ^ d, k = 0xCA62C1D6;
		tmp = rol(a, 5) + f + e + k + w[t];
		e = d, d = c, c = rol(b, 30), b = a, a = tmp;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

void incline_sha1_init(incline_sha1 *c)
{
	static const uint32_t iv[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE,
					0x10325476, 0xC3D2E1F0 };

	memset(c, 0, sizeof *c);
	memcpy(c->h, iv, sizeof iv);
}

void incline_sha1_update(incline_sha1 *c, const void *data, size_t len)
{
	const uint8_t *p = data;

	c->bytes += len;
	while (len > 0) {
		size_t take = 64 - c->used;

		if (take > len)
			take = len;
		memcpy(c->block + c->used, p, take);
		c->used += take;
		p += take;
		len -= take;
		if (c->used == 64) {
			compress(c->h, c->block);
			c->used = 0;
		}
	}
}

void incline_sha1_final(uint8_t out[INCLINE_SHA1_SIZE], incline_sha1 *c)
{
	uint64_t bits = c->bytes * 8;
	uint8_t pad = 0x80, zero = 0, len[8];

	incline_sha1_update(c, &pad, 1);
	while (c->used != 56)
		incline_sha1_update(c, &zero, 1);
	for (int i = 0; i < 8; i++)
		len[i] = (uint8_t)(bits >> (56 - 8 * i));
	incline_sha1_update(c, len, 8);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (uint8_t)(c->h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(c->h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(c->h[i] >> 8);
		out[4 * i + 3] = (uint8_t)c->h[i];
	}
}

char *incline_uuid5(char out[INCLINE_UUID_STRING_SIZE], const uint8_t ns[16],
		    const char *name, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	uint8_t d[INCLINE_SHA1_SIZE];
	incline_sha1 c;
	char *o = out;

	incline_sha1_init(&c);
	incline_sha1_update(&c, ns, 16);
	incline_sha1_update(&c, name, len);
	incline_sha1_final(d, &c);
	/* RFC 4122 4.3: version 5 in the high nibble of byte 6, variant
	 * 10xx in byte 8; the first 16 bytes of the hash, the rest unused. */
	d[6] = (uint8_t)((d[6] & 0x0F) | 0x50);
	d[8] = (uint8_t)((d[8] & 0x3F) | 0x80);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex[d[i] >> 4];
		*o++ = hex[d[i] & 15];
	}
	*o = '\0';
	return out;
}
