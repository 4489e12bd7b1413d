/* Calendar arithmetic on day numbers and the date interval model. */
#ifndef INCLINE_DATE_H
#define INCLINE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 (proleptic Gregorian); plain integer arithmetic. */
typedef int32_t incline_day;

/* "No bound": an unknown earliest or latest day. */
#define INCLINE_DAY_NONE INT32_MIN

/* How precisely the text pinned the date down. */
typedef enum incline_gran {
	INCLINE_GRAN_UNKNOWN = 0,
	INCLINE_GRAN_TIME,    /* a time of day: the interval is that day */
	INCLINE_GRAN_DAY,
	INCLINE_GRAN_WEEK,
	INCLINE_GRAN_MONTH,
	INCLINE_GRAN_SEASON,
	INCLINE_GRAN_QUARTER,
	INCLINE_GRAN_HALF,
	INCLINE_GRAN_YEAR,
	INCLINE_GRAN_DECADE,
	INCLINE_GRAN_CENTURY,
	INCLINE_GRAN_COUNT
} incline_gran;

/* Flags of incline_date. */
enum {
	INCLINE_DATE_APPROX = 1u << 0,   /* "around", "about", "early 2023" */
	INCLINE_DATE_RELATIVE = 1u << 1  /* resolved against a reference date */
};

/* A date is an interval of whole days, [earliest, latest] inclusive; either
 * bound may be INCLINE_DAY_NONE (open). */
typedef struct incline_date {
	incline_day earliest;
	incline_day latest;
	incline_gran gran;
	unsigned flags;
} incline_date;

/* Day number of a civil date; month 1-12, day 1-31 (not validated: use
 * incline_date_valid_ymd first when the input is untrusted). */
incline_day incline_date_from_ymd(int year, int month, int day);

/* Civil date of a day number. */
void incline_date_to_ymd(incline_day d, int *year, int *month, int *day);

/* true for a real calendar day, year 1..9999. */
bool incline_date_valid_ymd(int year, int month, int day);

bool incline_date_leap_year(int year);
int incline_date_days_in_month(int year, int month);

/* ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
int incline_date_weekday(incline_day d);

/* ISO 8601 week of a day: *iso_year and *week (1..53). */
void incline_date_iso_week(incline_day d, int *iso_year, int *week);

/* Monday of ISO week `week` of `iso_year`. */
incline_day incline_date_from_iso_week(int iso_year, int week);

/* Adds months to a day, clamping the day of month (Jan 31 + 1 = Feb 28/29). */
incline_day incline_date_add_months(incline_day d, int months);

/* true for a day of years 1..9999, the days that have a "YYYY-MM-DD"
 * form (false for INCLINE_DAY_NONE). */
bool incline_date_day_valid(incline_day d);

/* Writes "YYYY-MM-DD" and a NUL into out (11 bytes). Returns out. For a
 * day that is not incline_date_day_valid, writes "" (never another day):
 * callers test incline_date_day_valid first. */
char *incline_date_format_day(char out[11], incline_day d);

/* Parses exactly "YYYY-MM-DD" (len bytes, no NUL needed) into *out.
 * Returns 0, or INCLINE_EINVAL for anything else or an impossible day. */
int incline_date_parse_day(incline_day *out, const char *s, size_t len);

/* A date covering exactly [earliest, latest] at granularity gran. */
incline_date incline_date_make(incline_day earliest, incline_day latest,
			       incline_gran gran);

/* true when the intervals share at least one day (open bounds extend to
 * infinity). */
bool incline_date_overlaps(const incline_date *a, const incline_date *b);

/* The intersection of a and b into *out; false (and *out untouched) when
 * they are disjoint. The granularity is the finer of the two. */
bool incline_date_intersect(incline_date *out, const incline_date *a,
			    const incline_date *b);

/* Writes the date as ISO 8601 / EDTF into out (at most size bytes, always
 * NUL-terminated): "2023-09-19", "2023-09", "2023", "2023-W37",
 * "2023-09-11/2023-09-17", "../2023-09-20" for an upper bound only.
 * Returns the length it wanted to write (like snprintf), or -1 with out
 * "" when a bound is outside years 1..9999 (incline_date_day_valid). */
int incline_date_format(char *out, size_t size, const incline_date *d);

/* Stable lower-case name of a granularity ("day", "month", ...). */
const char *incline_gran_name(incline_gran g);

/* Granularity named by name (len bytes), or INCLINE_GRAN_UNKNOWN. */
incline_gran incline_gran_from_name(const char *name, size_t len);

#endif
