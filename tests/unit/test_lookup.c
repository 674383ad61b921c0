// SPDX-License-Identifier: GPL-2.0
/*
 * The hook's binding lookup (kmod/lookup.c) over a table in the kernel's
 * layout (see tests/shim/linux/rhashtable.h): longest prefix first, a
 * binding scoped to the ingress interface before an unscoped one of the
 * same length, and scoped to other interfaces not at all.
 */
#include <check.h>
#include <arpa/inet.h>
#include <stdio.h>

#include "hash.h"
#include "proto.h"

#define E0 2
#define E1 3

static struct arpproxy_table table;

static void setup(void)
{
	memset(&table, 0, sizeof(table));
	ck_assert_int_eq(rhltable_init(&table.hash, NULL), 0);
}

/* The tests leak their bindings: each runs in its own forked process. */
static struct arpproxy_binding *add(const char *prefix, unsigned int plen, int ifindex)
{
	struct arpproxy_binding *b = calloc(1, sizeof(*b));

	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(inet_pton(AF_INET, prefix, &b->key.addr), 1);
	b->key.plen = plen;
	b->ifindex = ifindex;
	ck_assert_int_eq(rhltable_insert(&table.hash, &b->hnode, arpproxy_hash_params), 0);
	table.plen_mask |= BIT_ULL(plen);
	return b;
}

static struct arpproxy_binding *lookup(const char *addr, int ifindex)
{
	__be32 a;

	ck_assert_int_eq(inet_pton(AF_INET, addr, &a), 1);
	return arpproxy_table_lookup(&table, a, ifindex);
}

START_TEST(test_empty_table)
{
	ck_assert_ptr_null(lookup("172.16.20.200", E0));
}
END_TEST

START_TEST(test_longest_prefix_wins)
{
	struct arpproxy_binding *all = add("0.0.0.0", 0, 0);
	struct arpproxy_binding *net = add("172.16.0.0", 16, 0);
	struct arpproxy_binding *sub = add("172.16.20.0", 24, 0);
	struct arpproxy_binding *host = add("172.16.20.200", 32, 0);

	ck_assert_ptr_eq(lookup("172.16.20.200", E0), host);
	ck_assert_ptr_eq(lookup("172.16.20.201", E0), sub);
	ck_assert_ptr_eq(lookup("172.16.21.1", E0), net);
	ck_assert_ptr_eq(lookup("10.0.0.1", E0), all);
}
END_TEST

START_TEST(test_scope)
{
	struct arpproxy_binding *any = add("172.16.20.0", 24, 0);
	struct arpproxy_binding *on_e0 = add("172.16.20.0", 24, E0);
	struct arpproxy_binding *on_e1_host = add("172.16.20.7", 32, E1);

	ck_assert_ptr_eq(lookup("172.16.20.1", E0), on_e0);
	ck_assert_ptr_eq(lookup("172.16.20.1", E1), any);
	/* A longer binding for another interface is not there for e0... */
	ck_assert_ptr_eq(lookup("172.16.20.7", E0), on_e0);
	/* ...but on its own interface it beats the shorter ones. */
	ck_assert_ptr_eq(lookup("172.16.20.7", E1), on_e1_host);
}
END_TEST

START_TEST(test_scoped_only)
{
	add("172.16.30.0", 24, E1);
	ck_assert_ptr_null(lookup("172.16.30.1", E0));
	ck_assert_ptr_nonnull(lookup("172.16.30.1", E1));
}
END_TEST

START_TEST(test_many_bindings)
{
	char ip[INET_ADDRSTRLEN];

	for (unsigned int i = 0; i < 5000; i++) {
		snprintf(ip, sizeof(ip), "10.%u.%u.0", i / 256, i % 256);
		add(ip, 24, 0);
	}
	for (unsigned int i = 0; i < 5000; i++) {
		snprintf(ip, sizeof(ip), "10.%u.%u.%u", i / 256, i % 256, i % 254 + 1);
		ck_assert_msg(lookup(ip, E0) != NULL, "%s", ip);
	}
	ck_assert_ptr_null(lookup("10.200.0.1", E0));
}
END_TEST

Suite *lookup_suite(void)
{
	Suite *s = suite_create("lookup");
	TCase *tc = tcase_create("lookup");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_empty_table);
	tcase_add_test(tc, test_longest_prefix_wins);
	tcase_add_test(tc, test_scope);
	tcase_add_test(tc, test_scoped_only);
	tcase_add_test(tc, test_many_bindings);
	suite_add_tcase(s, tc);
	return s;
}
