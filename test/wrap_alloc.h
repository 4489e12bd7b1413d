/* The allocator functions -Wl,--wrap=malloc,... (Makefile, CHAOS_WRAP)
 * routes through: the real ones, and the failing ones chaos_wrap.h
 * (the test suites) and chaos_alloc.c (the incline-chaos command)
 * define. */
#ifndef INCLINE_TEST_WRAP_ALLOC_H
#define INCLINE_TEST_WRAP_ALLOC_H

#include <stddef.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
void __wrap_free(void *p);

#endif
