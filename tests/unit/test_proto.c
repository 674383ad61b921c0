// SPDX-License-Identifier: GPL-2.0
/* The module's packet classification (kmod/proto.c), in userspace. */
#include <check.h>

#include "proto.h"

static struct arpproxy_arp request(void)
{
	struct arpproxy_arp arp = {
		.hrd = htons(ARPHRD_ETHER),
		.pro = htons(ETH_P_IP),
		.hln = ETH_ALEN,
		.pln = 4,
		.op = htons(ARPOP_REQUEST),
		.sha = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xaa },
		.tha = { 0 },
	};

	inet_pton(AF_INET, "172.16.10.100", &arp.sip);
	inet_pton(AF_INET, "172.16.20.200", &arp.tip);
	return arp;
}

static __be32 ip(const char *s)
{
	__be32 a;

	ck_assert_int_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

START_TEST(test_request_is_looked_up)
{
	struct arpproxy_arp arp = request();

	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_REQUESTS);
}
END_TEST

START_TEST(test_wire_layout)
{
	ck_assert_uint_eq(sizeof(struct arpproxy_arp), 28);
}
END_TEST

START_TEST(test_malformed_header_is_invalid)
{
	struct arpproxy_arp arp;

	arp = request(); arp.hrd = htons(6);
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_INVALID);
	arp = request(); arp.pro = htons(ETH_P_IPV6);
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_INVALID);
	arp = request(); arp.hln = 8;
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_INVALID);
	arp = request(); arp.pln = 16;
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_INVALID);
}
END_TEST

START_TEST(test_other_opcodes_pass)
{
	struct arpproxy_arp arp = request();

	arp.op = htons(ARPOP_REPLY);
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_NOT_REQUEST);
	arp.op = htons(ARPOP_RREQUEST);
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_NOT_REQUEST);
	/* Even a malformed sender does not make a reply "invalid" here. */
	arp.op = htons(ARPOP_REPLY);
	memset(arp.sha, 0xff, ETH_ALEN);
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_NOT_REQUEST);
}
END_TEST

START_TEST(test_probe_and_gratuitous_are_not_answered)
{
	struct arpproxy_arp arp = request();

	arp.sip = 0;
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_PROBE);
	arp.sip = arp.tip;
	ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_GRATUITOUS);
}
END_TEST

START_TEST(test_bad_sender_mac_is_invalid)
{
	static const u8 bad[][ETH_ALEN] = {
		{ 0, 0, 0, 0, 0, 0 },
		{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
		{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 },
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct arpproxy_arp arp = request();

		memcpy(arp.sha, bad[i], ETH_ALEN);
		ck_assert_int_eq(arpproxy_classify(&arp), ARPPROXY_STAT_INVALID);
	}
}
END_TEST

START_TEST(test_unusable_addresses_are_invalid)
{
	static const char *const bad[] = {
		"255.255.255.255", "224.0.0.1", "239.1.2.3", "127.0.0.1",
		"0.1.2.3", "240.0.0.1",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct arpproxy_arp arp = request();

		arp.sip = ip(bad[i]);
		ck_assert_msg(arpproxy_classify(&arp) == ARPPROXY_STAT_INVALID,
			      "sender %s", bad[i]);
		arp = request();
		arp.tip = ip(bad[i]);
		ck_assert_msg(arpproxy_classify(&arp) == ARPPROXY_STAT_INVALID,
			      "target %s", bad[i]);
	}
	ck_assert(arpproxy_addr_usable(ip("10.0.0.1")));
	ck_assert(arpproxy_addr_usable(ip("223.255.255.254")));
}
END_TEST

START_TEST(test_prefix_mask)
{
	ck_assert_uint_eq(arpproxy_prefix_mask(0), 0);
	ck_assert_uint_eq(arpproxy_prefix_mask(1), htonl(0x80000000));
	ck_assert_uint_eq(arpproxy_prefix_mask(24), htonl(0xffffff00));
	ck_assert_uint_eq(arpproxy_prefix_mask(31), htonl(0xfffffffe));
	ck_assert_uint_eq(arpproxy_prefix_mask(32), 0xffffffff);
}
END_TEST

/* Every combination of facts, against the guards' order of precedence. */
START_TEST(test_verdict_all_facts)
{
	for (unsigned int bits = 0; bits < 512 * 3; bits++) {
		struct arpproxy_facts f = {
			.bound = bits & 1,
			.flags = (bits & 2 ? ARPPROXY_BINDING_F_EXCLUDE : 0) |
				 (bits & 4 ? ARPPROXY_BINDING_F_ONLINK : 0),
			.local = bits & 8,
			.on_link = bits & 16,
			.mac_override = bits & 32,
			.forwarding = bits & 64,
			.martian_source = bits & 128,
			.broadcast = bits & 256,
			.route = bits / 512,
		};
		bool exclude = f.bound && (f.flags & ARPPROXY_BINDING_F_EXCLUDE);
		bool onlink_ok = f.bound && (f.flags & ARPPROXY_BINDING_F_ONLINK);
		bool routed = f.forwarding && f.route != ARPPROXY_ROUTE_NONE;
		bool mac_override = f.bound && f.mac_override;
		enum arpproxy_stat want;

		if (exclude)
			want = ARPPROXY_STAT_EXCLUDED;
		else if (f.local)
			want = ARPPROXY_STAT_LOCAL_TARGET;
		else if (f.broadcast)
			want = ARPPROXY_STAT_BROADCAST_TARGET;
		else if (f.on_link && !onlink_ok)
			want = ARPPROXY_STAT_NOT_OFFSUBNET;
		else if (!f.bound && !routed)
			want = ARPPROXY_STAT_NO_BINDING;
		else if (f.route == ARPPROXY_ROUTE_INGRESS && !onlink_ok && !mac_override)
			want = ARPPROXY_STAT_ROUTES_BACK;
		else if (f.martian_source)
			want = ARPPROXY_STAT_MARTIAN_SOURCE;
		else
			want = ARPPROXY_STAT_REPLIES;
		ck_assert_msg(arpproxy_verdict(&f) == want, "facts %#x", bits);
	}
}
END_TEST

START_TEST(test_verdict_reference_cases)
{
	/* 172.16.20.0/24 dev e0, Host A asks for D, routed out of e1: answered. */
	struct arpproxy_facts f = { .bound = true, .forwarding = true,
				    .route = ARPPROXY_ROUTE_ELSEWHERE };

	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_REPLIES);
	/* A binding needs no route, nor forwarding. */
	f = (struct arpproxy_facts){ .bound = true };
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_REPLIES);
	/* Route mode without a binding answers only what routes elsewhere. */
	f = (struct arpproxy_facts){ .forwarding = true,
				     .route = ARPPROXY_ROUTE_ELSEWHERE };
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_REPLIES);
	f.route = ARPPROXY_ROUTE_NONE;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_NO_BINDING);
	f.route = ARPPROXY_ROUTE_INGRESS;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_ROUTES_BACK);
	/* ... and nothing while the ingress device does not forward. */
	f.forwarding = false;
	f.route = ARPPROXY_ROUTE_ELSEWHERE;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_NO_BINDING);
	/* A binding whose target routes back out: only with onlink or a MAC. */
	f = (struct arpproxy_facts){ .bound = true, .route = ARPPROXY_ROUTE_INGRESS };
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_ROUTES_BACK);
	f.flags = ARPPROXY_BINDING_F_ONLINK;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_REPLIES);
	f.flags = 0;
	f.mac_override = true;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_REPLIES);
	/* A sender rp_filter refuses is never answered. */
	f.martian_source = true;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_MARTIAN_SOURCE);
	/* onlink lets a binding answer on the ingress subnet, not for us. */
	f = (struct arpproxy_facts){ .bound = true, .on_link = true,
				     .flags = ARPPROXY_BINDING_F_ONLINK,
				     .route = ARPPROXY_ROUTE_INGRESS };
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_REPLIES);
	/* ... nor for the subnet's broadcast address. */
	f.broadcast = true;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_BROADCAST_TARGET);
	f.local = true;
	ck_assert_int_eq(arpproxy_verdict(&f), ARPPROXY_STAT_LOCAL_TARGET);
}
END_TEST

static const u8 eth_bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

/* Inspect @arp as if it came in a frame from its sender, to @dst. */
static enum arpproxy_stat inspect(const struct arpproxy_arp *arp, const u8 *dst)
{
	return arpproxy_inspect(arp, sizeof(*arp), arp->sha, dst);
}

START_TEST(test_inspect_passes_honest_arp)
{
	struct arpproxy_arp arp = request();

	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_UNSPEC);
	arp.sip = 0;	/* a probe */
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_UNSPEC);
	arp = request();
	arp.op = htons(ARPOP_REPLY);
	memcpy(arp.tha, "\x00\x00\x0c\x94\x36\xab", ETH_ALEN);
	ck_assert_int_eq(inspect(&arp, arp.tha), ARPPROXY_STAT_UNSPEC);
	/* A gratuitous reply goes to broadcast. */
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_UNSPEC);
	/* Padding to a minimum Ethernet frame is normal. */
	ck_assert_int_eq(arpproxy_inspect(&arp, 46, arp.sha, eth_bcast), ARPPROXY_STAT_UNSPEC);
}
END_TEST

START_TEST(test_inspect_checks_in_order)
{
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x66 };
	struct arpproxy_arp arp = request();

	ck_assert_int_eq(arpproxy_inspect(NULL, 10, other, eth_bcast), ARPPROXY_STAT_BAD_FORMAT);
	ck_assert_int_eq(arpproxy_inspect(&arp, ARPPROXY_ARP_MAX_LEN + 1, arp.sha, eth_bcast),
			 ARPPROXY_STAT_BAD_FORMAT);
	arp.op = htons(ARPOP_RREQUEST);
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_BAD_FORMAT);
	arp = request();
	arp.hln = 8;
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_BAD_FORMAT);

	arp = request();
	ck_assert_int_eq(arpproxy_inspect(&arp, sizeof(arp), other, eth_bcast),
			 ARPPROXY_STAT_BAD_SRC_MAC);
	arp.op = htons(ARPOP_REPLY);
	ck_assert_int_eq(inspect(&arp, other), ARPPROXY_STAT_BAD_DST_MAC);

	arp = request();
	arp.sip = ip("224.0.0.1");
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_BAD_SENDER_IP);
	arp.sip = 0;
	arp.op = htons(ARPOP_REPLY);
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_BAD_SENDER_IP);

	arp = request();
	memset(arp.sha, 0xff, ETH_ALEN);
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_BAD_SENDER_MAC);
	memset(arp.sha, 0, ETH_ALEN);
	ck_assert_int_eq(inspect(&arp, eth_bcast), ARPPROXY_STAT_BAD_SENDER_MAC);
}
END_TEST

/* RFC 903: op 3, Ethernet/IPv4, and real stations on both sides. */
START_TEST(test_rarp_request)
{
	struct arpproxy_arp arp = request();
	static const u8 station[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x10, 0x77 };

	memcpy(arp.tha, station, ETH_ALEN);
	arp.op = htons(ARPOP_RREQUEST);
	ck_assert(arpproxy_rarp_request(&arp));
	arp.op = htons(ARPOP_RREPLY);
	ck_assert(!arpproxy_rarp_request(&arp));
	arp.op = htons(ARPOP_REQUEST);
	ck_assert(!arpproxy_rarp_request(&arp));
	arp.op = htons(ARPOP_RREQUEST);
	arp.hln = 8;
	ck_assert(!arpproxy_rarp_request(&arp));
	arp.hln = ETH_ALEN;
	arp.pro = htons(0x86dd);
	ck_assert(!arpproxy_rarp_request(&arp));
	arp.pro = htons(ETH_P_IP);
	memset(arp.tha, 0, ETH_ALEN);
	ck_assert(!arpproxy_rarp_request(&arp));
	memset(arp.tha, 0xff, ETH_ALEN);
	ck_assert(!arpproxy_rarp_request(&arp));
	memcpy(arp.tha, station, ETH_ALEN);
	arp.sha[0] = 0x01;
	ck_assert(!arpproxy_rarp_request(&arp));
}
END_TEST

Suite *proto_suite(void)
{
	Suite *s = suite_create("proto");
	TCase *tc = tcase_create("proto");

	tcase_add_test(tc, test_request_is_looked_up);
	tcase_add_test(tc, test_rarp_request);
	tcase_add_test(tc, test_wire_layout);
	tcase_add_test(tc, test_malformed_header_is_invalid);
	tcase_add_test(tc, test_other_opcodes_pass);
	tcase_add_test(tc, test_probe_and_gratuitous_are_not_answered);
	tcase_add_test(tc, test_bad_sender_mac_is_invalid);
	tcase_add_test(tc, test_unusable_addresses_are_invalid);
	tcase_add_test(tc, test_prefix_mask);
	tcase_add_test(tc, test_verdict_all_facts);
	tcase_add_test(tc, test_verdict_reference_cases);
	tcase_add_test(tc, test_inspect_passes_honest_arp);
	tcase_add_test(tc, test_inspect_checks_in_order);
	suite_add_tcase(s, tc);
	return s;
}
