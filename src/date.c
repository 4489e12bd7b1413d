/* Calendar arithmetic on day numbers (days since 1970-01-01, proleptic
 * Gregorian) and the date interval model. The civil conversions are Howard
 * Hinnant's days_from_civil / civil_from_days: branch-light, exact for every
 * year, no tables and no floating point. */
#include <stdio.h>
#include <string.h>

#include "incline/date.h"
#include "incline/error.h"

/* Names indexed by incline_gran; the one table both directions use. */
static const char *const gran_names[INCLINE_GRAN_COUNT] = {
	[INCLINE_GRAN_UNKNOWN] = "unknown",
	[INCLINE_GRAN_TIME] = "time",
	[INCLINE_GRAN_DAY] = "day",
	[INCLINE_GRAN_WEEK] = "week",
	[INCLINE_GRAN_MONTH] = "month",
	[INCLINE_GRAN_SEASON] = "season",
	[INCLINE_GRAN_QUARTER] = "quarter",
	[INCLINE_GRAN_HALF] = "half",
	[INCLINE_GRAN_YEAR] = "year",
	[INCLINE_GRAN_DECADE] = "decade",
	[INCLINE_GRAN_CENTURY] = "century",
};

/* Floor division: C's `/` truncates toward zero, which would put negative
 * day numbers in the wrong era or weekday. */
static int floor_div(int a, int b)
{
	int q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static int floor_mod(int a, int b)
{
	return a - floor_div(a, b) * b;
}

/* Borrowed: nothing; pure function. */
incline_day incline_date_from_ymd(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = floor_div(y, 400);
	int yoe = y - era * 400;                                  /* [0, 399] */
	int mp = month > 2 ? month - 3 : month + 9;               /* March = 0 */
	int doy = (153 * mp + 2) / 5 + day - 1;                   /* [0, 365] */
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */
	return (incline_day)(era * 146097 + doe - 719468);
}

/* Writes through the three out pointers (none may be NULL). */
void incline_date_to_ymd(incline_day d, int *year, int *month, int *day)
{
	int z = (int)d + 719468;
	int era = floor_div(z, 146097);
	int doe = z - era * 146097;                                    /* [0, 146096] */
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);             /* [0, 365] */
	int mp = (5 * doy + 2) / 153;                                  /* [0, 11] */
	int m = mp < 10 ? mp + 3 : mp - 9;

	*day = doy - (153 * mp + 2) / 5 + 1;
	*month = m;
	*year = yoe + era * 400 + (m <= 2);
}

bool incline_date_leap_year(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int incline_date_days_in_month(int year, int month)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && incline_date_leap_year(year))
		return 29;
	return days[month - 1];
}

bool incline_date_valid_ymd(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12)
		return false;
	return day >= 1 && day <= incline_date_days_in_month(year, month);
}

/* 1970-01-01 was a Thursday (ISO 4). */
int incline_date_weekday(incline_day d)
{
	return floor_mod(floor_mod((int)d, 7) + 3, 7) + 1;
}

/* The ISO week belongs to the year of its Thursday. */
void incline_date_iso_week(incline_day d, int *iso_year, int *week)
{
	incline_day thursday = d - (incline_date_weekday(d) - 1) + 3;
	int y, m, dd;

	incline_date_to_ymd(thursday, &y, &m, &dd);
	*iso_year = y;
	*week = (int)(thursday - incline_date_from_ymd(y, 1, 1)) / 7 + 1;
}

/* Week 1 is the week holding 4 January. */
incline_day incline_date_from_iso_week(int iso_year, int week)
{
	incline_day jan4 = incline_date_from_ymd(iso_year, 1, 4);
	incline_day monday1 = jan4 - (incline_date_weekday(jan4) - 1);
	return monday1 + (week - 1) * 7;
}

incline_day incline_date_add_months(incline_day d, int months)
{
	int y, m, day, total, dim;

	incline_date_to_ymd(d, &y, &m, &day);
	total = y * 12 + (m - 1) + months;
	y = floor_div(total, 12);
	m = floor_mod(total, 12) + 1;
	dim = incline_date_days_in_month(y, m);
	if (day > dim)
		day = dim;
	return incline_date_from_ymd(y, m, day);
}

bool incline_date_day_valid(incline_day d)
{
	int y, m, day;

	if (d == INCLINE_DAY_NONE)
		return false;
	incline_date_to_ymd(d, &y, &m, &day);
	return y >= 1 && y <= 9999;
}

/* Borrowed out (11 bytes); returns out. A day outside years 1..9999 has
 * no YYYY-MM-DD form: writing any other day (say, clamping the year)
 * would state a wrong date, so out is left empty. */
char *incline_date_format_day(char out[11], incline_day d)
{
	int y, m, day;

	/* incline_date_day_valid, without a second conversion */
	if (d == INCLINE_DAY_NONE) {
		out[0] = '\0';
		return out;
	}
	incline_date_to_ymd(d, &y, &m, &day);
	if (y < 1 || y > 9999) {
		out[0] = '\0';
		return out;
	}
	/* "%04d-%02d-%02d" by hand: every output format writes several days
	 * per event, and snprintf was most of the cost (callgrind). */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + day / 10);
	out[9] = (char)('0' + day % 10);
	out[10] = '\0';
	return out;
}

static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Borrowed s (len bytes, no NUL needed); writes *out only on success. */
int incline_date_parse_day(incline_day *out, const char *s, size_t len)
{
	int y, m, d;

	if (!s || len != 10 || s[4] != '-' || s[7] != '-')
		return INCLINE_EINVAL;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !incline_date_valid_ymd(y, m, d))
		return INCLINE_EINVAL;
	*out = incline_date_from_ymd(y, m, d);
	return 0;
}

incline_date incline_date_make(incline_day earliest, incline_day latest,
			       incline_gran gran)
{
	incline_date d = { earliest, latest, gran, 0 };
	return d;
}

/* An open lower bound compares as minus infinity, an open upper bound as
 * plus infinity; INCLINE_DAY_NONE is INT32_MIN so only the upper needs care. */
static bool upper_below(incline_day upper, incline_day lower)
{
	if (upper == INCLINE_DAY_NONE || lower == INCLINE_DAY_NONE)
		return false;
	return upper < lower;
}

bool incline_date_overlaps(const incline_date *a, const incline_date *b)
{
	return !upper_below(a->latest, b->earliest) &&
	       !upper_below(b->latest, a->earliest);
}

/* Finer granularity, UNKNOWN counting as no information. */
static incline_gran finer(incline_gran a, incline_gran b)
{
	if (a == INCLINE_GRAN_UNKNOWN)
		return b;
	if (b == INCLINE_GRAN_UNKNOWN)
		return a;
	return a < b ? a : b;
}

static incline_day max_lower(incline_day a, incline_day b)
{
	if (a == INCLINE_DAY_NONE)
		return b;
	if (b == INCLINE_DAY_NONE)
		return a;
	return a > b ? a : b;
}

static incline_day min_upper(incline_day a, incline_day b)
{
	if (a == INCLINE_DAY_NONE)
		return b;
	if (b == INCLINE_DAY_NONE)
		return a;
	return a < b ? a : b;
}

/* Writes *out only when the intervals meet. */
bool incline_date_intersect(incline_date *out, const incline_date *a,
			    const incline_date *b)
{
	if (!incline_date_overlaps(a, b))
		return false;
	out->earliest = max_lower(a->earliest, b->earliest);
	out->latest = min_upper(a->latest, b->latest);
	out->gran = finer(a->gran, b->gran);
	out->flags = a->flags | b->flags;
	return true;
}

/* --- EDTF printing: the named form only when the interval is exactly that
 * unit, so a printed "2023-09" never claims more than the interval says. */

static bool whole_week(incline_day e, incline_day l)
{
	return incline_date_weekday(e) == 1 && l == e + 6;
}

/* true when [e, l] is months first..last of one year, starting at a month
 * that is a multiple of `months` (+1) and spanning `months` months. */
static bool whole_months(incline_day e, incline_day l, int months)
{
	int y1, m1, d1, y2, m2, d2;

	incline_date_to_ymd(e, &y1, &m1, &d1);
	incline_date_to_ymd(l, &y2, &m2, &d2);
	return d1 == 1 && y1 == y2 && (m1 - 1) % months == 0 &&
	       m2 == m1 + months - 1 && d2 == incline_date_days_in_month(y2, m2);
}

/* true when [e, l] is 1 Jan .. 31 Dec of a span of `years` years aligned
 * on a multiple of `years`. */
static bool whole_years(incline_day e, incline_day l, int years)
{
	int y1, m1, d1, y2, m2, d2;

	incline_date_to_ymd(e, &y1, &m1, &d1);
	incline_date_to_ymd(l, &y2, &m2, &d2);
	return m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31 &&
	       y1 % years == 0 && y2 == y1 + years - 1;
}

static int format_unit(char *out, size_t size, const incline_date *d)
{
	incline_day e = d->earliest, l = d->latest;
	int y, m, day, wy, wk;

	incline_date_to_ymd(e, &y, &m, &day);
	switch (d->gran) {
	case INCLINE_GRAN_WEEK:
		if (!whole_week(e, l))
			return -1;
		incline_date_iso_week(e, &wy, &wk);
		return snprintf(out, size, "%04d-W%02d", wy, wk);
	case INCLINE_GRAN_MONTH:
		if (!whole_months(e, l, 1))
			return -1;
		return snprintf(out, size, "%04d-%02d", y, m);
	case INCLINE_GRAN_QUARTER:
		if (!whole_months(e, l, 3))
			return -1;
		return snprintf(out, size, "%04d-Q%d", y, (m - 1) / 3 + 1);
	case INCLINE_GRAN_YEAR:
		if (!whole_years(e, l, 1))
			return -1;
		return snprintf(out, size, "%04d", y);
	case INCLINE_GRAN_DECADE:
		/* EDTF level 1 unspecified digit: "199X". */
		if (!whole_years(e, l, 10))
			return -1;
		return snprintf(out, size, "%03dX", y / 10);
	case INCLINE_GRAN_CENTURY:
		if (!whole_years(e, l, 100))
			return -1;
		return snprintf(out, size, "%02dXX", y / 100);
	default:
		return -1;
	}
}

/* Borrowed out (size bytes, NUL-terminated when size > 0). */
int incline_date_format(char *out, size_t size, const incline_date *d)
{
	char a[11], b[11];
	int n;

	if (d->earliest == INCLINE_DAY_NONE && d->latest == INCLINE_DAY_NONE)
		return snprintf(out, size, "%s", "");
	if ((d->earliest != INCLINE_DAY_NONE && !incline_date_day_valid(d->earliest)) ||
	    (d->latest != INCLINE_DAY_NONE && !incline_date_day_valid(d->latest))) {
		if (size > 0)
			out[0] = '\0';
		return -1;
	}
	if (d->earliest == INCLINE_DAY_NONE)
		return snprintf(out, size, "../%s",
				incline_date_format_day(b, d->latest));
	if (d->latest == INCLINE_DAY_NONE)
		return snprintf(out, size, "%s/..",
				incline_date_format_day(a, d->earliest));
	if (d->earliest == d->latest)
		return snprintf(out, size, "%s",
				incline_date_format_day(a, d->earliest));
	n = format_unit(out, size, d);
	if (n >= 0)
		return n;
	return snprintf(out, size, "%s/%s", incline_date_format_day(a, d->earliest),
			incline_date_format_day(b, d->latest));
}

/* Static string; never NULL. */
const char *incline_gran_name(incline_gran g)
{
	if ((int)g < 0 || g >= INCLINE_GRAN_COUNT)
		return gran_names[INCLINE_GRAN_UNKNOWN];
	return gran_names[g];
}

/* Borrowed name (len bytes, no NUL needed); exact, case-sensitive match. */
incline_gran incline_gran_from_name(const char *name, size_t len)
{
	for (int g = 0; g < INCLINE_GRAN_COUNT; g++) {
		if (strlen(gran_names[g]) == len &&
		    memcmp(gran_names[g], name, len) == 0)
			return (incline_gran)g;
	}
	return INCLINE_GRAN_UNKNOWN;
}
