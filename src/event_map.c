/* Span rewriting for events whose article text is not the file's bytes
 * (a decoded JSON string, an HTML page's text): the extractor works on the
 * text, and this takes its offsets back to the file afterwards, so every
 * event and every output keeps saying "bytes start..end of the file". */
#include <string.h>

#include "incline/event.h"

static void map_when(incline_when *w, const char *article, incline_span_map_fn map,
		     void *payload)
{
	if (w->has_span && w->article && strcmp(w->article, article) == 0)
		map(&w->start, &w->end, payload);
}

void incline_events_map_spans(incline_event *events, size_t n, const char *article,
			      incline_span_map_fn map, void *payload)
{
	for (size_t i = 0; i < n; i++) {
		incline_event *ev = &events[i];

		map_when(&ev->when, article, map, payload);
		for (size_t k = 0; k < ev->n_evidence; k++) {
			incline_evidence *e = &ev->evidence[k];
			if (e->article && strcmp(e->article, article) == 0) {
				map(&e->start, &e->end, payload);
				/* the sentence it names again is of the same article */
				if (e->about_end)
					map(&e->about_start, &e->about_end, payload);
			}
			map_when(&e->when, article, map, payload);
		}
		incline_event_assign_id(ev);
	}
}
