// SPDX-License-Identifier: GPL-2.0
/* Words to requests: userspace/parse.c, args.c, cmd.c and batch_words(). */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cmd.h"
#include "err.h"
#include "helpers.h"
#include "parse.h"
#include "suites.h"

struct bad {
	const char *input;
	const char *error;
};

static uint32_t ip(const char *s)
{
	uint32_t a;

	ck_assert_int_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

struct good_prefix {
	const char *word, *addr;
	uint8_t plen;
};

static const struct good_prefix good_prefixes[] = {
	{ "10.0.0.5", "10.0.0.5", 32 },
	{ "172.16.20.0/24", "172.16.20.0", 24 },
	{ "0.0.0.0/0", "0.0.0.0", 0 },
	{ "255.255.255.255/32", "255.255.255.255", 32 },
	{ "10.0.0.0/8", "10.0.0.0", 8 },
	{ "192.168.1.128/25", "192.168.1.128", 25 },
};

START_TEST(test_prefix_good)
{
	uint8_t addr6[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix_any(good_prefixes[_i].word, &addr, addr6, &plen), AF_INET);
	ck_assert_uint_eq(addr, ip(good_prefixes[_i].addr));
	ck_assert_uint_eq(plen, good_prefixes[_i].plen);
}
END_TEST

static const struct bad bad_prefixes[] = {
	{ "172.16.20.1/24",
	  "prefix \"172.16.20.1/24\" has host bits set (did you mean 172.16.20.0/24?)" },
	{ "10.0.0.1/0", "prefix \"10.0.0.1/0\" has host bits set (did you mean 0.0.0.0/0?)" },
	{ "1.2.3.4/33", "invalid prefix length in \"1.2.3.4/33\": expected 0..32" },
	{ "1.2.3.4/", "invalid prefix length in \"1.2.3.4/\": expected 0..32" },
	{ "1.2.3.4/-1", "invalid prefix length in \"1.2.3.4/-1\": expected 0..32" },
	{ "1.2.3.4/+8", "invalid prefix length in \"1.2.3.4/+8\": expected 0..32" },
	{ "1.2.3.4/ 8", "invalid prefix length in \"1.2.3.4/ 8\": expected 0..32" },
	{ "1.2.3.0/24x", "invalid prefix length in \"1.2.3.0/24x\": expected 0..32" },
	{ "1.2.3.0/0x8", "invalid prefix length in \"1.2.3.0/0x8\": expected 0..32" },
	{ "1.2.3.0/24/8", "invalid prefix length in \"1.2.3.0/24/8\": expected 0..32" },
	{ "1.2.3.256", "invalid prefix \"1.2.3.256\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "1.2.3", "invalid prefix \"1.2.3\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "1.2.3.4.5", "invalid prefix \"1.2.3.4.5\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "01.2.3.4", "invalid prefix \"01.2.3.4\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ " 1.2.3.4", "invalid prefix \" 1.2.3.4\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "1.2.3.4 ", "invalid prefix \"1.2.3.4 \": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "x1.2.3.4", "invalid prefix \"x1.2.3.4\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "abc", "invalid prefix \"abc\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "", "invalid prefix \"\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "/24", "invalid prefix \"/24\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "1111.2222.3333.4444/8", "invalid prefix \"1111.2222.3333.4444/8\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
};

START_TEST(test_prefix_bad)
{
	uint8_t addr6[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix_any(bad_prefixes[_i].input, &addr, addr6, &plen), -1);
	ck_assert_str_eq(err_msg(), bad_prefixes[_i].error);
}
END_TEST

static const struct good_prefix good_prefixes6[] = {
	{ "2001:db8:20::/64", "2001:db8:20::", 64 },
	{ "2001:db8::5", "2001:db8::5", 128 },
	{ "2001:DB8:0:0:0:0:0:5/128", "2001:db8::5", 128 },
	{ "::/0", "::", 0 },
	{ "2001:db8:ff00::/40", "2001:db8:ff00::", 40 },
	{ "2001:db8::8/125", "2001:db8::8", 125 },
};

START_TEST(test_prefix6_good)
{
	uint8_t addr6[16], want[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix_any(good_prefixes6[_i].word, &addr, addr6, &plen),
			 AF_INET6);
	ck_assert_int_eq(inet_pton(AF_INET6, good_prefixes6[_i].addr, want), 1);
	ck_assert_mem_eq(addr6, want, 16);
	ck_assert_uint_eq(plen, good_prefixes6[_i].plen);
}
END_TEST

/* cache show's filter, which the tool applies as the kernel does. */
static const struct {
	const char *prefix, *addr;
	bool in;
} containing[] = {
	{ "10.0.0.0/8", "10.255.0.1", true },
	{ "10.0.0.0/8", "11.0.0.0", false },
	{ "0.0.0.0/0", "192.0.2.1", true },
	{ "192.0.2.7", "192.0.2.7", true },
	{ "192.0.2.7", "192.0.2.6", false },
	{ "172.16.0.0/12", "172.31.255.255", true },
	{ "172.16.0.0/12", "172.32.0.0", false },
	{ "2001:db8::/32", "2001:db8:ffff::1", true },
	{ "2001:db8::/33", "2001:db8:8000::1", false },
	{ "fe80::/10", "febf::1", true },
	{ "fe80::/10", "fec0::1", false },
	{ "2001:db8::5", "2001:db8::5", true },
	{ "2001:db8::5", "2001:db8::4", false },
	{ "::/0", "2001:db8::1", true },
};

START_TEST(test_prefix_contains)
{
	uint8_t prefix[16], addr[16];
	uint32_t prefix4;
	uint8_t plen;
	int af;

	af = parse_prefix_any(containing[_i].prefix, &prefix4, prefix, &plen);
	ck_assert_int_ge(af, 0);
	if (af == AF_INET)
		memcpy(prefix, &prefix4, 4);
	ck_assert_int_eq(inet_pton(af, containing[_i].addr, addr), 1);
	ck_assert_int_eq(prefix_contains(prefix, plen, addr), containing[_i].in);
}
END_TEST

/* A binding's prefix of either family: IPv4 is parsed as it always was. */
START_TEST(test_prefix_any_ipv4)
{
	uint8_t addr6[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix_any(good_prefixes[_i].word, &addr, addr6, &plen), AF_INET);
	ck_assert_uint_eq(addr, ip(good_prefixes[_i].addr));
	ck_assert_uint_eq(plen, good_prefixes[_i].plen);
}
END_TEST

#define PREFIX_ANY_SYNTAX	": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]"

static const struct bad bad_prefixes6[] = {
	{ "2001:db8::1/64",
	  "prefix \"2001:db8::1/64\" has host bits set (did you mean 2001:db8::/64?)" },
	{ "2001:db8:20::1:0/100",
	  "prefix \"2001:db8:20::1:0/100\" has host bits set (did you mean 2001:db8:20::/100?)" },
	{ "2001:db8::9/125",
	  "prefix \"2001:db8::9/125\" has host bits set (did you mean 2001:db8::8/125?)" },
	{ "::1/0", "prefix \"::1/0\" has host bits set (did you mean ::/0?)" },
	{ "2001:db8::/129", "invalid prefix length in \"2001:db8::/129\": expected 0..128" },
	{ "2001:db8::/", "invalid prefix length in \"2001:db8::/\": expected 0..128" },
	{ "2001:db8::/+64", "invalid prefix length in \"2001:db8::/+64\": expected 0..128" },
	{ "2001:db8:::1", "invalid prefix \"2001:db8:::1\"" PREFIX_ANY_SYNTAX },
	{ "2001:db8::g", "invalid prefix \"2001:db8::g\"" PREFIX_ANY_SYNTAX },
	{ "2001:db8::1%eth0", "invalid prefix \"2001:db8::1%eth0\"" PREFIX_ANY_SYNTAX },
	{ "[2001:db8::1]", "invalid prefix \"[2001:db8::1]\"" PREFIX_ANY_SYNTAX },
	{ "1:2:3:4:5:6:7:8:9", "invalid prefix \"1:2:3:4:5:6:7:8:9\"" PREFIX_ANY_SYNTAX },
	{ "1.2.3.4/33", "invalid prefix length in \"1.2.3.4/33\": expected 0..32" },
	{ "172.16.20.1/24",
	  "prefix \"172.16.20.1/24\" has host bits set (did you mean 172.16.20.0/24?)" },
	/* as the module refuses them: restore --check catches them too */
	{ "fe80::/64", "prefix \"fe80::/64\" is link-local (fe80::/10): not for bindings" },
	{ "febf:1::/32", "prefix \"febf:1::/32\" is link-local (fe80::/10): not for bindings" },
	{ "ff02::1", "prefix \"ff02::1\" is multicast (ff00::/8): not for bindings" },
	{ "ff00::/8", "prefix \"ff00::/8\" is multicast (ff00::/8): not for bindings" },
};

START_TEST(test_prefix6_bad)
{
	uint8_t addr6[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_binding_prefix(bad_prefixes6[_i].input, &addr, addr6, &plen), -1);
	ck_assert_str_eq(err_msg(), bad_prefixes6[_i].error);
}
END_TEST

/* Next to link-local and multicast, but neither */
START_TEST(test_prefix6_near_refused)
{
	uint8_t addr6[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_binding_prefix("fec0::/10", &addr, addr6, &plen), AF_INET6);
	ck_assert_int_eq(parse_binding_prefix("fe7f::/16", &addr, addr6, &plen), AF_INET6);
	ck_assert_int_eq(parse_binding_prefix("feff::/16", &addr, addr6, &plen), AF_INET6);
}
END_TEST

/* What bindings refuse, any prefix takes: solicitors ask from fe80::/10. */
START_TEST(test_prefix6_any_takes_link_local)
{
	uint8_t addr6[16];
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix_any("fe80::/64", &addr, addr6, &plen), AF_INET6);
	ck_assert_uint_eq(plen, 64);
	ck_assert_int_eq(parse_prefix_any("ff02::1", &addr, addr6, &plen), AF_INET6);
	ck_assert_uint_eq(plen, 128);
}
END_TEST

START_TEST(test_binding_add_ipv6)
{
	struct req req = parse_ok("binding add 2001:db8:20::/64 dev lo onlink");
	uint8_t want[16];

	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8:20::", want), 1);
	ck_assert_uint_eq(req.attrs, REQ_ATTR(PREFIX6) | REQ_ATTR(PLEN) | REQ_ATTR(FLAGS) |
				     REQ_ATTR(IFINDEX));
	ck_assert_mem_eq(req.prefix6, want, 16);
	ck_assert_uint_eq(req.plen, 64);
	ck_assert_uint_eq(req.flags, ARPPROXY_BINDING_F_ONLINK);
	req = parse_ok("binding del 2001:db8::5");
	ck_assert_uint_eq(req.attrs, REQ_ATTR(PREFIX6) | REQ_ATTR(PLEN));
	ck_assert_uint_eq(req.plen, 128);
}
END_TEST

START_TEST(test_mac_good)
{
	static const uint8_t want[] = { 0xaa, 0xbb, 0xcc, 0x0d, 0xee, 0xf1 };
	uint8_t mac[ETH_ALEN];

	ck_assert_int_eq(parse_mac("AA:bb:Cc:0d:EE:f1", mac), 0);
	ck_assert_mem_eq(mac, want, ETH_ALEN);
	ck_assert_int_eq(parse_mac("02:00:00:00:00:01", mac), 0);
	ck_assert_uint_eq(mac[0], 2);
	ck_assert_uint_eq(mac[5], 1);
}
END_TEST

#define MAC_SYNTAX ": expected six colon-separated hex pairs"

static const struct bad bad_macs[] = {
	{ "01:00:5e:00:00:01", "MAC \"01:00:5e:00:00:01\" is a multicast address" },
	{ "03:00:00:00:00:00", "MAC \"03:00:00:00:00:00\" is a multicast address" },
	{ "ff:ff:ff:ff:ff:ff", "MAC \"ff:ff:ff:ff:ff:ff\" is the broadcast address" },
	{ "FF:FF:FF:FF:FF:FF", "MAC \"FF:FF:FF:FF:FF:FF\" is the broadcast address" },
	{ "00:00:00:00:00:00", "MAC \"00:00:00:00:00:00\" is all zeros" },
	{ "02:00:00:00:00", "invalid MAC \"02:00:00:00:00\"" MAC_SYNTAX },
	{ "02:00:00:00:00:01:02", "invalid MAC \"02:00:00:00:00:01:02\"" MAC_SYNTAX },
	{ "02:00:00:00:00:0g", "invalid MAC \"02:00:00:00:00:0g\"" MAC_SYNTAX },
	{ "2:0:0:0:0:1", "invalid MAC \"2:0:0:0:0:1\"" MAC_SYNTAX },
	{ "02-00-00-00-00-01", "invalid MAC \"02-00-00-00-00-01\"" MAC_SYNTAX },
	{ "02:00:00:00:00:01 ", "invalid MAC \"02:00:00:00:00:01 \"" MAC_SYNTAX },
	{ "02:00:00:00:00:001", "invalid MAC \"02:00:00:00:00:001\"" MAC_SYNTAX },
	{ "0200.0000.0001", "invalid MAC \"0200.0000.0001\"" MAC_SYNTAX },
	{ "", "invalid MAC \"\"" MAC_SYNTAX },
};

START_TEST(test_mac_bad)
{
	uint8_t mac[ETH_ALEN];

	ck_assert_int_eq(parse_mac(bad_macs[_i].input, mac), -1);
	ck_assert_str_eq(err_msg(), bad_macs[_i].error);
}
END_TEST

START_TEST(test_proxy_mode)
{
	uint8_t mode = 0xff;

	ck_assert_int_eq(parse_proxy_mode("off", &mode), 0);
	ck_assert_uint_eq(mode, ARPPROXY_PROXY_OFF);
	ck_assert_int_eq(parse_proxy_mode("route", &mode), 0);
	ck_assert_uint_eq(mode, ARPPROXY_PROXY_ROUTE);
	ck_assert_int_eq(parse_proxy_mode("on", &mode), -1);
	ck_assert_str_eq(err_msg(), "invalid proxy mode \"on\": expected off or route");
}
END_TEST

/* Settings of 0 or 1, in the same words */
static const struct {
	int (*parse)(const char *word, uint8_t *on);
	const char *what;
} switches[] = {
	{ parse_rarp, "rarp setting" },
	{ parse_learn, "learn setting" },
};

START_TEST(test_switch)
{
	char buf[MODE_STRLEN], want[128];
	uint8_t on = 0xff;

	ck_assert_int_eq(switches[_i].parse("on", &on), 0);
	ck_assert_uint_eq(on, 1);
	ck_assert_int_eq(switches[_i].parse("off", &on), 0);
	ck_assert_uint_eq(on, 0);
	ck_assert_int_eq(switches[_i].parse("maybe", &on), -1);
	snprintf(want, sizeof(want), "invalid %s \"maybe\": expected on or off", switches[_i].what);
	ck_assert_str_eq(err_msg(), want);
	ck_assert_int_eq(switches[_i].parse("1", &on), -1);
	ck_assert_int_eq(switches[_i].parse("ON", &on), -1);
	ck_assert_int_eq(switches[_i].parse("", &on), -1);
	ck_assert_str_eq(format_on_off(buf, 0), "off");
	ck_assert_str_eq(format_on_off(buf, 1), "on");
	ck_assert_str_eq(format_on_off(buf, 2), "mode_2");
}
END_TEST

START_TEST(test_inspect_mode)
{
	char buf[MODE_STRLEN];
	uint8_t mode = 0xff;

	ck_assert_int_eq(parse_inspect_mode("pin", &mode), 0);
	ck_assert_uint_eq(mode, ARPPROXY_INSPECT_PIN);
	ck_assert_int_eq(parse_inspect_mode("enforce", &mode), 0);
	ck_assert_uint_eq(mode, ARPPROXY_INSPECT_ENFORCE);
	ck_assert_int_eq(parse_inspect_mode("pinned", &mode), -1);
	ck_assert_str_eq(err_msg(),
			 "invalid inspect mode \"pinned\": expected off, log, enforce or pin");
	ck_assert_str_eq(format_inspect_mode(buf, ARPPROXY_INSPECT_PIN), "pin");
	ck_assert_str_eq(format_inspect_mode(buf, ARPPROXY_INSPECT_MAX + 1), "mode_4");
}
END_TEST

START_TEST(test_acl_action)
{
	char buf[MODE_STRLEN];
	uint8_t action = 0xff;

	ck_assert_int_eq(parse_acl_action("deny", &action), 0);
	ck_assert_uint_eq(action, ARPPROXY_ACL_DENY);
	ck_assert_int_eq(parse_acl_action("allow", &action), 0);
	ck_assert_uint_eq(action, ARPPROXY_ACL_ALLOW);
	ck_assert_int_eq(parse_acl_action("drop", &action), -1);
	ck_assert_str_eq(err_msg(), "invalid ACL action \"drop\": expected allow or deny");
	ck_assert_str_eq(format_acl_action(buf, ARPPROXY_ACL_ALLOW), "allow");
	ck_assert_str_eq(format_acl_action(buf, ARPPROXY_ACL_DENY), "deny");
	ck_assert_str_eq(format_acl_action(buf, 7), "action_7");
}
END_TEST

static const struct {
	const char *word;
	uint32_t min, max;
	int ret;
	uint32_t val;
} numbers[] = {
	{ "0", 0, 10, 0, 0 },
	{ "10", 0, 10, 0, 10 },
	{ "007", 1, 10, 0, 7 },
	{ "4294967295", 1, UINT32_MAX, 0, UINT32_MAX },
	{ "4294967296", 1, UINT32_MAX, -1, 0 },
	{ "11", 0, 10, -1, 0 },
	{ "0", 1, 10, -1, 0 },
	{ "-1", 0, 10, -1, 0 },
	{ "+1", 0, 10, -1, 0 },
	{ " 1", 0, 10, -1, 0 },
	{ "1 ", 0, 10, -1, 0 },
	{ "0x1", 0, 10, -1, 0 },
	{ "1e3", 0, 10000, -1, 0 },
	{ "", 0, 10, -1, 0 },
	{ "99999999999999999999999", 0, 10, -1, 0 },
};

START_TEST(test_number)
{
	uint32_t val = 12345;
	char want[128];

	ck_assert_int_eq(parse_number(numbers[_i].word, "burst", numbers[_i].min,
				      numbers[_i].max, &val), numbers[_i].ret);
	if (!numbers[_i].ret) {
		ck_assert_uint_eq(val, numbers[_i].val);
		return;
	}
	ck_assert_uint_eq(val, 12345);
	snprintf(want, sizeof(want), "invalid burst \"%s\": expected %u..%u", numbers[_i].word,
		 numbers[_i].min, numbers[_i].max);
	ck_assert_str_eq(err_msg(), want);
}
END_TEST

START_TEST(test_binding_add_minimal)
{
	struct req req = parse_ok("binding add 10.0.0.0/8");

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_BINDING_ADD);
	ck_assert_uint_eq(req.cmd->kind, REQ_CHANGE);
	ck_assert_uint_eq(req.attrs, REQ_ATTR(PREFIX) | REQ_ATTR(PLEN) | REQ_ATTR(FLAGS));
	ck_assert_uint_eq(req.prefix, ip("10.0.0.0"));
	ck_assert_uint_eq(req.plen, 8);
	ck_assert_uint_eq(req.flags, 0);
}
END_TEST

static const char *const any_order[] = {
	"binding replace 10.1.0.0/16 dev lo mac 02:00:00:00:00:01 onlink",
	"binding replace 10.1.0.0/16 onlink mac 02:00:00:00:00:01 dev lo",
	"binding replace 10.1.0.0/16 mac 02:00:00:00:00:01 onlink dev lo",
};

START_TEST(test_binding_keywords_any_order)
{
	static const uint8_t mac[] = { 2, 0, 0, 0, 0, 1 };
	struct req req = parse_ok(any_order[_i]);

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_BINDING_REPLACE);
	ck_assert_uint_eq(req.attrs, REQ_ATTR(PREFIX) | REQ_ATTR(PLEN) | REQ_ATTR(FLAGS) |
				     REQ_ATTR(IFINDEX) | REQ_ATTR(MAC));
	ck_assert_uint_eq(req.ifindex, lo_index());
	ck_assert_mem_eq(req.mac, mac, ETH_ALEN);
	ck_assert_uint_eq(req.flags, ARPPROXY_BINDING_F_ONLINK);
}
END_TEST

START_TEST(test_binding_exclude_and_mac_auto)
{
	struct req req = parse_ok("binding add 10.0.0.5 exclude onlink");

	ck_assert_uint_eq(req.flags, ARPPROXY_BINDING_F_EXCLUDE | ARPPROXY_BINDING_F_ONLINK);
	ck_assert_uint_eq(req.plen, 32);
	ck_assert_uint_eq(req.attrs & REQ_ATTR(MAC), 0);
	req = parse_ok("binding add 10.0.0.0/8 mac auto");
	ck_assert_uint_eq(req.attrs & REQ_ATTR(MAC), 0);
	ck_assert_uint_eq(req.flags, 0);
}
END_TEST

#define KEY		(REQ_ATTR(PREFIX) | REQ_ATTR(PLEN))
#define KEY6		(REQ_ATTR(PREFIX6) | REQ_ATTR(PLEN))
#define DEV		REQ_ATTR(IFINDEX)
#define ACTION		REQ_ATTR(ACTION)
#define PREF		REQ_ATTR(PREF)
#define RATE		(REQ_ATTR(RATE) | REQ_ATTR(RATE_PER_HOST))
#define BURST		REQ_ATTR(RATE_BURST)
#define ROUNDS		(REQ_ATTR(COUNT) | REQ_ATTR(INTERVAL))
#define GARP		REQ_ATTR(GARP)
#define REFRESH		REQ_ATTR(REFRESH)
#define LEARN		REQ_ATTR(LEARN)
#define INSPECT		REQ_ATTR(INSPECT)
#define TIMEOUT		REQ_ATTR(CACHE_TIMEOUT)

static const struct {
	const char *line;
	uint8_t id;
	uint8_t kind;
	uint64_t attrs;
} good_lines[] = {
	{ "binding add 10.0.0.0/8", ARPPROXY_CMD_BINDING_ADD, REQ_CHANGE,
	  KEY | REQ_ATTR(FLAGS) },
	{ "binding replace 10.0.0.0/8 dev lo", ARPPROXY_CMD_BINDING_REPLACE, REQ_CHANGE,
	  KEY | DEV | REQ_ATTR(FLAGS) },
	{ "binding add 10.1.0.0/16 dev lo garp", ARPPROXY_CMD_BINDING_ADD, REQ_CHANGE,
	  KEY | DEV | REQ_ATTR(FLAGS) | GARP },
	{ "binding replace 10.1.2.3 dev lo refresh 30 garp 2", ARPPROXY_CMD_BINDING_REPLACE,
	  REQ_CHANGE, KEY | DEV | REQ_ATTR(FLAGS) | GARP | REFRESH },
	{ "binding del 10.0.0.0/8", ARPPROXY_CMD_BINDING_DEL, REQ_CHANGE, KEY },
	{ "binding del 10.0.0.0/8 dev lo", ARPPROXY_CMD_BINDING_DEL, REQ_CHANGE, KEY | DEV },
	{ "binding add 2001:db8:20::/64 dev lo mac 02:00:00:00:00:01 onlink",
	  ARPPROXY_CMD_BINDING_ADD, REQ_CHANGE, KEY6 | DEV | REQ_ATTR(FLAGS) | REQ_ATTR(MAC) },
	{ "binding replace 2001:db8::5 static mac 02:00:00:00:00:01",
	  ARPPROXY_CMD_BINDING_REPLACE, REQ_CHANGE, KEY6 | REQ_ATTR(FLAGS) | REQ_ATTR(MAC) },
	{ "binding add 2001:db8::/48 exclude", ARPPROXY_CMD_BINDING_ADD, REQ_CHANGE,
	  KEY6 | REQ_ATTR(FLAGS) },
	{ "binding del 2001:db8:20::/64 dev lo", ARPPROXY_CMD_BINDING_DEL, REQ_CHANGE,
	  KEY6 | DEV },
	{ "binding show 2001:db8:20::/64", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, KEY6 },
	{ "binding flush", ARPPROXY_CMD_BINDING_FLUSH, REQ_CHANGE, 0 },
	{ "binding flush dev lo", ARPPROXY_CMD_BINDING_FLUSH, REQ_CHANGE, DEV },
	{ "binding show", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, 0 },
	{ "binding show dev lo", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, DEV },
	{ "binding show 10.0.0.0/8", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, KEY },
	{ "binding show 10.0.0.0/8 dev lo", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, KEY | DEV },
	{ "iface set lo proxy route", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | REQ_ATTR(PROXY_MODE) },
	{ "iface set lo rate 0", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE, DEV | RATE },
	{ "iface set lo rate 10 burst 20", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | RATE | BURST },
	{ "iface set lo per-host 5 rate 10", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE, DEV | RATE },
	{ "iface set lo inspect log rate 10 proxy route", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | RATE | REQ_ATTR(PROXY_MODE) | REQ_ATTR(INSPECT) },
	{ "iface set lo rarp on", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE, DEV | REQ_ATTR(RARP) },
	{ "iface set lo rate 10 rarp off proxy route", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | RATE | REQ_ATTR(PROXY_MODE) | REQ_ATTR(RARP) },
	{ "iface set lo learn on", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE, DEV | LEARN },
	{ "iface set lo learn off", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE, DEV | LEARN },
	{ "iface set lo inspect pin learn on", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | INSPECT | LEARN },
	{ "iface set lo learn on inspect pin", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | INSPECT | LEARN },
	/* the interface may learn already: the kernel knows, and refuses in its words */
	{ "iface set lo inspect pin", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE, DEV | INSPECT },
	{ "iface set lo inspect pin learn off", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | INSPECT | LEARN },
	{ "iface set lo inspect enforce learn off", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | INSPECT | LEARN },
	{ "cache show", ARPPROXY_CMD_STATION_GET, REQ_DUMP, 0 },
	{ "cache show dev lo", ARPPROXY_CMD_STATION_GET, REQ_DUMP, DEV },
	{ "cache show 172.16.0.0/16", ARPPROXY_CMD_STATION_GET, REQ_DUMP, KEY },
	{ "cache show 172.16.10.100 dev lo", ARPPROXY_CMD_STATION_GET, REQ_DUMP, KEY | DEV },
	{ "cache show dev lo 172.16.0.0/16", ARPPROXY_CMD_STATION_GET, REQ_DUMP, KEY | DEV },
	{ "cache flush", ARPPROXY_CMD_STATION_FLUSH, REQ_CHANGE, 0 },
	{ "cache flush dev lo", ARPPROXY_CMD_STATION_FLUSH, REQ_CHANGE, DEV },
	{ "cache set timeout 300", ARPPROXY_CMD_CACHE_SET, REQ_CHANGE, TIMEOUT },
	{ "cache status", ARPPROXY_CMD_CACHE_GET, REQ_GET, 0 },
	{ "acl add dev lo deny", ARPPROXY_CMD_ACL_ADD, REQ_CHANGE, DEV | ACTION },
	{ "acl add allow dev lo", ARPPROXY_CMD_ACL_ADD, REQ_CHANGE, DEV | ACTION },
	{ "acl add dev lo allow from 10.0.0.0/8 pref 5", ARPPROXY_CMD_ACL_ADD, REQ_CHANGE,
	  DEV | ACTION | KEY | PREF },
	{ "acl add dev lo deny mac 02:00:00:00:00:01", ARPPROXY_CMD_ACL_ADD, REQ_CHANGE,
	  DEV | ACTION | REQ_ATTR(MAC) },
	{ "acl del dev lo pref 10", ARPPROXY_CMD_ACL_DEL, REQ_CHANGE, DEV | PREF },
	{ "acl del dev lo deny", ARPPROXY_CMD_ACL_DEL, REQ_CHANGE, DEV | ACTION },
	{ "acl del dev lo allow mac 02:00:00:00:00:01 from 10.0.0.5", ARPPROXY_CMD_ACL_DEL,
	  REQ_CHANGE, DEV | ACTION | KEY | REQ_ATTR(MAC) },
	{ "acl show", ARPPROXY_CMD_ACL_GET, REQ_DUMP, 0 },
	{ "acl show dev lo", ARPPROXY_CMD_ACL_GET, REQ_DUMP, DEV },
	{ "acl flush", ARPPROXY_CMD_ACL_FLUSH, REQ_CHANGE, 0 },
	{ "acl flush dev lo", ARPPROXY_CMD_ACL_FLUSH, REQ_CHANGE, DEV },
	{ "iface show", ARPPROXY_CMD_IFACE_GET, REQ_DUMP, 0 },
	{ "iface show lo", ARPPROXY_CMD_IFACE_GET, REQ_DUMP, DEV },
	{ "stats show", ARPPROXY_CMD_STATS_GET, REQ_GET, 0 },
	{ "stats show dev lo", ARPPROXY_CMD_STATS_GET, REQ_GET, DEV },
	{ "stats show --format prometheus", ARPPROXY_CMD_STATS_GET, REQ_GET, 0 },
	{ "stats show --format prometheus --bindings", ARPPROXY_CMD_STATS_GET, REQ_GET, 0 },
	{ "stats reset", ARPPROXY_CMD_STATS_RESET, REQ_CHANGE, 0 },
	{ "announce 10.0.0.0/24", ARPPROXY_CMD_ANNOUNCE, REQ_CHANGE, KEY },
	{ "announce 10.0.0.5 dev lo", ARPPROXY_CMD_ANNOUNCE, REQ_CHANGE, KEY | DEV },
	{ "announce 10.0.0.0/8 count 3 interval 200", ARPPROXY_CMD_ANNOUNCE, REQ_CHANGE,
	  KEY | ROUNDS },
	{ "announce 10.0.0.0/16 reply interval 10 dev lo count 1", ARPPROXY_CMD_ANNOUNCE,
	  REQ_CHANGE, KEY | DEV | ROUNDS | REQ_ATTR(REPLY) },
	{ "version", ARPPROXY_CMD_VERSION_GET, REQ_LOCAL, 0 },
	{ "monitor", 0, REQ_MONITOR, 0 },
	{ "save", 0, REQ_SAVE, 0 },
	{ "restore /etc/arpproxy/arpproxy.conf", 0, REQ_RESTORE, 0 },
};

START_TEST(test_good_lines)
{
	struct req req = parse_ok(good_lines[_i].line);

	ck_assert_uint_eq(req.cmd->id, good_lines[_i].id);
	ck_assert_uint_eq(req.cmd->kind, good_lines[_i].kind);
	ck_assert_uint_eq(req.attrs, good_lines[_i].attrs);
	if (req.attrs & DEV)
		ck_assert_uint_eq(req.ifindex, lo_index());
}
END_TEST

/*
 * Every change a restore stages, and nothing else: stats reset, announce
 * and cache flush (stations are learnt, not configured) are not ones.
 */
START_TEST(test_config_changes)
{
	struct req req = parse_ok(good_lines[_i].line);

	ck_assert_int_eq(req.cmd->config, req.cmd->kind == REQ_CHANGE &&
			 req.cmd->id != ARPPROXY_CMD_STATS_RESET &&
			 req.cmd->id != ARPPROXY_CMD_ANNOUNCE &&
			 req.cmd->id != ARPPROXY_CMD_STATION_FLUSH);
}
END_TEST

START_TEST(test_stats_show_values)
{
	struct req req = parse_ok("stats show");

	ck_assert(!req.prometheus && !req.bindings);
	req = parse_ok("stats show dev lo");
	ck_assert_uint_eq(req.ifindex, lo_index());
	ck_assert(!req.prometheus && !req.bindings);
	req = parse_ok("stats show --format prometheus");
	ck_assert(req.prometheus && !req.bindings);
	req = parse_ok("stats show --bindings --format prometheus");
	ck_assert(req.prometheus && req.bindings);
}
END_TEST

/* -j and Prometheus are two formats at once: refused, in a batch before anything. */
START_TEST(test_prometheus_not_json)
{
	static struct nl nl;
	struct req req;
	int ret;

	capture_start(true, false);
	ck_assert_int_eq(parse_line("stats show --format prometheus", &req), -1);
	ck_assert_str_eq(err_msg(), "\"--format prometheus\" cannot be used with \"-j\"");
	ck_assert_int_eq(parse_line("stats show --format prometheus --bindings", &req), -1);
	parse_ok("stats show dev lo");
	ck_assert_str_eq(run_batch("stats show\nstats show --format prometheus\n", &nl, &ret),
			 "BATCH:2: \"--format prometheus\" cannot be used with \"-j\"\n");
	ck_assert_int_eq(ret, -1);
	ck_assert_ptr_null(nl.sk);
	ck_assert_str_eq(capture_end(), "");
}
END_TEST

START_TEST(test_iface_set_values)
{
	struct req req = parse_ok("iface set lo proxy route");

	ck_assert_uint_eq(req.proxy_mode, ARPPROXY_PROXY_ROUTE);
	req = parse_ok("iface set lo proxy off");
	ck_assert_uint_eq(req.proxy_mode, ARPPROXY_PROXY_OFF);
	ck_assert_uint_eq(req.attrs, DEV | REQ_ATTR(PROXY_MODE));
	req = parse_ok("iface set lo rarp on");
	ck_assert_uint_eq(req.rarp, 1);
	ck_assert_uint_eq(req.attrs, DEV | REQ_ATTR(RARP));
	req = parse_ok("iface set lo inspect log rarp off");
	ck_assert_uint_eq(req.rarp, 0);
	ck_assert_uint_eq(req.inspect_mode, ARPPROXY_INSPECT_LOG);
	ck_assert_uint_eq(req.attrs, DEV | REQ_ATTR(INSPECT) | REQ_ATTR(RARP));
	req = parse_ok("iface set lo learn on");
	ck_assert_uint_eq(req.learn, 1);
	ck_assert_uint_eq(req.attrs, DEV | LEARN);
	req = parse_ok("iface set lo learn off inspect log");
	ck_assert_uint_eq(req.learn, 0);
	ck_assert_uint_eq(req.inspect_mode, ARPPROXY_INSPECT_LOG);
	req = parse_ok("iface set lo inspect pin learn on");
	ck_assert_uint_eq(req.inspect_mode, ARPPROXY_INSPECT_PIN);
	ck_assert_uint_eq(req.learn, 1);
}
END_TEST

static const struct {
	const char *line;
	uint32_t timeout;
} timeouts[] = {
	{ "cache set timeout 1", 1 },
	{ "cache set timeout 300", ARPPROXY_CACHE_TIMEOUT_DEFAULT },
	{ "cache set timeout 604800", ARPPROXY_CACHE_TIMEOUT_MAX },
	{ "cache set timeout 0604800", ARPPROXY_CACHE_TIMEOUT_MAX },
};

START_TEST(test_cache_timeout_values)
{
	struct req req = parse_ok(timeouts[_i].line);

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_CACHE_SET);
	ck_assert_uint_eq(req.cache_timeout, timeouts[_i].timeout);
	ck_assert_uint_eq(req.attrs, TIMEOUT);
	ck_assert(req.cmd->config);
}
END_TEST

static const struct {
	const char *line, *prefix;	/* prefix NULL: none given */
	uint8_t plen;
	bool dev;
} cache_shows[] = {
	{ "cache show", NULL, 0, false },
	/* a bare address is that one station's */
	{ "cache show 172.16.10.100", "172.16.10.100", 32, false },
	{ "cache show 172.16.0.0/16 dev lo", "172.16.0.0", 16, true },
	/* and the prefix may come after dev */
	{ "cache show dev lo 10.0.0.0/8", "10.0.0.0", 8, true },
	{ "cache show dev lo", NULL, 0, true },
	{ "cache show 0.0.0.0/0", "0.0.0.0", 0, false },
};

START_TEST(test_cache_show_values)
{
	struct req req = parse_ok(cache_shows[_i].line);

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_STATION_GET);
	ck_assert_uint_eq(req.attrs & KEY, cache_shows[_i].prefix ? KEY : 0);
	if (cache_shows[_i].prefix)
		ck_assert_uint_eq(req.prefix, ip(cache_shows[_i].prefix));
	ck_assert_uint_eq(req.plen, cache_shows[_i].plen);
	ck_assert_uint_eq(!!(req.attrs & DEV), cache_shows[_i].dev);
	if (cache_shows[_i].dev)
		ck_assert_uint_eq(req.ifindex, lo_index());
}
END_TEST

START_TEST(test_acl_values)
{
	static const uint8_t mac[] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xbb };
	struct req req = parse_ok("acl add dev lo deny from 172.16.10.0/24 "
				  "mac 00:00:0c:94:36:bb pref 10");

	ck_assert_uint_eq(req.ifindex, lo_index());
	ck_assert_uint_eq(req.action, ARPPROXY_ACL_DENY);
	ck_assert_uint_eq(req.prefix, ip("172.16.10.0"));
	ck_assert_uint_eq(req.plen, 24);
	ck_assert_mem_eq(req.mac, mac, ETH_ALEN);
	ck_assert_uint_eq(req.pref, 10);
	req = parse_ok("acl add dev lo allow from 172.16.10.100 pref 4294967295");
	ck_assert_uint_eq(req.action, ARPPROXY_ACL_ALLOW);
	ck_assert_uint_eq(req.prefix, ip("172.16.10.100"));
	ck_assert_uint_eq(req.plen, 32);
	ck_assert_uint_eq(req.pref, UINT32_MAX);
	req = parse_ok("acl del dev lo pref 1");
	ck_assert_uint_eq(req.pref, 1);
}
END_TEST

START_TEST(test_acl_ipv6)
{
	uint8_t want[16];
	struct req req = parse_ok("acl add dev lo deny from 2001:db8:10::/64");

	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8:10::", want), 1);
	ck_assert_uint_eq(req.attrs, REQ_ATTR(IFINDEX) | REQ_ATTR(ACTION) | REQ_ATTR(PREFIX6) |
				     REQ_ATTR(PLEN));
	ck_assert_mem_eq(req.prefix6, want, 16);
	ck_assert_uint_eq(req.plen, 64);
	req = parse_ok("acl del dev lo allow from fe80::/10");
	ck_assert_uint_eq(req.attrs & (REQ_ATTR(PREFIX) | REQ_ATTR(PREFIX6)), REQ_ATTR(PREFIX6));
	ck_assert_uint_eq(req.plen, 10);
}
END_TEST

static const struct {
	const char *line;
	uint32_t rate, burst, per_host;
} rates[] = {
	{ "iface set lo rate 10 burst 20 per-host 5", 10, 20, 5 },
	/* off: both limits go out as 0 */
	{ "iface set lo rate 0", 0, 0, 0 },
	{ "iface set lo rate 0 per-host 3", 0, 0, 3 },
	{ "iface set lo per-host 7 rate 2", 2, 0, 7 },
	{ "iface set lo rate 1000000 burst 1000000 per-host 1000000",
	  ARPPROXY_RATE_MAX, ARPPROXY_RATE_MAX, ARPPROXY_RATE_MAX },
	{ "iface set lo rate 1 burst 1", 1, 1, 0 },
};

START_TEST(test_rate_values)
{
	struct req req = parse_ok(rates[_i].line);

	ck_assert_uint_eq(req.rate, rates[_i].rate);
	ck_assert_uint_eq(req.rate_burst, rates[_i].burst);
	ck_assert_uint_eq(req.rate_per_host, rates[_i].per_host);
}
END_TEST

static const struct {
	const char *line, *prefix;
	uint8_t plen;
	uint32_t count, interval;
	uint8_t reply;
} announces[] = {
	/* what is not given is not sent: the kernel's defaults apply */
	{ "announce 172.16.20.200", "172.16.20.200", 32, 0, 0, 0 },
	{ "announce 172.16.20.200/32 dev lo count 3 interval 200", "172.16.20.200", 32, 3,
	  200, 0 },
	{ "announce 172.16.20.0/28 reply", "172.16.20.0", 28, 0, 0, 1 },
	{ "announce 10.0.0.0/8 count 1 interval 10", "10.0.0.0", 8, 1,
	  ARPPROXY_ANNOUNCE_INTERVAL_MIN, 0 },
	{ "announce 0.0.0.0/0 interval 3600000 reply count 100", "0.0.0.0", 0,
	  ARPPROXY_ANNOUNCE_COUNT_MAX, ARPPROXY_ANNOUNCE_INTERVAL_MAX, 1 },
};

START_TEST(test_announce_values)
{
	struct req req = parse_ok(announces[_i].line);

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_ANNOUNCE);
	ck_assert_uint_eq(req.prefix, ip(announces[_i].prefix));
	ck_assert_uint_eq(req.plen, announces[_i].plen);
	ck_assert_uint_eq(req.count, announces[_i].count);
	ck_assert_uint_eq(req.interval, announces[_i].interval);
	ck_assert_uint_eq(req.reply, announces[_i].reply);
	ck_assert_uint_eq(!!(req.attrs & REQ_ATTR(COUNT)), !!announces[_i].count);
	ck_assert_uint_eq(!!(req.attrs & REQ_ATTR(INTERVAL)), !!announces[_i].interval);
	ck_assert_uint_eq(!!(req.attrs & REQ_ATTR(REPLY)), announces[_i].reply);
}
END_TEST

static const struct {
	const char *line;
	uint8_t garp;		/* 0: not given */
	uint32_t refresh;	/* 0: not given */
	uint32_t flags;
	bool mac;
} binding_announces[] = {
	/* "garp" alone: 3 rounds, sent as such */
	{ "binding add 172.16.20.200 dev lo garp", 3, 0, 0, false },
	{ "binding add 172.16.20.200 dev lo garp 1", 1, 0, 0, false },
	{ "binding add 172.16.20.200 dev lo garp 100", ARPPROXY_ANNOUNCE_COUNT_MAX, 0, 0, false },
	/* a keyword after "garp" is not its count */
	{ "binding add 172.16.20.200 garp dev lo", 3, 0, 0, false },
	{ "binding add 172.16.20.200 dev lo garp refresh 30", 3, 30, 0, false },
	{ "binding replace 172.16.20.200 dev lo garp mac 02:00:00:00:02:00 static", 3, 0,
	  ARPPROXY_BINDING_F_STATIC, true },
	{ "binding replace 172.16.20.200 dev lo garp onlink", 3, 0, ARPPROXY_BINDING_F_ONLINK,
	  false },
	{ "binding add 172.16.20.200 dev lo refresh 86400 garp 7", 7, ARPPROXY_REFRESH_MAX, 0,
	  false },
	{ "binding add 172.16.0.0/16 dev lo refresh 1", 0, 1, 0, false },
	{ "binding add 172.16.0.0/16 refresh 5 dev lo garp", 3, 5, 0, false },
	{ "binding add 172.16.20.200 dev lo", 0, 0, 0, false },
};

START_TEST(test_binding_announce_values)
{
	struct req req = parse_ok(binding_announces[_i].line);

	ck_assert_uint_eq(req.garp, binding_announces[_i].garp);
	ck_assert_uint_eq(req.refresh, binding_announces[_i].refresh);
	ck_assert_uint_eq(!!(req.attrs & GARP), !!binding_announces[_i].garp);
	ck_assert_uint_eq(!!(req.attrs & REFRESH), !!binding_announces[_i].refresh);
	ck_assert_uint_eq(req.flags, binding_announces[_i].flags);
	ck_assert_uint_eq(!!(req.attrs & REQ_ATTR(MAC)), binding_announces[_i].mac);
	ck_assert_uint_eq(req.ifindex, lo_index());
}
END_TEST

START_TEST(test_help)
{
	struct req req = parse_ok("help");

	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_null(req.help);
	req = parse_ok("binding help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &binding_object);
	req = parse_ok("stats help");
	ck_assert_ptr_eq(req.help, &stats_object);
	req = parse_ok("acl help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &acl_object);
	req = parse_ok("monitor help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &monitor_object);
	req = parse_ok("save help");
	ck_assert_ptr_eq(req.help, &save_object);
	req = parse_ok("restore help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &restore_object);
	req = parse_ok("announce help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &announce_object);
	req = parse_ok("cache help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &cache_object);
}
END_TEST

static const struct {
	const char *line, *file;
	bool check;
} restores[] = {
	{ "restore /etc/arpproxy/arpproxy.conf", "/etc/arpproxy/arpproxy.conf", false },
	{ "restore --check gw.conf", "gw.conf", true },
	{ "restore gw.conf --check", "gw.conf", true },
	{ "restore -", "-", false },
	{ "restore --check -", "-", true },
	{ "restore ./--check", "./--check", false },
};

START_TEST(test_restore)
{
	struct req req = parse_ok(restores[_i].line);

	ck_assert_uint_eq(req.cmd->kind, REQ_RESTORE);
	ck_assert_str_eq(req.file, restores[_i].file);
	ck_assert_int_eq(req.check, restores[_i].check);
	ck_assert_uint_eq(req.cmd->config, false);
}
END_TEST

/* -f goes on after a failed line: restore has none that fails alone. */
START_TEST(test_force)
{
	struct req req = parse_ok("restore --check gw.conf");

	ck_assert_int_eq(cmd_check_force(&req), -1);
	ck_assert_str_eq(err_msg(),
			 "\"-f\" cannot be used with restore: it applies all of FILE or nothing");
	req = parse_ok("binding add 10.0.0.0/8");
	ck_assert_int_eq(cmd_check_force(&req), 0);
	req = parse_ok("save");
	ck_assert_int_eq(cmd_check_force(&req), 0);
}
END_TEST

static const struct bad bad_lines[] = {
	{ "", "missing OBJECT (try \"arpproxyctl help\")" },
	{ "frob", "unknown object \"frob\"" },
	{ "binding", "missing binding command" },
	{ "binding frob", "unknown binding command \"frob\"" },
	{ "binding add", "missing PREFIX" },
	{ "binding add 1.2.3.4/33", "invalid prefix length in \"1.2.3.4/33\": expected 0..32" },
	{ "binding add dev lo",
	  "invalid prefix \"dev\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "binding add 10.0.0.0/8 foo", "unknown word \"foo\"" },
	{ "binding add 10.0.0.0/8 dev lo dev lo", "\"dev\" given twice" },
	{ "binding add 10.0.0.0/8 onlink onlink", "\"onlink\" given twice" },
	{ "binding add 10.0.0.0/8 mac auto mac auto", "\"mac\" given twice" },
	{ "binding add 10.0.0.0/8 exclude exclude", "\"exclude\" given twice" },
	{ "binding add 10.0.0.5 exclude mac 02:00:00:00:00:01",
	  "\"mac\" cannot be used with \"exclude\"" },
	{ "binding add 10.0.0.5 mac 02:00:00:00:00:01 exclude",
	  "\"exclude\" cannot be used with \"mac\"" },
	{ "binding add 10.0.0.5 exclude mac auto", "\"mac\" cannot be used with \"exclude\"" },
	{ "binding add 10.0.0.0/8 dev", "missing IFNAME after \"dev\"" },
	{ "binding add 10.0.0.0/8 mac", "missing MAC after \"mac\"" },
	{ "binding add 10.0.0.0/8 dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "binding add 10.0.0.0/8 dev averyveryverylongifname", "cannot find device \"averyveryverylongifname\"" },
	{ "binding add 10.0.0.0/8 mac ff:ff:ff:ff:ff:ff",
	  "MAC \"ff:ff:ff:ff:ff:ff\" is the broadcast address" },
	{ "binding add 10.0.0.0/8 mac 02:00", "invalid MAC \"02:00\"" MAC_SYNTAX },
	{ "binding del", "missing PREFIX" },
	{ "binding del 10.0.0.0/8 mac 02:00:00:00:00:01", "unknown word \"mac\"" },
	{ "binding del 10.0.0.0/8 onlink", "unknown word \"onlink\"" },
	{ "binding show dev", "missing IFNAME after \"dev\"" },
	{ "binding show foo",
	  "invalid prefix \"foo\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "binding show 10.0.0.0/8 10.0.0.0/8", "unknown word \"10.0.0.0/8\"" },
	{ "binding add 2001:db8::1/64 dev lo",
	  "prefix \"2001:db8::1/64\" has host bits set (did you mean 2001:db8::/64?)" },
	{ "binding del fe80::1 dev lo",
	  "prefix \"fe80::1\" is link-local (fe80::/10): not for bindings" },
	/* an IPv6 binding announces at most a /112 */
	{ "binding add 2001:db8::/111 dev lo garp",
	  "\"garp\" needs a prefix of /112 or longer (at most 65536 addresses)" },
	{ "binding replace 2001:db8::/64 dev lo refresh 30",
	  "\"refresh\" needs a prefix of /112 or longer (at most 65536 addresses)" },
	{ "announce fe80::5 dev lo", "prefix \"fe80::5\" is link-local (fe80::/10): not for bindings" },
	{ "cache show 2001:db8::1/64",
	  "prefix \"2001:db8::1/64\" has host bits set (did you mean 2001:db8::/64?)" },
	{ "acl add dev lo deny from 2001:db8::1/64",
	  "prefix \"2001:db8::1/64\" has host bits set (did you mean 2001:db8::/64?)" },
	{ "acl add dev lo deny from 2001:db8::/129",
	  "invalid prefix length in \"2001:db8::/129\": expected 0..128" },
	{ "binding flush 10.0.0.0/8", "unknown word \"10.0.0.0/8\"" },
	{ "iface set", "missing IFNAME" },
	{ "iface set lo", "missing a setting: proxy, inspect, learn, rarp, rate or track" },
	{ "iface set lo learn", "missing on|off after \"learn\"" },
	{ "iface set lo learn yes", "invalid learn setting \"yes\": expected on or off" },
	{ "iface set lo learn on learn off", "\"learn\" given twice" },
	{ "iface show lo learn on", "unknown word \"learn\"" },
	{ "iface set lo track", "missing ADDR|off after \"track\"" },
	{ "iface set lo track 172.16.10.0/24", "invalid track address \"172.16.10.0/24\": "
	  "expected an IPv4 or IPv6 address, or off" },
	{ "iface set lo track gateway", "invalid track address \"gateway\": "
	  "expected an IPv4 or IPv6 address, or off" },
	{ "iface set lo track off track 10.0.0.1", "\"track\" given twice" },
	{ "binding add 10.0.0.5 learn on", "unknown word \"learn\"" },
	{ "cache", "missing cache command" },
	{ "cache list", "unknown cache command \"list\"" },
	{ "cache set", "missing \"timeout SECONDS\"" },
	{ "cache set timeout", "missing SECONDS after \"timeout\"" },
	{ "cache set timeout 0", "invalid timeout \"0\": expected 1..604800" },
	{ "cache set timeout 604801", "invalid timeout \"604801\": expected 1..604800" },
	{ "cache set timeout 4294967296", "invalid timeout \"4294967296\": expected 1..604800" },
	{ "cache set timeout -1", "invalid timeout \"-1\": expected 1..604800" },
	{ "cache set timeout 5m", "invalid timeout \"5m\": expected 1..604800" },
	{ "cache set timeout soon", "invalid timeout \"soon\": expected 1..604800" },
	{ "cache set timeout 300 timeout 300", "\"timeout\" given twice" },
	{ "cache set 300", "unknown word \"300\"" },
	{ "cache set timeout 300 dev lo", "unknown word \"dev\"" },
	{ "cache show 172.16.10.1/16",
	  "prefix \"172.16.10.1/16\" has host bits set (did you mean 172.16.0.0/16?)" },
	{ "cache show 172.16.0.0/33", "invalid prefix length in \"172.16.0.0/33\": expected 0..32" },
	{ "cache show lo",
	  "invalid prefix \"lo\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "cache show 10.0.0.0/8 10.1.0.0/16", "unknown word \"10.1.0.0/16\"" },
	{ "cache show dev lo dev lo", "\"dev\" given twice" },
	{ "cache show dev", "missing IFNAME after \"dev\"" },
	{ "cache show dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "cache show timeout 300",
	  "invalid prefix \"timeout\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]" },
	{ "cache flush 10.0.0.0/8", "unknown word \"10.0.0.0/8\"" },
	{ "cache flush lo", "unknown word \"lo\"" },
	{ "cache flush dev", "missing IFNAME after \"dev\"" },
	{ "cache flush dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "cache status extra", "unknown word \"extra\"" },
	{ "cache status dev lo", "unknown word \"dev\"" },
	{ "cache help extra", "unknown word \"extra\"" },
	{ "iface set lo timeout 300", "unknown word \"timeout\"" },
	{ "iface set lo rarp", "missing on|off after \"rarp\"" },
	{ "iface set lo rarp maybe", "invalid rarp setting \"maybe\": expected on or off" },
	{ "iface set lo rarp 1", "invalid rarp setting \"1\": expected on or off" },
	{ "iface set lo rarp on rarp off", "\"rarp\" given twice" },
	{ "iface show lo rarp on", "unknown word \"rarp\"" },
	{ "binding add 10.0.0.5 rarp on", "unknown word \"rarp\"" },
	{ "iface set lo rate", "missing PPS after \"rate\"" },
	{ "iface set lo rate -1", "invalid rate \"-1\": expected 0..1000000" },
	{ "iface set lo rate 1000001", "invalid rate \"1000001\": expected 0..1000000" },
	{ "iface set lo rate 2000000", "invalid rate \"2000000\": expected 0..1000000" },
	{ "iface set lo rate 10pps", "invalid rate \"10pps\": expected 0..1000000" },
	{ "iface set lo rate 10 burst 0", "invalid burst \"0\": expected 1..1000000" },
	{ "iface set lo rate 10 burst 1000001", "invalid burst \"1000001\": expected 1..1000000" },
	{ "iface set lo rate 10 per-host -5",
	  "invalid per-host rate \"-5\": expected 0..1000000" },
	{ "iface set lo rate 10 per-host 1000001",
	  "invalid per-host rate \"1000001\": expected 0..1000000" },
	{ "iface set lo burst 10", "\"burst\" needs \"rate\"" },
	{ "iface set lo per-host 5", "\"per-host\" needs \"rate\"" },
	{ "iface set lo proxy off burst 10", "\"burst\" needs \"rate\"" },
	{ "iface set lo rate 0 burst 10", "\"burst\" needs a rate above 0" },
	{ "iface set lo burst 10 rate 0 per-host 5", "\"burst\" needs a rate above 0" },
	{ "iface set lo rate 10 rate 10", "\"rate\" given twice" },
	{ "iface set lo rate 10 burst", "missing N after \"burst\"" },
	{ "iface set lo rate 10 per-host", "missing PPS after \"per-host\"" },
	{ "iface show lo rate", "unknown word \"rate\"" },
	{ "acl", "missing acl command" },
	{ "acl insert dev lo deny", "unknown acl command \"insert\"" },
	{ "acl add", "missing \"dev IFNAME\"" },
	{ "acl add deny", "missing \"dev IFNAME\"" },
	{ "acl add dev lo", "missing allow or deny" },
	{ "acl add dev lo from 10.0.0.0/8", "missing allow or deny" },
	{ "acl add dev", "missing IFNAME after \"dev\"" },
	{ "acl add dev nosuchdev0 deny", "cannot find device \"nosuchdev0\"" },
	{ "acl add dev lo allow deny", "\"deny\" cannot be used with \"allow\"" },
	{ "acl add dev lo deny allow", "\"allow\" cannot be used with \"deny\"" },
	{ "acl add dev lo deny deny", "\"deny\" given twice" },
	{ "acl add dev lo deny from", "missing PREFIX after \"from\"" },
	{ "acl add dev lo deny from 10.0.0.1/8",
	  "prefix \"10.0.0.1/8\" has host bits set (did you mean 10.0.0.0/8?)" },
	{ "acl add dev lo deny from 10.0.0.0/33",
	  "invalid prefix length in \"10.0.0.0/33\": expected 0..32" },
	{ "acl add dev lo deny from dev", "invalid prefix \"dev\"" PREFIX_ANY_SYNTAX },
	{ "acl add dev lo deny from 10.0.0.0/8 from 10.0.0.0/8", "\"from\" given twice" },
	{ "acl add dev lo deny 10.0.0.0/8", "unknown word \"10.0.0.0/8\"" },
	{ "acl add dev lo deny mac", "missing MAC after \"mac\"" },
	{ "acl add dev lo deny mac auto", "invalid MAC \"auto\"" MAC_SYNTAX },
	{ "acl add dev lo deny mac ff:ff:ff:ff:ff:ff",
	  "MAC \"ff:ff:ff:ff:ff:ff\" is the broadcast address" },
	{ "acl add dev lo deny pref", "missing N after \"pref\"" },
	{ "acl add dev lo deny pref 0", "invalid pref \"0\": expected 1..4294967295" },
	{ "acl add dev lo deny pref -1", "invalid pref \"-1\": expected 1..4294967295" },
	{ "acl add dev lo deny pref 4294967296",
	  "invalid pref \"4294967296\": expected 1..4294967295" },
	{ "acl add dev lo deny pref 1 pref 2", "\"pref\" given twice" },
	{ "acl add dev lo deny onlink", "unknown word \"onlink\"" },
	{ "acl add dev lo deny rate 10", "unknown word \"rate\"" },
	{ "acl del dev lo", "missing pref, allow or deny" },
	{ "acl del dev lo from 10.0.0.0/8", "missing pref, allow or deny" },
	{ "acl del dev lo mac 02:00:00:00:00:01", "missing pref, allow or deny" },
	{ "acl del pref 10", "missing \"dev IFNAME\"" },
	{ "acl del dev lo pref 10 deny", "\"deny\" cannot be used with \"pref\"" },
	{ "acl del dev lo allow pref 10", "\"pref\" cannot be used with \"allow\"" },
	{ "acl del dev lo pref 10 from 10.0.0.0/8", "\"from\" cannot be used with \"pref\"" },
	{ "acl del dev lo from 10.0.0.0/8 pref 10", "\"pref\" cannot be used with \"from\"" },
	{ "acl del dev lo pref 10 mac 02:00:00:00:00:01", "\"mac\" cannot be used with \"pref\"" },
	{ "acl del dev lo pref 0", "invalid pref \"0\": expected 1..4294967295" },
	{ "acl show lo", "unknown word \"lo\"" },
	{ "acl show dev lo deny", "unknown word \"deny\"" },
	{ "acl show dev", "missing IFNAME after \"dev\"" },
	{ "acl flush deny", "unknown word \"deny\"" },
	{ "acl flush dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "acl help extra", "unknown word \"extra\"" },
	{ "iface set lo inspect", "missing off|log|enforce|pin after \"inspect\"" },
	{ "iface set lo inspect on",
	  "invalid inspect mode \"on\": expected off, log, enforce or pin" },
	{ "binding add 10.0.0.5 static", "\"static\" needs \"mac\"" },
	{ "binding add 10.0.0.5 static exclude", "\"exclude\" cannot be used with \"static\"" },
	{ "iface set lo proxy", "missing off|route after \"proxy\"" },
	{ "iface set lo proxy on", "invalid proxy mode \"on\": expected off or route" },
	{ "iface set lo proxy off proxy route", "\"proxy\" given twice" },
	{ "iface set nosuchdev0 proxy off", "cannot find device \"nosuchdev0\"" },
	{ "iface show lo extra", "unknown word \"extra\"" },
	{ "stats", "missing stats command" },
	{ "stats show extra", "unknown word \"extra\"" },
	{ "stats show lo", "unknown word \"lo\"" },
	{ "stats show dev", "missing IFNAME after \"dev\"" },
	{ "stats show dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "stats show dev lo dev lo", "\"dev\" given twice" },
	{ "stats show --format", "missing prometheus after \"--format\"" },
	{ "stats show --format json", "invalid format \"json\": expected prometheus" },
	{ "stats show --format Prometheus", "invalid format \"Prometheus\": expected prometheus" },
	{ "stats show --format prometheus --format prometheus", "\"--format\" given twice" },
	{ "stats show --bindings", "\"--bindings\" needs \"--format\"" },
	{ "stats show --bindings dev lo", "\"--bindings\" needs \"--format\"" },
	{ "stats show --format prometheus --bindings --bindings", "\"--bindings\" given twice" },
	{ "stats show --format prometheus dev lo", "\"dev\" cannot be used with \"--format\"" },
	{ "stats show dev lo --format prometheus", "\"--format\" cannot be used with \"dev\"" },
	{ "stats show --format prometheus prometheus", "unknown word \"prometheus\"" },
	{ "stats reset dev lo", "unknown word \"dev\"" },
	{ "stats reset --format prometheus", "unknown word \"--format\"" },
	{ "binding show dev lo --format prometheus", "unknown word \"--format\"" },
	{ "stats clear", "unknown stats command \"clear\"" },
	{ "version extra", "unknown word \"extra\"" },
	{ "monitor extra", "unknown word \"extra\"" },
	{ "monitor help extra", "unknown word \"extra\"" },
	{ "help extra", "unknown word \"extra\"" },
	{ "save extra", "unknown word \"extra\"" },
	{ "save --check", "unknown word \"--check\"" },
	{ "save help extra", "unknown word \"extra\"" },
	{ "restore", "missing FILE" },
	{ "restore --check", "missing FILE" },
	{ "restore gw.conf other.conf", "unknown word \"other.conf\"" },
	{ "restore --check gw.conf other.conf", "unknown word \"other.conf\"" },
	{ "restore gw.conf --check other.conf", "unknown word \"other.conf\"" },
	{ "restore --check --check gw.conf", "\"--check\" given twice" },
	{ "restore gw.conf --check --check", "\"--check\" given twice" },
	{ "restore --chek gw.conf", "unknown word \"--chek\"" },
	{ "restore gw.conf -c", "unknown word \"-c\"" },
	{ "restore gw.conf check", "unknown word \"check\"" },
	{ "restore -f gw.conf", "unknown word \"-f\"" },
	{ "binding help extra", "unknown word \"extra\"" },
	{ "announce", "missing PREFIX" },
	{ "announce dev lo", "invalid prefix \"dev\"" PREFIX_ANY_SYNTAX },
	{ "announce count 3", "invalid prefix \"count\"" PREFIX_ANY_SYNTAX },
	{ "announce 172.16.20.1/24",
	  "prefix \"172.16.20.1/24\" has host bits set (did you mean 172.16.20.0/24?)" },
	{ "announce 172.16.20.0/33", "invalid prefix length in \"172.16.20.0/33\": expected 0..32" },
	{ "announce 10.0.0.0/24 10.0.1.0/24", "unknown word \"10.0.1.0/24\"" },
	{ "announce 10.0.0.0/24 count", "missing N after \"count\"" },
	{ "announce 10.0.0.0/24 count 0", "invalid count \"0\": expected 1..100" },
	{ "announce 10.0.0.0/24 count 101", "invalid count \"101\": expected 1..100" },
	{ "announce 10.0.0.0/24 count -1", "invalid count \"-1\": expected 1..100" },
	{ "announce 10.0.0.0/24 count 3x", "invalid count \"3x\": expected 1..100" },
	{ "announce 10.0.0.0/24 count 3 count 3", "\"count\" given twice" },
	{ "announce 10.0.0.0/24 interval", "missing MS after \"interval\"" },
	{ "announce 10.0.0.0/24 interval 9", "invalid interval \"9\": expected 10..3600000" },
	{ "announce 10.0.0.0/24 interval 3600001",
	  "invalid interval \"3600001\": expected 10..3600000" },
	{ "announce 10.0.0.0/24 interval 2s", "invalid interval \"2s\": expected 10..3600000" },
	{ "announce 10.0.0.0/24 interval 0", "invalid interval \"0\": expected 10..3600000" },
	{ "announce 10.0.0.0/24 reply reply", "\"reply\" given twice" },
	{ "announce 10.0.0.0/24 reply 1", "unknown word \"1\"" },
	{ "announce 10.0.0.0/24 dev", "missing IFNAME after \"dev\"" },
	{ "announce 10.0.0.0/24 dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "announce 10.0.0.0/24 mac 02:00:00:00:00:01", "unknown word \"mac\"" },
	{ "announce 10.0.0.0/24 onlink", "unknown word \"onlink\"" },
	{ "announce help extra", "unknown word \"extra\"" },
	{ "binding add 10.0.0.0/24 count 3", "unknown word \"count\"" },
	{ "binding add 172.16.20.200 garp", "\"garp\" needs \"dev\"" },
	{ "binding add 172.16.20.200 garp 3", "\"garp\" needs \"dev\"" },
	{ "binding replace 172.16.20.200 refresh 30", "\"refresh\" needs \"dev\"" },
	{ "binding add 172.16.20.200 dev lo garp 0", "invalid garp count \"0\": expected 1..100" },
	{ "binding add 172.16.20.200 dev lo garp 101",
	  "invalid garp count \"101\": expected 1..100" },
	{ "binding add 172.16.20.200 dev lo garp -1",
	  "invalid garp count \"-1\": expected 1..100" },
	{ "binding add 172.16.20.200 dev lo garp 3x",
	  "invalid garp count \"3x\": expected 1..100" },
	{ "binding add 172.16.20.200 dev lo garp now",
	  "invalid garp count \"now\": expected 1..100" },
	{ "binding add 172.16.20.200 dev lo garp 3 4", "unknown word \"4\"" },
	{ "binding add 172.16.20.200 dev lo garp garp", "\"garp\" given twice" },
	{ "binding add 172.16.20.200 dev lo garp 2 garp 3", "\"garp\" given twice" },
	{ "binding add 172.16.20.200 dev lo refresh", "missing SECONDS after \"refresh\"" },
	{ "binding add 172.16.20.200 dev lo refresh 0",
	  "invalid refresh \"0\": expected 1..86400" },
	{ "binding add 172.16.20.200 dev lo refresh 86401",
	  "invalid refresh \"86401\": expected 1..86400" },
	{ "binding add 172.16.20.200 dev lo lifetime", "missing SECONDS after \"lifetime\"" },
	{ "binding add 172.16.20.200 dev lo lifetime 0",
	  "invalid lifetime \"0\": expected 1..2147483647" },
	{ "binding add 172.16.20.200 dev lo lifetime 2147483648",
	  "invalid lifetime \"2147483648\": expected 1..2147483647" },
	{ "binding add 172.16.20.200 lifetime -1",
	  "invalid lifetime \"-1\": expected 1..2147483647" },
	{ "binding del 172.16.20.200 lifetime 5", "unknown word \"lifetime\"" },
	{ "binding add 172.16.20.200 dev lo refresh 30s",
	  "invalid refresh \"30s\": expected 1..86400" },
	/* its value is not optional: the next word is it */
	{ "binding add 172.16.20.200 dev lo refresh garp",
	  "invalid refresh \"garp\": expected 1..86400" },
	{ "binding add 172.16.20.200 dev lo refresh 1 refresh 2", "\"refresh\" given twice" },
	{ "binding add 172.16.20.200 dev lo exclude garp",
	  "\"garp\" cannot be used with \"exclude\"" },
	{ "binding add 172.16.20.200 dev lo garp 2 exclude",
	  "\"exclude\" cannot be used with \"garp\"" },
	{ "binding add 172.16.20.200 dev lo refresh 30 exclude",
	  "\"exclude\" cannot be used with \"refresh\"" },
	{ "binding add 172.16.20.200 exclude refresh 30",
	  "\"refresh\" cannot be used with \"exclude\"" },
	{ "binding add 10.0.0.0/8 dev lo garp",
	  "\"garp\" needs a prefix of /16 or longer (at most 65536 addresses)" },
	{ "binding replace 10.0.0.0/15 dev lo refresh 30",
	  "\"refresh\" needs a prefix of /16 or longer (at most 65536 addresses)" },
	{ "binding add 0.0.0.0/0 dev lo refresh 30 garp 2",
	  "\"garp\" needs a prefix of /16 or longer (at most 65536 addresses)" },
	{ "binding del 172.16.20.200 dev lo garp", "unknown word \"garp\"" },
	{ "binding show dev lo refresh 30", "unknown word \"refresh\"" },
	{ "announce 172.16.20.200 dev lo garp", "unknown word \"garp\"" },
	{ "iface set lo refresh 30", "unknown word \"refresh\"" },
	{ "iface set lo reply", "unknown word \"reply\"" },
	{ "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7",
	  "too many words" },
};

START_TEST(test_bad_lines)
{
	struct req req;

	ck_assert_msg(parse_line(bad_lines[_i].input, &req) == -1, "accepted \"%s\"",
		      bad_lines[_i].input);
	ck_assert_str_eq(err_msg(), bad_lines[_i].error);
}
END_TEST

START_TEST(test_batch_words)
{
	char line[] = "\tbinding  add 10.0.0.0/8 # dev lo\r\n", blank[] = "  \t\n";
	char comment[] = "# binding add 10.0.0.0/8", *argv[8];

	ck_assert_int_eq(batch_words(line, argv, 8), 3);
	ck_assert_str_eq(argv[0], "binding");
	ck_assert_str_eq(argv[1], "add");
	ck_assert_str_eq(argv[2], "10.0.0.0/8");
	ck_assert_int_eq(batch_words(blank, argv, 8), 0);
	ck_assert_int_eq(batch_words(comment, argv, 8), 0);
}
END_TEST

START_TEST(test_batch_words_limit)
{
	char line[] = "a b c", *argv[2];

	ck_assert_int_eq(batch_words(line, argv, 2), -1);
	ck_assert_str_eq(err_msg(), "too many words");
}
END_TEST

/* Bad lines of the new commands stop a batch before anything is sent. */
static const struct bad bad_batches[] = {
	{ "acl add dev lo deny pref 10\niface set lo rate 10 burst 5\nacl del dev lo pref 0\n",
	  "BATCH:3: invalid pref \"0\": expected 1..4294967295\n" },
	{ "acl flush\n# rate 0 is off\niface set lo rate 0 burst 3\nacl show\n",
	  "BATCH:3: \"burst\" needs a rate above 0\n" },
	{ "iface set lo per-host 5\n", "BATCH:1: \"per-host\" needs \"rate\"\n" },
	{ "acl add dev lo from 10.0.0.0/8\n", "BATCH:1: missing allow or deny\n" },
	{ "acl show dev lo\nacl del dev lo pref 10 deny\n",
	  "BATCH:2: \"deny\" cannot be used with \"pref\"\n" },
	{ "binding add 10.0.0.0/24 dev lo\nannounce 10.0.0.0/24 dev lo count 101\n",
	  "BATCH:2: invalid count \"101\": expected 1..100\n" },
	{ "cache show\ncache set timeout 604801\n",
	  "BATCH:2: invalid timeout \"604801\": expected 1..604800\n" },
	/* a restore is a batch of its own */
	{ "binding flush\nrestore --check gw.conf\n",
	  "BATCH:2: restore cannot be used in a batch\n" },
};

START_TEST(test_batch_checks_first)
{
	static struct nl nl;
	int ret;

	ck_assert_str_eq(run_batch(bad_batches[_i].input, &nl, &ret), bad_batches[_i].error);
	ck_assert_int_eq(ret, -1);
	ck_assert_ptr_null(nl.sk);
}
END_TEST

/* Restore takes configuration changes only, and says which line is not one. */
static const struct bad bad_restores[] = {
	{ "binding add 10.0.0.0/8\nbinding show\n",
	  "BATCH:2: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "# the gateway\n\nacl add dev lo deny\nstats reset\n",
	  "BATCH:4: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "stats show\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "iface show lo\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "acl show\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "binding flush\nmonitor\n",
	  "BATCH:2: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "save\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "binding flush\nacl flush\nrestore other.conf\n",
	  "BATCH:3: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "version\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	/* an announcement is sent, not configured */
	{ "binding add 10.0.0.0/24 dev lo\nannounce 10.0.0.0/24 dev lo\n",
	  "BATCH:2: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "help\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "binding help\n", "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	/* The batch's own checks, with the same words */
	{ "binding add 172.16.40.0/24\nbinding add 172.16.41.0/24\nbinding frobnicate\n",
	  "BATCH:3: unknown binding command \"frobnicate\"\n" },
	{ "iface set lo rate 0 burst 3\n", "BATCH:1: \"burst\" needs a rate above 0\n" },
	{ "binding add 10.0.0.0/8 dev nosuchdev0\n",
	  "BATCH:1: cannot find device \"nosuchdev0\"\n" },
	/* the timeout is configuration, the stations are not */
	{ "cache set timeout 600\ncache flush\n",
	  "BATCH:2: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "iface set lo learn on\ncache set timeout 60\ncache show\n",
	  "BATCH:3: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "cache status\n",
	  "BATCH:1: restore takes only binding, acl, iface set and cache set changes\n" },
	{ "cache set timeout 600\ncache set timeout 0\n",
	  "BATCH:2: invalid timeout \"0\": expected 1..604800\n" },
	/* IPv6 bindings are checked offline as IPv4 ones are */
	{ "binding add 2001:db8::/64 dev lo\nbinding add ff02::1:2 dev lo\n",
	  "BATCH:2: prefix \"ff02::1:2\" is multicast (ff00::/8): not for bindings\n" },
	{ "binding add 2001:db8::/64 dev lo\nbinding add 2001:db8::/96 dev lo garp 2\n",
	  "BATCH:2: \"garp\" needs a prefix of /112 or longer (at most 65536 addresses)\n" },
};

/* Refused before the module is asked anything: not even a socket is opened. */
START_TEST(test_restore_checks_first)
{
	static struct nl nl;
	int ret;

	ck_assert_str_eq(run_restore(bad_restores[_i].input, _i % 2, &nl, &ret),
			 bad_restores[_i].error);
	ck_assert_int_eq(ret, -1);
	ck_assert_ptr_null(nl.sk);
}
END_TEST

START_TEST(test_restore_unreadable)
{
	static struct nl nl;

	ck_assert_int_eq(restore_run(&nl, "/nonexistent/arpproxy.conf", false), -1);
	ck_assert_ptr_null(nl.sk);
}
END_TEST

static char *help_text(const struct object *obj)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);

	cmd_help(fp, obj);
	fclose(fp);
	return buf;
}

START_TEST(test_help_text)
{
	char *all = help_text(NULL), *binding = help_text(&binding_object);
	char *monitor = help_text(&monitor_object), *acl = help_text(&acl_object);
	char *iface = help_text(&iface_object), *restore = help_text(&restore_object);
	char *announce = help_text(&announce_object), *cache = help_text(&cache_object);

	ck_assert_str_eq(all,
		"arpproxyctl [-4|-6] [-j|--json] [-p|--pretty] [-n|--netns NAME] [-b|--batch FILE|-] [-f|--force] OBJECT COMMAND\n"
		"arpproxyctl binding add|replace PREFIX [dev IFNAME] [mac MAC|auto] [onlink] [exclude] [static] [garp [N]] [refresh SECONDS] [lifetime SECONDS]\n"
		"arpproxyctl binding del PREFIX [dev IFNAME]\n"
		"arpproxyctl binding show [PREFIX] [dev IFNAME]\n"
		"arpproxyctl binding flush [dev IFNAME]\n"
		"arpproxyctl acl add dev IFNAME allow|deny [from PREFIX] [mac MAC] [pref N]\n"
		"arpproxyctl acl del dev IFNAME pref N\n"
		"arpproxyctl acl del dev IFNAME allow|deny [from PREFIX] [mac MAC]\n"
		"arpproxyctl acl show [dev IFNAME]\n"
		"arpproxyctl acl flush [dev IFNAME]\n"
		"arpproxyctl iface set IFNAME [proxy off|route] [inspect off|log|enforce|pin] [rarp on|off] [learn on|off] [rate PPS [burst N] [per-host PPS]] [track ADDR|off]\n"
		"arpproxyctl iface show [IFNAME]\n"
		"arpproxyctl cache show [PREFIX] [dev IFNAME]\n"
		"arpproxyctl cache flush [dev IFNAME]\n"
		"arpproxyctl cache set timeout SECONDS\n"
		"arpproxyctl cache status\n"
		"arpproxyctl announce PREFIX [dev IFNAME] [count N] [interval MS] [reply]\n"
		"arpproxyctl save\n"
		"arpproxyctl restore [--check] FILE|-\n"
		"arpproxyctl stats show [dev IFNAME]\n"
		"arpproxyctl stats show --format prometheus [--bindings]\n"
		"arpproxyctl stats reset\n"
		"arpproxyctl monitor\n"
		"arpproxyctl version | -V | --version\n"
		"arpproxyctl help | -h | --help ; arpproxyctl OBJECT help\n"
		"PREFIX := A.B.C.D[/LEN] (binding: or X:X::X:X[/LEN])  MAC := xx:xx:xx:xx:xx:xx\n");
	ck_assert_str_eq(binding,
		"arpproxyctl binding add|replace PREFIX [dev IFNAME] [mac MAC|auto] [onlink] [exclude] [static] [garp [N]] [refresh SECONDS] [lifetime SECONDS]\n"
		"arpproxyctl binding del PREFIX [dev IFNAME]\n"
		"arpproxyctl binding show [PREFIX] [dev IFNAME]\n"
		"arpproxyctl binding flush [dev IFNAME]\n");
	ck_assert_str_eq(acl,
		"arpproxyctl acl add dev IFNAME allow|deny [from PREFIX] [mac MAC] [pref N]\n"
		"arpproxyctl acl del dev IFNAME pref N\n"
		"arpproxyctl acl del dev IFNAME allow|deny [from PREFIX] [mac MAC]\n"
		"arpproxyctl acl show [dev IFNAME]\n"
		"arpproxyctl acl flush [dev IFNAME]\n");
	ck_assert_str_eq(iface,
		"arpproxyctl iface set IFNAME [proxy off|route] [inspect off|log|enforce|pin] [rarp on|off] [learn on|off] [rate PPS [burst N] [per-host PPS]] [track ADDR|off]\n"
		"arpproxyctl iface show [IFNAME]\n");
	ck_assert_str_eq(cache,
		"arpproxyctl cache show [PREFIX] [dev IFNAME]\n"
		"arpproxyctl cache flush [dev IFNAME]\n"
		"arpproxyctl cache set timeout SECONDS\n"
		"arpproxyctl cache status\n");
	ck_assert_str_eq(monitor, "arpproxyctl monitor\n");
	ck_assert_str_eq(restore, "arpproxyctl restore [--check] FILE|-\n");
	ck_assert_str_eq(announce,
		"arpproxyctl announce PREFIX [dev IFNAME] [count N] [interval MS] [reply]\n");
	free(all);
	free(binding);
	free(monitor);
	free(acl);
	free(iface);
	free(restore);
	free(announce);
	free(cache);
}
END_TEST

Suite *parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *words = tcase_create("words");
	TCase *lines = tcase_create("lines");

	tcase_add_loop_test(words, test_prefix_good, 0, N(good_prefixes));
	tcase_add_loop_test(words, test_prefix_bad, 0, N(bad_prefixes));
	tcase_add_loop_test(words, test_prefix6_good, 0, N(good_prefixes6));
	tcase_add_loop_test(words, test_prefix_any_ipv4, 0, N(good_prefixes));
	tcase_add_loop_test(words, test_prefix_contains, 0, N(containing));
	tcase_add_loop_test(words, test_prefix6_bad, 0, N(bad_prefixes6));
	tcase_add_test(words, test_prefix6_near_refused);
	tcase_add_test(words, test_prefix6_any_takes_link_local);
	tcase_add_test(words, test_mac_good);
	tcase_add_loop_test(words, test_mac_bad, 0, N(bad_macs));
	tcase_add_test(words, test_proxy_mode);
	tcase_add_loop_test(words, test_switch, 0, N(switches));
	tcase_add_test(words, test_inspect_mode);
	tcase_add_test(words, test_acl_action);
	tcase_add_loop_test(words, test_number, 0, N(numbers));
	tcase_add_test(words, test_batch_words);
	tcase_add_test(words, test_batch_words_limit);
	suite_add_tcase(s, words);

	tcase_add_test(lines, test_binding_add_minimal);
	tcase_add_test(lines, test_binding_add_ipv6);
	tcase_add_loop_test(lines, test_binding_keywords_any_order, 0, N(any_order));
	tcase_add_test(lines, test_binding_exclude_and_mac_auto);
	tcase_add_loop_test(lines, test_good_lines, 0, N(good_lines));
	tcase_add_loop_test(lines, test_config_changes, 0, N(good_lines));
	tcase_add_test(lines, test_stats_show_values);
	tcase_add_test(lines, test_prometheus_not_json);
	tcase_add_test(lines, test_iface_set_values);
	tcase_add_loop_test(lines, test_cache_timeout_values, 0, N(timeouts));
	tcase_add_loop_test(lines, test_cache_show_values, 0, N(cache_shows));
	tcase_add_test(lines, test_acl_values);
	tcase_add_test(lines, test_acl_ipv6);
	tcase_add_loop_test(lines, test_rate_values, 0, N(rates));
	tcase_add_loop_test(lines, test_announce_values, 0, N(announces));
	tcase_add_loop_test(lines, test_binding_announce_values, 0, N(binding_announces));
	tcase_add_test(lines, test_help);
	tcase_add_test(lines, test_help_text);
	tcase_add_loop_test(lines, test_bad_lines, 0, N(bad_lines));
	tcase_add_loop_test(lines, test_batch_checks_first, 0, N(bad_batches));
	tcase_add_loop_test(lines, test_restore, 0, N(restores));
	tcase_add_test(lines, test_force);
	tcase_add_loop_test(lines, test_restore_checks_first, 0, N(bad_restores));
	tcase_add_test(lines, test_restore_unreadable);
	suite_add_tcase(s, lines);
	return s;
}
