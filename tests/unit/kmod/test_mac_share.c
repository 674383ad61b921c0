// SPDX-License-Identifier: GPL-2.0
/*
 * The module's count of the stations each MAC holds (kmod/mac_share.c),
 * in userspace: a MAC holds what it was given, never counted twice, and a
 * flooding MAC at its limit takes no other host with it.
 */
#include <check.h>
#include <stdlib.h>

#include "mac_share.h"

#define COUNTERS 4096		/* a cache of 4096 slots */
#define LIMIT 64		/* max_stations_per_mac's default */

static struct arpproxy_mac_share share(atomic_t *held, u32 counters)
{
	return (struct arpproxy_mac_share) {
		.held = held, .mask = counters - 1, .seed = { 0x2a4b6c8d, 0x13579bdf },
	};
}

/* The MAC of the i-th ordinary host: locally administered, unicast. */
static u64 host_mac(u32 i)
{
	return 0x020000000000ULL | i;
}

START_TEST(test_holds_what_it_was_given)
{
	atomic_t *held = calloc(COUNTERS, sizeof(*held));
	struct arpproxy_mac_share ms = share(held, COUNTERS);
	u64 flooder = 0x02aaaaaaaaaaULL;

	ck_assert_int_eq(arpproxy_mac_share_held(&ms, flooder), 0);
	arpproxy_mac_share_add(&ms, flooder, LIMIT);
	ck_assert_int_eq(arpproxy_mac_share_held(&ms, flooder), LIMIT);
	arpproxy_mac_share_add(&ms, flooder, -1);
	ck_assert_int_eq(arpproxy_mac_share_held(&ms, flooder), LIMIT - 1);
	arpproxy_mac_share_add(&ms, flooder, 1 - LIMIT);
	ck_assert_int_eq(arpproxy_mac_share_held(&ms, flooder), 0);
	for (u32 i = 0; i < COUNTERS; i++)
		ck_assert_int_eq(atomic_read(&held[i]), 0);
	free(held);
}
END_TEST

/* Even when both of a MAC's hashes fall on one counter. */
START_TEST(test_never_counted_twice)
{
	atomic_t held[2] = {};
	struct arpproxy_mac_share ms = share(held, 2);

	for (u32 i = 0; i < 64; i++) {
		arpproxy_mac_share_add(&ms, host_mac(i), 1);
		ck_assert_int_eq(arpproxy_mac_share_held(&ms, host_mac(i)), 1);
		arpproxy_mac_share_add(&ms, host_mac(i), -1);
	}
}
END_TEST

/*
 * One MAC at its limit; of 100,000 ordinary hosts, each one station, none
 * is taken for it. With one counter per MAC, about 24 would be.
 */
START_TEST(test_flooder_refuses_nobody_else)
{
	atomic_t *held = calloc(COUNTERS, sizeof(*held));
	struct arpproxy_mac_share ms = share(held, COUNTERS);
	u64 flooder = 0x02aaaaaaaaaaULL;
	u32 taken = 0;

	arpproxy_mac_share_add(&ms, flooder, LIMIT);
	for (u32 i = 0; i < 100000; i++)
		taken += arpproxy_mac_share_held(&ms, host_mac(i)) >= LIMIT;
	ck_assert_uint_eq(taken, 0);
	/* Nor when the cache is full of them. */
	for (u32 i = 0; i < COUNTERS - LIMIT; i++)
		arpproxy_mac_share_add(&ms, host_mac(i), 1);
	for (u32 i = 0; i < 100000; i++)
		taken += arpproxy_mac_share_held(&ms, host_mac(i)) >= LIMIT;
	ck_assert_uint_eq(taken, 0);
	free(held);
}
END_TEST

Suite *mac_share_suite(void)
{
	Suite *s = suite_create("mac_share");
	TCase *tc = tcase_create("mac_share");

	tcase_add_test(tc, test_holds_what_it_was_given);
	tcase_add_test(tc, test_never_counted_twice);
	tcase_add_test(tc, test_flooder_refuses_nobody_else);
	suite_add_tcase(s, tc);
	return s;
}
