/* Unit tests of the date-expression scanner (timex.h). Table driven: each
 * case is a reference date, a sentence, the expression expected in it and
 * its normalisation. The sentences are written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/date.h"
#include "incline/timex.h"
#include "timex_tables.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

typedef struct tcase {
	const char *ref;      /* reference (publication) day */
	const char *text;     /* the sentence */
	const char *span;     /* the expression's exact text */
	const char *type;     /* DATE, TIME, DURATION, SET */
	const char *value;    /* TIMEX3 value */
	const char *mod;      /* "" for none */
	const char *earliest; /* "" for an open bound; NULL: not checked */
	const char *latest;
	const char *anchor;   /* NULL: not checked */
} tcase;

/* clang-format off */
static const tcase cases[] = {
	/* --- absolute days, every common order and punctuation */
	{ "2023-09-20", "The system was attacked, Reuters reported on Sept. 19.", "Sept. 19", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "publication" },
	{ "2023-09-20", "Unusual activity was seen Sept. 14 at the court.", "Sept. 14", "DATE", "2023-09-14", "", "2023-09-14", "2023-09-14", NULL },
	{ "2023-09-20", "The patch shipped on 19 Sept 2023 worldwide.", "19 Sept 2023", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "" },
	{ "2023-09-20", "It was first seen September 19th, 2023, by analysts.", "September 19th, 2023", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "" },
	{ "2023-09-20", "Logs from 2023-09-19 show the intrusion.", "2023-09-19", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "" },
	{ "2023-09-20", "The memo dated 9/19/2023 was leaked.", "9/19/2023", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-20", "The memo dated 19/09/2023 was leaked.", "19/09/2023", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-20", "The statement of September 19, 2023 was brief.", "September 19, 2023", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "" },
	{ "2023-09-20", "It began Tuesday, Sept. 19, 2023, before dawn.", "Tuesday, Sept. 19, 2023", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-20", "They met on the 18th of September in Paris.", "the 18th of September", "DATE", "2023-09-18", "", "2023-09-18", "2023-09-18", NULL },
	{ "2023-09-20", "The sample was compiled 24-Apr-2020 by the gang.", "24-Apr-2020", "DATE", "2020-04-24", "", "2020-04-24", "2020-04-24", NULL },
	{ "2023-09-20", "The campaign started in Dec. 2019 and grew.", "Dec. 2019", "DATE", "2019-12", "", "2019-12-01", "2019-12-31", "" },
	{ "2023-09-20", "The domain was registered in January of 2020.", "January of 2020", "DATE", "2020-01", "", "2020-01-01", "2020-01-31", NULL },
	{ "2023-09-20", "The report is stamped 20170313 in its header.", "20170313", "DATE", "2017-03-13", "", "2017-03-13", "2017-03-13", NULL },
	{ "2023-09-20", "First submission: 2020-08-05T12:28:27 to the scanner.", "2020-08-05", "DATE", "2020-08-05", "", "2020-08-05", "2020-08-05", NULL },
	{ "2023-09-20", "The file appeared January 20,2021 on a forum.", "January 20,2021", "DATE", "2021-01-20", "", "2021-01-20", "2021-01-20", NULL },
	{ "2023-09-20", "On May 5, 2022 the bank disclosed it.", "May 5, 2022", "DATE", "2022-05-05", "", "2022-05-05", "2022-05-05", NULL },
	{ "2016-06-17", "On June 15 the committee noticed the intruders.", "June 15", "DATE", "2016-06-15", "", "2016-06-15", "2016-06-15", "publication" },
	{ "2024-03-10", "The leap-day outage of 29 February 2024 was brief.", "29 February 2024", "DATE", "2024-02-29", "", "2024-02-29", "2024-02-29", NULL },
	{ "2024-03-10", "Systems failed on Feb. 29 across the region.", "Feb. 29", "DATE", "2024-02-29", "", "2024-02-29", "2024-02-29", NULL },
	{ "2023-03-10", "No such day as 29 February 2023 exists.", "February 2023", "DATE", "2023-02", "", "2023-02-01", "2023-02-28", NULL },
	{ "2024-01-02", "The attack began Dec. 31 at night.", "Dec. 31", "DATE", "2023-12-31", "", "2023-12-31", "2023-12-31", NULL },
	{ "2023-12-30", "The vote is set for Jan. 2 in the capital.", "Jan. 2", "DATE", "2024-01-02", "", "2024-01-02", "2024-01-02", NULL },
	{ "2023-09-20", "Payments are due Oct. 2 for all members.", "Oct. 2", "DATE", "2023-10-02", "", "2023-10-02", "2023-10-02", NULL },
	{ "2023-09-20", "The servers, updated 2023/09/18, held.", "2023/09/18", "DATE", "2023-09-18", "", "2023-09-18", "2023-09-18", NULL },
	{ "2023-09-20", "The firm was founded on March eighth, 1998.", "March eighth, 1998", "DATE", "1998-03-08", "", "1998-03-08", "1998-03-08", NULL },

	/* --- years, decades, centuries, parts of them */
	{ "2023-09-20", "The group has been active in 2019 and later.", "2019", "DATE", "2019", "", "2019-01-01", "2019-12-31", "" },
	{ "2023-09-20", "It has been widely used since 2017 by criminals.", "2017", "DATE", "2017", "", "2017-01-01", "2017-12-31", NULL },
	{ "2023-09-20", "Such worms were common in the 1990s already.", "the 1990s", "DATE", "199", "", "1990-01-01", "1999-12-31", NULL },
	{ "2023-09-20", "Phone phreaks of the '90s knew the trick.", "the '90s", "DATE", "199", "", "1990-01-01", "1999-12-31", NULL },
	{ "2023-09-20", "Hackers in the nineties were hobbyists.", "the nineties", "DATE", "199", "", "1990-01-01", "1999-12-31", NULL },
	{ "2023-09-20", "Cryptography changed in the 20th century.", "the 20th century", "DATE", "19", "", "1900-01-01", "1999-12-31", NULL },
	{ "2023-09-20", "Revenue for fiscal 2023 rose sharply.", "fiscal 2023", "DATE", "2023", "", "2023-01-01", "2023-12-31", NULL },
	{ "2023-09-20", "Sales rose in Q3 2019 and FY 2021.", "Q3 2019", "DATE", "2019-Q3", "", NULL, NULL, NULL },
	{ "2023-09-20", "The scam peaked around Christmas 2019 in Europe.", "2019", "DATE", "2019", "", NULL, NULL, NULL },
	{ "2023-09-20", "Election 2020 scams spread fast.", "2020", "DATE", "2020", "", NULL, NULL, NULL },
	{ "2023-09-20", "The stock exchange 2013 listing was cancelled.", "2013", "DATE", "2013", "", NULL, NULL, NULL },
	{ "2023-09-20", "Throughout 2021, a series of campaigns ran.", "2021", "DATE", "2021", "", NULL, NULL, NULL },
	{ "2023-09-20", "Systems built before the year 2000 failed.", "the year 2000", "DATE", "2000", "", "2000-01-01", "2000-12-31", NULL },
	{ "2023-09-20", "The law dates from nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", "", "1996-01-01", "1996-12-31", NULL },
	{ "2023-09-20", "The gang operated from 2019 to 2021 in Europe.", "2021", "DATE", "2021", "", "2021-01-01", "2021-12-31", NULL },
	{ "2023-09-20", "The gang operated 2019-2021 in Europe.", "2021", "DATE", "2021", "", "2021-01-01", "2021-12-31", NULL },
	{ "2023-09-20", "The flaw was found in early 2023 by a student.", "early 2023", "DATE", "2023", "START", "2023-01-01", "2023-04-30", NULL },
	{ "2023-09-20", "The botnet collapsed in late 2016.", "late 2016", "DATE", "2016", "END", "2016-09-01", "2016-12-31", NULL },
	{ "2023-09-20", "The botnet peaked in mid-2016.", "mid-2016", "DATE", "2016", "MID", "2016-05-01", "2016-08-31", NULL },
	{ "2023-09-20", "Prices rose in the mid-1990s as well.", "the mid-1990s", "DATE", "199", "MID", NULL, NULL, NULL },
	{ "2023-09-20", "Viruses spread in the early 1980s on floppies.", "the early 1980s", "DATE", "198", "START", NULL, NULL, NULL },
	{ "2023-09-20", "Sales fell at the end of 2022 after the breach.", "the end of 2022", "DATE", "2022", "END", "2022-09-01", "2022-12-31", NULL },

	/* --- months */
	{ "2023-09-20", "The intrusion started mid-September and spread.", "mid-September", "DATE", "2023-09", "MID", "2023-09-11", "2023-09-20", NULL },
	{ "2023-09-20", "Phishing rose in early May across Europe.", "early May", "DATE", "2023-05", "START", "2023-05-01", "2023-05-10", NULL },
	{ "2024-02-10", "Attacks began in late November, police said.", "late November", "DATE", "2023-11", "END", "2023-11-21", "2023-11-30", NULL },
	{ "2023-12-05", "The ban expired at the end of November.", "the end of November", "DATE", "2023-11", "END", "2023-11-21", "2023-11-30", NULL },
	{ "2023-09-20", "The firm was breached last April.", "last April", "DATE", "2023-04", "", "2023-04-01", "2023-04-30", "publication" },
	{ "2023-09-20", "A new law takes effect next March.", "next March", "DATE", "2024-03", "", "2024-03-01", "2024-03-31", NULL },
	{ "2023-09-20", "The audit ran this September for a week.", "this September", "DATE", "2023-09", "", "2023-09-01", "2023-09-30", NULL },
	{ "2023-09-20", "The tool first appeared in January this year.", "January this year", "DATE", "2023-01", "", "2023-01-01", "2023-01-31", NULL },
	{ "2023-09-20", "It was sold in July last year on a forum.", "July last year", "DATE", "2022-07", "", "2022-07-01", "2022-07-31", NULL },
	{ "2023-09-20", "The court will meet in December to decide.", "December", "DATE", "2023-12", "", "2023-12-01", "2023-12-31", NULL },
	{ "2023-09-20", "The breach began in December, it said.", "December", "DATE", "2022-12", "", "2022-12-01", "2022-12-31", NULL },
	{ "2024-01-02", "Results are due in January from the lab.", "January", "DATE", "2024-01", "", "2024-01-01", "2024-01-31", NULL },
	{ "2023-09-20", "Attacks ran between April and September of this year.", "September of this year", "DATE", "2023-09", "", "2023-09-01", "2023-09-30", NULL },
	{ "2023-09-20", "In August the court said it would act.", "August", "DATE", "2023-08", "", "2023-08-01", "2023-08-31", "publication" },

	/* --- seasons */
	{ "2023-09-20", "The flaw was reported last summer by a student.", "last summer", "DATE", "2023-SU", "", "2023-06-01", "2023-08-31", NULL },
	{ "2023-03-01", "The agency will publish rules this summer.", "this summer", "DATE", "2023-SU", "", "2023-06-01", "2023-08-31", NULL },
	{ "2023-09-20", "It was patched in the fall of 2019 quietly.", "the fall of 2019", "DATE", "2019-FA", "", "2019-09-01", "2019-11-30", NULL },
	{ "2023-09-20", "Outages peaked in winter 2020 in Texas.", "winter 2020", "DATE", "2020-WI", "", "2020-12-01", "2021-02-28", NULL },
	{ "2023-09-20", "The pilot program began in the spring with ten banks.", "the spring", "DATE", "2023-SP", "", "2023-03-01", "2023-05-31", NULL },
	{ "2023-09-20", "Usage rose in early summer of 2021 sharply.", "early summer of 2021", "DATE", "2021-SU", "START", NULL, NULL, NULL },

	/* --- quarters and halves */
	{ "2023-10-20", "Profit fell in the third quarter as costs rose.", "the third quarter", "DATE", "2023-Q3", "", "2023-07-01", "2023-09-30", "publication" },
	{ "2023-10-20", "The company posted a third-quarter loss.", "third-quarter", "DATE", "2023-Q3", "", "2023-07-01", "2023-09-30", NULL },
	{ "2023-10-20", "Shipments grew in Q3 2018 across Asia.", "Q3 2018", "DATE", "2018-Q3", "", "2018-07-01", "2018-09-30", "" },
	{ "2023-10-20", "Malware doubled in the first quarter of 2016.", "the first quarter of 2016", "DATE", "2016-Q1", "", "2016-01-01", "2016-03-31", NULL },
	{ "2023-10-20", "Malware doubled in the first three months of 2016.", "the first three months of 2016", "DATE", "2016-Q1", "", "2016-01-01", "2016-03-31", NULL },
	{ "2023-10-20", "Ransom payments fell in the first half of 2021.", "the first half of 2021", "DATE", "2021-H1", "", "2021-01-01", "2021-06-30", NULL },
	{ "2023-10-20", "Revenue grew in H2 2022 for the vendor.", "H2 2022", "DATE", "2022-H2", "", "2022-07-01", "2022-12-31", NULL },
	{ "2023-09-20", "Spending will rise in the second half, it said.", "the second half", "DATE", "2023-H2", "", "2023-07-01", "2023-12-31", NULL },
	{ "2023-10-20", "Losses grew in the fourth quarter of 2020.", "the fourth quarter of 2020", "DATE", "2020-Q4", "", "2020-10-01", "2020-12-31", NULL },
	{ "2023-10-20", "Sales in 4Q 2019 were flat.", "4Q 2019", "DATE", "2019-Q4", "", NULL, NULL, NULL },
	{ "2023-10-20", "Attacks tripled in the first six months of the year 2016.", "the first six months of the year 2016", "DATE", "2016-H1", "", NULL, NULL, NULL },
	{ "2023-11-01", "Sales in this year's third quarter fell.", "this year's third quarter", "DATE", "2023-Q3", "", NULL, NULL, NULL },
	{ "1989-10-20", "Third-quarter profit rose 5% from a year ago.", "a year ago", "DATE", "1988-Q3", "", "1988-07-01", "1988-09-30", "previous" },

	/* --- weeks, weekends, weekdays */
	{ "2023-09-19", "At the end of last week the network went down.", "the end of last week", "DATE", "2023-W37", "END", "2023-09-14", "2023-09-17", "publication" },
	{ "2024-01-02", "The outage happened last week in the capital.", "last week", "DATE", "2023-W52", "", "2023-12-25", "2023-12-31", NULL },
	{ "2021-01-03", "The patch arrives this week for all users.", "this week", "DATE", "2020-W53", "", "2020-12-28", "2021-01-03", NULL },
	{ "2020-12-24", "A fix is expected next week from the vendor.", "next week", "DATE", "2020-W53", "", "2020-12-28", "2021-01-03", NULL },
	{ "2021-01-05", "The outage happened last week in the capital.", "last week", "DATE", "2020-W53", "", "2020-12-28", "2021-01-03", NULL },
	{ "2023-09-19", "The court said this Tuesday that systems were down.", "this Tuesday", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "publication" },
	{ "2023-09-19", "The intrusion was detected on Monday by staff.", "Monday", "DATE", "2023-09-18", "", "2023-09-18", "2023-09-18", NULL },
	{ "2023-09-19", "The ministers will meet on Monday in Brussels.", "Monday", "DATE", "2023-09-25", "", "2023-09-25", "2023-09-25", NULL },
	{ "2023-09-19", "The leak was found last Friday by a researcher.", "last Friday", "DATE", "2023-09-15", "", "2023-09-15", "2023-09-15", NULL },
	{ "2023-09-19", "The vendor ships a fix next Friday for everyone.", "next Friday", "DATE", "2023-09-22", "", "2023-09-22", "2023-09-22", NULL },
	{ "2023-09-19", "The bank confirmed the breach on Tuesday.", "Tuesday", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-19", "Hackers struck over the weekend, the firm said.", "the weekend", "DATE", "2023-W37-WE", "", "2023-09-16", "2023-09-17", NULL },
	{ "2023-09-19", "The servers will be offline this weekend for repairs.", "this weekend", "DATE", "2023-W38-WE", "", "2023-09-23", "2023-09-24", NULL },
	{ "2023-09-19", "The site went down last weekend without notice.", "last weekend", "DATE", "2023-W37-WE", "", "2023-09-16", "2023-09-17", NULL },
	{ "2023-09-21", "Phishing mails arrived early this week in bulk.", "early this week", "DATE", "2023-W38", "START", "2023-09-18", "2023-09-20", NULL },
	{ "2023-09-20", "The dump surfaced Sept. 14. The previous week, probes began.", "The previous week", "DATE", "2023-W36", "", "2023-09-04", "2023-09-10", "previous" },

	/* --- relative days, months, years */
	{ "2023-09-19", "The bank said yesterday that data leaked.", "yesterday", "DATE", "2023-09-18", "", "2023-09-18", "2023-09-18", "publication" },
	{ "2023-09-19", "The bank said today that data leaked.", "today", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-19", "The bank will report tomorrow on the leak.", "tomorrow", "DATE", "2023-09-20", "", "2023-09-20", "2023-09-20", NULL },
	{ "2023-09-19", "The leak began two days ago, the bank said.", "two days ago", "DATE", "2023-09-17", "", "2023-09-17", "2023-09-17", "publication" },
	{ "2023-09-19", "The leak began 10 days ago, the bank said.", "10 days ago", "DATE", "2023-09-09", "", "2023-09-09", "2023-09-09", NULL },
	{ "2023-09-19", "The leak began three weeks ago, the bank said.", "three weeks ago", "DATE", "2023-W35", "", "2023-08-28", "2023-09-03", NULL },
	{ "2023-09-19", "The leak began five months ago, the bank said.", "five months ago", "DATE", "2023-04", "", "2023-04-01", "2023-04-30", NULL },
	{ "2023-09-19", "The leak began two years ago, the bank said.", "two years ago", "DATE", "2021", "", "2021-01-01", "2021-12-31", NULL },
	{ "2023-09-19", "The leak began a year ago, the bank said.", "a year ago", "DATE", "2022", "", "2022-01-01", "2022-12-31", NULL },
	{ "2023-09-20", "Files leaked on Sept. 14. Two days later the ransom note came.", "Two days later", "DATE", "2023-09-16", "", "2023-09-16", "2023-09-16", "previous" },
	{ "2023-09-20", "Files leaked on Sept. 14. The next day the ransom note came.", "The next day", "DATE", "2023-09-15", "", "2023-09-15", "2023-09-15", "previous" },
	{ "2023-09-20", "Files leaked on Sept. 14. The following day police came.", "The following day", "DATE", "2023-09-15", "", "2023-09-15", "2023-09-15", "previous" },
	{ "2023-09-20", "Files leaked on Sept. 14. Three days earlier a probe ran.", "Three days earlier", "DATE", "2023-09-11", "", "2023-09-11", "2023-09-11", "previous" },
	{ "2023-09-20", "Files leaked on Sept. 14. A week later police came.", "A week later", "DATE", "2023-W38", "", "2023-09-18", "2023-09-24", "previous" },
	{ "2023-09-19", "The group struck last month in Spain.", "last month", "DATE", "2023-08", "", "2023-08-01", "2023-08-31", NULL },
	{ "2023-09-19", "The group struck this month in Spain.", "this month", "DATE", "2023-09", "", "2023-09-01", "2023-09-30", NULL },
	{ "2023-09-19", "The group struck earlier this month in Spain.", "earlier this month", "DATE", "2023-09", "START", "2023-09-01", "2023-09-19", NULL },
	{ "2023-09-19", "A trial is expected later this year in Spain.", "later this year", "DATE", "2023", "END", "2023-09-19", "2023-12-31", NULL },
	{ "2023-09-19", "Last year the group hit two hospitals.", "Last year", "DATE", "2022", "", "2022-01-01", "2022-12-31", "publication" },
	{ "2023-09-19", "The group hit two hospitals last year.", "last year", "DATE", "2022", "", "2022-01-01", "2022-12-31", NULL },
	{ "2023-09-19", "The group plans more attacks next year.", "next year", "DATE", "2024", "", "2024-01-01", "2024-12-31", NULL },
	{ "2023-09-19", "The group hit two hospitals this year.", "this year", "DATE", "2023", "", "2023-01-01", "2023-12-31", NULL },
	{ "2023-09-19", "The group emerged late last year in Asia.", "late last year", "DATE", "2022", "END", "2022-09-01", "2022-12-31", NULL },
	{ "2023-09-19", "The group emerged earlier this year in Asia.", "earlier this year", "DATE", "2023", "START", "2023-01-01", "2023-09-19", NULL },
	{ "2023-09-19", "Attacks doubled over the past year in Asia.", "the past year", "DATE", "2022", "", "2022-01-01", "2022-12-31", NULL },
	{ "2024-01-02", "The group struck last month in Spain.", "last month", "DATE", "2023-12", "", "2023-12-01", "2023-12-31", NULL },
	{ "2024-01-02", "The group hit two hospitals last year.", "last year", "DATE", "2023", "", "2023-01-01", "2023-12-31", NULL },
	{ "2024-03-01", "The bank said yesterday that data leaked.", "yesterday", "DATE", "2024-02-29", "", "2024-02-29", "2024-02-29", NULL },
	{ "2023-03-01", "The bank said yesterday that data leaked.", "yesterday", "DATE", "2023-02-28", "", "2023-02-28", "2023-02-28", NULL },
	{ "2023-12-31", "The bank will report tomorrow on the leak.", "tomorrow", "DATE", "2024-01-01", "", "2024-01-01", "2024-01-01", NULL },
	{ "2024-03-31", "The leak began a month ago, the bank said.", "a month ago", "DATE", "2024-02", "", "2024-02-01", "2024-02-29", NULL },
	{ "2020-06-15", "The rock formed 10000 years ago, they said.", "10000 years ago", "DATE", "PAST_REF", "", "", "2020-06-15", NULL },
	{ "2020-06-15", "On March 5, 10000 people marched.", "March 5", "DATE", "2020-03-05", "", NULL, NULL, NULL },
	/* a bounded or hedged count before "ago" is still a point (TimeML: mod
	 * BEFORE for "more than ... ago"), never a bare duration */
	{ "2020-06-15", "It happened more than 18 months ago, they said.", "more than 18 months ago", "DATE", "2018-12", "BEFORE", "", "2018-12-31", "publication" },
	{ "2020-06-15", "The breach began over a year ago, they said.", "over a year ago", "DATE", "2019", "BEFORE", "", "2019-12-31", NULL },
	{ "2020-06-15", "The breach began at least three weeks ago, they said.", "at least three weeks ago", "DATE", "2020-W22", "ON_OR_BEFORE", "", "2020-05-31", NULL },
	{ "2020-06-15", "The breach began less than a week ago, they said.", "less than a week ago", "DATE", "2020-W24", "AFTER", "2020-06-08", "2020-06-15", NULL },
	{ "2020-06-15", "The breach began some 18 months ago, they said.", "some 18 months ago", "DATE", "2018-12", "APPROX", "2018-12-01", "2018-12-31", NULL },
	{ "2020-06-15", "The breach began nearly two years ago, they said.", "nearly two years ago", "DATE", "2018", "APPROX", NULL, NULL, NULL },
	{ "2020-06-15", "The fix came more than two weeks later, they said.", "more than two weeks later", "DATE", "2020-W27", "AFTER", "2020-06-29", "", NULL },
	{ "2020-06-15", "The breach lasted more than 18 months in all.", "more than 18 months", "DURATION", "P18M", "MORE_THAN", NULL, NULL, NULL },

	/* --- present, past and future references */
	{ "2023-09-19", "The court is now restoring its systems.", "now", "DATE", "PRESENT_REF", "", "2023-09-19", "2023-09-19", "publication" },
	{ "2023-09-19", "Today the court restored its systems.", "Today", "DATE", "2023-09-19", "", "2023-09-19", "2023-09-19", "publication" },
	{ "2023-09-19", "HACKERS STRIKE BANK TODAY AT DAWN", "TODAY", "DATE", "2023-09-19", "", NULL, NULL, NULL },
	{ "2023-09-19", "Act NOW, the agency said.", "NOW", "DATE", "PRESENT_REF", "", NULL, NULL, NULL },
	{ "2023-09-19", "The paper told readers today that it was hit.", "today", "DATE", "2023-09-19", "", NULL, NULL, NULL },
	{ "2023-09-19", "The court is currently restoring its systems.", "currently", "DATE", "PRESENT_REF", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-19", "The court recently restored its systems.", "recently", "DATE", "PAST_REF", "", "", "2023-09-19", NULL },
	{ "2023-09-19", "Such attacks have failed in the past, experts say.", "the past", "DATE", "PAST_REF", "", "", "2023-09-19", NULL },
	{ "2023-09-19", "More attacks will come in the future, experts say.", "the future", "DATE", "FUTURE_REF", "", "2023-09-19", "", NULL },
	{ "2023-09-19", "A fix will ship in the near future, it said.", "the near future", "DATE", "FUTURE_REF", "", NULL, NULL, NULL },
	{ "2023-09-19", "Ransomware has grown in recent years, it said.", "recent years", "DATE", "PAST_REF", "", NULL, NULL, NULL },
	{ "2023-09-19", "Phishing is everywhere these days, it said.", "these days", "DATE", "PRESENT_REF", "", NULL, NULL, NULL },
	{ "2023-09-19", "Traffic spiked over the past few weeks, it said.", "the past few weeks", "DATE", "PAST_REF", "", NULL, NULL, NULL },

	/* --- times of day */
	{ "2023-09-19", "The site went dark at 10:30 a.m. ET on the day.", "10:30 a.m. ET", "TIME", "2023-09-19T10:30", "", "2023-09-19", "2023-09-19", NULL },
	{ "2023-09-19", "The site went dark at 14:00 UTC after the update.", "14:00 UTC", "TIME", "2023-09-19T14:00", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark at 5 p.m. after the update.", "5 p.m.", "TIME", "2023-09-19T17:00", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark Friday at 5 p.m. after the update.", "Friday at 5 p.m.", "TIME", "2023-09-15T17:00", "", "2023-09-15", "2023-09-15", NULL },
	{ "2023-09-19", "The site went dark this morning after the update.", "this morning", "TIME", "2023-09-19TMO", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site will go dark tonight for the update.", "tonight", "TIME", "2023-09-19TNI", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark last night after the update.", "last night", "TIME", "2023-09-18TNI", "", "2023-09-18", "2023-09-18", NULL },
	{ "2023-09-19", "The site went dark Thursday night after the update.", "Thursday night", "TIME", "2023-09-14TNI", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark yesterday morning after the update.", "yesterday morning", "TIME", "2023-09-18TMO", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark at noon Saturday after the update.", "noon Saturday", "TIME", "2023-09-16T12:00", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark at 5:30 PM Wednesday after the update.", "5:30 PM Wednesday", "TIME", "2023-09-13T17:30", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site went dark at 9 o'clock after the update.", "9 o'clock", "TIME", "2023-09-19T09:00", "", NULL, NULL, NULL },

	/* --- durations */
	{ "2023-09-19", "The site was down for three days in a row.", "three days", "DURATION", "P3D", "", "", "", NULL },
	{ "2023-09-19", "The site was down 48 hours in a row.", "48 hours", "DURATION", "PT48H", "", NULL, NULL, NULL },
	{ "2023-09-19", "The site was down a few weeks in a row.", "a few weeks", "DURATION", "PXW", "", NULL, NULL, NULL },
	{ "2023-09-19", "The gang was active for two and a half years.", "two and a half years", "DURATION", "P2.5Y", "", NULL, NULL, NULL },
	{ "2023-09-19", "The gang was active for more than a year.", "more than a year", "DURATION", "P1Y", "MORE_THAN", NULL, NULL, NULL },
	{ "2023-09-19", "Attacks tripled in the past three months, it said.", "the past three months", "DURATION", "P3M", "", NULL, NULL, NULL },
	{ "2023-09-19", "The law sets a 90-day deadline for reports.", "90-day", "DURATION", "P90D", "", NULL, NULL, NULL },
	{ "2023-09-19", "The data was kept for twenty-four hours only.", "twenty-four hours", "DURATION", "PT24H", "", NULL, NULL, NULL },
	{ "2023-09-19", "Systems stayed offline for several days.", "several days", "DURATION", "PXD", "", NULL, NULL, NULL },

	/* --- sets */
	{ "2023-09-19", "The audit is repeated every year by law.", "every year", "SET", "P1Y", "", NULL, NULL, NULL },
	{ "2023-09-19", "Backups run daily on every server.", "daily", "SET", "P1D", "", NULL, NULL, NULL },
	{ "2023-09-19", "Patches are released every Tuesday by the vendor.", "every Tuesday", "SET", "XXXX-WXX-2", "", NULL, NULL, NULL },
	{ "2023-09-19", "Keys rotate every two weeks by policy.", "every two weeks", "SET", "P2W", "", NULL, NULL, NULL },
	{ "2023-09-19", "The report is published annually by the agency.", "annually", "SET", "P1Y", "", NULL, NULL, NULL },

	/* --- ranges */
	{ "2023-02-20", "The summit runs between March 3 and 5 in Rome.", "5", "DATE", "2023-03-05", "", "2023-03-05", "2023-03-05", NULL },
	{ "2023-02-20", "The summit runs March 3-5 in Rome.", "5", "DATE", "2023-03-05", "", NULL, NULL, NULL },
	{ "2017-11-01", "Traffic spiked between the 15 and 19 October last.", "19 October", "DATE", "2017-10-19", "", NULL, NULL, NULL },
	{ "2017-11-01", "Traffic spiked between the 15 and 19 October last.", "the 15", "DATE", "2017-10-15", "", NULL, NULL, NULL },
	/* --- tense cues that their neighbours cancel */
	{ "2023-10-20", "Its board approved plans for the plant on Monday.", "Monday", "DATE", "2023-10-16", "", "2023-10-16", "2023-10-16", NULL },
	{ "2023-10-20", "Shares slid on Tuesday after weaker-than-expected sales.", "Tuesday", "DATE", "2023-10-17", "", "2023-10-17", "2023-10-17", NULL },
	{ "2023-10-20", "In January, the company sold its unit to a rival.", "January", "DATE", "2023-01", "", "2023-01-01", "2023-01-31", NULL },
	{ "2023-10-20", "The unit will be sold on Monday to a rival.", "Monday", "DATE", "2023-10-23", "", "2023-10-23", "2023-10-23", NULL },
	{ "2023-10-20", "In January, it unveiled plans to build a plant.", "January", "DATE", "2023-01", "", "2023-01-01", "2023-01-31", NULL },
	{ "2023-10-18", "The results will be released Friday, officials said.", "Friday", "DATE", "2023-10-20", "", "2023-10-20", "2023-10-20", NULL },
	{ "1989-10-30", "Prices have been cut in half since August, when they peaked.", "August", "DATE", "1989-08", "", "1989-08-01", "1989-08-31", NULL },
	{ "1989-10-26", "The trust created a new office, effective Feb. 1.", "Feb. 1", "DATE", "1990-02-01", "", "1990-02-01", "1990-02-01", NULL },
	{ "1998-02-13", "The third flight would depart each Thursday from August 6.", "August 6", "DATE", "1998-08-06", "", NULL, NULL, NULL },

	{ "1998-03-22", "The talks are set to resume Monday in Belfast.", "Monday", "DATE", "1998-03-23", "", "1998-03-23", "1998-03-23", NULL },
	{ "1998-03-22", "The talks set a record on Monday in Belfast.", "Monday", "DATE", "1998-03-16", "", "1998-03-16", "1998-03-16", NULL },

	/* --- anchoring on the previous date in the text */
	{ "2023-09-19", "The files leaked on Sept. 14. That Friday the ransom note arrived.", "That Friday", "DATE", "2023-09-15", "", "2023-09-15", "2023-09-15", "previous" },
	{ "2023-09-19", "The files leaked in March 2021. The year before, the gang grew.", "The year before", "DATE", "2020", "", "2020-01-01", "2020-12-31", "previous" },
	{ "2023-09-19", "The files leaked on Sept. 14. The day after, police came.", "The day after", "DATE", "2023-09-15", "", "2023-09-15", "2023-09-15", "previous" },
	{ "2023-09-19", "The files leaked on Sept. 14. The previous day a probe ran.", "The previous day", "DATE", "2023-09-13", "", "2023-09-13", "2023-09-13", "previous" },
	{ "2023-09-19", "The files leaked on Sept. 14. Later that day the note came.", "Later that day", "DATE", "2023-09-14", "END", NULL, NULL, "previous" },
	{ "2023-09-19", "The files leaked in March 2021. That year the gang grew.", "That year", "DATE", "2021", "", "2021-01-01", "2021-12-31", "previous" },
	{ "2021-01-03", "The files leaked on Dec. 30. Two days later the note came.", "Two days later", "DATE", "2021-01-01", "", "2021-01-01", "2021-01-01", "previous" },

	/* --- weeks and parts of days around a given date */
	{ "2023-09-19", "The gang was busy the week of Sept. 11.", "the week of Sept. 11", "DATE", "2023-W37", "", "2023-09-11", "2023-09-17", "publication" },
	{ "2023-09-19", "The fair runs the weekend of Oct. 7.", "the weekend of Oct. 7", "DATE", "2023-W40-WE", "", "2023-10-07", "2023-10-08", NULL },
	{ "2023-09-19", "The spike came on the morning of Sept. 12.", "the morning of Sept. 12", "TIME", "2023-09-12TMO", "", "2023-09-12", "2023-09-12", NULL },
	{ "2023-09-19", "The attack began at around 3 a.m. local time Sunday.", "around 3 a.m. local time Sunday", "TIME", "2023-09-17T03:00", "APPROX", NULL, NULL, NULL },
	{ "2023-09-19", "The attack came on 2023-09-14 at 14:05 UTC.", "2023-09-14 at 14:05 UTC", "TIME", "2023-09-14T14:05", "", "2023-09-14", "2023-09-14", NULL },
	{ "2023-09-19", "Date: Tue, 24 Mar 2020 13:00:34 GMT", "13:00:34 GMT", "TIME", "2020-03-24T13:00", "", "2020-03-24", "2020-03-24", "previous" },
	{ "2024-02-27", "The outage ended at 23:50 GMT on 29 February.", "23:50 GMT on 29 February", "TIME", "2024-02-29T23:50", "", "2024-02-29", "2024-02-29", NULL },

	/* --- ranges and table formats */
	{ "2020-02-18", "Domains registered August 1 – September 19, 2019 were used.", "August 1", "DATE", "2019-08-01", "", "2019-08-01", "2019-08-01", "" },
	{ "2021-01-10", "The campaign ran December 28 - January 3, 2021 in Asia.", "December 28", "DATE", "2020-12-28", "", NULL, NULL, "" },
	{ "2020-04-20", "| 2008-May-31 02:18:53 UTC | vboxdrv.sys |", "2008-May-31", "DATE", "2008-05-31", "", "2008-05-31", "2008-05-31", "" },
	{ "2020-04-20", "| 2016-03-07 09:44:01 |\n\nOn 21 February, we detected the new sample.", "21 February", "DATE", "2020-02-21", "", NULL, NULL, "publication" },
	{ "2021-01-27", "What to Expect in 2021\nJan 27, 2021\nOn 19 January, [Malwarebytes reported](x) a breach.", "19 January", "DATE", "2021-01-19", "", NULL, NULL, NULL },

	{ "1989-11-01", "Sales rose in the last half of 1989, analysts said.", "the last half of 1989", "DATE", "1989-H2", "", "1989-07-01", "1989-12-31", NULL },
	{ "1989-11-01", "Prices are falling right now, analysts said.", "right now", "DATE", "PRESENT_REF", "", NULL, NULL, NULL },

	{ "2022-06-01", "The campaign ran between January and March 2021 against banks.", "January", "DATE", "2021-01", "", "2021-01-01", "2021-01-31", "" },
	{ "2022-06-01", "Activity was observed from March to May 2020 in Europe.", "March", "DATE", "2020-03", "", NULL, NULL, "" },
	{ "2022-06-01", "Infections peaked in January, February and March 2021.", "February", "DATE", "2021-02", "", NULL, NULL, "" },
	{ "2022-06-01", "Attacks ran December - January 2021 in Asia.", "December", "DATE", "2020-12", "", NULL, NULL, "" },
	{ "2022-06-01", "Between May and June, attacks rose, and in July 2021 fell.", "June", "DATE", "2022-06", "", NULL, NULL, "publication" },

	{ "2022-06-01", "The attack happened in FY2021 Q3, it said.", "FY2021 Q3", "DATE", "2021-Q3", "", "2021-07-01", "2021-09-30", NULL },
	{ "2022-06-01", "The attack happened in Q3, the firm said.", "Q3", "DATE", "2021-Q3", "", NULL, NULL, NULL },
	{ "2022-06-01", "Sales will rise in the third quarter.", "the third quarter", "DATE", "2022-Q3", "", NULL, NULL, NULL },

	{ "2022-06-01", "The gang was active 2019-2021 in Asia.", "2019", "DATE", "2019", "", NULL, NULL, NULL },
	{ "2022-06-01", "The empire lasted (1279-1368) in China.", "1279", "DATE", "1279", "", NULL, NULL, NULL },

	{ "2021-01-01", "See https://lab52.es/2019/04/x.png. On May 5, 2020 it began.", "May 5, 2020", "DATE", "2020-05-05", "", NULL, NULL, "" },
	{ "2021-01-01", "The 2019/2020 season was hit.", "2020", "DATE", "2020", "", NULL, NULL, NULL },

	{ "2021-01-01", "See [the August 2017 report](/blogs/emotet-august-2017) for more.", "August 2017", "DATE", "2017-08", "", NULL, NULL, "" },

	/* --- frequencies */
	{ "2023-09-19", "Twice a year the audit runs.", "Twice a year", "SET", "P1Y", "", NULL, NULL, NULL },
	{ "2023-09-19", "Updates arrive 3 times a week.", "3 times a week", "SET", "P1W", "", NULL, NULL, NULL },
	{ "2023-09-19", "The script polls once per minute.", "once per minute", "SET", "PT1M", "", NULL, NULL, NULL },
	{ "2023-09-19", "Logs are checked monthly.", "monthly", "SET", "P1M", "", NULL, NULL, NULL },
};
/* clang-format on */

/* Words that only look like dates: no expression may touch `span`. */
static const struct {
	const char *text;
	const char *span;
} false_friends[] = {
	{ "Users may want to patch their routers.", "may" },
	{ "Protesters march on the ministry every week.", "march" },
	{ "The Sun reported the breach first.", "Sun" },
	{ "Install version 2.1 of the client.", "2.1" },
	{ "The resolution was backed by 123 Member States.", "123" },
	{ "Call 555-123-4567 for the help desk.", "555-123-4567" },
	{ "The home team scored 3-1 in the final.", "3-1" },
	{ "Theresa May said the attack was serious.", "May" },
	{ "The flaw CVE-2021-44228 is critical.", "CVE-2021-44228" },
	{ "Old Windows 2000 machines were hit.", "2000" },
	{ "More than 2,000 accounts were exposed.", "2,000" },
	{ "Shares will fall further, analysts said.", "fall" },
	{ "The firm has 1500 employees in Ohio.", "1500" },
	{ "The desk offers 24/7 support.", "24/7" },
	{ "Temperatures of 10.5 degrees were logged.", "10.5" },
	{ "August Wilson wrote the play.", "August" },
	{ "She sat on the board of the bank.", "sat" },
	{ "Operators rolled out 4G networks.", "4G" },
	{ "A second attack followed the first.", "A second" },
	{ "Read page 2019 of the manual.", "2019" },
	{ "The ratio was 1/2 of the total.", "1/2" },
	{ "Wed to the idea, the board agreed.", "Wed" },
	{ "The Sun and the Daily Mail reported it.", "Daily" },
	{ "Room 1999 and building 2022 were closed.", "2022" },
	{ "He left the day before the election.", "the day before" },
	{ "Install iOS 16.4.1 on every phone.", "16.4.1" },
	{ "The vote passed 52-48 in the senate.", "52-48" },
	{ "Call (202) 555-0143 for the desk.", "555-0143" },
	{ "Patch CVE-2020-1350 on every server.", "1350" },
	{ "Patch CVE-2022-1234 on every server.", "2022-1234" },
	{ "On Patch Tuesday, Microsoft fixed the bug.", "Tuesday" },
	{ "Shops braced for Black Friday crowds.", "Friday" },
	{ "The 185.220.101.1:443 host used TLS 1.2 and port 8080/tcp.", "185.220.101.1:443" },
	{ "APT28 and FIN7 used Log4j 2.17 and MS17-010 exploits.", "2.17" },
	{ "See ![](https://lab52.es/uploads/2019/04/img.png) for details.", "2019" },
	{ "Read www.example.com/2020/05/01/post today.", "2020/05/01" },
	{ "The beacon goes to TCP/2082 every hour.", "2082" },
	{ "![May 18_Image](/sites/files/May%2018_Image%202.png) shows it.", "2018" },
	{ "Files in Election_Blog_2020 were signed.", "2020" },
	{ "Mail anthony.marshall.1986@gmail.com for it.", "1986" },
	{ "Run CrackHub 2021.exe to crack it.", "2021" },
	/* a year no calendar holds: no date, never a clamped or default one */
	{ "In the year 99999 we will know.", "the year" },
	{ "The tablet is dated January 1, 99999.", "January 1" },
	/* a year after a product name is its version */
	{ "Users of Microsoft Outlook 2010 were phished.", "2010" },
	{ "Attackers hit Exchange 2013 servers last week.", "2013" },
	{ "The file was made with Visio 2013 on a PC.", "2013" },
	{ "Both Acrobat 2017 and Reader 2017 need the fix.", "2017" },
	{ "Only Foo Suite 2019 SP1 is affected.", "2019" },
	{ "Windows Server 2008 R2 is out of support.", "2008" },
	/* an all-caps TODAY/NOW closing a name */
	{ "Equifax told USA TODAY late Wednesday the criminals got in.", "TODAY" },
	{ "USA TODAY Intel chiefs: We are certain of it.", "TODAY" },
	{ "By Jane Doe, USA TODAY\nHackers hit the bank.", "TODAY" },
	{ "The firm told Reuters NOW that it had paid.", "NOW" },
};

static incline_day day(const char *s)
{
	incline_day d = 0;
	int rc = incline_date_parse_day(&d, s, strlen(s));
	assert_int_equal(rc, 0);
	return d;
}

static const incline_timex *find(const incline_timex_list *l, const char *text,
				 const char *span)
{
	size_t n = strlen(span);
	for (size_t i = 0; i < l->n; i++) {
		const incline_timex *t = &l->items[i];
		if (t->end - t->start == n && memcmp(text + t->start, span, n) == 0)
			return t;
	}
	return NULL;
}

static void bound(char out[11], incline_day d)
{
	if (d == INCLINE_DAY_NONE)
		out[0] = '\0';
	else
		incline_date_format_day(out, d);
}

static void dump(const incline_timex_list *l, const char *text)
{
	for (size_t i = 0; i < l->n; i++)
		print_error("    found '%.*s' %s %s\n", (int)(l->items[i].end - l->items[i].start),
			    text + l->items[i].start, incline_timex_type_name(l->items[i].type),
			    l->items[i].value);
}

/* Returns 0 when case c holds, else prints why and returns 1. */
static int check_case(const tcase *c)
{
	incline_timex_list l = { 0 };
	const incline_timex *t;
	char e[11], a[11];
	int bad = 0;

	assert_int_equal(incline_timex_scan(&l, c->text, strlen(c->text), 0, day(c->ref), NULL), 0);
	t = find(&l, c->text, c->span);
	if (!t) {
		print_error("[%s] \"%s\": no expression '%s'\n", c->ref, c->text, c->span);
		dump(&l, c->text);
		incline_timex_list_free(&l);
		return 1;
	}
	bound(e, t->date.earliest);
	bound(a, t->date.latest);
	if (strcmp(incline_timex_type_name(t->type), c->type) ||
	    strcmp(t->value, c->value) || strcmp(incline_timex_mod_name(t->mod), c->mod) ||
	    (c->earliest && strcmp(e, c->earliest)) || (c->latest && strcmp(a, c->latest)) ||
	    (c->anchor && strcmp(incline_timex_anchor_name(t->anchor), c->anchor))) {
		print_error("[%s] \"%s\" '%s': got %s %s mod=%s [%s..%s] anchor=%s; want %s %s mod=%s "
			    "[%s..%s] anchor=%s\n",
			    c->ref, c->text, c->span, incline_timex_type_name(t->type), t->value,
			    incline_timex_mod_name(t->mod), e, a, incline_timex_anchor_name(t->anchor),
			    c->type, c->value, c->mod, c->earliest ? c->earliest : "*",
			    c->latest ? c->latest : "*", c->anchor ? c->anchor : "*");
		bad = 1;
	}
	incline_timex_list_free(&l);
	return bad;
}

static void test_cases(void **state)
{
	int failed = 0;
	(void)state;
	assert_true(N_ELEMS(cases) >= 150);
	for (size_t i = 0; i < N_ELEMS(cases); i++)
		failed += check_case(&cases[i]);
	if (failed)
		print_error("%d of %zu cases failed\n", failed, N_ELEMS(cases));
	assert_int_equal(failed, 0);
}

static void test_false_friends(void **state)
{
	int failed = 0;
	(void)state;
	for (size_t i = 0; i < N_ELEMS(false_friends); i++) {
		const char *text = false_friends[i].text;
		const char *at = strstr(text, false_friends[i].span);
		size_t s0, s1;
		incline_timex_list l = { 0 };

		assert_non_null(at);
		s0 = (size_t)(at - text);
		s1 = s0 + strlen(false_friends[i].span);
		assert_int_equal(incline_timex_scan(&l, text, strlen(text), 0, day("2023-09-19"), NULL), 0);
		for (size_t k = 0; k < l.n; k++) {
			if (l.items[k].start < s1 && s0 < l.items[k].end) {
				print_error("\"%s\": '%s' taken as a date (%s)\n", text,
					    false_friends[i].span, l.items[k].value);
				failed++;
			}
		}
		incline_timex_list_free(&l);
	}
	assert_int_equal(failed, 0);
}

/* Offsets are into the buffer plus base; the text needs no NUL. */
static void test_offsets_and_base(void **state)
{
	const char buf[] = "xx on Sept. 19 yy";
	incline_timex_list l = { 0 };
	(void)state;

	/* Cut the buffer right after "19": no terminator, no overread. */
	assert_int_equal(incline_timex_scan(&l, buf + 3, 11, 1000, day("2023-09-20"), NULL), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].start, 1003);
	assert_int_equal(l.items[0].end, 1011);
	assert_string_equal(l.items[0].value, "2023-09-19");
	incline_timex_list_free(&l);
	incline_timex_list_free(&l); /* freeing twice is harmless */
}

/* Without a reference date only absolute expressions come out. */
static void test_no_reference(void **state)
{
	const char *text = "Yesterday, on Sept. 19, 2023, and last week, the bank was hit.";
	incline_timex_list l = { 0 };
	(void)state;

	assert_int_equal(incline_timex_scan(&l, text, strlen(text), 0, INCLINE_DAY_NONE, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].value, "2023-09-19");
	assert_int_equal(l.items[0].anchor, INCLINE_ANCHOR_NONE);
	incline_timex_list_free(&l);
}

/* A long text slides the token window: every date is still found, in
 * order, with exact offsets. */
static void test_long_text(void **state)
{
	const char *unit = "The bank was hit on Sept. 19, 2023 and again last week. ";
	size_t ulen = strlen(unit), reps = 500;
	char *text = malloc(ulen * reps + 1);
	incline_timex_list l = { 0 };
	(void)state;

	assert_non_null(text);
	for (size_t i = 0; i < reps; i++)
		memcpy(text + i * ulen, unit, ulen);
	text[ulen * reps] = '\0';
	assert_int_equal(incline_timex_scan(&l, text, ulen * reps, 0, day("2023-09-20"), NULL), 0);
	assert_int_equal(l.n, 2 * reps);
	for (size_t i = 0; i < reps; i++) {
		assert_int_equal(l.items[2 * i].start, i * ulen + 20);
		assert_string_equal(l.items[2 * i].value, "2023-09-19");
		assert_string_equal(l.items[2 * i + 1].value, "2023-W37");
	}
	incline_timex_list_free(&l);
	free(text);
}

/* The lexer reads a word 16 bytes at a time where it can and byte by
 * byte near the end of the text, in long words and around non-ASCII:
 * the same words must come out either way, in any case. */
static void test_word_paths(void **state)
{
	static const char *const tails[] = {
		" on MARCH 3, 2023", " on March 3, 2023", " on march 3, 2023 ",
		" in September\xe2\x80\x99s first week on Sept. 19, 2023",
		" the Approximately-Twelve-Letter-Word on Sept. 19, 2023",
	};
	static const char *const first[] = {
		"2023-03-03", "2023-03-03", "2023-03-03", "2023-09", "2023-09-19",
	};
	char text[128];
	incline_timex_list l = { 0 };
	(void)state;

	for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
		for (int pad = 0; pad < 24; pad++) {
			size_t len;
			memset(text, 'x', (size_t)pad);
			snprintf(text + pad, sizeof text - (size_t)pad, "%s", tails[t]);
			len = strlen(text);
			assert_int_equal(incline_timex_scan(&l, text, len, 0, day("2023-09-20"), NULL), 0);
			if (t == 2) {
				/* "march" in lower case is the verb */
				assert_int_equal(l.n, 1);
				assert_string_equal(l.items[0].value, "2023");
			} else {
				assert_true(l.n >= 1);
				assert_string_equal(l.items[0].value, first[t]);
			}
			incline_timex_list_free(&l);
		}
	}
	assert_ptr_equal(tx_lookup("march", 5), tx_lookup("march", 5));
	assert_true(tx_nwords <= TX_MAX_WORDS);
}

/* "span=value;" for each expression of text (no reference date). */
static void spans_of(const char *text, char *out, size_t size)
{
	incline_timex_list l = { 0 };
	size_t at = 0;

	out[0] = '\0';
	assert_int_equal(incline_timex_scan(&l, text, strlen(text), 0, INCLINE_DAY_NONE, NULL), 0);
	for (size_t i = 0; i < l.n; i++) {
		int w = snprintf(out + at, size - at, "%.*s=%s;", (int)(l.items[i].end - l.items[i].start),
				 text + l.items[i].start, l.items[i].value);
		assert_true(w > 0 && (size_t)w < size - at);
		at += (size_t)w;
	}
	incline_timex_list_free(&l);
}

/* Words the lexer's fast path must not misread: a word that starts like
 * a month ("Marches", "Mayday", "Septem"), digits glued to letters,
 * non-ASCII letters inside a month (Cyrillic М and а), curly quotes, a
 * word one letter longer than the lexicon's longest, codes. */
static void test_fast_path_words(void **state)
{
	static const struct {
		const char *text, *spans;
	} words[] = {
		{ "The breach began in Marches 2023 and in March 2023.", "2023=2023;March 2023=2023-03;" },
		{ "Mayday alerts came in May 2022, then Mayday 2021.", "May 2022=2022-05;2021=2021;" },
		{ "It was Septem 19, 2023 or Sept 19, 2023 or Sep. 19, 2023.",
		  "2023=2023;Sept 19, 2023=2023-09-19;Sep. 19, 2023=2023-09-19;" },
		{ "Logs: 5March 2023, March5, 2023, 19thMarch, on March 5th2023.", "2023=2023;" },
		{ "Since \xd0\x9c\x61rch 5, 2023 and since M\xd0\xb0rch 5, 2023 and since March 5, 2023.",
		  "2023=2023;2023=2023;March 5, 2023=2023-03-05;" },
		{ "In \xe2\x80\x9cMarch 2023\xe2\x80\x9d the court was hit.", "March 2023=2023-03;" },
		{ "Approximatelyy two years, nothing more.", "two years=P2Y;" },
		{ "Q3x results, FY2023x results, the Q3 results, FY2023.", "FY2023=2023;" },
		{ "MARCH 2023 and march 2023 and mArCh 2023 were cited.",
		  "MARCH 2023=2023-03;2023=2023;2023=2023;" }, /* lower-case initial: the verb */
	};
	char got[512];
	(void)state;

	for (size_t i = 0; i < N_ELEMS(words); i++) {
		spans_of(words[i].text, got, sizeof got);
		assert_string_equal(got, words[i].spans);
	}
}

/* The same expressions, item for item, with the fast paths and without. */
static void assert_same_scans(incline_timex_scanner *fast, incline_timex_scanner *slow,
			      const char *text, size_t len, incline_day ref)
{
	incline_timex_list a = { 0 }, b = { 0 };
	/* an exact-size copy: a sanitizer sees any read past the end */
	char *copy = malloc(len ? len : 1);

	assert_non_null(copy);
	memcpy(copy, text, len);
	assert_int_equal(incline_timex_scanner_scan(fast, &a, copy, len, 5, ref, NULL), 0);
	assert_int_equal(incline_timex_scanner_scan(slow, &b, copy, len, 5, ref, NULL), 0);
	assert_int_equal(a.n, b.n);
	for (size_t k = 0; k < a.n; k++)
		assert_memory_equal(&a.items[k], &b.items[k], sizeof a.items[k]);
	incline_timex_list_free(&a);
	incline_timex_list_free(&b);
	free(copy);
}

/* Every fast path of the scanner gives what the general code gives, on
 * text built from the pieces that sit on their edges: blanks of each
 * kind, line breaks, hyphens, "]", web addresses, non-ASCII letters and
 * punctuation, NUL and invalid UTF-8 bytes, digits glued to letters,
 * words of 13 to 17 letters, and every end of the buffer (each text is
 * also scanned cut at each of its last 40 bytes). */
static void test_fast_paths_same(void **state)
{
	static const char *const pieces[] = {
		"March", "Mar", "Marches", "may", "May", "Mayday", "Sept", "Sept.", "Septem",
		"september", "SEPTEMBER", "Thursday", "Thursdays", "today", "yesterday", "the",
		"a", "an", "last", "this", "next", "year", "years", "week", "ago", "early",
		"mid", "late", "of", "and", "to", "at", "least", "up", "these", "days", "right",
		"now", "more", "than", "about", "around", "approximately", "approximatelyy",
		"approximatel", "supercalifragil", "abcdefghijklmnopq", "Q3", "Q3x", "3Q", "H1",
		"FY2023", "FY23", "5March", "March5", "19th", "1990s", "'90s", "\xe2\x80\x99\x39\x30s",
		"2023", "19", "5", "2,000", "10.0.3", "2023-03-15", "3/15/2023", "10:30", "5pm",
		"p.m.", "a.m.", "o'clock", "noon", "www", "www.example.com/2020/1", "http",
		"https://x.example/2019/05/06", "[link](/files/2020/a.png)", "[x](/2019-03-05/a)",
		"I", "A", "AB", "Ab", "aB", "]", "(", ")", ",",
		".", ";", ":", "'", "\"", "-", "--", "\xe2\x80\x93", "\xe2\x80\x94", "\xc2\xa0",
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xd0\x9c\xd0\xb0\xd1\x80\xd1\x82", "M\xd0\xb0rch",
		"\xce\xa3", "\xe3\x80\x80", "\x00", "\xff", "\xc3", "\xe2\x80", "\x01", "\t",
		"Patch", "Tuesday", "Outlook", "2010", "version", "fiscal", "quarter", "daily",
		"every", "spring", "night", "morning", "o", "clock", "Mr", "U.S.", "ET", "UTC",
		/* whole expressions, so that parsers match as well as fail */
		"year-end", "year end", "quarter-end", "month end", "half a year", "half an hour",
		"each week", "every other week", "three times a year", "once a month",
		"twice a day", "the morning of", "last night", "Friday at 5 p.m.",
		"2023-09-14 at 14:05 UTC", "the same period a year earlier", "a year earlier",
		"two years ago", "the 1990s", "mid-1990s", "early 2023", "late last year",
		"the end of March", "March 3 and 5", "15-19 October", "3 to 5 March",
		"Q3 2023", "FY2022 Q4", "the third quarter", "this past weekend", "Sept. 19, 2023",
		"more than two years", "at least 5 days", "up to a week", "these days", "right now",
	};
	static const char *const gaps[] = { " ", " ", " ", " ", " ", " ", "", "  ", "\n", "\n\n", "\t", " \n ", "-", ", ", ". " };
	incline_timex_scanner *fast = NULL, *slow = NULL;
	unsigned x = 2023;
	char text[1200];
	(void)state;

	assert_int_equal(incline_timex_scanner_new(&fast, NULL), 0);
	assert_int_equal(incline_timex_scanner_new(&slow, NULL), 0);
	tx_scanner_slow(slow, true);
	for (int round = 0; round < 400; round++) {
		size_t len = 0;
		incline_day ref = round % 3 == 0 ? INCLINE_DAY_NONE : day("2023-09-20");
		while (len < 900) {
			const char *p, *g;
			size_t pl, gl;
			x = x * 1103515245u + 12345u;
			if ((x >> 20) % 2) {
				/* any lexicon word: lower case, Capitalised or UPPER */
				const tx_word *w = &tx_words[(x >> 8) % tx_nwords];
				memcpy(text + len, w->word, w->len);
				if ((x >> 21) % 3 > 0)
					text[len] = (char)(text[len] - 32);
				for (size_t c = 1; (x >> 21) % 3 == 2 && c < w->len; c++)
					text[len + c] = (char)(text[len + c] - 32);
				p = text + len;
				pl = w->len;
			} else {
				p = pieces[(x >> 8) % N_ELEMS(pieces)];
				/* "\x00" is one NUL byte */
				pl = p[0] ? strlen(p) : 1;
			}
			x = x * 1103515245u + 12345u;
			g = gaps[(x >> 8) % N_ELEMS(gaps)];
			gl = strlen(g);
			memmove(text + len, p, pl);
			memcpy(text + len + pl, g, gl);
			len += pl + gl;
		}
		assert_same_scans(fast, slow, text, len, ref);
		for (size_t cut = len - 40; cut < len; cut++)
			assert_same_scans(fast, slow, text, cut, ref);
		/* and token for token */
		for (size_t from = 0; from < 40; from += 13)
			for (size_t cut = len - 40; cut <= len; cut += 3)
				assert_int_equal(tx_lex_diff(fast, text + from, cut - from), -1);
	}
	incline_timex_scanner_free(fast);
	incline_timex_scanner_free(slow);
}

/* Arbitrary bytes never crash the scanner. */
static void test_junk(void **state)
{
	unsigned char buf[4096];
	unsigned x = 12345;
	incline_timex_list l = { 0 };
	(void)state;

	for (int round = 0; round < 20; round++) {
		for (size_t i = 0; i < sizeof buf; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = round % 2 ? (unsigned char)(x >> 16) : (unsigned char)" 0123456789-/:.,'aApPmM"[(x >> 16) % 23];
		}
		assert_int_equal(incline_timex_scan(&l, (const char *)buf, sizeof buf, 0,
						    day("2023-09-20"), NULL), 0);
		incline_timex_list_free(&l);
	}
	assert_int_equal(incline_timex_scan(&l, "", 0, 0, day("2023-09-20"), NULL), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(incline_timex_scan(&l, NULL, 0, 0, day("2023-09-20"), NULL), 0);
	assert_int_equal(incline_timex_scan(NULL, "x", 1, 0, 0, NULL), INCLINE_EUSAGE);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(incline_timex_type_name(INCLINE_TIMEX_DATE), "DATE");
	assert_string_equal(incline_timex_type_name(INCLINE_TIMEX_SET), "SET");
	assert_string_equal(incline_timex_mod_name(INCLINE_MOD_NONE), "");
	assert_string_equal(incline_timex_mod_name(INCLINE_MOD_END), "END");
	assert_string_equal(incline_timex_mod_name(INCLINE_MOD_EQUAL_OR_MORE), "EQUAL_OR_MORE");
	assert_string_equal(incline_timex_anchor_name(INCLINE_ANCHOR_NONE), "");
	assert_string_equal(incline_timex_anchor_name(INCLINE_ANCHOR_PUBLICATION), "publication");
	assert_string_equal(incline_timex_anchor_name(INCLINE_ANCHOR_PREVIOUS), "previous");
}

/* The lexicon is searched by bisection: it must stay sorted and unique. */
static void test_lexicon_sorted(void **state)
{
	(void)state;
	for (size_t i = 1; i < tx_nwords; i++)
		assert_true(strcmp(tx_words[i - 1].word, tx_words[i].word) < 0);
	for (size_t i = 0; i < tx_nwords; i++) {
		assert_int_equal(tx_words[i].len, strlen(tx_words[i].word));
		assert_true(tx_words[i].len <= TX_MAX_WORD);
		/* the lookup key: the word, zero-padded to 16 bytes */
		assert_memory_equal(tx_words[i].key, tx_words[i].word, tx_words[i].len);
		for (size_t b = tx_words[i].len; b < sizeof tx_words[i].key; b++)
			assert_int_equal(tx_words[i].key[b], 0);
		assert_ptr_equal(tx_lookup(tx_words[i].word, strlen(tx_words[i].word)), &tx_words[i]);
	}
	{
		tx_index idx;
		tx_index_init(&idx);
		for (size_t i = 0; i < tx_nwords; i++)
			assert_ptr_equal(tx_lookup_in(&idx, tx_words[i].word, tx_words[i].len), &tx_words[i]);
		assert_null(tx_lookup_in(&idx, "septembre", 9));
		assert_null(tx_lookup_in(&idx, "zz", 2));
		assert_null(tx_lookup_in(&idx, "b", 1));
		/* the edge filter admits every word, in either case */
		for (size_t i = 0; i < tx_nwords; i++) {
			const char *w = tx_words[i].word;
			size_t n = tx_words[i].len;
			assert_true(idx.edge[tx_edge((unsigned char)w[0], (unsigned char)w[n - 1])] >> n & 1);
			assert_true(idx.edge[tx_edge((unsigned char)(w[0] - 32), (unsigned char)(w[n - 1] - 32))] >> n & 1);
			for (size_t c = 0; c < n; c++)
				assert_true(w[c] >= 'a' && w[c] <= 'z');
		}
	}
	assert_null(tx_lookup("septembre", 9));
	assert_null(tx_lookup("", 0));
}

/* The seed articles in examples/ (part of the repository): the dates the
 * timeline depends on, end to end. Skipped when run outside the tree. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void expect_in(const char *path, const char *ref, const char *span, const char *value,
		      const char *earliest, const char *latest, const char *mod)
{
	size_t len;
	char *text = slurp(path, &len);
	incline_timex_list l = { 0 };
	const incline_timex *t;
	char e[11], a[11];

	if (!text) {
		print_message("seed article %s not found: skipped\n", path);
		return;
	}
	assert_int_equal(incline_timex_scan(&l, text, len, 0, day(ref), NULL), 0);
	t = find(&l, text, span);
	if (!t) {
		print_error("%s: no '%s'\n", path, span);
		dump(&l, text);
	}
	assert_non_null(t);
	assert_string_equal(t->value, value);
	bound(e, t->date.earliest);
	bound(a, t->date.latest);
	assert_string_equal(e, earliest);
	assert_string_equal(a, latest);
	assert_string_equal(incline_timex_mod_name(t->mod), mod);
	/* "123 Member States" is a count. */
	for (size_t i = 0; i < l.n; i++)
		assert_false(l.items[i].end - l.items[i].start == 3 &&
			     memcmp(text + l.items[i].start, "123", 3) == 0);
	incline_timex_list_free(&l);
	free(text);
}

/* One scanner over many texts finds exactly what a fresh scan of each
 * finds: nothing of one text (the last date, the quarter it reports on,
 * the token window) leaks into the next. */
static void test_scanner_reuse(void **state)
{
	static const char *const texts[] = {
		"The bank reported its third quarter on Oct. 5, 2022. A year earlier it lost money.",
		"A year earlier it lost money. The next day, the firm said so.",
		"",
		"Yesterday, on Sept. 19, 2023, and last week, the bank was hit; 2,000 accounts.",
		"And 5 more",
	};
	incline_timex_scanner *sc = NULL;
	(void)state;

	assert_int_equal(incline_timex_scanner_new(&sc, NULL), 0);
	for (int round = 0; round < 2; round++) {
		for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
			incline_timex_list fresh = { 0 }, reused = { 0 };
			incline_day ref = i % 2 ? day("2023-09-20") : INCLINE_DAY_NONE;
			size_t len = strlen(texts[i]);

			assert_int_equal(incline_timex_scan(&fresh, texts[i], len, 7, ref, NULL), 0);
			assert_int_equal(incline_timex_scanner_scan(sc, &reused, texts[i], len, 7,
								    ref, NULL), 0);
			assert_int_equal(reused.n, fresh.n);
			for (size_t k = 0; k < fresh.n; k++)
				assert_memory_equal(&reused.items[k], &fresh.items[k],
						    sizeof fresh.items[k]);
			incline_timex_list_free(&fresh);
			incline_timex_list_free(&reused);
		}
	}
	incline_timex_scanner_free(sc);
	incline_timex_scanner_free(NULL);
}

static void test_seed_articles(void **state)
{
	const char *a = "examples/icc-2023/000_e5bf3133bbcd0f08.txt";
	const char *b = "examples/icc-2023/002_ad1cce7abc74dd27.txt";
	(void)state;
	expect_in(a, "2023-09-20", "Sept. 19", "2023-09-19", "2023-09-19", "2023-09-19", "");
	expect_in(a, "2023-09-20", "Sept. 14", "2023-09-14", "2023-09-14", "2023-09-14", "");
	expect_in(a, "2023-09-20", "August", "2023-08", "2023-08-01", "2023-08-31", "");
	expect_in(b, "2023-09-19", "this Tuesday", "2023-09-19", "2023-09-19", "2023-09-19", "");
	expect_in(b, "2023-09-19", "the end of last week", "2023-W37", "2023-09-14", "2023-09-17", "END");
	expect_in(b, "2023-09-19", "Last year", "2022", "2022-01-01", "2022-12-31", "");
	expect_in(b, "2023-09-19", "September 19, 2023", "2023-09-19", "2023-09-19", "2023-09-19", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_false_friends),
		cmocka_unit_test(test_offsets_and_base),
		cmocka_unit_test(test_no_reference),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_junk),
		cmocka_unit_test(test_word_paths),
		cmocka_unit_test(test_fast_path_words),
		cmocka_unit_test(test_fast_paths_same),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_lexicon_sorted),
		cmocka_unit_test(test_seed_articles),
		cmocka_unit_test(test_scanner_reuse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
