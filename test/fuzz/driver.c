/* A plain main() for the fuzz targets, so `make check` replays every
 * corpus file under any compiler, sanitizer or valgrind (the libgit2
 * standalone_driver idea). Arguments are files or folders (one level, in
 * sorted order); with none it replays FUZZ_CORPUS, the target's own seed
 * folder, set by the Makefile. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!fp) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap) {
			uint8_t *p = realloc(buf, cap = cap ? cap * 2 : 4096);
			if (!p) {
				free(buf);
				fclose(fp);
				return 1;
			}
			buf = p;
		}
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	fclose(fp);
	/* An exact-size copy, so a sanitizer sees a read one past the end. */
	{
		uint8_t *exact = malloc(len ? len : 1);
		if (!exact) {
			free(buf);
			return 1;
		}
		memcpy(exact, buf, len);
		free(buf);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay(const char *path, size_t *count)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int failed = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return replay_file(path);
	}
	if (!(d = opendir(path))) {
		perror(path);
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		char *full;
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
			if (!p)
				break;
			names = p;
		}
		full = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (!full)
			break;
		sprintf(full, "%s/%s", path, e->d_name);
		names[n++] = full;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			(*count)++;
			failed |= replay_file(names[i]);
		}
		free(names[i]);
	}
	free(names);
	return failed;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int failed = 0;

	if (argc < 2) {
#ifdef FUZZ_CORPUS
		failed = replay(FUZZ_CORPUS, &count);
#else
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
#endif
	}
	for (int i = 1; i < argc; i++)
		failed |= replay(argv[i], &count);
	if (count == 0) {
		fprintf(stderr, "%s: no corpus files replayed\n", argv[0]);
		return 1;
	}
	printf("%s: %zu inputs replayed\n", argv[0], count);
	return failed;
}
