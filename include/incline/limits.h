/* Input bounds, one place. Each can be overridden at build time with -D. */
#ifndef INCLINE_LIMITS_H
#define INCLINE_LIMITS_H

/* Largest article accepted by the readers (bytes); larger is INCLINE_ELIMIT. */
#ifndef INCLINE_MAX_ARTICLE_BYTES
#define INCLINE_MAX_ARTICLE_BYTES (64u * 1024u * 1024u)
#endif

/* Deepest nesting of arrays and objects in a JSON input (articles and
 * JSON-LD blocks of HTML pages); deeper is INCLINE_ELIMIT. Article records
 * are flat: the bound only stops hostile input from costing stack. */
#ifndef INCLINE_MAX_JSON_DEPTH
#define INCLINE_MAX_JSON_DEPTH 64
#endif

/* Longest sentence the extractor analyses (bytes); longer ones are cut into
 * pieces of this size so one runaway line cannot cost quadratic time. */
#ifndef INCLINE_MAX_SENTENCE_BYTES
#define INCLINE_MAX_SENTENCE_BYTES 4096u
#endif

/* Most tokens looked at in one sentence. */
#ifndef INCLINE_MAX_SENTENCE_TOKENS
#define INCLINE_MAX_SENTENCE_TOKENS 512u
#endif

/* Most candidate links merge holds for one event type (16 bytes each):
 * copies of one sentence are collapsed first and cost none, but n
 * near-identical, different accounts make n^2/2, so some 5,800 of them
 * are refused (INCLINE_ELIMIT) instead of exhausting memory. */
#ifndef INCLINE_MAX_MERGE_LINKS
#define INCLINE_MAX_MERGE_LINKS (16u * 1024u * 1024u)
#endif

/* Largest timeline JSON or NDJSON file the loader reads (bytes). */
#ifndef INCLINE_MAX_LOAD_BYTES
#define INCLINE_MAX_LOAD_BYTES (2048u * 1024u * 1024u)
#endif

/* Deepest nesting of arrays and objects the loader accepts: a timeline
 * needs 5 levels (document, events, event, evidence, date); the rest is
 * room for keys of later versions. */
#ifndef INCLINE_MAX_LOAD_DEPTH
#define INCLINE_MAX_LOAD_DEPTH 32u
#endif

/* Text kept in an error message. */
#ifndef INCLINE_ERROR_TEXT_LENGTH
#define INCLINE_ERROR_TEXT_LENGTH 200
#endif

/* Path kept in an error. */
#ifndef INCLINE_ERROR_PATH_LENGTH
#define INCLINE_ERROR_PATH_LENGTH 256
#endif

#endif
