// SPDX-License-Identifier: GPL-2.0
/*
 * The module's rate-limit buckets (kmod/bucket.c), in userspace: GCRA
 * lets a burst through at once and then one reply per interval, and a
 * requester's bucket is one of two slots per hash value.
 */
#include <check.h>

#include "bucket.h"

#define MS 1000000ULL	/* ns */
#define T0 (1000 * 1000 * MS)	/* a clock well past zero */

START_TEST(test_burst_then_rate)
{
	struct arpproxy_bucket b = {};
	unsigned int i;

	/* 10 a second, 3 at once: a full bucket lets 3 through. */
	for (i = 0; i < 3; i++)
		ck_assert(arpproxy_bucket_take(&b, T0, 10, 3));
	ck_assert(!arpproxy_bucket_take(&b, T0, 10, 3));
	/* One interval on, one more, and no more. */
	ck_assert(!arpproxy_bucket_take(&b, T0 + 99 * MS, 10, 3));
	ck_assert(arpproxy_bucket_take(&b, T0 + 100 * MS, 10, 3));
	ck_assert(!arpproxy_bucket_take(&b, T0 + 100 * MS, 10, 3));
}
END_TEST

START_TEST(test_refills_when_quiet)
{
	struct arpproxy_bucket b = {};
	unsigned int i;

	for (i = 0; i < 5; i++)
		ck_assert(arpproxy_bucket_take(&b, T0, 5, 5));
	ck_assert(!arpproxy_bucket_take(&b, T0, 5, 5));
	/* A second later the bucket is full again, and no fuller. */
	for (i = 0; i < 5; i++)
		ck_assert(arpproxy_bucket_take(&b, T0 + 1000 * MS, 5, 5));
	ck_assert(!arpproxy_bucket_take(&b, T0 + 1000 * MS, 5, 5));
}
END_TEST

START_TEST(test_one_per_second)
{
	struct arpproxy_bucket b = {};

	ck_assert(arpproxy_bucket_take(&b, T0, 1, 1));
	ck_assert(!arpproxy_bucket_take(&b, T0 + 999 * MS, 1, 1));
	ck_assert(arpproxy_bucket_take(&b, T0 + 1000 * MS, 1, 1));
}
END_TEST

START_TEST(test_refused_take_costs_nothing)
{
	struct arpproxy_bucket b = {};

	ck_assert(arpproxy_bucket_take(&b, T0, 2, 1));
	ck_assert(!arpproxy_bucket_take(&b, T0 + 100 * MS, 2, 1));
	ck_assert(!arpproxy_bucket_take(&b, T0 + 200 * MS, 2, 1));
	ck_assert(arpproxy_bucket_take(&b, T0 + 500 * MS, 2, 1));
}
END_TEST

static __be32 ip(const char *s)
{
	__be32 a;

	ck_assert_int_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

/* Two slots, one hash value: every requester competes for them. */
START_TEST(test_host_slots)
{
	struct arpproxy_host_bucket host[2] = {};
	struct arpproxy_bucket *a, *b, *c;
	bool evicted;

	a = arpproxy_host_bucket(host, 1, 42, ip("10.0.0.1"), T0, &evicted);
	ck_assert(!evicted);
	ck_assert(arpproxy_bucket_take(a, T0, 1, 1));
	ck_assert_ptr_eq(arpproxy_host_bucket(host, 1, 42, ip("10.0.0.1"), T0, &evicted), a);
	ck_assert(!evicted);
	/* A second requester takes the idle slot. */
	b = arpproxy_host_bucket(host, 1, 42, ip("10.0.0.2"), T0, &evicted);
	ck_assert(!evicted);
	ck_assert_ptr_ne(a, b);
	ck_assert(arpproxy_bucket_take(b, T0 + 10 * MS, 1, 1));
	/* A third takes the one idle longer, whose bucket is not full: evicted. */
	c = arpproxy_host_bucket(host, 1, 42, ip("10.0.0.3"), T0 + 20 * MS, &evicted);
	ck_assert(evicted);
	ck_assert_ptr_eq(c, a);
	/* It starts with a full bucket of its own. */
	ck_assert(arpproxy_bucket_take(c, T0 + 20 * MS, 1, 1));
}
END_TEST

START_TEST(test_host_full_bucket_is_not_evicted)
{
	struct arpproxy_host_bucket host[2] = {};
	struct arpproxy_bucket *a;
	bool evicted;

	a = arpproxy_host_bucket(host, 1, 7, ip("10.0.0.1"), T0, &evicted);
	ck_assert(arpproxy_bucket_take(a, T0, 1, 1));
	arpproxy_host_bucket(host, 1, 7, ip("10.0.0.2"), T0, &evicted);
	/* Both buckets full again a second later: taking one over loses nothing. */
	arpproxy_host_bucket(host, 1, 7, ip("10.0.0.3"), T0 + 1000 * MS, &evicted);
	ck_assert(!evicted);
}
END_TEST

Suite *bucket_suite(void)
{
	Suite *s = suite_create("bucket");
	TCase *tc = tcase_create("bucket");

	tcase_add_test(tc, test_burst_then_rate);
	tcase_add_test(tc, test_refills_when_quiet);
	tcase_add_test(tc, test_one_per_second);
	tcase_add_test(tc, test_refused_take_costs_nothing);
	tcase_add_test(tc, test_host_slots);
	tcase_add_test(tc, test_host_full_bucket_is_not_evicted);
	suite_add_tcase(s, tc);
	return s;
}
