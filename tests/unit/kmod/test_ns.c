// SPDX-License-Identifier: GPL-2.0
/*
 * The module's check of Neighbor Solicitations and Advertisements
 * (kmod/proto6.c), in userspace: RFC 4861 7.1.1's and 7.1.2's rules one by
 * one, on a valid message with one thing changed at a time.
 */
#include <arpa/inet.h>
#include <check.h>

#include "proto6.h"

struct ns_frame {
	struct arpproxy_nd ns;
	unsigned char opt[24];
};

static struct in6_addr saddr, daddr;
static struct arpproxy_nd_ip ip;
static struct ns_frame f;
static unsigned int len;

static const unsigned char mac_a[ETH_ALEN] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xaa };

static void addr(const char *text, struct in6_addr *a)
{
	ck_assert_int_eq(inet_pton(AF_INET6, text, a), 1);
}

/* Host A asks for D, from its address, with its MAC: valid. */
static void setup(void)
{
	addr("2001:db8:10::100", &saddr);
	addr("ff02::1:ff00:200", &daddr);
	ip = (struct arpproxy_nd_ip) { .saddr = &saddr, .daddr = &daddr, .hop_limit = 255 };
	memset(&f, 0, sizeof(f));
	f.ns.type = ARPPROXY_NS_TYPE;
	addr("2001:db8:20::200", &f.ns.target);
	f.opt[0] = ARPPROXY_ND_OPT_SLLAO;
	f.opt[1] = 1;
	memcpy(f.opt + 2, mac_a, ETH_ALEN);
	len = sizeof(f.ns) + 8;
}

static enum arpproxy_stat check_ns(const unsigned char **sllao)
{
	return arpproxy_nd_check(&ip, &f.ns, len, sllao);
}

START_TEST(test_valid)
{
	const unsigned char *sllao = NULL;

	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_SOLICITS);
	ck_assert_ptr_eq(sllao, f.opt + 2);
	/* Without the option it is valid too, with no link-layer address. */
	len = sizeof(f.ns);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_SOLICITS);
	ck_assert_ptr_null(sllao);
}
END_TEST

START_TEST(test_header_rules)
{
	const unsigned char *sllao;

	ip.hop_limit = 254;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	setup();
	f.ns.code = 1;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	setup();
	len = sizeof(f.ns) - 1;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	setup();
	addr("ff02::1", &f.ns.target);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	addr("::", &f.ns.target);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	addr("::1", &f.ns.target);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
}
END_TEST

START_TEST(test_options)
{
	const unsigned char *sllao;

	/* A zero-length option would loop forever: invalid, known or not. */
	f.opt[1] = 0;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	f.opt[0] = 14;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	/* One longer than what is left. */
	setup();
	f.opt[1] = 2;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	/* Half an option header. */
	setup();
	len = sizeof(f.ns) + 1;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	/* A source link-layer address that is not Ethernet's 8 bytes. */
	setup();
	f.opt[1] = 2;
	len = sizeof(f.ns) + 16;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	/* ... or not a unicast MAC. */
	setup();
	f.opt[2] = 0x01;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	/* Unknown options are skipped; the first source address counts. */
	setup();
	f.opt[0] = 14;	/* a nonce */
	f.opt[8] = ARPPROXY_ND_OPT_SLLAO;
	f.opt[9] = 1;
	memcpy(f.opt + 10, mac_a, ETH_ALEN);
	f.opt[16] = ARPPROXY_ND_OPT_SLLAO;
	f.opt[17] = 1;
	len = sizeof(f.ns) + 24;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_SOLICITS);
	ck_assert_ptr_eq(sllao, f.opt + 10);
}
END_TEST

/* A DAD probe: from ::, to the solicited-node group, with no address. */
START_TEST(test_dad)
{
	const unsigned char *sllao;

	addr("::", &saddr);
	len = sizeof(f.ns);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_SOLICITS);
	len = sizeof(f.ns) + 8;
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	len = sizeof(f.ns);
	addr("2001:db8:10::99", &daddr);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
	addr("ff02::1", &daddr);
	ck_assert_int_eq(check_ns(&sllao), ARPPROXY_STAT_ND_INVALID);
}
END_TEST

/* D's advertisement to A, as inspection reads it. */
static void advert(const char *dst, bool solicited)
{
	addr("2001:db8:20::200", &saddr);
	addr(dst, &daddr);
	f.ns.type = ARPPROXY_NA_TYPE;
	f.ns.flags = solicited ? htonl(0x40000000) : 0;
	f.opt[0] = ARPPROXY_ND_OPT_TLLAO;
}

START_TEST(test_advert)
{
	const unsigned char *tllao;

	advert("2001:db8:10::100", true);
	ck_assert_int_eq(check_ns(&tllao), ARPPROXY_STAT_ND_ADVERTS);
	ck_assert_ptr_eq(tllao, f.opt + 2);
	/* Unsolicited, to all nodes: valid; solicited, to a group: not. */
	advert("ff02::1", false);
	ck_assert_int_eq(check_ns(&tllao), ARPPROXY_STAT_ND_ADVERTS);
	advert("ff02::1", true);
	ck_assert_int_eq(check_ns(&tllao), ARPPROXY_STAT_ND_INVALID);
	/* The target address an advertisement gives must be a unicast MAC. */
	advert("ff02::1", false);
	f.opt[2] = 0x01;
	ck_assert_int_eq(check_ns(&tllao), ARPPROXY_STAT_ND_INVALID);
	/* A source link-layer option is not what it gives; skipped. */
	setup();
	advert("ff02::1", false);
	f.opt[0] = ARPPROXY_ND_OPT_SLLAO;
	ck_assert_int_eq(check_ns(&tllao), ARPPROXY_STAT_ND_ADVERTS);
	ck_assert_ptr_null(tllao);
	/* Hop limit and code as for a solicitation. */
	setup();
	advert("ff02::1", false);
	ip.hop_limit = 64;
	ck_assert_int_eq(check_ns(&tllao), ARPPROXY_STAT_ND_INVALID);
}
END_TEST

START_TEST(test_nd_stat)
{
	ck_assert_int_eq(arpproxy_nd_stat(ARPPROXY_STAT_REPLIES), ARPPROXY_STAT_ND_REPLIES);
	ck_assert_int_eq(arpproxy_nd_stat(ARPPROXY_STAT_EXCLUDED), ARPPROXY_STAT_ND_EXCLUDED);
	ck_assert_int_eq(arpproxy_nd_stat(ARPPROXY_STAT_LOCAL_TARGET),
			 ARPPROXY_STAT_ND_LOCAL_TARGET);
	ck_assert_int_eq(arpproxy_nd_stat(ARPPROXY_STAT_NOT_OFFSUBNET),
			 ARPPROXY_STAT_ND_NOT_OFFSUBNET);
	ck_assert_int_eq(arpproxy_nd_stat(ARPPROXY_STAT_ROUTES_BACK),
			 ARPPROXY_STAT_ND_ROUTES_BACK);
	ck_assert_int_eq(arpproxy_nd_stat(ARPPROXY_STAT_NO_BINDING),
			 ARPPROXY_STAT_ND_NO_BINDING);
}
END_TEST

Suite *ns_suite(void)
{
	Suite *s = suite_create("ns");
	TCase *tc = tcase_create("ns");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_valid);
	tcase_add_test(tc, test_header_rules);
	tcase_add_test(tc, test_options);
	tcase_add_test(tc, test_dad);
	tcase_add_test(tc, test_advert);
	tcase_add_test(tc, test_nd_stat);
	suite_add_tcase(s, tc);
	return s;
}
