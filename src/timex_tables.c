/* The word tables of the date scanner: one sorted lexicon (no mutable
 * state) plus the TIMEX3 code tables. The scanner looks words up through
 * a hash index it builds per scan (tx_index); tx_lookup bisects the
 * sorted table. To add a word, insert it in byte order; test_timex checks
 * the order, the lengths and the keys. */
#include <stdbool.h>
#include <string.h>

#include "incline/timex.h"
#include "timex_tables.h"

/* The length is computed by the compiler, never by hand. */
#define W(word, cls, val, num, id) { word, sizeof(word) - 1, cls, val, num, id, word }

const tx_word tx_words[] = {
	W("a", TXC_NUM, 0, 1, TXW_A),
	W("about", TXC_MOD, INCLINE_MOD_APPROX, 0, 0),
	W("access", TXC_PRODUCT, 0, 0, 0),
	W("acrobat", TXC_PRODUCT, 0, 0, 0),
	W("aest", TXC_TZ, 0, 0, 0),
	W("after", TXC_CONTEXT, 0, 0, TXW_AFTER),
	W("afternoon", TXC_DAYPART, TXD_AF, 0, 0),
	W("age", 0, 0, 0, TXW_AGE),
	W("ago", TXC_PAST, 0, 0, TXW_AGO),
	W("almost", TXC_MOD, INCLINE_MOD_APPROX, 0, 0),
	W("an", TXC_NUM, 0, 1, TXW_A),
	W("and", TXC_CONTEXT, 0, 0, TXW_AND),
	W("annually", TXC_SET, TXU_YEAR, 0, 0),
	W("approximately", TXC_MOD, INCLINE_MOD_APPROX, 0, 0),
	W("apr", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 4, 0, 0),
	W("april", TXC_MONTH, 4, 0, 0),
	W("around", TXC_MOD | TXC_CONTEXT, INCLINE_MOD_APPROX, 0, 0),
	W("as", TXC_CONTEXT, 0, 0, TXW_AS),
	W("at", TXC_CONTEXT, 0, 0, TXW_AT),
	W("aug", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 8, 0, 0),
	W("august", TXC_MONTH, 8, 0, 0),
	W("autocad", TXC_PRODUCT, 0, 0, 0),
	W("autumn", TXC_SEASON, TXS_FALL, 0, 0),
	W("back", 0, 0, 0, TXW_BACK),
	W("be", 0, 0, 0, TXW_BE),
	W("became", TXC_PAST, 0, 0, 0),
	W("been", 0, 0, 0, TXW_BE),
	W("before", TXC_CONTEXT, 0, 0, TXW_BEFORE),
	W("began", TXC_PAST, 0, 0, 0),
	W("beginning", TXC_PART, TXP_START, 0, 0),
	W("being", 0, 0, 0, TXW_BE),
	W("between", TXC_CONTEXT, 0, 0, TXW_BETWEEN),
	W("beyond", 0, 0, 0, TXW_BEYOND),
	W("biweekly", TXC_SET, TXU_FORTNIGHT, 0, 0),
	W("black", TXC_NAMEDAY, 0, 0, 0),
	W("bought", TXC_PAST | TXC_PPART, 0, 0, 0),
	W("brought", TXC_PAST | TXC_PPART, 0, 0, 0),
	W("bst", TXC_TZ, 0, 0, 0),
	W("build", TXC_NOYEAR, 0, 0, 0),
	W("building", TXC_NOYEAR, 0, 0, 0),
	W("by", TXC_CONTEXT, 0, 0, TXW_BY),
	W("came", TXC_PAST, 0, 0, 0),
	W("cdt", TXC_TZ, 0, 0, 0),
	W("centuries", TXC_UNIT, TXU_CENTURY, 0, 0),
	W("century", TXC_UNIT, TXU_CENTURY, 0, TXW_CENTURY),
	W("cest", TXC_TZ, 0, 0, 0),
	W("cet", TXC_TZ, 0, 0, 0),
	W("chapter", TXC_NOYEAR, 0, 0, 0),
	W("circa", TXC_MOD, INCLINE_MOD_APPROX, 0, 0),
	W("clock", 0, 0, 0, TXW_CLOCK),
	W("co", TXC_NOSTOP, 0, 0, 0),
	W("coming", TXC_REL, TXR_NEXT, 0, TXW_COMING),
	W("comparable", 0, 0, 0, TXW_SAME),
	W("corp", TXC_NOSTOP, 0, 0, 0),
	W("corresponding", 0, 0, 0, TXW_SAME),
	W("couple", TXC_NUM, 0, 2, TXW_COUPLE),
	W("cst", TXC_TZ, 0, 0, 0),
	W("ct", TXC_TZ, 0, 0, 0),
	W("current", TXC_REL, TXR_THIS, 0, TXW_CURRENT),
	W("currently", TXC_REF, TXF_PRESENT, 0, 0),
	W("cve", TXC_NOYEAR, 0, 0, 0),
	W("cyber", TXC_NAMEDAY, 0, 0, 0),
	W("daily", TXC_SET, TXU_DAY, 0, 0),
	W("date", 0, 0, 0, TXW_DATE),
	W("day", TXC_UNIT, TXU_DAY, 0, 0),
	W("days", TXC_UNIT, TXU_DAY, 0, TXW_DAYS),
	W("daytime", TXC_DAYPART, TXD_DT, 0, 0),
	W("dec", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 12, 0, 0),
	W("decade", TXC_UNIT, TXU_DECADE, 0, TXW_DECADE),
	W("decades", TXC_UNIT, TXU_DECADE, 0, 0),
	W("december", TXC_MONTH, 12, 0, 0),
	W("did", TXC_PAST, 0, 0, 0),
	W("dozen", TXC_NUM, 0, 12, TXW_DOZEN),
	W("dr", TXC_NOSTOP, 0, 0, 0),
	W("during", TXC_CONTEXT, 0, 0, TXW_DURING),
	W("dynamics", TXC_PRODUCT, 0, 0, 0),
	W("each", TXC_CONTEXT, 0, 0, TXW_EACH),
	W("earlier", TXC_CONTEXT | TXC_PAST, 0, 0, TXW_EARLIER),
	W("early", TXC_PART | TXC_CONTEXT, TXP_START, 0, TXW_EARLY),
	W("edition", TXC_NOYEAR, 0, 0, 0),
	W("edt", TXC_TZ, 0, 0, 0),
	W("eest", TXC_TZ, 0, 0, 0),
	W("eet", TXC_TZ, 0, 0, 0),
	W("effective", TXC_FUTURE, 0, 0, 0), /* "effective Feb. 1": a coming change */
	W("eight", TXC_NUM, 0, 8, 0),
	W("eighteen", TXC_NUM, 0, 18, 0),
	W("eighteenth", TXC_ORD, 0, 18, 0),
	W("eighth", TXC_ORD, 0, 8, 0),
	W("eighties", TXC_DECADE, 0, 8, 0),
	W("eighty", TXC_NUM | TXC_TENS, 0, 80, 0),
	W("eleven", TXC_NUM, 0, 11, 0),
	W("eleventh", TXC_ORD, 0, 11, 0),
	W("end", TXC_PART, TXP_END, 0, 0),
	W("ended", 0, 0, 0, TXW_ENDED),
	W("ending", 0, 0, 0, TXW_ENDING),
	W("error", TXC_NOYEAR, 0, 0, 0),
	W("est", TXC_TZ, 0, 0, 0),
	W("et", TXC_TZ, 0, 0, 0),
	W("evening", TXC_DAYPART, TXD_EV, 0, 0),
	W("event", TXC_NOYEAR, 0, 0, 0),
	W("every", TXC_CONTEXT, 0, 0, TXW_EVERY),
	W("excel", TXC_PRODUCT, 0, 0, 0),
	W("exchange", TXC_PRODUCT, 0, 0, 0),
	W("expect", TXC_FUTURE, 0, 0, 0),
	W("expected", TXC_FUTURE, 0, 0, TXW_EXPECTED),
	W("expects", TXC_FUTURE, 0, 0, 0),
	W("fall", TXC_SEASON | TXC_AMBIG, TXS_FALL, 0, 0),
	W("feb", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 2, 0, 0),
	W("february", TXC_MONTH, 2, 0, 0),
	W("fell", TXC_PAST, 0, 0, 0),
	W("few", TXC_NUM, 0, -1, TXW_FEW),
	W("fewer", TXC_MOD, INCLINE_MOD_LESS_THAN, 0, TXW_LESS),
	W("fifteen", TXC_NUM, 0, 15, 0),
	W("fifteenth", TXC_ORD, 0, 15, 0),
	W("fifth", TXC_ORD, 0, 5, 0),
	W("fifties", TXC_DECADE, 0, 5, 0),
	W("fifty", TXC_NUM | TXC_TENS, 0, 50, 0),
	W("first", TXC_ORD, 0, 1, 0),
	W("fiscal", 0, 0, 0, TXW_FISCAL),
	W("five", TXC_NUM, 0, 5, 0),
	W("flight", TXC_NOYEAR, 0, 0, 0),
	W("following", TXC_REL, TXR_NEXT, 0, TXW_FOLLOWING),
	W("formerly", 0, 0, 0, 0),
	W("forties", TXC_DECADE, 0, 4, 0),
	W("fortnight", TXC_UNIT, TXU_FORTNIGHT, 0, 0),
	W("forty", TXC_NUM | TXC_TENS, 0, 40, 0),
	W("found", TXC_PAST, 0, 0, 0),
	W("four", TXC_NUM, 0, 4, 0),
	W("fourteen", TXC_NUM, 0, 14, 0),
	W("fourteenth", TXC_ORD, 0, 14, 0),
	W("fourth", TXC_ORD, 0, 4, 0),
	W("fri", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 5, 0, 0),
	W("friday", TXC_WEEKDAY, 5, 0, 0),
	W("from", TXC_CONTEXT, 0, 0, TXW_FROM),
	W("full", 0, 0, 0, TXW_FULL),
	W("future", 0, 0, 0, TXW_FUTURE),
	W("fy", 0, 0, 0, TXW_FISCAL),
	W("gave", TXC_PAST, 0, 0, 0),
	W("gen", TXC_NOSTOP, 0, 0, 0),
	W("gmt", TXC_TZ, 0, 0, 0),
	W("good", TXC_NAMEDAY, 0, 0, 0),
	W("gov", TXC_NOSTOP, 0, 0, 0),
	W("grew", TXC_PAST, 0, 0, 0),
	W("had", TXC_PAST, 0, 0, 0),
	W("half", TXC_UNIT, TXU_HALF, 0, TXW_HALF),
	W("hence", 0, 0, 0, TXW_HENCE),
	W("hit", TXC_PAST, 0, 0, 0),
	W("hkt", TXC_TZ, 0, 0, 0),
	W("hour", TXC_UNIT, TXU_HOUR, 0, 0),
	W("hourly", TXC_SET, TXU_HOUR, 0, 0),
	W("hours", TXC_UNIT, TXU_HOUR, 0, 0),
	W("hr", TXC_UNIT, TXU_HOUR, 0, 0),
	W("hrs", TXC_UNIT, TXU_HOUR, 0, 0),
	W("hundred", TXC_NUM, 0, 100, TXW_HUNDRED),
	W("id", TXC_NOYEAR, 0, 0, 0),
	W("illustrator", TXC_PRODUCT, 0, 0, 0),
	W("in", TXC_CONTEXT, 0, 0, TXW_IN),
	W("inc", TXC_NOSTOP, 0, 0, 0),
	W("intends", TXC_FUTURE, 0, 0, 0),
	W("into", TXC_CONTEXT, 0, 0, 0),
	W("iso", TXC_NOYEAR, 0, 0, 0),
	W("jan", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 1, 0, 0),
	W("january", TXC_MONTH, 1, 0, 0),
	W("jr", TXC_NOSTOP, 0, 0, 0),
	W("jst", TXC_TZ, 0, 0, 0),
	W("jul", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 7, 0, 0),
	W("july", TXC_MONTH, 7, 0, 0),
	W("jun", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 6, 0, 0),
	W("june", TXC_MONTH, 6, 0, 0),
	W("kb", TXC_NOYEAR, 0, 0, 0),
	W("kst", TXC_TZ, 0, 0, 0),
	W("last", TXC_REL | TXC_CONTEXT, TXR_LAST, 0, TXW_LAST),
	W("late", TXC_PART | TXC_CONTEXT, TXP_END, 0, TXW_LATE),
	W("lately", TXC_REF, TXF_PAST, 0, 0),
	W("later", TXC_CONTEXT, 0, 0, TXW_LATER),
	W("latest", 0, 0, 0, TXW_LATEST),
	W("least", 0, 0, 0, TXW_LEAST),
	W("less", TXC_MOD, INCLINE_MOD_LESS_THAN, 0, TXW_LESS),
	W("ll", TXC_FUTURE, 0, 0, 0),
	W("local", 0, 0, 0, TXW_LOCAL),
	W("long", 0, 0, 0, TXW_LONG),
	W("ltd", TXC_NOSTOP, 0, 0, 0),
	W("lync", TXC_PRODUCT, 0, 0, 0),
	W("made", TXC_PAST, 0, 0, 0),
	W("many", TXC_NUM, 0, -1, TXW_MANY),
	W("mar", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 3, 0, 0),
	W("march", TXC_MONTH | TXC_AMBIG, 3, 0, 0),
	W("may", TXC_MONTH | TXC_AMBIG, 5, 0, 0),
	W("mdt", TXC_TZ, 0, 0, 0),
	W("met", TXC_PAST | TXC_PPART, 0, 0, 0),
	W("mid", TXC_PART | TXC_CONTEXT, TXP_MID, 0, 0),
	W("midday", TXC_DAYPART, TXD_MI, 0, 0),
	W("middle", TXC_PART, TXP_MID, 0, 0),
	W("midnight", TXC_DAYPART, TXD_NI, 0, TXW_MIDNIGHT),
	W("mins", TXC_UNIT, TXU_MINUTE, 0, 0),
	W("minute", TXC_UNIT, TXU_MINUTE, 0, 0),
	W("minutes", TXC_UNIT, TXU_MINUTE, 0, 0),
	W("model", TXC_NOYEAR, 0, 0, 0),
	W("moment", 0, 0, 0, TXW_MOMENT),
	W("mon", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 1, 0, 0),
	W("monday", TXC_WEEKDAY, 1, 0, 0),
	W("month", TXC_UNIT, TXU_MONTH, 0, 0),
	W("monthly", TXC_SET, TXU_MONTH, 0, 0),
	W("months", TXC_UNIT, TXU_MONTH, 0, 0),
	W("more", TXC_MOD, INCLINE_MOD_MORE_THAN, 0, TXW_MORE),
	W("morning", TXC_DAYPART, TXD_MO, 0, 0),
	W("mornings", TXC_DAYPART, TXD_MO, 0, 0),
	W("mr", TXC_NOSTOP, 0, 0, 0),
	W("mrs", TXC_NOSTOP, 0, 0, 0),
	W("ms", TXC_NOYEAR | TXC_NOSTOP, 0, 0, 0),
	W("msk", TXC_TZ, 0, 0, 0),
	W("mst", TXC_TZ, 0, 0, 0),
	W("mt", TXC_TZ, 0, 0, 0),
	W("near", 0, 0, 0, TXW_NEAR),
	W("nearly", TXC_MOD, INCLINE_MOD_APPROX, 0, 0),
	W("next", TXC_REL | TXC_CONTEXT | TXC_FUTURE, TXR_NEXT, 0, TXW_NEXT),
	W("night", TXC_UNIT | TXC_DAYPART, TXU_NIGHT, 0, 0),
	W("nightly", TXC_SET, TXU_NIGHT, 0, 0),
	W("nights", TXC_UNIT, TXU_NIGHT, 0, 0),
	W("nine", TXC_NUM, 0, 9, 0),
	W("nineteen", TXC_NUM, 0, 19, 0),
	W("nineteenth", TXC_ORD, 0, 19, 0),
	W("nineties", TXC_DECADE, 0, 9, 0),
	W("ninety", TXC_NUM | TXC_TENS, 0, 90, 0),
	W("ninth", TXC_ORD, 0, 9, 0),
	W("no", TXC_NOYEAR | TXC_NOSTOP, 0, 0, 0),
	W("noon", TXC_DAYPART, TXD_MI, 0, TXW_NOON),
	W("nov", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 11, 0, 0),
	W("november", TXC_MONTH, 11, 0, 0),
	W("now", TXC_REF, TXF_PRESENT, 0, TXW_NOW),
	W("nowadays", TXC_REF, TXF_PRESENT, 0, 0),
	W("number", TXC_NOYEAR, 0, 0, 0),
	W("o", 0, 0, 0, TXW_O),
	W("oct", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 10, 0, 0),
	W("october", TXC_MONTH, 10, 0, 0),
	W("of", TXC_CONTEXT, 0, 0, TXW_OF),
	W("office", TXC_NOYEAR, 0, 0, 0),
	W("on", TXC_CONTEXT, 0, 0, TXW_ON),
	W("once", 0, 0, 1, TXW_ONCE),
	W("one", TXC_NUM, 0, 1, TXW_ONE),
	W("or", 0, 0, 0, TXW_OR),
	W("other", 0, 0, 0, TXW_OTHER),
	W("outlook", TXC_PRODUCT, 0, 0, 0),
	W("over", TXC_MOD, INCLINE_MOD_MORE_THAN, 0, TXW_OVER),
	W("overnight", TXC_DAYPART, TXD_NI, 0, TXW_OVERNIGHT),
	W("page", TXC_NOYEAR, 0, 0, 0),
	W("pages", TXC_NOYEAR, 0, 0, 0),
	W("past", TXC_REL | TXC_CONTEXT, TXR_LAST, 0, TXW_PAST),
	W("patch", TXC_NAMEDAY, 0, 0, 0),
	W("payable", TXC_FUTURE, 0, 0, 0),
	W("pdt", TXC_TZ, 0, 0, 0),
	W("per", 0, 0, 0, TXW_PER),
	W("period", 0, 0, 0, TXW_PERIOD),
	W("photoshop", TXC_PRODUCT, 0, 0, 0),
	W("pin", TXC_NOYEAR, 0, 0, 0),
	W("plan", TXC_FUTURE, 0, 0, TXW_PLAN),
	W("planned", TXC_FUTURE, 0, 0, 0),
	W("plans", TXC_FUTURE, 0, 0, TXW_PLAN),
	W("port", TXC_NOYEAR, 0, 0, 0),
	W("ports", TXC_NOYEAR, 0, 0, 0),
	W("powerpoint", TXC_PRODUCT, 0, 0, 0),
	W("preceding", TXC_REL, TXR_LAST, 0, TXW_PREVIOUS),
	W("present", TXC_REL, TXR_THIS, 0, TXW_PRESENT),
	W("presently", TXC_REF, TXF_PRESENT, 0, 0),
	W("previous", TXC_REL, TXR_LAST, 0, TXW_PREVIOUS),
	W("previously", 0, 0, 0, 0),
	W("prior", TXC_REL, TXR_LAST, 0, TXW_PRIOR),
	W("project", TXC_PRODUCT, 0, 0, 0),
	W("pst", TXC_TZ, 0, 0, 0),
	W("pt", TXC_TZ, 0, 0, 0),
	W("quarter", TXC_UNIT, TXU_QUARTER, 0, 0),
	W("quarterly", TXC_SET, TXU_QUARTER, 0, 0),
	W("quarters", TXC_UNIT, TXU_QUARTER, 0, 0),
	W("reader", TXC_PRODUCT, 0, 0, 0),
	W("recent", 0, 0, 0, TXW_RECENT),
	W("recently", TXC_REF, TXF_PAST, 0, 0),
	W("release", TXC_NOYEAR, 0, 0, 0),
	W("rep", TXC_NOSTOP, 0, 0, 0),
	W("rfc", TXC_NOYEAR, 0, 0, 0),
	W("right", 0, 0, 0, TXW_RIGHT),
	W("room", TXC_NOYEAR, 0, 0, 0),
	W("rose", TXC_PAST, 0, 0, 0),
	W("roughly", TXC_MOD, INCLINE_MOD_APPROX, 0, 0),
	W("route", TXC_NOYEAR, 0, 0, 0),
	W("said", TXC_PAST, 0, 0, 0),
	W("same", TXC_REL, TXR_THAT, 0, TXW_SAME),
	W("sat", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 6, 0, 0),
	W("saturday", TXC_WEEKDAY, 6, 0, 0),
	W("saw", TXC_PAST, 0, 0, 0),
	W("scheduled", TXC_FUTURE, 0, 0, 0),
	W("second", TXC_UNIT | TXC_ORD, TXU_SECOND, 2, 0),
	W("seconds", TXC_UNIT, TXU_SECOND, 0, 0),
	W("section", TXC_NOYEAR, 0, 0, 0),
	W("sen", TXC_NOSTOP, 0, 0, 0),
	W("sep", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 9, 0, 0),
	W("sept", TXC_MONTH | TXC_ABBR | TXC_NOSTOP, 9, 0, 0),
	W("september", TXC_MONTH, 9, 0, 0),
	W("server", TXC_NOYEAR, 0, 0, 0),
	W("set", TXC_FUTURE, 0, 0, TXW_SET), /* "set to resume": only before "to" */
	W("seven", TXC_NUM, 0, 7, 0),
	W("seventeen", TXC_NUM, 0, 17, 0),
	W("seventeenth", TXC_ORD, 0, 17, 0),
	W("seventh", TXC_ORD, 0, 7, 0),
	W("seventies", TXC_DECADE, 0, 7, 0),
	W("seventy", TXC_NUM | TXC_TENS, 0, 70, 0),
	W("several", TXC_NUM, 0, -1, TXW_SEVERAL),
	W("sgt", TXC_TZ, 0, 0, 0),
	W("shall", TXC_FUTURE, 0, 0, 0),
	W("sharepoint", TXC_PRODUCT, 0, 0, 0),
	W("short", 0, 0, 0, TXW_SHORT),
	W("since", TXC_CONTEXT, 0, 0, TXW_SINCE),
	W("six", TXC_NUM, 0, 6, 0),
	W("sixteen", TXC_NUM, 0, 16, 0),
	W("sixteenth", TXC_ORD, 0, 16, 0),
	W("sixth", TXC_ORD, 0, 6, 0),
	W("sixties", TXC_DECADE, 0, 6, 0),
	W("sixty", TXC_NUM | TXC_TENS, 0, 60, 0),
	W("slated", TXC_FUTURE, 0, 0, 0),
	W("so", 0, 0, 0, TXW_SO),
	W("sold", TXC_PAST | TXC_PPART, 0, 0, 0),
	W("some", TXC_NUM, 0, -1, TXW_SOME),
	W("spent", TXC_PAST | TXC_PPART, 0, 0, 0),
	W("spring", TXC_SEASON, TXS_SPRING, 0, 0),
	W("sql", TXC_NOYEAR, 0, 0, 0),
	W("sr", TXC_NOSTOP, 0, 0, 0),
	W("st", TXC_NOSTOP, 0, 0, 0),
	W("start", TXC_PART, TXP_START, 0, 0),
	W("studio", TXC_NOYEAR, 0, 0, 0),
	W("suite", TXC_NOYEAR, 0, 0, 0),
	W("summer", TXC_SEASON, TXS_SUMMER, 0, 0),
	W("sun", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 7, 0, 0),
	W("sunday", TXC_WEEKDAY, 7, 0, 0),
	W("super", TXC_NAMEDAY, 0, 0, 0),
	W("ten", TXC_NUM, 0, 10, 0),
	W("tenth", TXC_ORD, 0, 10, 0),
	W("term", 0, 0, 0, TXW_TERM),
	W("than", 0, 0, 0, TXW_THAN),
	W("that", TXC_REL, TXR_THAT, 0, TXW_THAT),
	W("the", TXC_CONTEXT, 0, 0, TXW_THE),
	W("these", 0, 0, 0, TXW_THESE),
	W("third", TXC_ORD, 0, 3, 0),
	W("thirteen", TXC_NUM, 0, 13, 0),
	W("thirteenth", TXC_ORD, 0, 13, 0),
	W("thirties", TXC_DECADE, 0, 3, 0),
	W("thirtieth", TXC_ORD, 0, 30, 0),
	W("thirty", TXC_NUM | TXC_TENS, 0, 30, 0),
	W("this", TXC_REL | TXC_CONTEXT, TXR_THIS, 0, TXW_THIS),
	W("thousand", TXC_NUM, 0, 1000, TXW_THOUSAND),
	W("three", TXC_NUM, 0, 3, 0),
	W("through", TXC_CONTEXT, 0, 0, TXW_THROUGH),
	W("throughout", TXC_CONTEXT, 0, 0, TXW_DURING),
	W("thru", TXC_CONTEXT, 0, 0, TXW_THROUGH),
	W("thu", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 4, 0, 0),
	W("thur", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 4, 0, 0),
	W("thurs", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 4, 0, 0),
	W("thursday", TXC_WEEKDAY, 4, 0, 0),
	W("till", TXC_CONTEXT, 0, 0, TXW_UNTIL),
	W("time", 0, 0, 0, TXW_TIME),
	W("times", 0, 0, 0, TXW_TIMES),
	W("to", TXC_CONTEXT, 0, 0, TXW_TO),
	W("today", TXC_REF, TXF_TODAY, 0, 0),
	W("told", TXC_PAST, 0, 0, 0),
	W("tomorrow", TXC_REF | TXC_FUTURE, TXF_TOMORROW, 0, 0),
	W("tonight", TXC_REF, TXF_TONIGHT, 0, 0),
	W("took", TXC_PAST, 0, 0, 0),
	W("tue", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 2, 0, 0),
	W("tues", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 2, 0, 0),
	W("tuesday", TXC_WEEKDAY, 2, 0, 0),
	W("twelfth", TXC_ORD, 0, 12, 0),
	W("twelve", TXC_NUM, 0, 12, 0),
	W("twenties", TXC_DECADE, 0, 2, 0),
	W("twentieth", TXC_ORD, 0, 20, 0),
	W("twenty", TXC_NUM | TXC_TENS, 0, 20, 0),
	W("twice", 0, 0, 2, TXW_TWICE),
	W("two", TXC_NUM, 0, 2, TXW_TWO),
	W("under", TXC_MOD, INCLINE_MOD_LESS_THAN, 0, 0),
	W("until", TXC_CONTEXT, 0, 0, TXW_UNTIL),
	W("up", 0, 0, 0, TXW_UP),
	W("upcoming", TXC_REL | TXC_FUTURE, TXR_NEXT, 0, TXW_COMING),
	W("utc", TXC_TZ, 0, 0, 0),
	W("v", TXC_NOYEAR | TXC_NOSTOP, 0, 0, 0),
	W("ver", TXC_NOYEAR, 0, 0, 0),
	W("version", TXC_NOYEAR, 0, 0, 0),
	W("visio", TXC_PRODUCT, 0, 0, 0),
	W("vs", TXC_NOSTOP, 0, 0, 0),
	W("was", TXC_PAST, 0, 0, 0),
	W("wed", TXC_WEEKDAY | TXC_ABBR | TXC_AMBIG | TXC_NOSTOP, 3, 0, 0),
	W("wednesday", TXC_WEEKDAY, 3, 0, 0),
	W("week", TXC_UNIT, TXU_WEEK, 0, 0),
	W("weekend", TXC_UNIT, TXU_WEEKEND, 0, 0),
	W("weekends", TXC_UNIT, TXU_WEEKEND, 0, 0),
	W("weekly", TXC_SET, TXU_WEEK, 0, 0),
	W("weeks", TXC_UNIT, TXU_WEEK, 0, 0),
	W("went", TXC_PAST, 0, 0, 0),
	W("were", TXC_PAST, 0, 0, 0),
	W("will", TXC_FUTURE, 0, 0, 0),
	W("windows", TXC_NOYEAR, 0, 0, 0),
	W("winter", TXC_SEASON, TXS_WINTER, 0, 0),
	W("within", TXC_CONTEXT, 0, 0, TXW_WITHIN),
	W("wo", TXC_FUTURE, 0, 0, 0),
	W("won", TXC_PAST | TXC_PPART, 0, 0, 0),
	W("would", TXC_FUTURE, 0, 0, 0),
	W("xbox", TXC_PRODUCT, 0, 0, 0),
	W("year", TXC_UNIT, TXU_YEAR, 0, TXW_YEAR_WORD),
	W("yearly", TXC_SET, TXU_YEAR, 0, 0),
	W("years", TXC_UNIT, TXU_YEAR, 0, 0),
	W("yesterday", TXC_REF | TXC_PAST, TXF_YESTERDAY, 0, 0),
	W("yet", 0, 0, 0, TXW_YET),
	W("yr", TXC_UNIT, TXU_YEAR, 0, 0),
	W("yrs", TXC_UNIT, TXU_YEAR, 0, 0),
};

const size_t tx_nwords = sizeof tx_words / sizeof tx_words[0];

/* Byte-order comparison of a table word with w[0..n). */
static int word_cmp(const tx_word *k, const char *w, size_t n)
{
	size_t m = k->len < n ? k->len : n;

	for (size_t i = 0; i < m; i++) {
		if (k->word[i] != w[i])
			return (unsigned char)k->word[i] < (unsigned char)w[i] ? -1 : 1;
	}
	return (k->len > n) - (k->len < n);
}

tx_key tx_key_of(const char *w, size_t n)
{
	unsigned char buf[16] = { 0 };
	tx_key k;

	for (size_t i = 0; i < n && i < 15; i++)
		buf[i] = (unsigned char)(w[i] | 0x20);
	memcpy(&k.lo, buf, 8);
	memcpy(&k.hi, buf + 8, 8);
	return k;
}

/* Fills idx from the table (about 400 words in 2048 slots: probe chains
 * stay short). */
void tx_index_init(tx_index *idx)
{
	memset(idx->slot, 0, sizeof idx->slot);
	memset(idx->edge, 0, sizeof idx->edge);
	/* Never the key of a word: word keys end in zero bytes. */
	idx->key[0].lo = idx->key[0].hi = ~(uint64_t)0;
	for (size_t i = 0; i < TX_MAX_WORDS && i < tx_nwords; i++) {
		size_t at;
		memcpy(&idx->key[i + 1], tx_words[i].key, sizeof idx->key[0]);
		at = tx_key_slot(idx->key[i + 1]);
		while (idx->slot[at])
			at = (at + 1) & (TX_HASH_SIZE - 1);
		idx->slot[at] = (uint16_t)(i + 1);
		idx->edge[tx_edge((unsigned char)tx_words[i].word[0],
				  (unsigned char)tx_words[i].word[tx_words[i].len - 1])] |=
			(uint16_t)(1u << tx_words[i].len);
	}
}

static const tx_word *search(size_t lo, size_t hi, const char *w, size_t n)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = word_cmp(&tx_words[mid], w, n);

		if (c == 0)
			return &tx_words[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const tx_word *tx_lookup_in(const tx_index *idx, const char *w, size_t n)
{
	tx_key k;

	if (n == 0 || n > TX_MAX_WORD || w[0] < 'a' || w[0] > 'z')
		return NULL;
	if (!idx)
		return search(0, tx_nwords, w, n);
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return NULL;
	k = tx_key_of(w, n);
	return tx_lookup_key(idx, k);
}

const tx_word *tx_lookup(const char *w, size_t n)
{
	return tx_lookup_in(NULL, w, n);
}

const char *const tx_season_code[] = { "", "SP", "SU", "FA", "WI" };
const char *const tx_daypart_code[] = { "", "MO", "MI", "AF", "EV", "NI", "DT" };

/* Indexed by TXU_*. */
const char *const tx_unit_code[TXU_COUNT] = {
	[TXU_NONE] = "", [TXU_SECOND] = "S", [TXU_MINUTE] = "M",
	[TXU_HOUR] = "H", [TXU_DAY] = "D", [TXU_NIGHT] = "D",
	[TXU_WEEKEND] = "WE", [TXU_WEEK] = "W", [TXU_FORTNIGHT] = "W",
	[TXU_MONTH] = "M", [TXU_QUARTER] = "Q", [TXU_HALF] = "H",
	[TXU_YEAR] = "Y", [TXU_DECADE] = "DE", [TXU_CENTURY] = "CE",
};

const unsigned char tx_unit_is_time[TXU_COUNT] = {
	[TXU_SECOND] = 1, [TXU_MINUTE] = 1, [TXU_HOUR] = 1,
};
