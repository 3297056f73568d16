/* test_date.c - calendar dates and durations. */
#include "testutil.h"

#include "date.h"

static day_t D(const char *s)
{
	day_t d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void parse_should_reject_impossible_dates(void **state)
{
	day_t d;

	(void)state;
	assert_int_equal(date_parse("2021-02-30", &d), -1);
	assert_int_equal(date_parse("2021-13-01", &d), -1);
	assert_int_equal(date_parse("2021-2-3", &d), -1);
	assert_int_equal(date_parse("0000-01-01", &d), -1);
	assert_int_equal(date_parse("2021-01-01x", &d), -1);
	assert_int_equal(date_parse("2020-02-29", &d), 0);
	assert_int_equal(date_parse("2100-02-29", &d), -1);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
}

static void format_should_round_trip(void **state)
{
	const char *dates[] = {"1970-01-01", "2020-03-31", "2000-02-29", "9999-12-31",
			       "0001-01-01"};
	char buf[11];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(dates) / sizeof(*dates); i++) {
		date_format(D(dates[i]), buf);
		assert_string_equal(buf, dates[i]);
	}
	assert_int_equal(D("1970-01-02") - D("1970-01-01"), 1);
	assert_int_equal(D("2021-01-01") - D("2020-01-01"), 366);
}

static void add_months_should_clamp_to_month_end(void **state)
{
	struct duration m1 = {1, 'm'}, m6 = {6, 'm'}, m12 = {12, 'm'}, y1 = {1, 'y'},
			w2 = {2, 'w'}, d90 = {90, 'd'};
	char buf[11];

	(void)state;
	date_format(date_add(D("2021-01-31"), m1), buf);
	assert_string_equal(buf, "2021-02-28");
	date_format(date_add(D("2020-01-31"), m1), buf);
	assert_string_equal(buf, "2020-02-29");
	date_format(date_add(D("2020-10-15"), m6), buf);
	assert_string_equal(buf, "2021-04-15");
	date_format(date_add(D("2020-10-15"), m12), buf);
	assert_string_equal(buf, "2021-10-15");
	date_format(date_add(D("2020-02-29"), y1), buf);
	assert_string_equal(buf, "2021-02-28");
	date_format(date_add(D("2020-12-25"), w2), buf);
	assert_string_equal(buf, "2021-01-08");
	date_format(date_add(D("2020-01-01"), d90), buf);
	assert_string_equal(buf, "2020-03-31");
}

static void duration_parse_should_be_strict(void **state)
{
	struct duration d;
	long lo, hi;

	(void)state;
	assert_int_equal(duration_parse("6m", &d), 0);
	assert_int_equal(d.n, 6);
	assert_int_equal(d.unit, 'm');
	assert_int_equal(duration_parse("0d", &d), 0);
	assert_int_equal(duration_parse("10000y", &d), 0);
	assert_int_equal(duration_parse("10001y", &d), -1);
	assert_int_equal(duration_parse("-1m", &d), -1);
	assert_int_equal(duration_parse("06m", &d), -1);
	assert_int_equal(duration_parse("1e3d", &d), -1);
	assert_int_equal(duration_parse("6 months", &d), -1);
	assert_int_equal(duration_parse("m", &d), -1);
	assert_int_equal(duration_parse("", &d), -1);
	assert_int_equal(duration_parse("99999999999999999999d", &d), -1);
	duration_parse("2m", &d);
	duration_days(d, &lo, &hi);
	assert_int_equal(lo, 56);
	assert_int_equal(hi, 62);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_should_reject_impossible_dates),
		cmocka_unit_test(format_should_round_trip),
		cmocka_unit_test(add_months_should_clamp_to_month_end),
		cmocka_unit_test(duration_parse_should_be_strict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
