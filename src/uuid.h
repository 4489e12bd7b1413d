/* Name-based UUIDs (RFC 4122 version 5) and the SHA-1 they are built on.
 * Private to the library: the STIX emitter uses them for ids that depend
 * only on content, so the same timeline always gets the same ids. */
#ifndef INCLINE_UUID_H
#define INCLINE_UUID_H

#include <stddef.h>
#include <stdint.h>

#define INCLINE_SHA1_SIZE 20
/* "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx" plus NUL. */
#define INCLINE_UUID_STRING_SIZE 37

/* Incremental SHA-1 (FIPS 180-4). Zero-initialise with
 * incline_sha1_init; no allocation, cannot fail. */
typedef struct incline_sha1 {
	uint32_t h[5];
	uint64_t bytes;      /* message length so far */
	uint8_t block[64];
	size_t used;         /* bytes waiting in block */
} incline_sha1;

void incline_sha1_init(incline_sha1 *c);
void incline_sha1_update(incline_sha1 *c, const void *data, size_t len);
void incline_sha1_final(uint8_t out[INCLINE_SHA1_SIZE], incline_sha1 *c);

/* The version-5 UUID of name[0..len) in namespace ns (16 bytes, network
 * order), written lower-case into out. Returns out. */
char *incline_uuid5(char out[INCLINE_UUID_STRING_SIZE], const uint8_t ns[16],
		    const char *name, size_t len);

#endif
