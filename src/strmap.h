/* Private to the library: a string table mapping bytes to a uint32, with
 * the strings pooled (open addressing, FNV-1a). Used by merge (word keys,
 * stems) and entity (names, caches). */
#ifndef INCLINE_STRMAP_H
#define INCLINE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct incline_strmap_entry {
	size_t off;     /* into pool */
	size_t len;
	uint64_t hash;
	uint32_t value;
} incline_strmap_entry;

/* Open addressing over entries; owns everything; zeroed = empty; entries
 * are numbered 0.. in order of insertion. Release with
 * incline_strmap_free. */
typedef struct incline_strmap {
	uint32_t *slots;      /* entry index + 1; 0 = empty */
	size_t n_slots;       /* power of two */
	incline_strmap_entry *entries;
	size_t n, cap;
	char *pool;
	size_t pool_len, pool_cap;
} incline_strmap;

/* 64-bit FNV-1a of s[0..len). */
uint64_t incline_strmap_hash(const char *s, size_t len);

/* Frees what m owns (not m); NULL allowed. */
void incline_strmap_free(incline_strmap *m);

/* true and *value when s is in m. */
bool incline_strmap_get(const incline_strmap *m, const char *s, size_t len,
			uint32_t *value);

/* Entry index of s in m, or SIZE_MAX. */
size_t incline_strmap_find(const incline_strmap *m, const char *s, size_t len);

/* Adds s (which must not be in m yet) with value. Returns 0 or
 * INCLINE_ENOMEM. */
int incline_strmap_put(incline_strmap *m, const char *s, size_t len,
		       uint32_t value);

/* The NUL-terminated string of entry i (borrowed, valid until the next
 * put). */
static inline const char *incline_strmap_str(const incline_strmap *m,
					     size_t i)
{
	return m->pool + m->entries[i].off;
}

#endif
