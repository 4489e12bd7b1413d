/* Unit tests of the calendar arithmetic and interval model (date.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "incline/date.h"
#include "incline/error.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static incline_day ymd(int y, int m, int d)
{
	return incline_date_from_ymd(y, m, d);
}

/* Known day numbers and round trips, across eras and leap days. */
static void test_civil(void **state)
{
	static const struct {
		int y, m, d;
		incline_day day;
	} cases[] = {
		{ 1970, 1, 1, 0 },
		{ 1970, 1, 2, 1 },
		{ 1969, 12, 31, -1 },
		{ 2000, 3, 1, 11017 },
		{ 2000, 2, 29, 11016 },
		{ 2023, 9, 19, 19619 },
		{ 1600, 1, 1, -135140 },
		{ 1, 1, 1, -719162 },
		{ 9999, 12, 31, 2932896 },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		int y, m, d;
		assert_int_equal(ymd(cases[i].y, cases[i].m, cases[i].d), cases[i].day);
		incline_date_to_ymd(cases[i].day, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
	}
	/* Every day of four centuries round-trips and is consecutive. */
	for (incline_day x = ymd(1899, 1, 1); x < ymd(2101, 1, 1); x++) {
		int y, m, d;
		incline_date_to_ymd(x, &y, &m, &d);
		assert_true(incline_date_valid_ymd(y, m, d));
		assert_int_equal(ymd(y, m, d), x);
	}
}

static void test_leap(void **state)
{
	static const struct {
		int y;
		bool leap;
	} cases[] = {
		{ 1900, false }, { 2000, true }, { 2023, false }, { 2024, true },
		{ 2100, false }, { 2400, true }, { 1996, true }, { 1999, false },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		assert_int_equal(incline_date_leap_year(cases[i].y), cases[i].leap);
		assert_int_equal(incline_date_days_in_month(cases[i].y, 2),
				 cases[i].leap ? 29 : 28);
		assert_int_equal(incline_date_valid_ymd(cases[i].y, 2, 29),
				 cases[i].leap);
	}
	assert_int_equal(incline_date_days_in_month(2023, 4), 30);
	assert_int_equal(incline_date_days_in_month(2023, 12), 31);
	assert_int_equal(incline_date_days_in_month(2023, 13), 0);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(incline_date_valid_ymd(2023, 1, 31));
	assert_false(incline_date_valid_ymd(2023, 4, 31));
	assert_false(incline_date_valid_ymd(2023, 0, 1));
	assert_false(incline_date_valid_ymd(2023, 13, 1));
	assert_false(incline_date_valid_ymd(2023, 1, 0));
	assert_false(incline_date_valid_ymd(0, 1, 1));
	assert_false(incline_date_valid_ymd(10000, 1, 1));
}

static void test_weekday(void **state)
{
	static const struct {
		int y, m, d, wd;
	} cases[] = {
		{ 1970, 1, 1, 4 },   /* Thursday */
		{ 1969, 12, 29, 1 }, /* Monday, before the epoch */
		{ 2023, 9, 19, 2 },  /* Tuesday */
		{ 2023, 9, 17, 7 },  /* Sunday */
		{ 2000, 2, 29, 2 },
		{ 2024, 1, 1, 1 },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		assert_int_equal(incline_date_weekday(ymd(cases[i].y, cases[i].m,
							  cases[i].d)),
				 cases[i].wd);
}

static void test_iso_week(void **state)
{
	static const struct {
		int y, m, d, iso_y, week;
	} cases[] = {
		{ 2023, 9, 19, 2023, 38 },
		{ 2023, 9, 14, 2023, 37 },
		{ 2020, 12, 31, 2020, 53 },
		{ 2021, 1, 3, 2020, 53 },
		{ 2021, 1, 4, 2021, 1 },
		{ 2024, 1, 1, 2024, 1 },
		{ 2023, 1, 1, 2022, 52 },
		{ 2019, 12, 30, 2020, 1 },
		{ 2015, 12, 31, 2015, 53 },
		{ 1998, 1, 8, 1998, 2 },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		int iy, wk;
		incline_day d = ymd(cases[i].y, cases[i].m, cases[i].d);
		incline_date_iso_week(d, &iy, &wk);
		assert_int_equal(iy, cases[i].iso_y);
		assert_int_equal(wk, cases[i].week);
		/* The Monday of that week is at most six days before. */
		incline_day mon = incline_date_from_iso_week(iy, wk);
		assert_int_equal(incline_date_weekday(mon), 1);
		assert_true(d - mon >= 0 && d - mon <= 6);
	}
	assert_int_equal(incline_date_from_iso_week(2020, 53), ymd(2020, 12, 28));
	assert_int_equal(incline_date_from_iso_week(2021, 1), ymd(2021, 1, 4));
}

static void test_add_months(void **state)
{
	static const struct {
		int y, m, d, add, ey, em, ed;
	} cases[] = {
		{ 2023, 1, 31, 1, 2023, 2, 28 },
		{ 2024, 1, 31, 1, 2024, 2, 29 },
		{ 2023, 3, 31, -1, 2023, 2, 28 },
		{ 2023, 12, 15, 1, 2024, 1, 15 },
		{ 2023, 1, 15, -1, 2022, 12, 15 },
		{ 2023, 5, 31, 12, 2024, 5, 31 },
		{ 2023, 5, 31, -25, 2021, 4, 30 },
		{ 2020, 2, 29, 12, 2021, 2, 28 },
		{ 2023, 9, 19, 0, 2023, 9, 19 },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		assert_int_equal(incline_date_add_months(ymd(cases[i].y, cases[i].m,
							     cases[i].d),
							 cases[i].add),
				 ymd(cases[i].ey, cases[i].em, cases[i].ed));
}

static void test_parse_day(void **state)
{
	static const struct {
		const char *s;
		int rc;
		int y, m, d;
	} cases[] = {
		{ "2023-09-19", 0, 2023, 9, 19 },
		{ "2024-02-29", 0, 2024, 2, 29 },
		{ "2000-02-29", 0, 2000, 2, 29 },
		{ "1900-02-29", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023-02-30", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023-13-01", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023-00-10", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023-9-19", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023/09/19", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023-09-1x", INCLINE_EINVAL, 0, 0, 0 },
		{ "yesterday!", INCLINE_EINVAL, 0, 0, 0 },
		{ "", INCLINE_EINVAL, 0, 0, 0 },
		{ "2023-09-190", INCLINE_EINVAL, 0, 0, 0 },
		{ "0000-01-01", INCLINE_EINVAL, 0, 0, 0 },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		incline_day d = 12345;
		int rc = incline_date_parse_day(&d, cases[i].s, strlen(cases[i].s));
		assert_int_equal(rc, cases[i].rc);
		if (rc == 0)
			assert_int_equal(d, ymd(cases[i].y, cases[i].m, cases[i].d));
		else
			assert_int_equal(d, 12345);
	}
	/* Length, not NUL, bounds the input. */
	{
		incline_day d;
		assert_int_equal(incline_date_parse_day(&d, "2023-09-19T10", 10), 0);
		assert_int_equal(d, ymd(2023, 9, 19));
	}
}

static void test_format_day(void **state)
{
	char buf[11];
	(void)state;
	assert_string_equal(incline_date_format_day(buf, ymd(2023, 9, 19)), "2023-09-19");
	assert_string_equal(incline_date_format_day(buf, ymd(1, 1, 1)), "0001-01-01");
	assert_string_equal(incline_date_format_day(buf, ymd(1969, 12, 31)), "1969-12-31");
	assert_string_equal(incline_date_format_day(buf, ymd(9999, 12, 31)), "9999-12-31");
	/* outside years 1..9999: no form, never a clamped (other) date */
	assert_true(incline_date_day_valid(ymd(9999, 12, 31)));
	assert_false(incline_date_day_valid(ymd(9999, 12, 31) + 1));
	assert_false(incline_date_day_valid(ymd(1, 1, 1) - 1));
	assert_false(incline_date_day_valid(INCLINE_DAY_NONE));
	assert_string_equal(incline_date_format_day(buf, ymd(10000, 1, 1)), "");
	assert_string_equal(incline_date_format_day(buf, ymd(-5, 6, 1)), "");
	{
		char out[32];
		incline_date d = incline_date_make(ymd(99999, 1, 1), ymd(99999, 12, 31), INCLINE_GRAN_YEAR);
		assert_int_equal(incline_date_format(out, sizeof out, &d), -1);
		assert_string_equal(out, "");
		d = incline_date_make(INCLINE_DAY_NONE, ymd(-1, 1, 1), INCLINE_GRAN_DAY);
		assert_int_equal(incline_date_format(out, sizeof out, &d), -1);
	}
}

#define NONE INCLINE_DAY_NONE

static void test_format(void **state)
{
	static const struct {
		incline_day e, l;
		incline_gran g;
		const char *want;
	} cases[] = {
		{ 19619, 19619, INCLINE_GRAN_DAY, "2023-09-19" },
		{ 19619, 19619, INCLINE_GRAN_TIME, "2023-09-19" },
		/* A single day stays a day whatever the granularity claims. */
		{ 19619, 19619, INCLINE_GRAN_MONTH, "2023-09-19" },
		{ 0, 0, INCLINE_GRAN_UNKNOWN, "1970-01-01" },
		{ NONE, NONE, INCLINE_GRAN_UNKNOWN, "" },
		{ NONE, 19620, INCLINE_GRAN_DAY, "../2023-09-20" },
		{ 19620, NONE, INCLINE_GRAN_DAY, "2023-09-20/.." },
	};
	char buf[64];
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		incline_date d = incline_date_make(cases[i].e, cases[i].l, cases[i].g);
		int n = incline_date_format(buf, sizeof buf, &d);
		assert_string_equal(buf, cases[i].want);
		assert_int_equal(n, (int)strlen(cases[i].want));
	}
}

static void test_format_units(void **state)
{
	static const struct {
		int y1, m1, d1, y2, m2, d2;
		incline_gran g;
		const char *want;
	} cases[] = {
		{ 2023, 9, 1, 2023, 9, 30, INCLINE_GRAN_MONTH, "2023-09" },
		{ 2024, 2, 1, 2024, 2, 29, INCLINE_GRAN_MONTH, "2024-02" },
		{ 2023, 2, 1, 2023, 2, 27, INCLINE_GRAN_MONTH, "2023-02-01/2023-02-27" },
		{ 2023, 1, 1, 2023, 12, 31, INCLINE_GRAN_YEAR, "2023" },
		{ 2023, 1, 2, 2023, 12, 31, INCLINE_GRAN_YEAR, "2023-01-02/2023-12-31" },
		{ 2023, 9, 11, 2023, 9, 17, INCLINE_GRAN_WEEK, "2023-W37" },
		{ 2020, 12, 28, 2021, 1, 3, INCLINE_GRAN_WEEK, "2020-W53" },
		{ 2023, 9, 12, 2023, 9, 18, INCLINE_GRAN_WEEK, "2023-09-12/2023-09-18" },
		{ 2023, 9, 11, 2023, 9, 17, INCLINE_GRAN_DAY, "2023-09-11/2023-09-17" },
		{ 2023, 7, 1, 2023, 9, 30, INCLINE_GRAN_QUARTER, "2023-Q3" },
		{ 2023, 1, 1, 2023, 3, 31, INCLINE_GRAN_QUARTER, "2023-Q1" },
		{ 2023, 2, 1, 2023, 4, 30, INCLINE_GRAN_QUARTER, "2023-02-01/2023-04-30" },
		{ 2023, 1, 1, 2023, 4, 30, INCLINE_GRAN_MONTH, "2023-01-01/2023-04-30" },
		{ 1990, 1, 1, 1999, 12, 31, INCLINE_GRAN_DECADE, "199X" },
		{ 1900, 1, 1, 1999, 12, 31, INCLINE_GRAN_CENTURY, "19XX" },
		{ 2023, 6, 1, 2023, 8, 31, INCLINE_GRAN_SEASON, "2023-06-01/2023-08-31" },
		{ 2023, 1, 1, 2023, 6, 30, INCLINE_GRAN_HALF, "2023-01-01/2023-06-30" },
		{ 2019, 1, 1, 2021, 12, 31, INCLINE_GRAN_YEAR, "2019-01-01/2021-12-31" },
	};
	char buf[64];
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		incline_date d = incline_date_make(ymd(cases[i].y1, cases[i].m1, cases[i].d1),
						   ymd(cases[i].y2, cases[i].m2, cases[i].d2),
						   cases[i].g);
		incline_date_format(buf, sizeof buf, &d);
		assert_string_equal(buf, cases[i].want);
	}
}

static void test_format_truncates(void **state)
{
	char buf[5];
	incline_date d = incline_date_make(ymd(2023, 9, 11), ymd(2023, 9, 17),
					   INCLINE_GRAN_DAY);
	(void)state;
	assert_int_equal(incline_date_format(buf, sizeof buf, &d), 21);
	assert_string_equal(buf, "2023");
}

static void test_overlaps(void **state)
{
	static const struct {
		incline_day ae, al, be, bl;
		bool overlap;
		incline_day ie, il;
	} cases[] = {
		{ 10, 20, 15, 25, true, 15, 20 },
		{ 10, 20, 20, 25, true, 20, 20 },
		{ 10, 20, 21, 25, false, 0, 0 },
		{ 21, 25, 10, 20, false, 0, 0 },
		{ 10, 20, 12, 13, true, 12, 13 },
		{ NONE, 20, 15, 25, true, 15, 20 },
		{ NONE, 20, 21, 25, false, 0, 0 },
		{ 10, NONE, NONE, 5, false, 0, 0 },
		{ 10, NONE, NONE, 10, true, 10, 10 },
		{ NONE, NONE, 3, 4, true, 3, 4 },
		{ NONE, NONE, NONE, NONE, true, NONE, NONE },
		{ 30, NONE, 40, NONE, true, 40, NONE },
	};
	(void)state;
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		incline_date a = incline_date_make(cases[i].ae, cases[i].al, INCLINE_GRAN_MONTH);
		incline_date b = incline_date_make(cases[i].be, cases[i].bl, INCLINE_GRAN_DAY);
		incline_date out = incline_date_make(-1, -1, INCLINE_GRAN_UNKNOWN);
		assert_int_equal(incline_date_overlaps(&a, &b), cases[i].overlap);
		assert_int_equal(incline_date_overlaps(&b, &a), cases[i].overlap);
		assert_int_equal(incline_date_intersect(&out, &a, &b), cases[i].overlap);
		if (cases[i].overlap) {
			assert_int_equal(out.earliest, cases[i].ie);
			assert_int_equal(out.latest, cases[i].il);
			assert_int_equal(out.gran, INCLINE_GRAN_DAY);
		} else {
			assert_int_equal(out.earliest, -1);
			assert_int_equal(out.gran, INCLINE_GRAN_UNKNOWN);
		}
	}
}

static void test_gran_names(void **state)
{
	static const char *const names[] = {
		"unknown", "time", "day", "week", "month", "season",
		"quarter", "half", "year", "decade", "century",
	};
	(void)state;
	assert_int_equal(N_ELEMS(names), INCLINE_GRAN_COUNT);
	for (int g = 0; g < INCLINE_GRAN_COUNT; g++) {
		assert_string_equal(incline_gran_name((incline_gran)g), names[g]);
		assert_int_equal(incline_gran_from_name(names[g], strlen(names[g])), g);
	}
	assert_string_equal(incline_gran_name(INCLINE_GRAN_COUNT), "unknown");
	assert_int_equal(incline_gran_from_name("days", 4), INCLINE_GRAN_UNKNOWN);
	assert_int_equal(incline_gran_from_name("dayx", 3), INCLINE_GRAN_DAY);
	assert_int_equal(incline_gran_from_name("", 0), INCLINE_GRAN_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil),
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_iso_week),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_parse_day),
		cmocka_unit_test(test_format_day),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_units),
		cmocka_unit_test(test_format_truncates),
		cmocka_unit_test(test_overlaps),
		cmocka_unit_test(test_gran_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
