/* incline: news articles about a cyber attack in, a sourced chronological
 * incident timeline out. Include this for the whole public API. */
#ifndef INCLINE_H
#define INCLINE_H

#define INCLINE_VERSION "0.1.0"

#include "incline/article.h"
#include "incline/date.h"
#include "incline/emit.h"
#include "incline/entity.h"
#include "incline/error.h"
#include "incline/event.h"
#include "incline/extract.h"
#include "incline/incident.h"
#include "incline/io.h"
#include "incline/limits.h"
#include "incline/load.h"
#include "incline/merge.h"
#include "incline/pipeline.h"
#include "incline/run.h"
#include "incline/text.h"
#include "incline/timex.h"

#endif
