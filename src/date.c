/* date.c - civil-date arithmetic (Howard Hinnant's days_from_civil). */
#include "date.h"

#include <stdio.h>
#include <string.h>

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(long y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static day_t days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

static void civil_from_days(day_t z0, long *y, int *m, int *d)
{
	long z = (long)z0 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, int n, long *out)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, day_t *out)
{
	long y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) < 0 || digits(s + 5, 2, &m) < 0 ||
	    digits(s + 8, 2, &d) < 0)
		return -1;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, (int)m))
		return -1;
	*out = days_from_civil(y, (int)m, (int)d);
	return 0;
}

void date_format(day_t day, char *buf)
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 11, "%04ld-%02d-%02d", y, m, d);
}

/* The last date fwsim knows; later ones saturate here. */
static day_t date_max(void)
{
	return days_from_civil(9999, 12, 31);
}

static day_t saturate(long d)
{
	return d > date_max() ? date_max() : (day_t)d;
}

day_t date_add(day_t day, struct duration dur)
{
	long y, months;
	int m, d;

	switch (dur.unit) {
	case 'd':
		return saturate((long)day + dur.n);
	case 'w':
		return saturate((long)day + (long)dur.n * 7);
	default:
		break;
	}
	civil_from_days(day, &y, &m, &d);
	months = (long)dur.n * (dur.unit == 'y' ? 12 : 1) + (m - 1);
	y += months / 12;
	m = (int)(months % 12) + 1;
	if (y > 9999)
		return date_max();
	if (d > month_days(y, m))
		d = month_days(y, m);
	return days_from_civil(y, m, d);
}

int duration_parse(const char *s, struct duration *out)
{
	size_t len = strlen(s), i;
	unsigned long n = 0;

	if (len < 2 || len > 6 || !strchr("dwmy", s[len - 1]))
		return -1;
	if (s[0] == '0' && len > 2)
		return -1;
	for (i = 0; i + 1 < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		n = n * 10 + (unsigned long)(s[i] - '0');
	}
	if (n > 10000)
		return -1;
	out->n = (uint32_t)n;
	out->unit = s[len - 1];
	return 0;
}

void duration_days(struct duration dur, long *min, long *max)
{
	long n = dur.n;

	switch (dur.unit) {
	case 'd':
		*min = *max = n;
		break;
	case 'w':
		*min = *max = n * 7;
		break;
	case 'm':
		*min = n * 28;
		*max = n * 31;
		break;
	default:
		*min = n * 365;
		*max = n * 366;
		break;
	}
}
