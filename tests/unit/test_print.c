// SPDX-License-Identifier: GPL-2.0
/*
 * Replies to text and JSON: binding.c, iface.c, stats.c, version.c, print.c;
 * and to Prometheus: stats.c.
 */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <libmnl/libmnl.h>
#include <net/if.h>

#include "cmd.h"
#include "err.h"
#include "helpers.h"
#include "nl.h"
#include "parse.h"
#include "print.h"
#include "save.h"
#include "stats.h"
#include "suites.h"
#include "words.h"

#define NO_DEV		0
#define GONE_DEV	999999	/* an ifindex no interface has */

static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };
static const uint8_t mac2[ETH_ALEN] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xbb };

/* Crafted replies, one after the other as a dump delivers them. */
static char dump[4096];
static size_t dump_len;

/* Where each part of a save, or of Prometheus output, ends in dump */
static size_t part_end[SAVE_PARTS];
_Static_assert((int)METRICS_PARTS <= (int)SAVE_PARTS, "part_end has room for every part");

static void reset_dump(void)
{
	dump_len = 0;
	memset(part_end, 0, sizeof(part_end));
}

/* The object nest of the message being built, NULL if it has none */
static struct nlattr *msg_nest;

/* A reply of cmd, its attributes going into its object's nest until msg_end() */
static struct nlmsghdr *msg_start(uint8_t cmd)
{
	struct nlmsghdr *nlh = nl_msg_start(dump + dump_len, 0x1234, NLM_F_MULTI, 1, cmd,
					    ARPPROXY_GENL_VERSION);

	msg_nest = object_nest(cmd) ? mnl_attr_nest_start(nlh, object_nest(cmd)) : NULL;
	return nlh;
}

static void msg_end(struct nlmsghdr *nlh)
{
	if (msg_nest)
		mnl_attr_nest_end(nlh, msg_nest);
	msg_nest = NULL;
	dump_len += nlh->nlmsg_len;
}

/* A binding announced garp rounds and every refresh s; 0: not at all */
static void announced(const char *prefix, uint8_t plen, uint32_t ifindex,
		      const uint8_t *mac, uint32_t flags, uint8_t garp, uint32_t refresh,
		      uint64_t hits)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_BINDING_GET);

	put_binding_key(nlh, prefix, plen, ifindex);
	if (mac)
		mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, ETH_ALEN, mac);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, flags);
	if (garp)
		mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_GARP, garp);
	if (refresh)
		mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_REFRESH, refresh);
	mnl_attr_put_u64(nlh, ARPPROXY_BINDING_A_HITS, hits);
	msg_end(nlh);
}

/* A static host binding with @left seconds of its lifetime left, as a lease */
static void leased(const char *addr, uint32_t ifindex, const uint8_t *mac, uint32_t left)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_BINDING_GET);

	put_binding_key(nlh, addr, 32, ifindex);
	mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, ETH_ALEN, mac);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, ARPPROXY_BINDING_F_STATIC);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_LIFETIME, left);
	mnl_attr_put_u64(nlh, ARPPROXY_BINDING_A_HITS, 2);
	msg_end(nlh);
}

static void binding(const char *prefix, uint8_t plen, uint32_t ifindex,
		    const uint8_t *mac, uint32_t flags, uint64_t hits)
{
	announced(prefix, plen, ifindex, mac, flags, 0, 0, hits);
}

static void three_bindings(void)
{
	binding("10.0.0.5", 32, NO_DEV, NULL, ARPPROXY_BINDING_F_EXCLUDE, 0);
	binding("10.1.0.0", 16, NO_DEV, mac1, ARPPROXY_BINDING_F_ONLINK, 3);
	binding("172.16.20.0", 24, lo_index(), NULL, 0, 12);
}

/* An interface's settings, as its dump has them */
static void iface_put(uint32_t ifindex, const struct iface_settings *s)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_IFACE_GET);

	put_iface(nlh, ifindex, s);
	msg_end(nlh);
}

static void iface(uint32_t ifindex, uint8_t mode, uint8_t inspect)
{
	struct iface_settings s = { mode, inspect, 0, 0, 0, 0, 0 };

	iface_put(ifindex, &s);
}

static void iface_rate(uint32_t ifindex, uint32_t rate, uint32_t burst, uint32_t per_host)
{
	struct iface_settings s = { ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, rate, burst,
				    per_host, 0 };

	iface_put(ifindex, &s);
}

/* Every setting away from its default */
static const struct iface_settings every_setting = {
	ARPPROXY_PROXY_ROUTE, ARPPROXY_INSPECT_PIN, 1, 100, 20, 5, 1
};

/* An interface that learns, or not, under an inspection mode */
static void iface_learn(uint32_t ifindex, uint8_t inspect, uint8_t learn)
{
	struct iface_settings s = { ARPPROXY_PROXY_OFF, inspect, 0, 0, 0, 0, learn };

	iface_put(ifindex, &s);
}

/* Default settings but a tracked address, and the state the dump gives */
static void iface_track(uint32_t ifindex, const char *addr, uint8_t state)
{
	struct iface_settings s = { ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, 0, 0, 0, 0 };
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_IFACE_GET);
	uint8_t a[16];

	put_iface(nlh, ifindex, &s);
	if (inet_pton(AF_INET, addr, a) == 1) {
		mnl_attr_put(nlh, ARPPROXY_IFACE_A_TRACK4, 4, a);
	} else {
		ck_assert_int_eq(inet_pton(AF_INET6, addr, a), 1);
		mnl_attr_put(nlh, ARPPROXY_IFACE_A_TRACK6, 16, a);
	}
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_TRACK_STATE, state);
	msg_end(nlh);
}

static void acl(uint32_t ifindex, uint32_t pref, uint8_t action, const char *prefix,
		uint8_t plen, const uint8_t *mac, uint64_t hits)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_ACL_GET);

	put_acl_rule(nlh, ifindex, pref, action, prefix, plen, mac);
	mnl_attr_put_u64(nlh, ARPPROXY_ACL_A_HITS, hits);
	msg_end(nlh);
}

/* The cache's timeout, size and stations, as CACHE_GET replies */
static void cache(uint32_t timeout, uint32_t size, uint32_t stations)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_CACHE_GET);

	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_TIMEOUT, timeout);
	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_SIZE, size);
	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_STATIONS, stations);
	msg_end(nlh);
}

/* A station of the cache's dump: its ages in ms */
static void station(uint32_t ifindex, const char *ip, const uint8_t *mac, uint64_t first_ms,
		    uint64_t last_ms, uint64_t packets, uint32_t changes)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_STATION_GET);
	uint8_t addr[16];

	if (inet_pton(AF_INET, ip, addr) == 1) {
		mnl_attr_put(nlh, ARPPROXY_STATION_A_ADDR4, 4, addr);
	} else {
		ck_assert_int_eq(inet_pton(AF_INET6, ip, addr), 1);
		mnl_attr_put(nlh, ARPPROXY_STATION_A_ADDR6, 16, addr);
	}
	mnl_attr_put_u32(nlh, ARPPROXY_STATION_A_IFINDEX, ifindex);
	mnl_attr_put(nlh, ARPPROXY_STATION_A_MAC, ETH_ALEN, mac);
	mnl_attr_put_u64(nlh, ARPPROXY_STATION_A_FIRST_SEEN, first_ms);
	mnl_attr_put_u64(nlh, ARPPROXY_STATION_A_LAST_SEEN, last_ms);
	mnl_attr_put_u64(nlh, ARPPROXY_STATION_A_PACKETS, packets);
	mnl_attr_put_u32(nlh, ARPPROXY_STATION_A_CHANGES, changes);
	msg_end(nlh);
}

/* Stations of lo and of a gone interface, in no order, as the kernel sends them */
static void four_stations(void)
{
	station(GONE_DEV, "10.0.0.1", mac2, 1000, 999, 1, 0);
	station(lo_index(), "172.16.10.200", mac2, 61999, 1000, 30, 2);
	station(lo_index(), "172.16.10.100", mac1, 12345, 3001, 7, 0);
	station(lo_index(), "10.9.0.1", mac1, 0, 0, UINT64_MAX, UINT32_MAX);
}

/* A dump's output for the show command line */
static const char *show(const char *line, bool json, bool pretty)
{
	struct req req = parse_ok(line);

	capture_start(json, pretty);
	ck_assert_int_eq(cmd_print_dump(&req, dump, dump_len), 0);
	return capture_end();
}

/* The output for the single reply of a get */
static const char *show_reply(const char *line, bool json, bool pretty)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok(line);

	ck_assert_int_eq(req_parse_reply(&req, (const void *)dump, tb), 0);
	capture_start(json, pretty);
	req.cmd->print(&req, tb);
	return capture_end();
}

START_TEST(test_binding_text)
{
	three_bindings();
	ck_assert_str_eq(show("binding show", false, false),
			 "10.0.0.5/32 exclude hits 0\n"
			 "10.1.0.0/16 mac 02:00:00:00:00:01 onlink hits 3\n"
			 "172.16.20.0/24 dev lo mac auto hits 12\n");
}
END_TEST

START_TEST(test_binding_json)
{
	three_bindings();
	ck_assert_str_eq(show("binding show", true, false),
			 "[{\"prefix\":\"10.0.0.5/32\",\"dev\":null,\"mac\":null,"
			 "\"flags\":[\"exclude\"],\"garp\":null,\"refresh\":null,\"lifetime\":null,\"hits\":0},"
			 "{\"prefix\":\"10.1.0.0/16\",\"dev\":null,\"mac\":\"02:00:00:00:00:01\","
			 "\"flags\":[\"onlink\"],\"garp\":null,\"refresh\":null,\"lifetime\":null,\"hits\":3},"
			 "{\"prefix\":\"172.16.20.0/24\",\"dev\":\"lo\",\"mac\":null,"
			 "\"flags\":[],\"garp\":null,\"refresh\":null,\"lifetime\":null,\"hits\":12}]\n");
}
END_TEST

START_TEST(test_binding_json_pretty)
{
	binding("10.1.0.0", 16, lo_index(), mac1,
		ARPPROXY_BINDING_F_ONLINK | ARPPROXY_BINDING_F_EXCLUDE, 3);
	binding("10.2.0.0", 16, NO_DEV, NULL, 0, 0);
	ck_assert_str_eq(show("binding show", true, true),
			 "[\n"
			 "  {\n"
			 "    \"prefix\": \"10.1.0.0/16\",\n"
			 "    \"dev\": \"lo\",\n"
			 "    \"mac\": \"02:00:00:00:00:01\",\n"
			 "    \"flags\": [\n"
			 "      \"onlink\",\n"
			 "      \"exclude\"\n"
			 "    ],\n"
			 "    \"garp\": null,\n"
			 "    \"refresh\": null,\n"
			 "    \"lifetime\": null,\n"
			 "    \"hits\": 3\n"
			 "  },\n"
			 "  {\n"
			 "    \"prefix\": \"10.2.0.0/16\",\n"
			 "    \"dev\": null,\n"
			 "    \"mac\": null,\n"
			 "    \"flags\": [],\n"
			 "    \"garp\": null,\n"
			 "    \"refresh\": null,\n"
			 "    \"lifetime\": null,\n"
			 "    \"hits\": 0\n"
			 "  }\n"
			 "]\n");
}
END_TEST

START_TEST(test_binding_filters)
{
	three_bindings();
	binding("10.1.0.0", 16, lo_index(), NULL, 0, 7);
	binding("10.1.0.0", 24, NO_DEV, NULL, 0, 1);
	ck_assert_str_eq(show("binding show 10.1.0.0/16", false, false),
			 "10.1.0.0/16 mac 02:00:00:00:00:01 onlink hits 3\n"
			 "10.1.0.0/16 dev lo mac auto hits 7\n");
	ck_assert_str_eq(show("binding show dev lo", false, false),
			 "172.16.20.0/24 dev lo mac auto hits 12\n"
			 "10.1.0.0/16 dev lo mac auto hits 7\n");
	ck_assert_str_eq(show("binding show 10.1.0.0/16 dev lo", false, false),
			 "10.1.0.0/16 dev lo mac auto hits 7\n");
	/* exact prefix and length, not "covered by" */
	ck_assert_str_eq(show("binding show 10.0.0.0/8", false, false), "");
	ck_assert_str_eq(show("binding show 10.0.0.0/8", true, false), "[]\n");
}
END_TEST

/* IPv4 first, as the kernel dumps them, then IPv6 */
static void mixed_bindings(void)
{
	three_bindings();
	binding("2001:db8:20::", 64, lo_index(), NULL, 0, 4);
	/* RFC 5952 text, whatever the kernel's bytes were written from */
	binding("2001:0db8:0000::0005", 128, NO_DEV, mac1, ARPPROXY_BINDING_F_STATIC, 7);
	binding("2001:db8::", 48, NO_DEV, NULL, ARPPROXY_BINDING_F_EXCLUDE, 0);
}

static const char mixed_v4_text[] =
	"10.0.0.5/32 exclude hits 0\n"
	"10.1.0.0/16 mac 02:00:00:00:00:01 onlink hits 3\n"
	"172.16.20.0/24 dev lo mac auto hits 12\n";
static const char mixed_v6_text[] =
	"2001:db8:20::/64 dev lo mac auto hits 4\n"
	"2001:db8::5/128 mac 02:00:00:00:00:01 static hits 7\n"
	"2001:db8::/48 exclude hits 0\n";

START_TEST(test_binding_ipv6_text)
{
	char want[sizeof(mixed_v4_text) + sizeof(mixed_v6_text)];

	mixed_bindings();
	snprintf(want, sizeof(want), "%s%s", mixed_v4_text, mixed_v6_text);
	ck_assert_str_eq(show("binding show", false, false), want);
}
END_TEST

START_TEST(test_binding_ipv6_json)
{
	binding("2001:db8:20::", 64, lo_index(), NULL, 0, 4);
	binding("2001:db8::5", 128, NO_DEV, mac1, ARPPROXY_BINDING_F_STATIC, 7);
	ck_assert_str_eq(show("binding show", true, false),
			 "[{\"prefix\":\"2001:db8:20::/64\",\"dev\":\"lo\",\"mac\":null,"
			 "\"flags\":[],\"garp\":null,\"refresh\":null,\"lifetime\":null,\"hits\":4},"
			 "{\"prefix\":\"2001:db8::5/128\",\"dev\":null,"
			 "\"mac\":\"02:00:00:00:00:01\",\"flags\":[\"static\"],\"garp\":null,"
			 "\"refresh\":null,\"lifetime\":null,\"hits\":7}]\n");
}
END_TEST

/* -4 and -6 list one family; a prefix filters within it, by family too. */
START_TEST(test_binding_family_filter)
{
	mixed_bindings();
	preferred_family = AF_INET;
	ck_assert_str_eq(show("binding show", false, false), mixed_v4_text);
	ck_assert_str_eq(show("binding show 2001:db8:20::/64", false, false), "");
	preferred_family = AF_INET6;
	ck_assert_str_eq(show("binding show", false, false), mixed_v6_text);
	ck_assert_str_eq(show("binding show dev lo", false, false),
			 "2001:db8:20::/64 dev lo mac auto hits 4\n");
	ck_assert_str_eq(show("binding show 10.0.0.5", true, false), "[]\n");
	preferred_family = AF_UNSPEC;
	ck_assert_str_eq(show("binding show 2001:db8:20::/64", false, false),
			 "2001:db8:20::/64 dev lo mac auto hits 4\n");
	ck_assert_str_eq(show("binding show 2001:db8::5", false, false),
			 "2001:db8::5/128 mac 02:00:00:00:00:01 static hits 7\n");
	/* exact prefix and length */
	ck_assert_str_eq(show("binding show 2001:db8::/48", false, false),
			 "2001:db8::/48 exclude hits 0\n");
	ck_assert_str_eq(show("binding show 2001:db8::/64", false, false), "");
	/* a /32 of the other family, its first bytes those of 10.0.0.5 */
	ck_assert_str_eq(show("binding show a00:5::/32", false, false), "");
}
END_TEST

START_TEST(test_binding_odd_values)
{
	binding("10.2.0.0", 16, GONE_DEV, NULL, ARPPROXY_BINDING_F_ONLINK | 0x8, UINT64_MAX);
	ck_assert_str_eq(show("binding show", false, false),
			 "10.2.0.0/16 dev if999999 mac auto onlink 0x8 hits 18446744073709551615\n");
	ck_assert_str_eq(show("binding show", true, false),
			 "[{\"prefix\":\"10.2.0.0/16\",\"dev\":\"if999999\",\"mac\":null,"
			 "\"flags\":[\"onlink\",\"0x8\"],\"garp\":null,\"refresh\":null,\"lifetime\":null,"
			 "\"hits\":18446744073709551615}]\n");
}
END_TEST

/* In the words that set them, between the flags and the hits */
START_TEST(test_binding_announce)
{
	announced("172.16.20.200", 32, lo_index(), mac1, ARPPROXY_BINDING_F_STATIC, 3, 30, 5);
	announced("172.16.20.0", 28, lo_index(), NULL, ARPPROXY_BINDING_F_ONLINK, 1, 0, 0);
	announced("172.16.0.0", 16, lo_index(), NULL, 0, 0, ARPPROXY_REFRESH_MAX, 0);
	announced("172.16.21.0", 24, lo_index(), NULL, 0, ARPPROXY_ANNOUNCE_COUNT_MAX, 1, 0);
	ck_assert_str_eq(show("binding show", false, false),
			 "172.16.20.200/32 dev lo mac 02:00:00:00:00:01 static garp 3 refresh 30"
			 " hits 5\n"
			 "172.16.20.0/28 dev lo mac auto onlink garp 1 hits 0\n"
			 "172.16.0.0/16 dev lo mac auto refresh 86400 hits 0\n"
			 "172.16.21.0/24 dev lo mac auto garp 100 refresh 1 hits 0\n");
	ck_assert_str_eq(show("binding show", true, false),
			 "[{\"prefix\":\"172.16.20.200/32\",\"dev\":\"lo\","
			 "\"mac\":\"02:00:00:00:00:01\",\"flags\":[\"static\"],\"garp\":3,"
			 "\"refresh\":30,\"lifetime\":null,\"hits\":5},"
			 "{\"prefix\":\"172.16.20.0/28\",\"dev\":\"lo\",\"mac\":null,"
			 "\"flags\":[\"onlink\"],\"garp\":1,\"refresh\":null,\"lifetime\":null,\"hits\":0},"
			 "{\"prefix\":\"172.16.0.0/16\",\"dev\":\"lo\",\"mac\":null,"
			 "\"flags\":[],\"garp\":null,\"refresh\":86400,\"lifetime\":null,\"hits\":0},"
			 "{\"prefix\":\"172.16.21.0/24\",\"dev\":\"lo\",\"mac\":null,"
			 "\"flags\":[],\"garp\":100,\"refresh\":1,\"lifetime\":null,\"hits\":0}]\n");
}
END_TEST

/* What is left of a lifetime, after the words that set the binding */
START_TEST(test_binding_lifetime)
{
	leased("172.16.10.100", lo_index(), mac2, 3599);
	leased("172.16.10.101", lo_index(), mac1, ARPPROXY_LIFETIME_MAX);
	ck_assert_str_eq(show("binding show", false, false),
			 "172.16.10.100/32 dev lo mac 00:00:0c:94:36:bb static lifetime 3599 hits 2\n"
			 "172.16.10.101/32 dev lo mac 02:00:00:00:00:01 static lifetime 2147483647"
			 " hits 2\n");
	ck_assert_str_eq(show("binding show 172.16.10.100", true, false),
			 "[{\"prefix\":\"172.16.10.100/32\",\"dev\":\"lo\","
			 "\"mac\":\"00:00:0c:94:36:bb\",\"flags\":[\"static\"],\"garp\":null,"
			 "\"refresh\":null,\"lifetime\":3599,\"hits\":2}]\n");
}
END_TEST

/* A malformed announcement: not a u8, not a u32 */
START_TEST(test_binding_announce_wrong_width)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_BINDING_GET);
	struct req req = parse_ok("binding show");

	put_binding_key(nlh, "172.16.20.200", 32, lo_index());
	if (_i)
		mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_REFRESH, 3);
	else
		mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_GARP, 3);
	msg_end(nlh);
	capture_start(false, false);
	ck_assert_int_eq(cmd_print_dump(&req, dump, dump_len), -EBADMSG);
	ck_assert_str_eq(capture_end(), "");
}
END_TEST

START_TEST(test_empty_dump)
{
	ck_assert_str_eq(show("binding show", true, false), "[]\n");
	ck_assert_str_eq(show("binding show", true, true), "[]\n");
	ck_assert_str_eq(show("iface show", true, false), "[]\n");
	ck_assert_str_eq(show("binding show", false, false), "");
}
END_TEST


START_TEST(test_iface)
{
	iface(lo_index(), ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF);
	iface(GONE_DEV, ARPPROXY_PROXY_ROUTE, ARPPROXY_INSPECT_ENFORCE);
	iface(GONE_DEV + 1, 9, 7);
	ck_assert_str_eq(show("iface show", false, false),
			 "lo proxy off inspect off\n"
			 "if999999 proxy route inspect enforce\n"
			 "if1000000 proxy mode_9 inspect mode_7\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"lo\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if999999\",\"proxy\":\"route\",\"inspect\":\"enforce\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"mode_9\",\"inspect\":\"mode_7\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0}]\n");
	ck_assert_str_eq(show("iface show lo", false, false), "lo proxy off inspect off\n");
	ck_assert_str_eq(show("iface show lo", true, true),
			 "[\n  {\n    \"dev\": \"lo\",\n    \"proxy\": \"off\",\n"
			 "    \"inspect\": \"off\",\n    \"rarp\": \"off\",\n    \"learn\": \"off\",\n    \"rate\": 0,\n"
			 "    \"burst\": 0,\n    \"per_host\": 0\n  }\n]\n");
}
END_TEST

/* What the IPv6 bindings made of a filter: in text only when not nothing. */
START_TEST(test_iface_nd)
{
	static const struct {
		uint32_t groups;
		uint8_t allmulti;
	} nd[] = { { 0, 0 }, { 3, 0 }, { 64, 1 }, { 0, 1 } };
	struct iface_settings s = { ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, 0, 0, 0, 0 };
	struct nlmsghdr *nlh;
	size_t i;

	for (i = 0; i < N(nd); i++) {
		nlh = msg_start(ARPPROXY_CMD_IFACE_GET);
		put_iface(nlh, GONE_DEV + i, &s);
		mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_ND_GROUPS, nd[i].groups);
		mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_ND_ALLMULTI, nd[i].allmulti);
		msg_end(nlh);
	}
	ck_assert_str_eq(show("iface show", false, false),
			 "if999999 proxy off inspect off\n"
			 "if1000000 proxy off inspect off nd-groups 3\n"
			 "if1000001 proxy off inspect off nd-groups 64 allmulti on\n"
			 "if1000002 proxy off inspect off allmulti on\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"if999999\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"nd_groups\":0,\"allmulti\":\"off\"},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"nd_groups\":3,\"allmulti\":\"off\"},"
			 "{\"dev\":\"if1000001\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"nd_groups\":64,\"allmulti\":\"on\"},"
			 "{\"dev\":\"if1000002\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"nd_groups\":0,\"allmulti\":\"on\"}]\n");
}
END_TEST

/* The address and, not being a setting, the state after the settings */
START_TEST(test_iface_track)
{
	iface_track(GONE_DEV, "172.16.10.1", ARPPROXY_TRACK_ACTIVE);
	iface_track(GONE_DEV + 1, "2001:db8::1", ARPPROXY_TRACK_STANDBY);
	ck_assert_str_eq(show("iface show", false, false),
			 "if999999 proxy off inspect off track 172.16.10.1 active\n"
			 "if1000000 proxy off inspect off track 2001:db8::1 standby\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"if999999\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"track\":\"172.16.10.1\",\"track_state\":\"active\"},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"track\":\"2001:db8::1\",\"track_state\":\"standby\"}]\n");
	/* a newer module's state is named by its number, not taken for one of these */
	reset_dump();
	iface_track(GONE_DEV, "172.16.10.1", 3);
	ck_assert_str_eq(show("iface show", false, false),
			 "if999999 proxy off inspect off track 172.16.10.1 state_3\n");
}
END_TEST

static void iface_settings(uint32_t ifindex, uint8_t proxy, uint8_t inspect, uint8_t rarp,
			   uint32_t rate, uint32_t burst, uint32_t per_host)
{
	struct iface_settings s = { proxy, inspect, rarp, rate, burst, per_host, 0 };

	iface_put(ifindex, &s);
}

/* On, reverse ARP shows in the words that set it; off, only in JSON. */
START_TEST(test_iface_rarp)
{
	iface_settings(lo_index(), ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 1, 0, 0, 0);
	iface_settings(GONE_DEV, ARPPROXY_PROXY_ROUTE, ARPPROXY_INSPECT_LOG, 1, 10, 10, 5);
	iface_settings(GONE_DEV + 1, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, 0, 0, 0);
	iface_settings(GONE_DEV + 2, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 2, 0, 0, 0);
	ck_assert_str_eq(show("iface show", false, false),
			 "lo proxy off inspect off rarp on\n"
			 "if999999 proxy route inspect log rarp on rate 10 burst 10 per-host 5\n"
			 "if1000000 proxy off inspect off\n"
			 "if1000001 proxy off inspect off rarp mode_2\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"lo\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"on\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if999999\",\"proxy\":\"route\",\"inspect\":\"log\","
			 "\"rarp\":\"on\",\"learn\":\"off\",\"rate\":10,\"burst\":10,\"per_host\":5},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000001\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"mode_2\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0}]\n");
}
END_TEST

/* On, the rate limit shows in the words that set it; off, not at all. */
START_TEST(test_iface_rate)
{
	iface_rate(GONE_DEV, 10, 20, 5);
	iface_rate(GONE_DEV + 1, 10, 10, 0);
	iface_rate(GONE_DEV + 2, 0, 0, 5);
	iface_rate(GONE_DEV + 3, 1000000, 1000000, 1000000);
	iface_rate(GONE_DEV + 4, 0, 7, 0);
	ck_assert_str_eq(show("iface show", false, false),
			 "if999999 proxy off inspect off rate 10 burst 20 per-host 5\n"
			 "if1000000 proxy off inspect off rate 10 burst 10\n"
			 "if1000001 proxy off inspect off rate 0 per-host 5\n"
			 "if1000002 proxy off inspect off rate 1000000 burst 1000000 per-host 1000000\n"
			 "if1000003 proxy off inspect off\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"if999999\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":10,\"burst\":20,\"per_host\":5},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":10,\"burst\":10,\"per_host\":0},"
			 "{\"dev\":\"if1000001\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":5},"
			 "{\"dev\":\"if1000002\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":1000000,\"burst\":1000000,"
			 "\"per_host\":1000000},"
			 "{\"dev\":\"if1000003\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":7,\"per_host\":0}]\n");
}
END_TEST

/* The one line of a text show, as the command "verb LINE" parses it */
static struct req show_as(const char *show_line, const char *verb)
{
	const char *text = show(show_line, false, false);
	char line[256];

	ck_assert_uint_eq(strchr(text, '\n')[1], '\0');
	snprintf(line, sizeof(line), "%s %.*s", verb, (int)strcspn(text, "\n"), text);
	/* hits are the kernel's to count */
	if (strstr(line, " hits "))
		*strstr(line, " hits ") = '\0';
	return parse_ok(line);
}

/* What iface show prints, iface set takes, to the same effect. */
START_TEST(test_iface_show_is_set)
{
	struct req req;

	iface_rate(lo_index(), 10, 20, 5);
	req = show_as("iface show", "iface set");
	ck_assert_uint_eq(req.rate, 10);
	ck_assert_uint_eq(req.rate_burst, 20);
	ck_assert_uint_eq(req.rate_per_host, 5);
	reset_dump();
	iface_rate(lo_index(), 0, 0, 5);
	req = show_as("iface show", "iface set");
	ck_assert_uint_eq(req.rate, 0);
	ck_assert_uint_eq(req.rate_per_host, 5);
	ck_assert_uint_eq(req.attrs & REQ_ATTR(RATE_BURST), 0);
	ck_assert_uint_eq(req.attrs & REQ_ATTR(RARP), 0);
	reset_dump();
	iface_settings(lo_index(), ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 1, 0, 0, 0);
	req = show_as("iface show", "iface set");
	ck_assert_uint_eq(req.attrs & REQ_ATTR(RARP), REQ_ATTR(RARP));
	ck_assert_uint_eq(req.rarp, 1);
	ck_assert_uint_eq(req.attrs & REQ_ATTR(LEARN), 0);
	reset_dump();
	iface_put(lo_index(), &every_setting);
	req = show_as("iface show", "iface set");
	ck_assert_uint_eq(req.inspect_mode, ARPPROXY_INSPECT_PIN);
	ck_assert_uint_eq(req.attrs & REQ_ATTR(LEARN), REQ_ATTR(LEARN));
	ck_assert_uint_eq(req.learn, 1);
}
END_TEST

/* As reverse ARP: on, in the words that set it; off, only in JSON. */
START_TEST(test_iface_learn)
{
	iface_learn(lo_index(), ARPPROXY_INSPECT_PIN, 1);
	iface_learn(GONE_DEV, ARPPROXY_INSPECT_ENFORCE, 0);
	iface_learn(GONE_DEV + 1, ARPPROXY_INSPECT_OFF, 1);
	iface_learn(GONE_DEV + 2, ARPPROXY_INSPECT_LOG, 2);
	ck_assert_str_eq(show("iface show", false, false),
			 "lo proxy off inspect pin learn on\n"
			 "if999999 proxy off inspect enforce\n"
			 "if1000000 proxy off inspect off learn on\n"
			 "if1000001 proxy off inspect log learn mode_2\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"lo\",\"proxy\":\"off\",\"inspect\":\"pin\","
			 "\"rarp\":\"off\",\"learn\":\"on\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if999999\",\"proxy\":\"off\",\"inspect\":\"enforce\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"on\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000001\",\"proxy\":\"off\",\"inspect\":\"log\","
			 "\"rarp\":\"off\",\"learn\":\"mode_2\",\"rate\":0,\"burst\":0,"
			 "\"per_host\":0}]\n");
}
END_TEST

/* four_stations() by interface, then address; ages in whole seconds, rounded down */
static const char four_stations_text[] =
	"10.9.0.1 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
	" packets 18446744073709551615 changes 4294967295\n"
	"172.16.10.100 dev lo mac 02:00:00:00:00:01 first-seen 12s last-seen 3s"
	" packets 7 changes 0\n"
	"172.16.10.200 dev lo mac 00:00:0c:94:36:bb first-seen 61s last-seen 1s"
	" packets 30 changes 2\n"
	"10.0.0.1 dev if999999 mac 00:00:0c:94:36:bb first-seen 1s last-seen 0s"
	" packets 1 changes 0\n";

START_TEST(test_cache_text)
{
	four_stations();
	ck_assert_str_eq(show("cache show", false, false), four_stations_text);
	ck_assert_str_eq(show("cache show 0.0.0.0/0", false, false), four_stations_text);
}
END_TEST

START_TEST(test_cache_json)
{
	four_stations();
	ck_assert_str_eq(show("cache show", true, false),
			 "[{\"ip\":\"10.9.0.1\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":18446744073709551615,"
			 "\"changes\":4294967295},"
			 "{\"ip\":\"172.16.10.100\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":12,\"last_seen\":3,\"packets\":7,\"changes\":0},"
			 "{\"ip\":\"172.16.10.200\",\"dev\":\"lo\",\"mac\":\"00:00:0c:94:36:bb\","
			 "\"first_seen\":61,\"last_seen\":1,\"packets\":30,\"changes\":2},"
			 "{\"ip\":\"10.0.0.1\",\"dev\":\"if999999\",\"mac\":\"00:00:0c:94:36:bb\","
			 "\"first_seen\":1,\"last_seen\":0,\"packets\":1,\"changes\":0}]\n");
	reset_dump();
	station(lo_index(), "172.16.10.100", mac1, 12345, 3001, 7, 0);
	ck_assert_str_eq(show("cache show", true, true),
			 "[\n  {\n    \"ip\": \"172.16.10.100\",\n    \"dev\": \"lo\",\n"
			 "    \"mac\": \"02:00:00:00:00:01\",\n    \"first_seen\": 12,\n"
			 "    \"last_seen\": 3,\n    \"packets\": 7,\n    \"changes\": 0\n  }\n]\n");
}
END_TEST

/* Addresses sort as numbers, not as text; interfaces by index. */
START_TEST(test_cache_order)
{
	station(lo_index(), "172.16.10.20", mac1, 0, 0, 1, 0);
	station(GONE_DEV, "1.1.1.1", mac1, 0, 0, 1, 0);
	station(lo_index(), "172.16.10.3", mac1, 0, 0, 1, 0);
	station(GONE_DEV + 1, "0.0.0.1", mac1, 0, 0, 1, 0);
	station(lo_index(), "255.255.255.254", mac1, 0, 0, 1, 0);
	station(lo_index(), "9.255.255.255", mac1, 0, 0, 1, 0);
	ck_assert_str_eq(show("cache show", true, false),
			 "[{\"ip\":\"9.255.255.255\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0},"
			 "{\"ip\":\"172.16.10.3\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0},"
			 "{\"ip\":\"172.16.10.20\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0},"
			 "{\"ip\":\"255.255.255.254\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0},"
			 "{\"ip\":\"1.1.1.1\",\"dev\":\"if999999\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0},"
			 "{\"ip\":\"0.0.0.1\",\"dev\":\"if1000000\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0}]\n");
}
END_TEST

/*
 * IPv6 stations: after an interface's IPv4 ones, by address as a number
 * (not as text), in RFC 5952 form; a prefix of either family filters.
 */
START_TEST(test_cache_ipv6)
{
	station(GONE_DEV, "2001:db8::1", mac1, 0, 0, 1, 0);
	station(lo_index(), "2001:db8:20::200", mac2, 2000, 1000, 5, 1);
	station(lo_index(), "fe80::1", mac1, 0, 0, 1, 0);
	station(lo_index(), "172.16.10.100", mac1, 0, 0, 1, 0);
	station(lo_index(), "2001:DB8:20:0:0:0:0:1f", mac1, 0, 0, 1, 0);
	ck_assert_str_eq(show("cache show", false, false),
			 "172.16.10.100 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n"
			 "2001:db8:20::1f dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n"
			 "2001:db8:20::200 dev lo mac 00:00:0c:94:36:bb first-seen 2s last-seen 1s"
			 " packets 5 changes 1\n"
			 "fe80::1 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n"
			 "2001:db8::1 dev if999999 mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n");
	ck_assert_str_eq(show("cache show 2001:db8:20::/64 dev lo", true, false),
			 "[{\"ip\":\"2001:db8:20::1f\",\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:01\","
			 "\"first_seen\":0,\"last_seen\":0,\"packets\":1,\"changes\":0},"
			 "{\"ip\":\"2001:db8:20::200\",\"dev\":\"lo\",\"mac\":\"00:00:0c:94:36:bb\","
			 "\"first_seen\":2,\"last_seen\":1,\"packets\":5,\"changes\":1}]\n");
	ck_assert_str_eq(show("cache show fe80::/10", false, false),
			 "fe80::1 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n");
	ck_assert_str_eq(show("cache show 0.0.0.0/0", false, false),
			 "172.16.10.100 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n");
	ck_assert_str_eq(show("cache show ::/0 dev lo", false, false),
			 "2001:db8:20::1f dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n"
			 "2001:db8:20::200 dev lo mac 00:00:0c:94:36:bb first-seen 2s last-seen 1s"
			 " packets 5 changes 1\n"
			 "fe80::1 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 1 changes 0\n");
}
END_TEST

/* The kernel filters; so does show, whatever it was sent. A prefix covers. */
START_TEST(test_cache_filters)
{
	four_stations();
	ck_assert_str_eq(show("cache show dev lo 172.16.0.0/16", false, false),
			 "172.16.10.100 dev lo mac 02:00:00:00:00:01 first-seen 12s last-seen 3s"
			 " packets 7 changes 0\n"
			 "172.16.10.200 dev lo mac 00:00:0c:94:36:bb first-seen 61s last-seen 1s"
			 " packets 30 changes 2\n");
	ck_assert_str_eq(show("cache show 10.0.0.1", false, false),
			 "10.0.0.1 dev if999999 mac 00:00:0c:94:36:bb first-seen 1s last-seen 0s"
			 " packets 1 changes 0\n");
	ck_assert_str_eq(show("cache show 10.0.0.0/8 dev lo", false, false),
			 "10.9.0.1 dev lo mac 02:00:00:00:00:01 first-seen 0s last-seen 0s"
			 " packets 18446744073709551615 changes 4294967295\n");
	ck_assert_str_eq(show("cache show 192.168.0.0/16", false, false), "");
	ck_assert_str_eq(show("cache show 192.168.0.0/16", true, false), "[]\n");
	reset_dump();
	ck_assert_str_eq(show("cache show", true, false), "[]\n");
	ck_assert_str_eq(show("cache show", false, false), "");
}
END_TEST

START_TEST(test_cache_status)
{
	cache(ARPPROXY_CACHE_TIMEOUT_DEFAULT, 65536, 12);
	ck_assert_str_eq(show_reply("cache status", false, false),
			 "timeout 300 size 65536 stations 12\n");
	ck_assert_str_eq(show_reply("cache status", true, false),
			 "{\"timeout\":300,\"size\":65536,\"stations\":12}\n");
	/* before any interface learns, the cache has no room yet */
	reset_dump();
	cache(ARPPROXY_CACHE_TIMEOUT_MAX, 0, 0);
	ck_assert_str_eq(show_reply("cache status", false, false),
			 "timeout 604800 size 0 stations 0\n");
	ck_assert_str_eq(show_reply("cache status", true, true),
			 "{\n  \"timeout\": 604800,\n  \"size\": 0,\n  \"stations\": 0\n}\n");
}
END_TEST

static void three_rules(void)
{
	acl(lo_index(), 5, ARPPROXY_ACL_ALLOW, "172.16.10.100", 32, NULL, 0);
	acl(lo_index(), 10, ARPPROXY_ACL_DENY, "172.16.10.0", 24, mac2, 3);
	acl(GONE_DEV, 4294967295U, ARPPROXY_ACL_DENY, NULL, 0, NULL, UINT64_MAX);
}

START_TEST(test_acl_text)
{
	three_rules();
	ck_assert_str_eq(show("acl show", false, false),
			 "dev lo pref 5 allow from 172.16.10.100/32 hits 0\n"
			 "dev lo pref 10 deny from 172.16.10.0/24 mac 00:00:0c:94:36:bb hits 3\n"
			 "dev if999999 pref 4294967295 deny hits 18446744073709551615\n");
}
END_TEST

START_TEST(test_acl_json)
{
	three_rules();
	acl(lo_index(), 20, ARPPROXY_ACL_ALLOW, NULL, 0, mac1, 1);
	ck_assert_str_eq(show("acl show", true, false),
			 "[{\"dev\":\"lo\",\"pref\":5,\"action\":\"allow\","
			 "\"from\":\"172.16.10.100/32\",\"hits\":0},"
			 "{\"dev\":\"lo\",\"pref\":10,\"action\":\"deny\","
			 "\"from\":\"172.16.10.0/24\",\"mac\":\"00:00:0c:94:36:bb\",\"hits\":3},"
			 "{\"dev\":\"if999999\",\"pref\":4294967295,\"action\":\"deny\","
			 "\"hits\":18446744073709551615},"
			 "{\"dev\":\"lo\",\"pref\":20,\"action\":\"allow\","
			 "\"mac\":\"02:00:00:00:00:01\",\"hits\":1}]\n");
	ck_assert_str_eq(show("acl show dev lo", true, true),
			 "[\n  {\n    \"dev\": \"lo\",\n    \"pref\": 5,\n"
			 "    \"action\": \"allow\",\n    \"from\": \"172.16.10.100/32\",\n"
			 "    \"hits\": 0\n  },\n"
			 "  {\n    \"dev\": \"lo\",\n    \"pref\": 10,\n"
			 "    \"action\": \"deny\",\n    \"from\": \"172.16.10.0/24\",\n"
			 "    \"mac\": \"00:00:0c:94:36:bb\",\n    \"hits\": 3\n  },\n"
			 "  {\n    \"dev\": \"lo\",\n    \"pref\": 20,\n"
			 "    \"action\": \"allow\",\n    \"mac\": \"02:00:00:00:00:01\",\n"
			 "    \"hits\": 1\n  }\n]\n");
}
END_TEST

START_TEST(test_acl_filter_and_odd_values)
{
	three_rules();
	ck_assert_str_eq(show("acl show dev lo", false, false),
			 "dev lo pref 5 allow from 172.16.10.100/32 hits 0\n"
			 "dev lo pref 10 deny from 172.16.10.0/24 mac 00:00:0c:94:36:bb hits 3\n");
	reset_dump();
	ck_assert_str_eq(show("acl show", true, false), "[]\n");
	ck_assert_str_eq(show("acl show", false, false), "");
	/* a newer module's action, and a rule for everyone */
	acl(lo_index(), 1, 9, "0.0.0.0", 0, NULL, 2);
	ck_assert_str_eq(show("acl show", false, false),
			 "dev lo pref 1 action_9 from 0.0.0.0/0 hits 2\n");
}
END_TEST

/* The words acl show prints are those acl add takes, hits aside. */
START_TEST(test_acl_show_is_add)
{
	struct req req;

	acl(lo_index(), 10, ARPPROXY_ACL_DENY, "172.16.10.0", 24, mac2, 3);
	req = show_as("acl show", "acl add");
	ck_assert_uint_eq(req.ifindex, lo_index());
	ck_assert_uint_eq(req.pref, 10);
	ck_assert_uint_eq(req.action, ARPPROXY_ACL_DENY);
	ck_assert_uint_eq(req.prefix, htonl(0xac100a00));
	ck_assert_uint_eq(req.plen, 24);
	ck_assert_mem_eq(req.mac, mac2, ETH_ALEN);
}
END_TEST

/* Valid messages, then one that is not: a binding without its length... */
static void bad_bindings(void)
{
	struct nlmsghdr *nlh;

	three_bindings();
	nlh = msg_start(ARPPROXY_CMD_BINDING_GET);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_PREFIX4, 0);
	msg_end(nlh);
}

/* ...or a rule without its action. */
static void bad_rules(void)
{
	struct nlmsghdr *nlh;

	three_rules();
	nlh = msg_start(ARPPROXY_CMD_ACL_GET);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_IFINDEX, lo_index());
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_PREF, 30);
	msg_end(nlh);
}

/* ...or a station without its changes. */
static void bad_stations(void)
{
	struct nlmsghdr *nlh;
	uint32_t addr = htonl(0x0a000002);

	four_stations();
	nlh = msg_start(ARPPROXY_CMD_STATION_GET);
	mnl_attr_put(nlh, ARPPROXY_STATION_A_ADDR4, sizeof(addr), &addr);
	mnl_attr_put_u32(nlh, ARPPROXY_STATION_A_IFINDEX, lo_index());
	mnl_attr_put(nlh, ARPPROXY_STATION_A_MAC, ETH_ALEN, mac1);
	mnl_attr_put_u64(nlh, ARPPROXY_STATION_A_FIRST_SEEN, 1);
	mnl_attr_put_u64(nlh, ARPPROXY_STATION_A_LAST_SEEN, 1);
	mnl_attr_put_u64(nlh, ARPPROXY_STATION_A_PACKETS, 1);
	msg_end(nlh);
}

static const struct {
	const char *line;
	void (*fill)(void);
} malformed[] = {
	{ "binding show", bad_bindings },
	{ "acl show", bad_rules },
	{ "cache show", bad_stations },
};

/* In text (even _i) and JSON (odd _i) */
START_TEST(test_malformed_dump_prints_nothing)
{
	struct req req = parse_ok(malformed[_i / 2].line);

	malformed[_i / 2].fill();
	capture_start(_i % 2, false);
	ck_assert_int_eq(cmd_print_dump(&req, dump, dump_len), -EBADMSG);
	ck_assert_str_eq(capture_end(), "");
}
END_TEST

/* What dump holds from here on goes to the parts after part. */
static void end_part(size_t part)
{
	for (; part < N(part_end); part++)
		part_end[part] = dump_len;
}

/* dump, cut into its parts */
static void split_parts(struct nl_dump *dumps, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		dumps[i] = (struct nl_dump){ dump + start, part_end[i] - start, 0 };
		start = part_end[i];
	}
}

static const char *save(bool json, bool pretty, int ret)
{
	struct nl_dump dumps[SAVE_PARTS];

	split_parts(dumps, SAVE_PARTS);
	capture_start(json, pretty);
	ck_assert_int_eq(save_print(dumps), ret);
	return capture_end();
}

/* Everything save prints, with rules from rules() */
static void save_all(void (*rules)(void))
{
	three_bindings();
	binding("172.16.10.200", 32, lo_index(), mac2, ARPPROXY_BINDING_F_STATIC, 9);
	announced("172.16.20.200", 32, lo_index(), mac1, 0, 3, 30, 5);
	/* restore gives it what it has left */
	leased("172.16.10.100", lo_index(), mac2, 120);
	end_part(SAVE_BINDINGS);
	/* as an interface starts: left out, whatever its burst */
	iface(lo_index(), ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF);
	iface_settings(GONE_DEV, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_LOG, 0, 100, 20, 5);
	iface_settings(GONE_DEV + 1, ARPPROXY_PROXY_ROUTE, ARPPROXY_INSPECT_OFF, 0, 0, 0, 0);
	iface_settings(GONE_DEV + 2, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, 0, 0, 3);
	iface_settings(GONE_DEV + 3, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, 0, 7, 0);
	iface_settings(GONE_DEV + 4, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_ENFORCE, 0, 10, 10, 0);
	iface_settings(GONE_DEV + 5, ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 1, 0, 0, 0);
	/* learning alone is not how an interface starts */
	iface_learn(GONE_DEV + 6, ARPPROXY_INSPECT_OFF, 1);
	iface_learn(GONE_DEV + 7, ARPPROXY_INSPECT_PIN, 1);
	/* a tracked address is a setting, whether it is here is not */
	iface_track(GONE_DEV + 8, "172.16.10.1", ARPPROXY_TRACK_STANDBY);
	end_part(SAVE_IFACES);
	rules();
	end_part(SAVE_ACLS);
	cache(600, 65536, 12);
	end_part(SAVE_CACHE);
}

/* The commands that make it all again: no hits, no mac auto, no defaults */
START_TEST(test_save_text)
{
	save_all(three_rules);
	ck_assert_str_eq(save(false, false, 0),
			 "# arpproxyctl " ARPPROXY_VERSION " save\n"
			 "binding add 10.0.0.5/32 exclude\n"
			 "binding add 10.1.0.0/16 mac 02:00:00:00:00:01 onlink\n"
			 "binding add 172.16.20.0/24 dev lo\n"
			 "binding add 172.16.10.200/32 dev lo mac 00:00:0c:94:36:bb static\n"
			 "binding add 172.16.20.200/32 dev lo mac 02:00:00:00:00:01 garp 3"
			 " refresh 30\n"
			 "binding add 172.16.10.100/32 dev lo mac 00:00:0c:94:36:bb static lifetime 120\n"
			 "iface set if999999 proxy off inspect log rate 100 burst 20 per-host 5\n"
			 "iface set if1000000 proxy route inspect off\n"
			 "iface set if1000001 proxy off inspect off rate 0 per-host 3\n"
			 "iface set if1000003 proxy off inspect enforce rate 10 burst 10\n"
			 "iface set if1000004 proxy off inspect off rarp on\n"
			 "iface set if1000005 proxy off inspect off learn on\n"
			 "iface set if1000006 proxy off inspect pin learn on\n"
			 "iface set if1000007 proxy off inspect off track 172.16.10.1\n"
			 "acl add dev lo pref 5 allow from 172.16.10.100/32\n"
			 "acl add dev lo pref 10 deny from 172.16.10.0/24 mac 00:00:0c:94:36:bb\n"
			 "acl add dev if999999 pref 4294967295 deny\n"
			 "cache set timeout 600\n");
}
END_TEST

START_TEST(test_save_json)
{
	save_all(three_rules);
	ck_assert_str_eq(save(true, false, 0),
			 "{\"binding\":[{\"prefix\":\"10.0.0.5/32\",\"dev\":null,\"mac\":null,"
			 "\"flags\":[\"exclude\"],\"garp\":null,\"refresh\":null,\"lifetime\":null},"
			 "{\"prefix\":\"10.1.0.0/16\",\"dev\":null,\"mac\":\"02:00:00:00:00:01\","
			 "\"flags\":[\"onlink\"],\"garp\":null,\"refresh\":null,\"lifetime\":null},"
			 "{\"prefix\":\"172.16.20.0/24\",\"dev\":\"lo\",\"mac\":null,\"flags\":[],"
			 "\"garp\":null,\"refresh\":null,\"lifetime\":null},"
			 "{\"prefix\":\"172.16.10.200/32\",\"dev\":\"lo\","
			 "\"mac\":\"00:00:0c:94:36:bb\",\"flags\":[\"static\"],\"garp\":null,"
			 "\"refresh\":null,\"lifetime\":null},"
			 "{\"prefix\":\"172.16.20.200/32\",\"dev\":\"lo\","
			 "\"mac\":\"02:00:00:00:00:01\",\"flags\":[],\"garp\":3,\"refresh\":30,"
			 "\"lifetime\":null},"
			 "{\"prefix\":\"172.16.10.100/32\",\"dev\":\"lo\","
			 "\"mac\":\"00:00:0c:94:36:bb\",\"flags\":[\"static\"],\"garp\":null,"
			 "\"refresh\":null,\"lifetime\":120}],"
			 "\"iface\":[{\"dev\":\"if999999\",\"proxy\":\"off\",\"inspect\":\"log\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":100,\"burst\":20,\"per_host\":5},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"route\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000001\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":3},"
			 "{\"dev\":\"if1000003\",\"proxy\":\"off\",\"inspect\":\"enforce\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":10,\"burst\":10,\"per_host\":0},"
			 "{\"dev\":\"if1000004\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"on\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000005\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"on\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000006\",\"proxy\":\"off\",\"inspect\":\"pin\","
			 "\"rarp\":\"off\",\"learn\":\"on\",\"rate\":0,\"burst\":0,\"per_host\":0},"
			 "{\"dev\":\"if1000007\",\"proxy\":\"off\",\"inspect\":\"off\","
			 "\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,\"per_host\":0,"
			 "\"track\":\"172.16.10.1\"}],"
			 "\"acl\":[{\"dev\":\"lo\",\"pref\":5,\"action\":\"allow\","
			 "\"from\":\"172.16.10.100/32\"},"
			 "{\"dev\":\"lo\",\"pref\":10,\"action\":\"deny\","
			 "\"from\":\"172.16.10.0/24\",\"mac\":\"00:00:0c:94:36:bb\"},"
			 "{\"dev\":\"if999999\",\"pref\":4294967295,\"action\":\"deny\"}],"
			 "\"cache\":[{\"timeout\":600}]}\n");
}
END_TEST

/* Both families, whatever -4 or -6 says: a restore replaces everything. */
START_TEST(test_save_ipv6)
{
	mixed_bindings();
	end_part(SAVE_BINDINGS);
	preferred_family = AF_INET;
	ck_assert_str_eq(save(false, false, 0),
			 "# arpproxyctl " ARPPROXY_VERSION " save\n"
			 "binding add 10.0.0.5/32 exclude\n"
			 "binding add 10.1.0.0/16 mac 02:00:00:00:00:01 onlink\n"
			 "binding add 172.16.20.0/24 dev lo\n"
			 "binding add 2001:db8:20::/64 dev lo\n"
			 "binding add 2001:db8::5/128 mac 02:00:00:00:00:01 static\n"
			 "binding add 2001:db8::/48 exclude\n");
	preferred_family = AF_UNSPEC;
}
END_TEST

/* Defaults are left out, the cache's timeout too; what the cache holds always. */
START_TEST(test_save_empty)
{
	iface(lo_index(), ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF);
	end_part(SAVE_IFACES);
	cache(ARPPROXY_CACHE_TIMEOUT_DEFAULT, 65536, 12);
	end_part(SAVE_CACHE);
	ck_assert_str_eq(save(false, false, 0), "# arpproxyctl " ARPPROXY_VERSION " save\n");
	ck_assert_str_eq(save(true, false, 0),
			 "{\"binding\":[],\"iface\":[],\"acl\":[],\"cache\":[]}\n");
	ck_assert_str_eq(save(true, true, 0),
			 "{\n  \"binding\": [],\n  \"iface\": [],\n  \"acl\": [],\n"
			 "  \"cache\": []\n}\n");
}
END_TEST

/*
 * The attributes in the object nest of a message but hits, and what the
 * cache holds, which save leaves to the kernel
 */
static unsigned int attrs_of(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	const struct nlattr *nest = mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN), *attr;
	const struct spec_set *set = spec_arpproxy_set.attrs[mnl_attr_get_type(nest)].nested;
	const char *name;
	unsigned int n = 0;

	ck_assert_ptr_nonnull(set);
	mnl_attr_for_each_nested(attr, nest) {
		name = set->attrs[mnl_attr_get_type(attr)].name;
		if (!strcmp(name, "hits") || !strcmp(name, "size") || !strcmp(name, "stations"))
			continue;
		tb[mnl_attr_get_type(attr)] = attr;
		n++;
	}
	return n;
}

/* Each line save prints builds the request that makes what was dumped. */
START_TEST(test_save_is_restore)
{
	const struct nlattr *want[REQ_TB_LEN], *got[REQ_TB_LEN];
	const struct nlmsghdr *nlh = (const void *)dump;
	char line[256], request[NL_MSG_SIZE];
	int left, lines = 0, type;
	const char *text;
	unsigned int n;
	struct req req;
	FILE *fp;

	three_bindings();
	binding("172.16.10.200", 32, lo_index(), mac2, ARPPROXY_BINDING_F_STATIC, 9);
	announced("172.16.20.200", 32, lo_index(), mac1, 0, 3, 30, 5);
	announced("172.16.20.0", 28, lo_index(), NULL, ARPPROXY_BINDING_F_ONLINK, 1, 0, 0);
	announced("172.16.0.0", 16, lo_index(), NULL, 0, 0, ARPPROXY_REFRESH_MAX, 0);
	announced("172.16.21.0", 24, lo_index(), mac2, ARPPROXY_BINDING_F_STATIC,
		  ARPPROXY_ANNOUNCE_COUNT_MAX, 1, 0);
	binding("2001:db8:20::", 64, lo_index(), NULL, ARPPROXY_BINDING_F_ONLINK, 4);
	binding("2001:db8::5", 128, lo_index(), mac2, ARPPROXY_BINDING_F_STATIC, 7);
	binding("2001:db8:ff::", 48, NO_DEV, NULL, ARPPROXY_BINDING_F_EXCLUDE, 0);
	binding("::", 0, lo_index(), mac1, 0, 0);
	end_part(SAVE_BINDINGS);
	iface_put(lo_index(), &every_setting);
	end_part(SAVE_IFACES);
	acl(lo_index(), 10, ARPPROXY_ACL_DENY, "172.16.10.0", 24, mac2, 3);
	acl(lo_index(), 20, ARPPROXY_ACL_ALLOW, NULL, 0, NULL, 0);
	end_part(SAVE_ACLS);
	cache(ARPPROXY_CACHE_TIMEOUT_MAX, 8, 0);
	end_part(SAVE_CACHE);
	text = save(false, false, 0);
	fp = fmemopen((void *)text, strlen(text), "r");
	ck_assert_ptr_nonnull(fp);
	left = dump_len;
	while (fgets(line, sizeof(line), fp)) {
		if (line[0] == '#')
			continue;
		ck_assert(mnl_nlmsg_ok(nlh, left));
		req = parse_ok(line);
		memset(want, 0, sizeof(want));
		memset(got, 0, sizeof(got));
		n = attrs_of(nlh, want);
		ck_assert_uint_eq(attrs_of(req_build(&req, request, 0x1234, 1), got), n);
		for (type = 0; type < REQ_TB_LEN; type++) {
			ck_assert_msg(!want[type] == !got[type], "%s: attribute %d", line, type);
			if (!want[type])
				continue;
			ck_assert_uint_eq(mnl_attr_get_payload_len(got[type]),
					  mnl_attr_get_payload_len(want[type]));
			ck_assert_mem_eq(mnl_attr_get_payload(got[type]),
					 mnl_attr_get_payload(want[type]),
					 mnl_attr_get_payload_len(want[type]));
		}
		nlh = mnl_nlmsg_next(nlh, &left);
		lines++;
	}
	fclose(fp);
	ck_assert_int_eq(lines, 16);
}
END_TEST

/* A malformed message in the last part: nothing at all is printed. */
START_TEST(test_save_malformed_prints_nothing)
{
	save_all(bad_rules);
	ck_assert_str_eq(save(_i, false, -EBADMSG), "");
}
END_TEST

/* A counter of a newer module: past every one this tool knows the name of */
#define NEWER_STAT	250
_Static_assert(ARPPROXY_STAT_MAX < NEWER_STAT, "NEWER_STAT is no counter the tool knows");

static void stats(const uint64_t *values, size_t n)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_STATS_GET);
	struct nlattr *nest = mnl_attr_nest_start(nlh, ARPPROXY_A_STATS);
	size_t i;

	for (i = 0; i < n; i++)
		mnl_attr_put_u64(nlh, i + 1, values[i]);
	/* the kernel pads u64s with type 0; a newer module may add counters */
	mnl_attr_put(nlh, ARPPROXY_STAT_UNSPEC, 0, NULL);
	mnl_attr_put_u64(nlh, NEWER_STAT, 5);
	mnl_attr_nest_end(nlh, nest);
	msg_end(nlh);
}

START_TEST(test_stats_names)
{
	static const uint64_t values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

	stats(values, N(values));
	ck_assert_str_eq(show_reply("stats show", false, false),
			 "frames 1\ninvalid 2\nnot_request 3\nrequests 4\nreplies 5\n"
			 "gratuitous 6\nprobe 7\nno_binding 8\nexcluded 9\n"
			 "local_target 10\nnot_offsubnet 11\ntx_error 12\nstat_250 5\n");
	ck_assert_str_eq(show_reply("stats show", true, false),
			 "{\"frames\":1,\"invalid\":2,\"not_request\":3,\"requests\":4,"
			 "\"replies\":5,\"gratuitous\":6,\"probe\":7,\"no_binding\":8,"
			 "\"excluded\":9,\"local_target\":10,\"not_offsubnet\":11,"
			 "\"tx_error\":12,\"stat_250\":5}\n");
}
END_TEST

START_TEST(test_stat_names)
{
	char buf[STAT_STRLEN];

	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_STATIC_MISMATCH), "static_mismatch");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_EVENTS_DROPPED), "events_dropped");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_ACL_DENIED), "acl_denied");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RATE_LIMITED), "rate_limited");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RATE_EVICTED), "rate_evicted");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RARP_REQUESTS), "rarp_requests");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RARP_REPLIES), "rarp_replies");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_GARP_SENT), "garp_sent");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_PIN_MISMATCH), "pin_mismatch");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_STATIONS_LEARNT), "stations_learnt");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_STATION_CHANGES), "station_changes");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_CACHE_EVICTED), "cache_evicted");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_STATIONS_EXPIRED), "stations_expired");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RARP_BAD_SRC_MAC), "rarp_bad_src_mac");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RARP_ACL_DENIED), "rarp_acl_denied");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_RARP_RATE_LIMITED), "rarp_rate_limited");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_GARP_SKIPPED), "garp_skipped");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_ROUTES_BACK), "routes_back");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_MARTIAN_SOURCE), "martian_source");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_STATIONS_REFUSED), "stations_refused");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_PIN_OFF_SUBNET), "pin_off_subnet");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_BROADCAST_TARGET), "broadcast_target");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_ND_SOLICITS), "nd_solicits");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_ND_DAD_IGNORED), "nd_dad_ignored");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_ND_TX_ERROR), "nd_tx_error");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_UNSPEC), "stat_0");
	ck_assert_str_eq(stat_name(buf, UINT32_MAX), "stat_4294967295");
}
END_TEST

START_TEST(test_stats_new_counters)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_STATS_GET);
	struct nlattr *nest = mnl_attr_nest_start(nlh, ARPPROXY_A_STATS);

	mnl_attr_put_u64(nlh, ARPPROXY_STAT_REQUESTS, 9);
	mnl_attr_put_u64(nlh, ARPPROXY_STAT_ACL_DENIED, 2);
	mnl_attr_put_u64(nlh, ARPPROXY_STAT_RATE_LIMITED, 3);
	mnl_attr_put_u64(nlh, ARPPROXY_STAT_RATE_EVICTED, 4);
	mnl_attr_nest_end(nlh, nest);
	msg_end(nlh);
	ck_assert_str_eq(show_reply("stats show", false, false),
			 "requests 9\nacl_denied 2\nrate_limited 3\nrate_evicted 4\n");
	ck_assert_str_eq(show_reply("stats show", true, false),
			 "{\"requests\":9,\"acl_denied\":2,\"rate_limited\":3,"
			 "\"rate_evicted\":4}\n");
}
END_TEST

START_TEST(test_stats_pretty)
{
	static const uint64_t values[] = { UINT64_MAX, 0 };

	stats(values, N(values));
	ck_assert_str_eq(show_reply("stats show", true, true),
			 "{\n  \"frames\": 18446744073709551615,\n  \"invalid\": 0,\n"
			 "  \"stat_250\": 5\n}\n");
}
END_TEST

/* Counters of the netns (NO_DEV) or of an interface: counter i is base * i. */
static void counters(uint32_t ifindex, uint64_t base)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_STATS_GET);
	struct nlattr *nest;
	uint32_t i;

	if (ifindex)
		mnl_attr_put_u32(nlh, ARPPROXY_A_IFINDEX, ifindex);
	nest = mnl_attr_nest_start(nlh, ARPPROXY_A_STATS);
	for (i = 1; i <= ARPPROXY_STAT_MAX; i++)
		mnl_attr_put_u64(nlh, i, base * i);
	mnl_attr_nest_end(nlh, nest);
	msg_end(nlh);
}

/* The netns, lo and a gone interface, then the bindings */
static void metrics_all(void)
{
	counters(NO_DEV, 1);
	end_part(METRICS_NETNS);
	counters(lo_index(), 10);
	counters(GONE_DEV, 100);
	end_part(METRICS_IFACES);
	three_bindings();
	binding("10.2.0.0", 16, GONE_DEV, NULL, 0, UINT64_MAX);
	end_part(METRICS_BINDINGS);
}

static const char *metrics(bool bindings, int ret)
{
	struct nl_dump dumps[METRICS_PARTS];

	split_parts(dumps, METRICS_PARTS);
	capture_start(false, false);
	ck_assert_int_eq(metrics_print(dumps, bindings), ret);
	return capture_end();
}

/* metrics_all() as Prometheus reads it: every name is a promise to dashboards. */
static const char metrics_text[] =
	"# HELP arpproxy_netns_frames_total ARP frames seen by the hook, in the whole "
		"network namespace.\n"
	"# TYPE arpproxy_netns_frames_total counter\n"
	"arpproxy_netns_frames_total 1\n"
	"# HELP arpproxy_netns_invalid_total Frames that are not sane Ethernet/IPv4 ARP "
		"(family ipv4); Neighbor Solicitations that fail RFC 4861 validation (family ipv6), "
		"in the whole network namespace.\n"
	"# TYPE arpproxy_netns_invalid_total counter\n"
	"arpproxy_netns_invalid_total{family=\"ipv4\"} 2\n"
	"arpproxy_netns_invalid_total{family=\"ipv6\"} 43\n"
	"# HELP arpproxy_netns_not_request_total ARP replies and other opcodes, in the whole "
		"network namespace.\n"
	"# TYPE arpproxy_netns_not_request_total counter\n"
	"arpproxy_netns_not_request_total 3\n"
	"# HELP arpproxy_netns_requests_total Well-formed ARP requests, in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_requests_total counter\n"
	"arpproxy_netns_requests_total 4\n"
	"# HELP arpproxy_netns_replies_total Requests answered (family ipv4); Neighbor "
		"Advertisements sent in answer (family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_replies_total counter\n"
	"arpproxy_netns_replies_total{family=\"ipv4\"} 5\n"
	"arpproxy_netns_replies_total{family=\"ipv6\"} 44\n"
	"# HELP arpproxy_netns_gratuitous_total Gratuitous requests (sender IP equal to "
		"target IP), not answered, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_gratuitous_total counter\n"
	"arpproxy_netns_gratuitous_total 6\n"
	"# HELP arpproxy_netns_probe_total RFC 5227 probes (sender IP 0.0.0.0), not "
		"answered, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_probe_total counter\n"
	"arpproxy_netns_probe_total 7\n"
	"# HELP arpproxy_netns_no_binding_total Requests for targets nothing covers (family "
		"ipv4); Solicitations for targets no IPv6 binding covers (family ipv6), in the whole "
		"network namespace.\n"
	"# TYPE arpproxy_netns_no_binding_total counter\n"
	"arpproxy_netns_no_binding_total{family=\"ipv4\"} 8\n"
	"arpproxy_netns_no_binding_total{family=\"ipv6\"} 45\n"
	"# HELP arpproxy_netns_excluded_total Requests for targets of an exclude binding "
		"(family ipv4); Solicitations for targets an exclude binding covers (family ipv6), "
		"in the whole network namespace.\n"
	"# TYPE arpproxy_netns_excluded_total counter\n"
	"arpproxy_netns_excluded_total{family=\"ipv4\"} 9\n"
	"arpproxy_netns_excluded_total{family=\"ipv6\"} 46\n"
	"# HELP arpproxy_netns_local_target_total Requests for an address of this host "
		"(family ipv4); Solicitations for an address of this host (family ipv6), in the "
		"whole network namespace.\n"
	"# TYPE arpproxy_netns_local_target_total counter\n"
	"arpproxy_netns_local_target_total{family=\"ipv4\"} 10\n"
	"arpproxy_netns_local_target_total{family=\"ipv6\"} 47\n"
	"# HELP arpproxy_netns_not_offsubnet_total Requests for targets on a subnet of the "
		"ingress interface, no onlink binding (family ipv4); Solicitations for link-local "
		"targets or targets on a prefix of the ingress interface, no onlink binding (family "
		"ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_not_offsubnet_total counter\n"
	"arpproxy_netns_not_offsubnet_total{family=\"ipv4\"} 11\n"
	"arpproxy_netns_not_offsubnet_total{family=\"ipv6\"} 48\n"
	"# HELP arpproxy_netns_tx_error_total Replies that could not be built (family ipv4); "
		"Neighbor Advertisements that could not be sent (family ipv6), in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_tx_error_total counter\n"
	"arpproxy_netns_tx_error_total{family=\"ipv4\"} 12\n"
	"arpproxy_netns_tx_error_total{family=\"ipv6\"} 51\n"
	"# HELP arpproxy_netns_spoof_dropped_total Frames that failed inspection under "
		"enforce, dropped (family ipv4); Neighbor Discovery messages that failed inspection, "
		"dropped (family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_spoof_dropped_total counter\n"
	"arpproxy_netns_spoof_dropped_total{family=\"ipv4\"} 13\n"
	"arpproxy_netns_spoof_dropped_total{family=\"ipv6\"} 57\n"
	"# HELP arpproxy_netns_spoof_logged_total Frames that failed inspection under log, "
		"let through (family ipv4); Neighbor Discovery messages that failed inspection, let "
		"through (inspect log) (family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_spoof_logged_total counter\n"
	"arpproxy_netns_spoof_logged_total{family=\"ipv4\"} 14\n"
	"arpproxy_netns_spoof_logged_total{family=\"ipv6\"} 56\n"
	"# HELP arpproxy_netns_bad_format_total Frames that failed the inspection of their "
		"format, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_bad_format_total counter\n"
	"arpproxy_netns_bad_format_total 15\n"
	"# HELP arpproxy_netns_bad_src_mac_total Frames whose Ethernet source is not their "
		"sender MAC, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_bad_src_mac_total counter\n"
	"arpproxy_netns_bad_src_mac_total 16\n"
	"# HELP arpproxy_netns_bad_dst_mac_total Unicast replies whose Ethernet destination "
		"is not their target MAC, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_bad_dst_mac_total counter\n"
	"arpproxy_netns_bad_dst_mac_total 17\n"
	"# HELP arpproxy_netns_bad_sender_ip_total Frames with a sender IP address no host "
		"may use, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_bad_sender_ip_total counter\n"
	"arpproxy_netns_bad_sender_ip_total 18\n"
	"# HELP arpproxy_netns_bad_sender_mac_total Frames with a multicast, broadcast or "
		"all-zero sender MAC, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_bad_sender_mac_total counter\n"
	"arpproxy_netns_bad_sender_mac_total 19\n"
	"# HELP arpproxy_netns_static_mismatch_total Frames whose sender MAC is not the one "
		"of the static binding of their sender IP (family ipv4); Inspected messages whose "
		"link-layer address for an address is not the MAC of that address's static binding "
		"(family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_static_mismatch_total counter\n"
	"arpproxy_netns_static_mismatch_total{family=\"ipv4\"} 20\n"
	"arpproxy_netns_static_mismatch_total{family=\"ipv6\"} 55\n"
	"# HELP arpproxy_netns_events_dropped_total Events not sent: over event_rate or out "
		"of memory, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_events_dropped_total counter\n"
	"arpproxy_netns_events_dropped_total 21\n"
	"# HELP arpproxy_netns_acl_denied_total Requests an ACL rule denied (family ipv4); "
		"Neighbor Solicitations an ACL rule denied (family ipv6), in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_acl_denied_total counter\n"
	"arpproxy_netns_acl_denied_total{family=\"ipv4\"} 22\n"
	"arpproxy_netns_acl_denied_total{family=\"ipv6\"} 59\n"
	"# HELP arpproxy_netns_rate_limited_total Requests dropped over a rate limit (family "
		"ipv4); Neighbor Solicitations dropped over a rate limit (family ipv6), in the whole "
		"network namespace.\n"
	"# TYPE arpproxy_netns_rate_limited_total counter\n"
	"arpproxy_netns_rate_limited_total{family=\"ipv4\"} 23\n"
	"arpproxy_netns_rate_limited_total{family=\"ipv6\"} 52\n"
	"# HELP arpproxy_netns_rate_evicted_total Per-host rate limit states taken over by "
		"another requester, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_rate_evicted_total counter\n"
	"arpproxy_netns_rate_evicted_total 24\n"
	"# HELP arpproxy_netns_rarp_requests_total Reverse ARP requests on interfaces with "
		"rarp on, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_rarp_requests_total counter\n"
	"arpproxy_netns_rarp_requests_total 25\n"
	"# HELP arpproxy_netns_rarp_replies_total Reverse ARP requests answered from a host "
		"binding, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_rarp_replies_total counter\n"
	"arpproxy_netns_rarp_replies_total 26\n"
	"# HELP arpproxy_netns_garp_sent_total Gratuitous ARP frames sent (family ipv4); "
		"Unsolicited Neighbor Advertisements sent, IPv6's gratuitous ARP (family ipv6), in "
		"the whole network namespace.\n"
	"# TYPE arpproxy_netns_garp_sent_total counter\n"
	"arpproxy_netns_garp_sent_total{family=\"ipv4\"} 27\n"
	"arpproxy_netns_garp_sent_total{family=\"ipv6\"} 60\n"
	"# HELP arpproxy_netns_pin_mismatch_total Frames whose sender MAC is not the one their station was pinned to (family ipv4); Neighbor Discovery messages whose link-layer address for an address is not the MAC its station was pinned to (family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_pin_mismatch_total counter\n"
	"arpproxy_netns_pin_mismatch_total{family=\"ipv4\"} 28\n"
	"arpproxy_netns_pin_mismatch_total{family=\"ipv6\"} 62\n"
	"# HELP arpproxy_netns_stations_learnt_total Stations learnt: sender addresses new "
		"to the cache of an interface with learn on, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_stations_learnt_total counter\n"
	"arpproxy_netns_stations_learnt_total 29\n"
	"# HELP arpproxy_netns_station_changes_total Stations whose address another MAC "
		"claimed, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_station_changes_total counter\n"
	"arpproxy_netns_station_changes_total 30\n"
	"# HELP arpproxy_netns_cache_evicted_total Stations evicted from a full set of the "
		"cache to make room for a new one, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_cache_evicted_total counter\n"
	"arpproxy_netns_cache_evicted_total 31\n"
	"# HELP arpproxy_netns_stations_expired_total Stations that aged out: not seen for "
		"the cache timeout, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_stations_expired_total counter\n"
	"arpproxy_netns_stations_expired_total 32\n"
	"# HELP arpproxy_netns_rarp_bad_src_mac_total Reverse ARP requests whose Ethernet "
		"source is not their sender MAC, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_rarp_bad_src_mac_total counter\n"
	"arpproxy_netns_rarp_bad_src_mac_total 33\n"
	"# HELP arpproxy_netns_rarp_acl_denied_total Reverse ARP requests an ACL rule "
		"denied, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_rarp_acl_denied_total counter\n"
	"arpproxy_netns_rarp_acl_denied_total 34\n"
	"# HELP arpproxy_netns_rarp_rate_limited_total Reverse ARP requests dropped over a "
		"rate limit, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_rarp_rate_limited_total counter\n"
	"arpproxy_netns_rarp_rate_limited_total 35\n"
	"# HELP arpproxy_netns_garp_skipped_total Addresses not announced because no reply "
		"for them would be sent (family ipv4); IPv6 addresses not announced because no "
		"advertisement for them would be sent (family ipv6), in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_garp_skipped_total counter\n"
	"arpproxy_netns_garp_skipped_total{family=\"ipv4\"} 36\n"
	"arpproxy_netns_garp_skipped_total{family=\"ipv6\"} 61\n"
	"# HELP arpproxy_netns_routes_back_total Requests for targets routed back out of the "
		"ingress interface, not answered (family ipv4); Solicitations for targets routed "
		"back out of the ingress interface, not answered (family ipv6), in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_routes_back_total counter\n"
	"arpproxy_netns_routes_back_total{family=\"ipv4\"} 37\n"
	"arpproxy_netns_routes_back_total{family=\"ipv6\"} 49\n"
	"# HELP arpproxy_netns_martian_source_total Requests from a sender the kernel's "
		"source validation (rp_filter) refuses, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_martian_source_total counter\n"
	"arpproxy_netns_martian_source_total 38\n"
	"# HELP arpproxy_netns_stations_refused_total New stations refused: their MAC or "
		"interface held its share, or their set only pinned stations, in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_stations_refused_total counter\n"
	"arpproxy_netns_stations_refused_total 39\n"
	"# HELP arpproxy_netns_pin_off_subnet_total Frames whose sender IP is outside the subnets and bindings of an inspect pin interface (family ipv4); Neighbor Discovery messages claiming an address that is not link-local, nor on the prefixes or bindings of an inspect pin interface (family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_pin_off_subnet_total counter\n"
	"arpproxy_netns_pin_off_subnet_total{family=\"ipv4\"} 40\n"
	"arpproxy_netns_pin_off_subnet_total{family=\"ipv6\"} 63\n"
	"# HELP arpproxy_netns_broadcast_target_total Requests for a broadcast address of "
		"one of this host's subnets, which no host owns, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_broadcast_target_total counter\n"
	"arpproxy_netns_broadcast_target_total 41\n"
	"# HELP arpproxy_netns_nd_solicits_total IPv6 Neighbor Solicitations seen by the "
		"hook, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_nd_solicits_total counter\n"
	"arpproxy_netns_nd_solicits_total 42\n"
	"# HELP arpproxy_netns_nd_dad_ignored_total Duplicate Address Detection probes for "
		"an address a prefix binding covers, left unanswered, in the whole network "
		"namespace.\n"
	"# TYPE arpproxy_netns_nd_dad_ignored_total counter\n"
	"arpproxy_netns_nd_dad_ignored_total 50\n"
	"# HELP arpproxy_netns_nd_adverts_total Neighbor Advertisements inspected, in the "
		"whole network namespace.\n"
	"# TYPE arpproxy_netns_nd_adverts_total counter\n"
	"arpproxy_netns_nd_adverts_total 53\n"
	"# HELP arpproxy_netns_nd_bad_advert_total Inspected advertisements that fail RFC "
		"4861 validation, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_nd_bad_advert_total counter\n"
	"arpproxy_netns_nd_bad_advert_total 54\n"
	"# HELP arpproxy_netns_nd_solicits_dropped_total Neighbor Solicitations dropped by "
		"inspection, an outcome of nd_solicits, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_nd_solicits_dropped_total counter\n"
	"arpproxy_netns_nd_solicits_dropped_total 58\n"
	"# HELP arpproxy_netns_standby_total Requests a reply was due for, left unanswered as "
		"the interface's tracked address is not here (family ipv4); Solicitations an "
		"advertisement was due for, left unanswered as the interface's tracked address is "
		"not here (family ipv6), in the whole network namespace.\n"
	"# TYPE arpproxy_netns_standby_total counter\n"
	"arpproxy_netns_standby_total{family=\"ipv4\"} 64\n"
	"arpproxy_netns_standby_total{family=\"ipv6\"} 65\n"
	"# HELP arpproxy_netns_track_active_total Times the interface's tracked address came "
		"here, and the interface took over answering, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_track_active_total counter\n"
	"arpproxy_netns_track_active_total 66\n"
	"# HELP arpproxy_netns_track_standby_total Times the interface's tracked address went, "
		"and the interface went on standby, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_track_standby_total counter\n"
	"arpproxy_netns_track_standby_total 67\n"
	"# HELP arpproxy_netns_binding_expired_total Bindings removed because their lifetime "
		"ran out, in the whole network namespace.\n"
	"# TYPE arpproxy_netns_binding_expired_total counter\n"
	"arpproxy_netns_binding_expired_total 68\n"
	"# HELP arpproxy_frames_total ARP frames seen by the hook, per interface.\n"
	"# TYPE arpproxy_frames_total counter\n"
	"arpproxy_frames_total{dev=\"lo\"} 10\n"
	"arpproxy_frames_total{dev=\"if999999\"} 100\n"
	"# HELP arpproxy_invalid_total Frames that are not sane Ethernet/IPv4 ARP (family "
		"ipv4); Neighbor Solicitations that fail RFC 4861 validation (family ipv6), per "
		"interface.\n"
	"# TYPE arpproxy_invalid_total counter\n"
	"arpproxy_invalid_total{dev=\"lo\",family=\"ipv4\"} 20\n"
	"arpproxy_invalid_total{dev=\"if999999\",family=\"ipv4\"} 200\n"
	"arpproxy_invalid_total{dev=\"lo\",family=\"ipv6\"} 430\n"
	"arpproxy_invalid_total{dev=\"if999999\",family=\"ipv6\"} 4300\n"
	"# HELP arpproxy_not_request_total ARP replies and other opcodes, per interface.\n"
	"# TYPE arpproxy_not_request_total counter\n"
	"arpproxy_not_request_total{dev=\"lo\"} 30\n"
	"arpproxy_not_request_total{dev=\"if999999\"} 300\n"
	"# HELP arpproxy_requests_total Well-formed ARP requests, per interface.\n"
	"# TYPE arpproxy_requests_total counter\n"
	"arpproxy_requests_total{dev=\"lo\"} 40\n"
	"arpproxy_requests_total{dev=\"if999999\"} 400\n"
	"# HELP arpproxy_replies_total Requests answered (family ipv4); Neighbor "
		"Advertisements sent in answer (family ipv6), per interface.\n"
	"# TYPE arpproxy_replies_total counter\n"
	"arpproxy_replies_total{dev=\"lo\",family=\"ipv4\"} 50\n"
	"arpproxy_replies_total{dev=\"if999999\",family=\"ipv4\"} 500\n"
	"arpproxy_replies_total{dev=\"lo\",family=\"ipv6\"} 440\n"
	"arpproxy_replies_total{dev=\"if999999\",family=\"ipv6\"} 4400\n"
	"# HELP arpproxy_gratuitous_total Gratuitous requests (sender IP equal to target "
		"IP), not answered, per interface.\n"
	"# TYPE arpproxy_gratuitous_total counter\n"
	"arpproxy_gratuitous_total{dev=\"lo\"} 60\n"
	"arpproxy_gratuitous_total{dev=\"if999999\"} 600\n"
	"# HELP arpproxy_probe_total RFC 5227 probes (sender IP 0.0.0.0), not answered, per "
		"interface.\n"
	"# TYPE arpproxy_probe_total counter\n"
	"arpproxy_probe_total{dev=\"lo\"} 70\n"
	"arpproxy_probe_total{dev=\"if999999\"} 700\n"
	"# HELP arpproxy_no_binding_total Requests for targets nothing covers (family ipv4); "
		"Solicitations for targets no IPv6 binding covers (family ipv6), per interface.\n"
	"# TYPE arpproxy_no_binding_total counter\n"
	"arpproxy_no_binding_total{dev=\"lo\",family=\"ipv4\"} 80\n"
	"arpproxy_no_binding_total{dev=\"if999999\",family=\"ipv4\"} 800\n"
	"arpproxy_no_binding_total{dev=\"lo\",family=\"ipv6\"} 450\n"
	"arpproxy_no_binding_total{dev=\"if999999\",family=\"ipv6\"} 4500\n"
	"# HELP arpproxy_excluded_total Requests for targets of an exclude binding (family "
		"ipv4); Solicitations for targets an exclude binding covers (family ipv6), per "
		"interface.\n"
	"# TYPE arpproxy_excluded_total counter\n"
	"arpproxy_excluded_total{dev=\"lo\",family=\"ipv4\"} 90\n"
	"arpproxy_excluded_total{dev=\"if999999\",family=\"ipv4\"} 900\n"
	"arpproxy_excluded_total{dev=\"lo\",family=\"ipv6\"} 460\n"
	"arpproxy_excluded_total{dev=\"if999999\",family=\"ipv6\"} 4600\n"
	"# HELP arpproxy_local_target_total Requests for an address of this host (family "
		"ipv4); Solicitations for an address of this host (family ipv6), per interface.\n"
	"# TYPE arpproxy_local_target_total counter\n"
	"arpproxy_local_target_total{dev=\"lo\",family=\"ipv4\"} 100\n"
	"arpproxy_local_target_total{dev=\"if999999\",family=\"ipv4\"} 1000\n"
	"arpproxy_local_target_total{dev=\"lo\",family=\"ipv6\"} 470\n"
	"arpproxy_local_target_total{dev=\"if999999\",family=\"ipv6\"} 4700\n"
	"# HELP arpproxy_not_offsubnet_total Requests for targets on a subnet of the ingress "
		"interface, no onlink binding (family ipv4); Solicitations for link-local targets or "
		"targets on a prefix of the ingress interface, no onlink binding (family ipv6), per "
		"interface.\n"
	"# TYPE arpproxy_not_offsubnet_total counter\n"
	"arpproxy_not_offsubnet_total{dev=\"lo\",family=\"ipv4\"} 110\n"
	"arpproxy_not_offsubnet_total{dev=\"if999999\",family=\"ipv4\"} 1100\n"
	"arpproxy_not_offsubnet_total{dev=\"lo\",family=\"ipv6\"} 480\n"
	"arpproxy_not_offsubnet_total{dev=\"if999999\",family=\"ipv6\"} 4800\n"
	"# HELP arpproxy_tx_error_total Replies that could not be built (family ipv4); "
		"Neighbor Advertisements that could not be sent (family ipv6), per interface.\n"
	"# TYPE arpproxy_tx_error_total counter\n"
	"arpproxy_tx_error_total{dev=\"lo\",family=\"ipv4\"} 120\n"
	"arpproxy_tx_error_total{dev=\"if999999\",family=\"ipv4\"} 1200\n"
	"arpproxy_tx_error_total{dev=\"lo\",family=\"ipv6\"} 510\n"
	"arpproxy_tx_error_total{dev=\"if999999\",family=\"ipv6\"} 5100\n"
	"# HELP arpproxy_spoof_dropped_total Frames that failed inspection under enforce, "
		"dropped (family ipv4); Neighbor Discovery messages that failed inspection, dropped "
		"(family ipv6), per interface.\n"
	"# TYPE arpproxy_spoof_dropped_total counter\n"
	"arpproxy_spoof_dropped_total{dev=\"lo\",family=\"ipv4\"} 130\n"
	"arpproxy_spoof_dropped_total{dev=\"if999999\",family=\"ipv4\"} 1300\n"
	"arpproxy_spoof_dropped_total{dev=\"lo\",family=\"ipv6\"} 570\n"
	"arpproxy_spoof_dropped_total{dev=\"if999999\",family=\"ipv6\"} 5700\n"
	"# HELP arpproxy_spoof_logged_total Frames that failed inspection under log, let "
		"through (family ipv4); Neighbor Discovery messages that failed inspection, let "
		"through (inspect log) (family ipv6), per interface.\n"
	"# TYPE arpproxy_spoof_logged_total counter\n"
	"arpproxy_spoof_logged_total{dev=\"lo\",family=\"ipv4\"} 140\n"
	"arpproxy_spoof_logged_total{dev=\"if999999\",family=\"ipv4\"} 1400\n"
	"arpproxy_spoof_logged_total{dev=\"lo\",family=\"ipv6\"} 560\n"
	"arpproxy_spoof_logged_total{dev=\"if999999\",family=\"ipv6\"} 5600\n"
	"# HELP arpproxy_bad_format_total Frames that failed the inspection of their format, "
		"per interface.\n"
	"# TYPE arpproxy_bad_format_total counter\n"
	"arpproxy_bad_format_total{dev=\"lo\"} 150\n"
	"arpproxy_bad_format_total{dev=\"if999999\"} 1500\n"
	"# HELP arpproxy_bad_src_mac_total Frames whose Ethernet source is not their sender "
		"MAC, per interface.\n"
	"# TYPE arpproxy_bad_src_mac_total counter\n"
	"arpproxy_bad_src_mac_total{dev=\"lo\"} 160\n"
	"arpproxy_bad_src_mac_total{dev=\"if999999\"} 1600\n"
	"# HELP arpproxy_bad_dst_mac_total Unicast replies whose Ethernet destination is not "
		"their target MAC, per interface.\n"
	"# TYPE arpproxy_bad_dst_mac_total counter\n"
	"arpproxy_bad_dst_mac_total{dev=\"lo\"} 170\n"
	"arpproxy_bad_dst_mac_total{dev=\"if999999\"} 1700\n"
	"# HELP arpproxy_bad_sender_ip_total Frames with a sender IP address no host may "
		"use, per interface.\n"
	"# TYPE arpproxy_bad_sender_ip_total counter\n"
	"arpproxy_bad_sender_ip_total{dev=\"lo\"} 180\n"
	"arpproxy_bad_sender_ip_total{dev=\"if999999\"} 1800\n"
	"# HELP arpproxy_bad_sender_mac_total Frames with a multicast, broadcast or all-zero "
		"sender MAC, per interface.\n"
	"# TYPE arpproxy_bad_sender_mac_total counter\n"
	"arpproxy_bad_sender_mac_total{dev=\"lo\"} 190\n"
	"arpproxy_bad_sender_mac_total{dev=\"if999999\"} 1900\n"
	"# HELP arpproxy_static_mismatch_total Frames whose sender MAC is not the one of the "
		"static binding of their sender IP (family ipv4); Inspected messages whose "
		"link-layer address for an address is not the MAC of that address's static binding "
		"(family ipv6), per interface.\n"
	"# TYPE arpproxy_static_mismatch_total counter\n"
	"arpproxy_static_mismatch_total{dev=\"lo\",family=\"ipv4\"} 200\n"
	"arpproxy_static_mismatch_total{dev=\"if999999\",family=\"ipv4\"} 2000\n"
	"arpproxy_static_mismatch_total{dev=\"lo\",family=\"ipv6\"} 550\n"
	"arpproxy_static_mismatch_total{dev=\"if999999\",family=\"ipv6\"} 5500\n"
	"# HELP arpproxy_acl_denied_total Requests an ACL rule denied (family ipv4); "
		"Neighbor Solicitations an ACL rule denied (family ipv6), per interface.\n"
	"# TYPE arpproxy_acl_denied_total counter\n"
	"arpproxy_acl_denied_total{dev=\"lo\",family=\"ipv4\"} 220\n"
	"arpproxy_acl_denied_total{dev=\"if999999\",family=\"ipv4\"} 2200\n"
	"arpproxy_acl_denied_total{dev=\"lo\",family=\"ipv6\"} 590\n"
	"arpproxy_acl_denied_total{dev=\"if999999\",family=\"ipv6\"} 5900\n"
	"# HELP arpproxy_rate_limited_total Requests dropped over a rate limit (family "
		"ipv4); Neighbor Solicitations dropped over a rate limit (family ipv6), per "
		"interface.\n"
	"# TYPE arpproxy_rate_limited_total counter\n"
	"arpproxy_rate_limited_total{dev=\"lo\",family=\"ipv4\"} 230\n"
	"arpproxy_rate_limited_total{dev=\"if999999\",family=\"ipv4\"} 2300\n"
	"arpproxy_rate_limited_total{dev=\"lo\",family=\"ipv6\"} 520\n"
	"arpproxy_rate_limited_total{dev=\"if999999\",family=\"ipv6\"} 5200\n"
	"# HELP arpproxy_rarp_requests_total Reverse ARP requests on interfaces with rarp "
		"on, per interface.\n"
	"# TYPE arpproxy_rarp_requests_total counter\n"
	"arpproxy_rarp_requests_total{dev=\"lo\"} 250\n"
	"arpproxy_rarp_requests_total{dev=\"if999999\"} 2500\n"
	"# HELP arpproxy_rarp_replies_total Reverse ARP requests answered from a host "
		"binding, per interface.\n"
	"# TYPE arpproxy_rarp_replies_total counter\n"
	"arpproxy_rarp_replies_total{dev=\"lo\"} 260\n"
	"arpproxy_rarp_replies_total{dev=\"if999999\"} 2600\n"
	"# HELP arpproxy_garp_sent_total Gratuitous ARP frames sent (family ipv4); "
		"Unsolicited Neighbor Advertisements sent, IPv6's gratuitous ARP (family ipv6), per "
		"interface.\n"
	"# TYPE arpproxy_garp_sent_total counter\n"
	"arpproxy_garp_sent_total{dev=\"lo\",family=\"ipv4\"} 270\n"
	"arpproxy_garp_sent_total{dev=\"if999999\",family=\"ipv4\"} 2700\n"
	"arpproxy_garp_sent_total{dev=\"lo\",family=\"ipv6\"} 600\n"
	"arpproxy_garp_sent_total{dev=\"if999999\",family=\"ipv6\"} 6000\n"
	"# HELP arpproxy_pin_mismatch_total Frames whose sender MAC is not the one their station was pinned to (family ipv4); Neighbor Discovery messages whose link-layer address for an address is not the MAC its station was pinned to (family ipv6), per interface.\n"
	"# TYPE arpproxy_pin_mismatch_total counter\n"
	"arpproxy_pin_mismatch_total{dev=\"lo\",family=\"ipv4\"} 280\n"
	"arpproxy_pin_mismatch_total{dev=\"if999999\",family=\"ipv4\"} 2800\n"
	"arpproxy_pin_mismatch_total{dev=\"lo\",family=\"ipv6\"} 620\n"
	"arpproxy_pin_mismatch_total{dev=\"if999999\",family=\"ipv6\"} 6200\n"
	"# HELP arpproxy_stations_learnt_total Stations learnt: sender addresses new to the "
		"cache of an interface with learn on, per interface.\n"
	"# TYPE arpproxy_stations_learnt_total counter\n"
	"arpproxy_stations_learnt_total{dev=\"lo\"} 290\n"
	"arpproxy_stations_learnt_total{dev=\"if999999\"} 2900\n"
	"# HELP arpproxy_station_changes_total Stations whose address another MAC claimed, "
		"per interface.\n"
	"# TYPE arpproxy_station_changes_total counter\n"
	"arpproxy_station_changes_total{dev=\"lo\"} 300\n"
	"arpproxy_station_changes_total{dev=\"if999999\"} 3000\n"
	"# HELP arpproxy_cache_evicted_total Stations evicted from a full set of the cache "
		"to make room for a new one, per interface.\n"
	"# TYPE arpproxy_cache_evicted_total counter\n"
	"arpproxy_cache_evicted_total{dev=\"lo\"} 310\n"
	"arpproxy_cache_evicted_total{dev=\"if999999\"} 3100\n"
	"# HELP arpproxy_stations_expired_total Stations that aged out: not seen for the "
		"cache timeout, per interface.\n"
	"# TYPE arpproxy_stations_expired_total counter\n"
	"arpproxy_stations_expired_total{dev=\"lo\"} 320\n"
	"arpproxy_stations_expired_total{dev=\"if999999\"} 3200\n"
	"# HELP arpproxy_rarp_bad_src_mac_total Reverse ARP requests whose Ethernet source "
		"is not their sender MAC, per interface.\n"
	"# TYPE arpproxy_rarp_bad_src_mac_total counter\n"
	"arpproxy_rarp_bad_src_mac_total{dev=\"lo\"} 330\n"
	"arpproxy_rarp_bad_src_mac_total{dev=\"if999999\"} 3300\n"
	"# HELP arpproxy_rarp_acl_denied_total Reverse ARP requests an ACL rule denied, per "
		"interface.\n"
	"# TYPE arpproxy_rarp_acl_denied_total counter\n"
	"arpproxy_rarp_acl_denied_total{dev=\"lo\"} 340\n"
	"arpproxy_rarp_acl_denied_total{dev=\"if999999\"} 3400\n"
	"# HELP arpproxy_rarp_rate_limited_total Reverse ARP requests dropped over a rate "
		"limit, per interface.\n"
	"# TYPE arpproxy_rarp_rate_limited_total counter\n"
	"arpproxy_rarp_rate_limited_total{dev=\"lo\"} 350\n"
	"arpproxy_rarp_rate_limited_total{dev=\"if999999\"} 3500\n"
	"# HELP arpproxy_garp_skipped_total Addresses not announced because no reply for "
		"them would be sent (family ipv4); IPv6 addresses not announced because no "
		"advertisement for them would be sent (family ipv6), per interface.\n"
	"# TYPE arpproxy_garp_skipped_total counter\n"
	"arpproxy_garp_skipped_total{dev=\"lo\",family=\"ipv4\"} 360\n"
	"arpproxy_garp_skipped_total{dev=\"if999999\",family=\"ipv4\"} 3600\n"
	"arpproxy_garp_skipped_total{dev=\"lo\",family=\"ipv6\"} 610\n"
	"arpproxy_garp_skipped_total{dev=\"if999999\",family=\"ipv6\"} 6100\n"
	"# HELP arpproxy_routes_back_total Requests for targets routed back out of the "
		"ingress interface, not answered (family ipv4); Solicitations for targets routed "
		"back out of the ingress interface, not answered (family ipv6), per interface.\n"
	"# TYPE arpproxy_routes_back_total counter\n"
	"arpproxy_routes_back_total{dev=\"lo\",family=\"ipv4\"} 370\n"
	"arpproxy_routes_back_total{dev=\"if999999\",family=\"ipv4\"} 3700\n"
	"arpproxy_routes_back_total{dev=\"lo\",family=\"ipv6\"} 490\n"
	"arpproxy_routes_back_total{dev=\"if999999\",family=\"ipv6\"} 4900\n"
	"# HELP arpproxy_martian_source_total Requests from a sender the kernel's source "
		"validation (rp_filter) refuses, per interface.\n"
	"# TYPE arpproxy_martian_source_total counter\n"
	"arpproxy_martian_source_total{dev=\"lo\"} 380\n"
	"arpproxy_martian_source_total{dev=\"if999999\"} 3800\n"
	"# HELP arpproxy_stations_refused_total New stations refused: their MAC or interface "
		"held its share, or their set only pinned stations, per interface.\n"
	"# TYPE arpproxy_stations_refused_total counter\n"
	"arpproxy_stations_refused_total{dev=\"lo\"} 390\n"
	"arpproxy_stations_refused_total{dev=\"if999999\"} 3900\n"
	"# HELP arpproxy_pin_off_subnet_total Frames whose sender IP is outside the subnets and bindings of an inspect pin interface (family ipv4); Neighbor Discovery messages claiming an address that is not link-local, nor on the prefixes or bindings of an inspect pin interface (family ipv6), per interface.\n"
	"# TYPE arpproxy_pin_off_subnet_total counter\n"
	"arpproxy_pin_off_subnet_total{dev=\"lo\",family=\"ipv4\"} 400\n"
	"arpproxy_pin_off_subnet_total{dev=\"if999999\",family=\"ipv4\"} 4000\n"
	"arpproxy_pin_off_subnet_total{dev=\"lo\",family=\"ipv6\"} 630\n"
	"arpproxy_pin_off_subnet_total{dev=\"if999999\",family=\"ipv6\"} 6300\n"
	"# HELP arpproxy_broadcast_target_total Requests for a broadcast address of one of "
		"this host's subnets, which no host owns, per interface.\n"
	"# TYPE arpproxy_broadcast_target_total counter\n"
	"arpproxy_broadcast_target_total{dev=\"lo\"} 410\n"
	"arpproxy_broadcast_target_total{dev=\"if999999\"} 4100\n"
	"# HELP arpproxy_nd_solicits_total IPv6 Neighbor Solicitations seen by the hook, per "
		"interface.\n"
	"# TYPE arpproxy_nd_solicits_total counter\n"
	"arpproxy_nd_solicits_total{dev=\"lo\"} 420\n"
	"arpproxy_nd_solicits_total{dev=\"if999999\"} 4200\n"
	"# HELP arpproxy_nd_dad_ignored_total Duplicate Address Detection probes for an "
		"address a prefix binding covers, left unanswered, per interface.\n"
	"# TYPE arpproxy_nd_dad_ignored_total counter\n"
	"arpproxy_nd_dad_ignored_total{dev=\"lo\"} 500\n"
	"arpproxy_nd_dad_ignored_total{dev=\"if999999\"} 5000\n"
	"# HELP arpproxy_nd_adverts_total Neighbor Advertisements inspected, per interface.\n"
	"# TYPE arpproxy_nd_adverts_total counter\n"
	"arpproxy_nd_adverts_total{dev=\"lo\"} 530\n"
	"arpproxy_nd_adverts_total{dev=\"if999999\"} 5300\n"
	"# HELP arpproxy_nd_bad_advert_total Inspected advertisements that fail RFC 4861 "
		"validation, per interface.\n"
	"# TYPE arpproxy_nd_bad_advert_total counter\n"
	"arpproxy_nd_bad_advert_total{dev=\"lo\"} 540\n"
	"arpproxy_nd_bad_advert_total{dev=\"if999999\"} 5400\n"
	"# HELP arpproxy_nd_solicits_dropped_total Neighbor Solicitations dropped by "
		"inspection, an outcome of nd_solicits, per interface.\n"
	"# TYPE arpproxy_nd_solicits_dropped_total counter\n"
	"arpproxy_nd_solicits_dropped_total{dev=\"lo\"} 580\n"
	"arpproxy_nd_solicits_dropped_total{dev=\"if999999\"} 5800\n"
	"# HELP arpproxy_standby_total Requests a reply was due for, left unanswered as the "
		"interface's tracked address is not here (family ipv4); Solicitations an "
		"advertisement was due for, left unanswered as the interface's tracked address is "
		"not here (family ipv6), per interface.\n"
	"# TYPE arpproxy_standby_total counter\n"
	"arpproxy_standby_total{dev=\"lo\",family=\"ipv4\"} 640\n"
	"arpproxy_standby_total{dev=\"if999999\",family=\"ipv4\"} 6400\n"
	"arpproxy_standby_total{dev=\"lo\",family=\"ipv6\"} 650\n"
	"arpproxy_standby_total{dev=\"if999999\",family=\"ipv6\"} 6500\n"
	"# HELP arpproxy_track_active_total Times the interface's tracked address came here, "
		"and the interface took over answering, per interface.\n"
	"# TYPE arpproxy_track_active_total counter\n"
	"arpproxy_track_active_total{dev=\"lo\"} 660\n"
	"arpproxy_track_active_total{dev=\"if999999\"} 6600\n"
	"# HELP arpproxy_track_standby_total Times the interface's tracked address went, and "
		"the interface went on standby, per interface.\n"
	"# TYPE arpproxy_track_standby_total counter\n"
	"arpproxy_track_standby_total{dev=\"lo\"} 670\n"
	"arpproxy_track_standby_total{dev=\"if999999\"} 6700\n"
	"# HELP arpproxy_binding_expired_total Bindings removed because their lifetime ran out, "
		"per interface.\n"
	"# TYPE arpproxy_binding_expired_total counter\n"
	"arpproxy_binding_expired_total{dev=\"lo\"} 680\n"
	"arpproxy_binding_expired_total{dev=\"if999999\"} 6800\n"
	"# HELP arpproxy_binding_hits_total Replies sent for a binding.\n"
	"# TYPE arpproxy_binding_hits_total counter\n"
	"arpproxy_binding_hits_total{prefix=\"10.0.0.5/32\"} 0\n"
	"arpproxy_binding_hits_total{prefix=\"10.1.0.0/16\"} 3\n"
	"arpproxy_binding_hits_total{prefix=\"172.16.20.0/24\",dev=\"lo\"} 12\n"
	"arpproxy_binding_hits_total{prefix=\"10.2.0.0/16\",dev=\"if999999\"} "
		"18446744073709551615\n";

/* got is want, or the failure names the first line that is not */
static void check_lines(const char *got, const char *want)
{
	size_t len, line = 1;

	for (;;) {
		len = strcspn(want, "\n") + 1;
		if (want[len - 1] != '\n' || strncmp(got, want, len))
			break;
		got += len;
		want += len;
		line++;
	}
	ck_assert_msg(!strcmp(got, want), "line %zu: got \"%.*s\", want \"%.*s\"", line,
		      (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"), want);
}

START_TEST(test_metrics)
{
	metrics_all();
	check_lines(metrics(true, 0), metrics_text);
}
END_TEST

/* Without --bindings, the same up to the hits, which are left out. */
START_TEST(test_metrics_without_bindings)
{
	size_t len = strstr(metrics_text, "# HELP arpproxy_binding_hits_total") - metrics_text;
	const char *text;

	metrics_all();
	text = metrics(false, 0);
	ck_assert_uint_eq(strlen(text), len);
	ck_assert_int_eq(strncmp(text, metrics_text, len), 0);
}
END_TEST

/* Lines of text that begin with start; every line ends in a newline. */
static size_t count_lines(const char *text, const char *start)
{
	const char *line;
	size_t n = 0;

	for (line = text; *line; line = strchr(line, '\n') + 1)
		n += !strncmp(line, start, strlen(start));
	return n;
}

/*
 * Every family has its HELP and TYPE, samples or not; counters the module
 * does not send have no sample, those this tool cannot name no family.
 */
/* IPv4 counters with an IPv6 twin, nd_NAME: invalid to pin_off_subnet, and standby */
#define TWINS	18

START_TEST(test_metrics_sparse)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_STATS_GET);
	struct nlattr *nest = mnl_attr_nest_start(nlh, ARPPROXY_A_STATS);
	const char *text;

	mnl_attr_put_u64(nlh, ARPPROXY_STAT_REPLIES, 5);
	mnl_attr_put(nlh, ARPPROXY_STAT_UNSPEC, 0, NULL);
	mnl_attr_put_u64(nlh, NEWER_STAT, 7);
	mnl_attr_nest_end(nlh, nest);
	msg_end(nlh);
	end_part(METRICS_NETNS);
	text = metrics(true, 0);
	/*
	 * Every counter per netns, all but two per interface, and the hits;
	 * each IPv6 twin of an IPv4 counter shares its family.
	 */
	ck_assert_uint_eq(count_lines(text, "# HELP "), 2 * (ARPPROXY_STAT_MAX - TWINS) - 1);
	ck_assert_uint_eq(count_lines(text, "# TYPE "), 2 * (ARPPROXY_STAT_MAX - TWINS) - 1);
	ck_assert_uint_eq(count_lines(text, "arpproxy_"), 1);
	ck_assert_ptr_nonnull(strstr(text, "# TYPE arpproxy_netns_requests_total counter\n"
				      "# HELP arpproxy_netns_replies_total "));
	ck_assert_ptr_nonnull(strstr(text, "# TYPE arpproxy_netns_replies_total counter\n"
				      "arpproxy_netns_replies_total{family=\"ipv4\"} 5\n# HELP "));
	ck_assert_ptr_null(strstr(text, "250"));
	ck_assert_ptr_nonnull(strstr(text, "# TYPE arpproxy_frames_total counter\n"
				      "# HELP arpproxy_invalid_total "));
	ck_assert_str_eq(strstr(text, "# HELP arpproxy_binding_hits_total"),
			 "# HELP arpproxy_binding_hits_total Replies sent for a binding.\n"
			 "# TYPE arpproxy_binding_hits_total counter\n");
}
END_TEST

/* Part part has a message its replies must not be. */
static void metrics_malformed(size_t part)
{
	struct nlmsghdr *nlh;

	counters(NO_DEV, 1);
	if (part == METRICS_NETNS)
		msg_end(msg_start(ARPPROXY_CMD_STATS_GET));
	end_part(METRICS_NETNS);
	counters(lo_index(), 10);
	if (part == METRICS_IFACES)
		counters(NO_DEV, 10);
	end_part(METRICS_IFACES);
	three_bindings();
	if (part == METRICS_BINDINGS) {
		nlh = msg_start(ARPPROXY_CMD_BINDING_GET);
		mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_PREFIX4, 0);
		msg_end(nlh);
	}
	end_part(METRICS_BINDINGS);
}

/* A snapshot or nothing */
START_TEST(test_metrics_malformed_prints_nothing)
{
	metrics_malformed(_i);
	ck_assert_str_eq(metrics(true, -EBADMSG), "");
}
END_TEST

START_TEST(test_metrics_ipv6_binding)
{
	end_part(METRICS_IFACES);
	binding("10.1.0.0", 16, NO_DEV, NULL, 0, 3);
	binding("2001:db8:20::", 64, lo_index(), NULL, 0, 4);
	end_part(METRICS_BINDINGS);
	ck_assert_str_eq(strstr(metrics(true, 0), "# HELP arpproxy_binding_hits_total"),
			 "# HELP arpproxy_binding_hits_total Replies sent for a binding.\n"
			 "# TYPE arpproxy_binding_hits_total counter\n"
			 "arpproxy_binding_hits_total{prefix=\"10.1.0.0/16\"} 3\n"
			 "arpproxy_binding_hits_total{prefix=\"2001:db8:20::/64\",dev=\"lo\"} 4\n");
}
END_TEST

START_TEST(test_metrics_labels)
{
	char labels[METRICS_LABELS_STRLEN] = "";
	char dev[IF_NAMESIZE];

	metrics_label_add(labels, "prefix", "10.0.0.0/8");
	ck_assert_str_eq(labels, "prefix=\"10.0.0.0/8\"");
	metrics_label_add(labels, "dev", "a\"b\\c\nd");
	ck_assert_str_eq(labels, "prefix=\"10.0.0.0/8\",dev=\"a\\\"b\\\\c\\nd\"");
	/* the longest there can be, every character escaped, fits */
	labels[0] = '\0';
	memset(dev, '"', sizeof(dev) - 1);
	dev[sizeof(dev) - 1] = '\0';
	metrics_label_add(labels, "prefix", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128");
	metrics_label_add(labels, "dev", dev);
	ck_assert_uint_lt(strlen(labels), sizeof(labels));
}
END_TEST

START_TEST(test_version)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_VERSION_GET);

	mnl_attr_put_strz(nlh, ARPPROXY_A_VERSION, "9.8.7");
	msg_end(nlh);
	ck_assert_str_eq(show_reply("version", false, false),
			 "arpproxyctl " ARPPROXY_VERSION "\nmodule 9.8.7\nprotocol 2\n");
	ck_assert_str_eq(show_reply("version", true, false),
			 "{\"arpproxyctl\":\"" ARPPROXY_VERSION "\",\"module\":\"9.8.7\","
			 "\"protocol\":2}\n");
}
END_TEST

/* Without the module, or with one of another protocol: what is known */
START_TEST(test_version_without_module)
{
	capture_start(false, false);
	version_print_tool(NULL, 0);
	ck_assert_str_eq(capture_end(), "arpproxyctl " ARPPROXY_VERSION "\nprotocol 2\n");
	capture_start(true, false);
	version_print_tool(NULL, 0);
	ck_assert_str_eq(capture_end(),
			 "{\"arpproxyctl\":\"" ARPPROXY_VERSION "\",\"protocol\":2}\n");
	capture_start(false, false);
	version_print_tool(NULL, 1);
	ck_assert_str_eq(capture_end(),
			 "arpproxyctl " ARPPROXY_VERSION "\nprotocol 2\nmodule protocol 1\n");
	capture_start(true, false);
	version_print_tool(NULL, 3);
	ck_assert_str_eq(capture_end(), "{\"arpproxyctl\":\"" ARPPROXY_VERSION "\","
			 "\"protocol\":2,\"module_protocol\":3}\n");
}
END_TEST

/* Every command that talks to the module stops at another protocol, in one line. */
START_TEST(test_protocol_mismatch)
{
	static struct nl nl;

	nl.proto = ARPPROXY_GENL_VERSION;
	ck_assert_int_eq(nl_check_proto(&nl), 0);
	nl.proto = 1;
	ck_assert_int_eq(nl_check_proto(&nl), -1);
	ck_assert_str_eq(err_msg(), "the arpproxy module speaks protocol 1, arpproxyctl speaks 2: "
			 "install matching versions.");
}
END_TEST

START_TEST(test_json_strings_and_modes)
{
	capture_start(true, false);
	open_json_object(NULL);
	print_string(PRINT_ANY, "k\"", "%s", "a\"b\\c\n\x01");
	print_string(PRINT_FP, "text-only", "%s", "x");
	print_u64(PRINT_JSON, "n", "%" PRIu64, 7);
	close_json_object();
	ck_assert_str_eq(capture_end(), "{\"k\\\"\":\"a\\\"b\\\\c\\u000a\\u0001\",\"n\":7}\n");

	capture_start(false, false);
	open_json_object(NULL);
	print_string(PRINT_ANY, "k", "<%s>", "a\"b");
	print_null(PRINT_JSON, "json-only", NULL, NULL);
	print_u64(PRINT_FP, NULL, " %" PRIu64, 7);
	close_json_object();
	print_nl();
	ck_assert_str_eq(capture_end(), "<a\"b> 7\n");
}
END_TEST

Suite *print_suite(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, reset_dump, NULL);
	tcase_add_test(tc, test_binding_text);
	tcase_add_test(tc, test_binding_json);
	tcase_add_test(tc, test_binding_json_pretty);
	tcase_add_test(tc, test_binding_filters);
	tcase_add_test(tc, test_binding_ipv6_text);
	tcase_add_test(tc, test_binding_ipv6_json);
	tcase_add_test(tc, test_binding_family_filter);
	tcase_add_test(tc, test_binding_odd_values);
	tcase_add_test(tc, test_binding_announce);
	tcase_add_test(tc, test_binding_lifetime);
	tcase_add_loop_test(tc, test_binding_announce_wrong_width, 0, 2);
	tcase_add_test(tc, test_empty_dump);
	tcase_add_loop_test(tc, test_malformed_dump_prints_nothing, 0, 2 * N(malformed));
	tcase_add_test(tc, test_iface);
	tcase_add_test(tc, test_iface_nd);
	tcase_add_test(tc, test_iface_track);
	tcase_add_test(tc, test_iface_rate);
	tcase_add_test(tc, test_iface_rarp);
	tcase_add_test(tc, test_iface_show_is_set);
	tcase_add_test(tc, test_iface_learn);
	tcase_add_test(tc, test_cache_text);
	tcase_add_test(tc, test_cache_json);
	tcase_add_test(tc, test_cache_order);
	tcase_add_test(tc, test_cache_filters);
	tcase_add_test(tc, test_cache_ipv6);
	tcase_add_test(tc, test_cache_status);
	tcase_add_test(tc, test_acl_text);
	tcase_add_test(tc, test_acl_json);
	tcase_add_test(tc, test_acl_filter_and_odd_values);
	tcase_add_test(tc, test_acl_show_is_add);
	tcase_add_test(tc, test_save_text);
	tcase_add_test(tc, test_save_ipv6);
	tcase_add_test(tc, test_save_json);
	tcase_add_test(tc, test_save_empty);
	tcase_add_test(tc, test_save_is_restore);
	tcase_add_loop_test(tc, test_save_malformed_prints_nothing, 0, 2);
	tcase_add_test(tc, test_stats_names);
	tcase_add_test(tc, test_stat_names);
	tcase_add_test(tc, test_stats_new_counters);
	tcase_add_test(tc, test_stats_pretty);
	tcase_add_test(tc, test_metrics);
	tcase_add_test(tc, test_metrics_without_bindings);
	tcase_add_test(tc, test_metrics_sparse);
	tcase_add_loop_test(tc, test_metrics_malformed_prints_nothing, 0, METRICS_PARTS);
	tcase_add_test(tc, test_metrics_ipv6_binding);
	tcase_add_test(tc, test_metrics_labels);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_version_without_module);
	tcase_add_test(tc, test_protocol_mismatch);
	tcase_add_test(tc, test_json_strings_and_modes);
	suite_add_tcase(s, tc);
	return s;
}
