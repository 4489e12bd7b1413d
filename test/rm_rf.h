/* rm -rf for the suites that build file trees in a temporary folder
 * (test_io.c, test_run.c). Header-only, tests only. */
#ifndef INCLINE_TEST_RM_RF_H
#define INCLINE_TEST_RM_RF_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static inline void rm_rf(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700); /* a test may have made it read-only */
	if ((d = opendir(path))) {
		while ((de = readdir(d))) {
			char child[512];

			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")
			    || snprintf(child, sizeof child, "%s/%s", path,
					de->d_name) >= (int)sizeof child)
				continue;
			rm_rf(child);
		}
		closedir(d);
	}
	rmdir(path);
}

#endif
