/* NDJSON lines into a reused memory buffer (private to the library).
 * jansson's json_dumpf writes a value token by token through stdio, a
 * locked fwrite per quote and comma; the streaming commands write tens of
 * thousands of small records, so they dump each record with jansson's
 * json_dump_callback into a buffer kept from record to record and write
 * the buffer once. The bytes are the same as json_dumpf's. */
#ifndef INCLINE_NDJSON_PRIVATE_H
#define INCLINE_NDJSON_PRIVATE_H

#include <stddef.h>

#include <jansson.h>

#include "emit_private.h"

/* Appends v (borrowed) dumped with flags, then "\n", to b. Returns 0, or
 * INCLINE_ENOMEM (out of memory, or a value jansson refuses to dump). On
 * failure b keeps what it held before the call. */
int incline_ndjson_dump(incline_emit_buf *b, const json_t *v, size_t flags);

#endif
