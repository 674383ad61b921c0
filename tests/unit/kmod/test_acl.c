// SPDX-License-Identifier: GPL-2.0
/*
 * The module's ACL matching (kmod/acl_match.c), in userspace: rules are
 * tried in order, the first match decides and counts a hit, no match
 * allows, a rule's prefix matches requesters of its family only, and a
 * reverse ARP requester or a DAD prober is known by its MAC alone.
 */
#include <check.h>
#include <stdlib.h>

#include "acl.h"
#include "proto.h"

static const u8 mac_a[ETH_ALEN] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xaa };
static const u8 mac_b[ETH_ALEN] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xbb };

static struct arpproxy_acl *acl;

static void setup(void)
{
	acl = calloc(1, sizeof(*acl) + 8 * sizeof(acl->rule[0]));
	ck_assert_ptr_nonnull(acl);
}

static void teardown(void)
{
	free(acl);
}

static __be32 ip(const char *s)
{
	__be32 a;

	ck_assert_int_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

/* Appends a rule: @prefix NULL matches every address, @mac NULL every MAC. */
static struct arpproxy_acl_rule *rule(u8 action, const char *prefix, unsigned int plen,
				      const u8 *mac)
{
	struct arpproxy_acl_rule *r = &acl->rule[acl->count++];

	r->pref = acl->count * 10;
	r->action = action;
	if (prefix) {
		r->match_from = true;
		r->from = ip(prefix);
		r->plen = plen;
	}
	if (mac) {
		r->match_mac = true;
		memcpy(r->mac, mac, ETH_ALEN);
	}
	return r;
}

/* Appends a rule for the IPv6 solicitors of @prefix/@plen. */
static struct arpproxy_acl_rule *rule6(u8 action, const char *prefix, unsigned int plen)
{
	struct arpproxy_acl_rule *r = rule(action, NULL, 0, NULL);

	r->match_from = true;
	r->is6 = true;
	ck_assert_int_eq(inet_pton(AF_INET6, prefix, &r->from6), 1);
	r->plen = plen;
	return r;
}

static bool denies(const char *addr, const u8 *mac)
{
	struct arpproxy_requester req = { .family = AF_INET, .addr = ip(addr), .mac = mac };

	return arpproxy_acl_decide(acl, &req);
}

static bool denies6(const char *addr, const u8 *mac)
{
	struct in6_addr a;
	struct arpproxy_requester req = { .family = AF_INET6, .addr6 = &a, .mac = mac };

	ck_assert_int_eq(inet_pton(AF_INET6, addr, &a), 1);
	return arpproxy_acl_decide(acl, &req);
}

/* A requester without an address: reverse ARP, or a DAD probe from :: */
static bool denies_unaddressed(const u8 *mac)
{
	struct arpproxy_requester req = { .family = AF_UNSPEC, .mac = mac };

	return arpproxy_acl_decide(acl, &req);
}

START_TEST(test_no_rule_allows)
{
	ck_assert(!denies("10.0.0.1", mac_a));
}
END_TEST

START_TEST(test_no_match_allows)
{
	struct arpproxy_acl_rule *r = rule(ARPPROXY_ACL_DENY, "192.168.0.0", 16, NULL);

	ck_assert(!denies("10.0.0.1", mac_a));
	ck_assert_int_eq(atomic64_read(&r->hits), 0);
}
END_TEST

START_TEST(test_first_match_decides)
{
	struct arpproxy_acl_rule *allow = rule(ARPPROXY_ACL_ALLOW, "10.1.0.0", 16, NULL);
	struct arpproxy_acl_rule *deny = rule(ARPPROXY_ACL_DENY, "10.0.0.0", 8, NULL);

	ck_assert(!denies("10.1.2.3", mac_a));
	ck_assert(denies("10.2.3.4", mac_a));
	ck_assert(denies("10.3.4.5", mac_a));
	ck_assert(!denies("11.0.0.1", mac_a));
	ck_assert_int_eq(atomic64_read(&allow->hits), 1);
	ck_assert_int_eq(atomic64_read(&deny->hits), 2);
}
END_TEST

START_TEST(test_prefix_bounds)
{
	rule(ARPPROXY_ACL_DENY, "172.16.20.0", 24, NULL);

	ck_assert(denies("172.16.20.0", mac_a));
	ck_assert(denies("172.16.20.255", mac_a));
	ck_assert(!denies("172.16.19.255", mac_a));
	ck_assert(!denies("172.16.21.0", mac_a));
}
END_TEST

START_TEST(test_zero_length_prefix_matches_all)
{
	rule(ARPPROXY_ACL_DENY, "0.0.0.0", 0, NULL);

	ck_assert(denies("10.0.0.1", mac_a));
	ck_assert(denies("255.255.255.254", mac_b));
}
END_TEST

START_TEST(test_host_prefix)
{
	rule(ARPPROXY_ACL_DENY, "10.0.0.1", 32, NULL);

	ck_assert(denies("10.0.0.1", mac_a));
	ck_assert(!denies("10.0.0.2", mac_a));
}
END_TEST

START_TEST(test_mac)
{
	rule(ARPPROXY_ACL_DENY, NULL, 0, mac_b);

	ck_assert(denies("10.0.0.1", mac_b));
	ck_assert(!denies("10.0.0.1", mac_a));
}
END_TEST

START_TEST(test_prefix_and_mac_both_match)
{
	rule(ARPPROXY_ACL_DENY, "10.0.0.0", 8, mac_b);

	ck_assert(denies("10.0.0.1", mac_b));
	ck_assert(!denies("10.0.0.1", mac_a));
	ck_assert(!denies("11.0.0.1", mac_b));
}
END_TEST

START_TEST(test_rule_without_match_matches_all)
{
	struct arpproxy_acl_rule *r = rule(ARPPROXY_ACL_DENY, NULL, 0, NULL);

	ck_assert(denies("10.0.0.1", mac_a));
	ck_assert(denies("192.168.1.1", mac_b));
	ck_assert_int_eq(atomic64_read(&r->hits), 2);
}
END_TEST

START_TEST(test_rarp_requester_has_no_address)
{
	struct arpproxy_acl_rule *from = rule(ARPPROXY_ACL_DENY, "0.0.0.0", 0, NULL);
	struct arpproxy_acl_rule *from6 = rule6(ARPPROXY_ACL_DENY, "::", 0);
	struct arpproxy_acl_rule *mac = rule(ARPPROXY_ACL_DENY, NULL, 0, mac_b);

	ck_assert(!denies_unaddressed(mac_a));
	ck_assert(denies_unaddressed(mac_b));
	ck_assert_int_eq(atomic64_read(&from->hits), 0);
	ck_assert_int_eq(atomic64_read(&from6->hits), 0);
	ck_assert_int_eq(atomic64_read(&mac->hits), 1);
}
END_TEST

START_TEST(test_ipv6_prefix)
{
	struct arpproxy_acl_rule *r = rule6(ARPPROXY_ACL_DENY, "2001:db8:10::", 64);

	ck_assert(denies6("2001:db8:10::100", mac_a));
	ck_assert(denies6("2001:db8:10:0:ffff:ffff:ffff:ffff", mac_a));
	ck_assert(!denies6("2001:db8:10:1::", mac_a));
	ck_assert(!denies6("2001:db8:f::ffff", mac_a));
	ck_assert_int_eq(atomic64_read(&r->hits), 2);
}
END_TEST

/* A length that is not a multiple of 8 compares the bits of a partial byte. */
START_TEST(test_ipv6_odd_length)
{
	rule6(ARPPROXY_ACL_DENY, "fe80::", 10);

	ck_assert(denies6("fe80::1", mac_a));
	ck_assert(denies6("febf:ffff::1", mac_a));
	ck_assert(!denies6("fec0::1", mac_a));
	ck_assert(!denies6("fe7f::1", mac_a));
}
END_TEST

/* An IPv4 rule never decides for a solicitor, an IPv6 one never for ARP. */
START_TEST(test_family_apart)
{
	struct arpproxy_acl_rule *v4 = rule(ARPPROXY_ACL_DENY, "0.0.0.0", 0, NULL);
	struct arpproxy_acl_rule *v6 = rule6(ARPPROXY_ACL_ALLOW, "::", 0);

	ck_assert(!denies6("2001:db8::1", mac_a));
	ck_assert(denies("10.0.0.1", mac_a));
	ck_assert_int_eq(atomic64_read(&v4->hits), 1);
	ck_assert_int_eq(atomic64_read(&v6->hits), 1);
}
END_TEST

/* Rules without a prefix are for both families. */
START_TEST(test_mac_rule_both_families)
{
	struct arpproxy_acl_rule *r = rule(ARPPROXY_ACL_DENY, NULL, 0, mac_b);

	ck_assert(denies6("2001:db8::1", mac_b));
	ck_assert(denies("10.0.0.1", mac_b));
	ck_assert(!denies6("2001:db8::1", mac_a));
	ck_assert_int_eq(atomic64_read(&r->hits), 2);
}
END_TEST

Suite *acl_suite(void)
{
	Suite *s = suite_create("acl");
	TCase *tc = tcase_create("acl");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_no_rule_allows);
	tcase_add_test(tc, test_no_match_allows);
	tcase_add_test(tc, test_first_match_decides);
	tcase_add_test(tc, test_prefix_bounds);
	tcase_add_test(tc, test_zero_length_prefix_matches_all);
	tcase_add_test(tc, test_host_prefix);
	tcase_add_test(tc, test_mac);
	tcase_add_test(tc, test_prefix_and_mac_both_match);
	tcase_add_test(tc, test_rule_without_match_matches_all);
	tcase_add_test(tc, test_rarp_requester_has_no_address);
	tcase_add_test(tc, test_ipv6_prefix);
	tcase_add_test(tc, test_ipv6_odd_length);
	tcase_add_test(tc, test_family_apart);
	tcase_add_test(tc, test_mac_rule_both_families);
	suite_add_tcase(s, tc);
	return s;
}
