/* Input bounds, one place. Each can be overridden at build time with -D. */
#ifndef INCLINE_LIMITS_H
#define INCLINE_LIMITS_H

/* Largest article accepted by the readers (bytes); larger is INCLINE_ELIMIT. */
#ifndef INCLINE_MAX_ARTICLE_BYTES
#define INCLINE_MAX_ARTICLE_BYTES (64u * 1024u * 1024u)
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

/* Most candidate links merge considers (24 bytes each): n near-identical
 * accounts make n^2/2 of them, so some 5,800 copies of one sentence are
 * refused (INCLINE_ELIMIT) instead of exhausting memory. */
#ifndef INCLINE_MAX_MERGE_LINKS
#define INCLINE_MAX_MERGE_LINKS (16u * 1024u * 1024u)
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
