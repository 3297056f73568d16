/* date.h - proleptic Gregorian calendar dates as day numbers. */
#ifndef FWSIM_DATE_H
#define FWSIM_DATE_H

#include <stddef.h>

#include "model.h"

/* Parse exactly "YYYY-MM-DD" (year 1..9999, a real calendar date). */
int date_parse(const char *s, day_t *out);

/* Write "YYYY-MM-DD" into BUF (at least 11 bytes). */
void date_format(day_t d, char *buf);

/* Add a duration; months and years keep the day of the month, clamped to
 * the month's last day (2021-01-31 + 1m = 2021-02-28).  Dates past
 * 9999-12-31 saturate there. */
day_t date_add(day_t d, struct duration dur);

/* Parse a duration "N(d|w|m|y)" with N in 0..10000. */
int duration_parse(const char *s, struct duration *out);

/* Bounds of a duration in days: a month is 28..31 days, a year 365..366. */
void duration_days(struct duration dur, long *min, long *max);

#endif
