// SPDX-License-Identifier: GPL-2.0
/*
 * One set of the module's station cache (kmod/station_set.c), in
 * userspace: a station is found only by its published key, a half-written
 * one is seen as claimed, and a new station takes a free, expired or
 * departed interface's slot before it evicts the least recently seen live
 * one, never a pinned one, and within its interface's share when asked.
 */
#include <check.h>

#include "station_set.h"

#define WAYS ARPPROXY_CACHE_WAYS
#define KEY(ifindex, last_octet) arpproxy_station_key(ifindex, htonl(0x0a000000 | (last_octet)))

/* A set of live, present stations of another interface, seen at 100 + i. */
static void full_set(struct arpproxy_slot_view *view)
{
	for (unsigned int i = 0; i < WAYS; i++)
		view[i] = (struct arpproxy_slot_view) {
			.key = KEY(7, i + 1), .last_seen = 100 + i,
			.present = true, .live = true,
		};
}

static int pick(const struct arpproxy_slot_view *view, bool own_only, bool *evict)
{
	*evict = !*evict;	/* whatever it was, pick must say */
	return arpproxy_station_pick(view, own_only, evict);
}

START_TEST(test_key_round_trip)
{
	u64 key = arpproxy_station_key(0x7fffffff, htonl(0xc0a80001));

	ck_assert_int_eq(arpproxy_station_ifindex(key), 0x7fffffff);
	ck_assert_int_eq(arpproxy_station_ifindex(key | ARPPROXY_STATION_BUSY), 0x7fffffff);
	ck_assert_uint_eq((u32)key, htonl(0xc0a80001));
	/* Never 0 (free) for a real interface, nor busy. */
	ck_assert(arpproxy_station_key(1, 0) != 0);
	ck_assert(!(key & ARPPROXY_STATION_BUSY));
}
END_TEST

/* An IPv6 station's address is held whole; an IPv4 station's is ::. */
START_TEST(test_addr6)
{
	struct arpproxy_station s = { 0 };
	struct in6_addr a, b, got;

	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8::5", &a), 1);
	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8::4", &b), 1);
	ck_assert(arpproxy_station_has_addr6(&s, NULL));
	arpproxy_station_set_addr6(&s, &a);
	ck_assert(arpproxy_station_has_addr6(&s, &a));
	ck_assert(!arpproxy_station_has_addr6(&s, &b));
	ck_assert(!arpproxy_station_has_addr6(&s, NULL));
	arpproxy_station_get_addr6(&s, &got);
	ck_assert_mem_eq(&got, &a, sizeof(a));
	arpproxy_station_set_addr6(&s, NULL);
	ck_assert(arpproxy_station_has_addr6(&s, NULL));
	ck_assert(!arpproxy_station_has_addr6(&s, &a));
}
END_TEST

START_TEST(test_find)
{
	struct arpproxy_station set[WAYS] = {};
	bool claimed;

	atomic64_set(&set[3].key, KEY(2, 5));
	atomic64_set(&set[5].key, KEY(2, 6) | ARPPROXY_STATION_BUSY);
	ck_assert_ptr_eq(arpproxy_station_find(set, KEY(2, 5), &claimed), &set[3]);
	ck_assert(!claimed);
	/* Being written: not found, but claimed, so nobody learns it twice. */
	ck_assert_ptr_null(arpproxy_station_find(set, KEY(2, 6), &claimed));
	ck_assert(claimed);
	/* The same IP on another interface is another station. */
	ck_assert_ptr_null(arpproxy_station_find(set, KEY(3, 5), &claimed));
	ck_assert(!claimed);
	ck_assert_ptr_null(arpproxy_station_find(set, KEY(2, 7), &claimed));
	ck_assert(!claimed);
}
END_TEST

START_TEST(test_duplicate)
{
	struct arpproxy_station set[WAYS] = {};

	atomic64_set(&set[1].key, KEY(2, 5) | ARPPROXY_STATION_BUSY);
	/* Alone in its set, a slot is no duplicate of itself. */
	ck_assert(!arpproxy_station_duplicate(set, &set[1], KEY(2, 5)));
	/* Another CPU took another slot for it, written or not yet. */
	atomic64_set(&set[6].key, KEY(2, 5) | ARPPROXY_STATION_BUSY);
	ck_assert(arpproxy_station_duplicate(set, &set[1], KEY(2, 5)));
	atomic64_set(&set[6].key, KEY(2, 5));
	ck_assert(arpproxy_station_duplicate(set, &set[1], KEY(2, 5)));
	atomic64_set(&set[6].key, KEY(2, 9));
	ck_assert(!arpproxy_station_duplicate(set, &set[1], KEY(2, 5)));
}
END_TEST

START_TEST(test_free_slot_first)
{
	struct arpproxy_slot_view view[WAYS];
	bool evict = false;

	full_set(view);
	view[2].key = 0;
	view[5].key = 0;
	ck_assert_int_eq(pick(view, false, &evict), 2);
	ck_assert(!evict);
	/* A slot being written by another CPU is nobody's to take. */
	view[2].key = KEY(7, 3) | ARPPROXY_STATION_BUSY;
	view[2].last_seen = 0;
	ck_assert_int_eq(pick(view, false, &evict), 5);
	ck_assert(!evict);
}
END_TEST

START_TEST(test_expired_or_departed_before_eviction)
{
	struct arpproxy_slot_view view[WAYS];
	bool evict = false;

	full_set(view);
	view[6].live = false;
	ck_assert_int_eq(pick(view, false, &evict), 6);
	ck_assert(!evict);
	/* An interface gone, or replaced under its ifindex: its slots are free. */
	full_set(view);
	view[4].present = false;
	ck_assert_int_eq(pick(view, false, &evict), 4);
	ck_assert(!evict);
	/* Even pinned ones: pinning is the interface's, and it is gone. */
	view[4].pinned = true;
	view[4].live = false;
	ck_assert_int_eq(pick(view, false, &evict), 4);
}
END_TEST

START_TEST(test_evicts_least_recently_seen)
{
	struct arpproxy_slot_view view[WAYS];
	bool evict = false;

	full_set(view);
	view[3].last_seen = 50;
	ck_assert_int_eq(pick(view, false, &evict), 3);
	ck_assert(evict);
	/* Across the jiffies wrap: just before zero is older than just after. */
	for (unsigned int i = 0; i < WAYS; i++)
		view[i].last_seen = i;
	view[6].last_seen = (unsigned long)-5;
	ck_assert_int_eq(pick(view, false, &evict), 6);
	ck_assert(evict);
}
END_TEST

/* inspect pin: a flood of newcomers never pushes a pinned station out. */
START_TEST(test_pinned_never_evicted)
{
	struct arpproxy_slot_view view[WAYS];
	bool evict = false;

	full_set(view);
	view[0].pinned = true;
	view[0].last_seen = 1;
	ck_assert_int_eq(pick(view, false, &evict), 1);
	ck_assert(evict);
	for (unsigned int i = 0; i < WAYS; i++)
		view[i].pinned = true;
	ck_assert_int_eq(pick(view, false, &evict), -1);
	/* Once expired, a pinned station's slot is free again. */
	view[7].live = false;
	ck_assert_int_eq(pick(view, false, &evict), 7);
	ck_assert(!evict);
}
END_TEST

/* An interface holding its share takes only its own stations' slots. */
START_TEST(test_own_share)
{
	struct arpproxy_slot_view view[WAYS];
	bool evict = false;

	full_set(view);
	view[1].key = 0;
	ck_assert_int_eq(pick(view, true, &evict), -1);
	view[5].own = true;
	view[6].own = true;
	view[6].last_seen = 10;
	ck_assert_int_eq(pick(view, true, &evict), 6);
	ck_assert(evict);
	/* Its own expired station before its own live one. */
	view[5].live = false;
	ck_assert_int_eq(pick(view, true, &evict), 5);
	ck_assert(!evict);
	/* Not its own pinned one either. */
	view[5].live = true;
	view[5].pinned = true;
	view[6].pinned = true;
	ck_assert_int_eq(pick(view, true, &evict), -1);
	/* Below its share, the free slot again. */
	ck_assert_int_eq(pick(view, false, &evict), 1);
	ck_assert(!evict);
}
END_TEST

Suite *station_set_suite(void)
{
	Suite *s = suite_create("station_set");
	TCase *tc = tcase_create("station_set");

	tcase_add_test(tc, test_key_round_trip);
	tcase_add_test(tc, test_addr6);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_duplicate);
	tcase_add_test(tc, test_free_slot_first);
	tcase_add_test(tc, test_expired_or_departed_before_eviction);
	tcase_add_test(tc, test_evicts_least_recently_seen);
	tcase_add_test(tc, test_pinned_never_evicted);
	tcase_add_test(tc, test_own_share);
	suite_add_tcase(s, tc);
	return s;
}
