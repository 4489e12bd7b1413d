/* The private string table (strmap.h). */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "incline/error.h"
#include "strmap.h"

uint64_t incline_strmap_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void incline_strmap_free(incline_strmap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m->entries);
	free(m->pool);
	memset(m, 0, sizeof *m);
}

/* Slot where s lives or would go. n_slots must be nonzero. */
static size_t incline_strmap_slot(const incline_strmap *m, const char *s,
				size_t len, uint64_t h)
{
	size_t mask = m->n_slots - 1;
	size_t i = (size_t)h & mask;

	while (m->slots[i]) {
		const incline_strmap_entry *e = &m->entries[m->slots[i] - 1];

		if (e->hash == h && e->len == len
		    && memcmp(m->pool + e->off, s, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

/* true and *value when s is in m. */
bool incline_strmap_get(const incline_strmap *m, const char *s, size_t len,
			     uint32_t *value)
{
	size_t i;

	if (!m->n_slots)
		return false;
	i = incline_strmap_slot(m, s, len, incline_strmap_hash(s, len));
	if (!m->slots[i])
		return false;
	*value = m->entries[m->slots[i] - 1].value;
	return true;
}

/* Doubles the slot array (kept at most half full). */
static int incline_strmap_rehash(incline_strmap *m)
{
	size_t n = m->n_slots ? m->n_slots * 2 : 64;
	uint32_t *slots;

	if (n > SIZE_MAX / sizeof *slots)
		return INCLINE_ENOMEM;
	slots = calloc(n, sizeof *slots);
	if (!slots)
		return INCLINE_ENOMEM;
	free(m->slots);
	m->slots = slots;
	m->n_slots = n;
	for (size_t k = 0; k < m->n; k++) {
		size_t i = (size_t)m->entries[k].hash & (n - 1);

		while (slots[i])
			i = (i + 1) & (n - 1);
		slots[i] = (uint32_t)(k + 1);
	}
	return 0;
}

/* Adds s (not yet in m) with value. */
int incline_strmap_put(incline_strmap *m, const char *s, size_t len,
			    uint32_t value)
{
	uint64_t h = incline_strmap_hash(s, len);
	void *entries, *pool;
	incline_strmap_entry *e;
	size_t i;
	int rc;

	if (m->n >= UINT32_MAX - 1 || len > SIZE_MAX - m->pool_len)
		return INCLINE_ENOMEM;
	if ((m->n + 1) * 2 > m->n_slots && incline_strmap_rehash(m))
		return INCLINE_ENOMEM;
	entries = m->entries;
	rc = incline_array_reserve(&entries, &m->cap, m->n + 1, sizeof *m->entries);
	m->entries = entries;
	pool = m->pool;
	if (!rc)
		rc = incline_array_reserve(&pool, &m->pool_cap, m->pool_len + len + 1, 1);
	m->pool = pool;
	if (rc)
		return rc;
	memcpy(m->pool + m->pool_len, s, len);
	m->pool[m->pool_len + len] = '\0';
	e = &m->entries[m->n];
	e->off = m->pool_len;
	e->len = len;
	e->hash = h;
	e->value = value;
	m->pool_len += len + 1;
	i = incline_strmap_slot(m, s, len, h);
	m->slots[i] = (uint32_t)(++m->n);
	return 0;
}

size_t incline_strmap_find(const incline_strmap *m, const char *s, size_t len)
{
	size_t i;

	if (!m->n_slots)
		return SIZE_MAX;
	i = incline_strmap_slot(m, s, len, incline_strmap_hash(s, len));
	return m->slots[i] ? m->slots[i] - 1 : SIZE_MAX;
}
