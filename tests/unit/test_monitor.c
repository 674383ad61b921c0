// SPDX-License-Identifier: GPL-2.0
/* Events to text and JSON, and finding their group: monitor.c, nl.c. */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <linux/genetlink.h>
#include <libmnl/libmnl.h>

#include "cmd.h"
#include "helpers.h"
#include "monitor.h"
#include "nl.h"
#include "print.h"
#include "suites.h"

#define FAMILY		0x1234
#define EVENTS_GROUP	9
#define GONE_DEV	999999	/* an ifindex no interface has */

/* 2026-11-26T23:45:01.123456789 UTC */
static const struct timespec when = { 1795736701, 123456789 };
static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x66 };
static const uint8_t mac2[ETH_ALEN] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xbb };

static char buf[1024];

/* A CTRL_CMD_GETFAMILY reply as the kernel builds it, up to its groups. */
static struct nlmsghdr *family_reply(void)
{
	struct nlmsghdr *nlh = nl_msg_start(buf, GENL_ID_CTRL, 0, 1,
					    CTRL_CMD_NEWFAMILY, 2);

	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ARPPROXY_GENL_NAME);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, FAMILY);
	mnl_attr_put_u32(nlh, CTRL_ATTR_VERSION, ARPPROXY_GENL_VERSION);
	return nlh;
}

static void put_group(struct nlmsghdr *nlh, uint16_t index, const char *name,
		      uint32_t id)
{
	struct nlattr *group = mnl_attr_nest_start(nlh, index);

	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, id);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, name);
	mnl_attr_nest_end(nlh, group);
}

/* Static: it holds a dump-sized receive buffer. */
static struct nl family_nl;

static void check_family(const struct nlmsghdr *nlh, uint32_t events)
{
	family_nl.events = 12345;
	ck_assert_int_eq(nl_parse_family(nlh, &family_nl), 0);
	ck_assert_uint_eq(family_nl.family, FAMILY);
	ck_assert_uint_eq(family_nl.proto, ARPPROXY_GENL_VERSION);
	ck_assert_uint_eq(family_nl.events, events);
}

START_TEST(test_family_events_group)
{
	struct nlmsghdr *nlh = family_reply();
	struct nlattr *groups = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);

	put_group(nlh, 1, "other", 7);
	put_group(nlh, 2, ARPPROXY_MCGRP_EVENTS, EVENTS_GROUP);
	mnl_attr_nest_end(nlh, groups);
	check_family(nlh, EVENTS_GROUP);
}
END_TEST

START_TEST(test_family_without_groups)
{
	check_family(family_reply(), 0);
}
END_TEST

START_TEST(test_family_other_groups_only)
{
	struct nlmsghdr *nlh = family_reply();
	struct nlattr *groups = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	struct nlattr *group;

	put_group(nlh, 1, "eventsx", 7);
	/* a group without its id, and one with an attribute from the future */
	group = mnl_attr_nest_start(nlh, 2);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, ARPPROXY_MCGRP_EVENTS);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_MAX + 1, EVENTS_GROUP);
	mnl_attr_nest_end(nlh, group);
	mnl_attr_nest_end(nlh, groups);
	check_family(nlh, 0);
}
END_TEST

START_TEST(test_family_malformed)
{
	struct nlmsghdr *nlh = family_reply();
	struct nlattr *groups = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	struct nlattr *group = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, ARPPROXY_MCGRP_EVENTS);
	mnl_attr_put_u16(nlh, CTRL_ATTR_MCAST_GRP_ID, EVENTS_GROUP);
	mnl_attr_nest_end(nlh, group);
	mnl_attr_nest_end(nlh, groups);
	ck_assert_int_eq(nl_parse_family(nlh, &family_nl), -EBADMSG);

	nlh = nl_msg_start(buf, GENL_ID_CTRL, 0, 1, CTRL_CMD_NEWFAMILY, 2);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ARPPROXY_GENL_NAME);
	ck_assert_int_eq(nl_parse_family(nlh, &family_nl), -EBADMSG);
	/* without the protocol it speaks */
	nlh = nl_msg_start(buf, GENL_ID_CTRL, 0, 1, CTRL_CMD_NEWFAMILY, 2);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, FAMILY);
	ck_assert_int_eq(nl_parse_family(nlh, &family_nl), -EBADMSG);
}
END_TEST

/* The object nest of the event being built, NULL if it has none */
static struct nlattr *event_nest;

/* An event of cmd, its attributes going into its object's nest */
static struct nlmsghdr *event(uint8_t cmd)
{
	struct nlmsghdr *nlh = nl_msg_start(buf, FAMILY, 0, 0, cmd, ARPPROXY_GENL_VERSION);

	event_nest = object_nest(cmd) ? mnl_attr_nest_start(nlh, object_nest(cmd)) : NULL;
	return nlh;
}

/* The event, its nest closed around what was put so far: more may follow. */
static const struct nlmsghdr *sealed(struct nlmsghdr *nlh)
{
	if (event_nest)
		mnl_attr_nest_end(nlh, event_nest);
	return nlh;
}

static struct nlmsghdr *binding_event(uint8_t cmd, const char *prefix,
				      uint8_t plen, uint32_t ifindex)
{
	struct nlmsghdr *nlh = event(cmd);

	put_binding_key(nlh, prefix, plen, ifindex);
	return nlh;
}

static const char *print_event(struct nlmsghdr *nlh, bool json, bool pretty)
{
	capture_start(json, pretty);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), 0);
	return capture_end();
}

/* Its line in text and in JSON */
static void check_event(struct nlmsghdr *nlh, const char *text,
			const char *json)
{
	ck_assert_str_eq(print_event(nlh, false, false), text);
	ck_assert_str_eq(print_event(nlh, true, false), json);
}

#define TIME_TEXT	"[2026-11-26T23:45:01.123] "
#define TIME_JSON	"{\"time\":\"2026-11-26T23:45:01.123\","

START_TEST(test_binding_add)
{
	check_event(binding_event(ARPPROXY_CMD_BINDING_ADD, "172.16.20.0", 24, lo_index()),
		    TIME_TEXT "binding add 172.16.20.0/24 dev lo mac auto\n",
		    TIME_JSON "\"event\":\"binding add\",\"prefix\":\"172.16.20.0/24\","
		    "\"dev\":\"lo\",\"mac\":null,\"flags\":[],\"garp\":null,\"refresh\":null,\"lifetime\":null}\n");
}
END_TEST

START_TEST(test_binding_add_ipv6)
{
	struct nlmsghdr *nlh = binding_event(ARPPROXY_CMD_BINDING_ADD, "2001:db8:20::", 64,
					     lo_index());

	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, ARPPROXY_BINDING_F_ONLINK);
	check_event(nlh, TIME_TEXT "binding add 2001:db8:20::/64 dev lo mac auto onlink\n",
		    TIME_JSON "\"event\":\"binding add\",\"prefix\":\"2001:db8:20::/64\","
		    "\"dev\":\"lo\",\"mac\":null,\"flags\":[\"onlink\"],\"garp\":null,"
		    "\"refresh\":null,\"lifetime\":null}\n");
	check_event(binding_event(ARPPROXY_CMD_BINDING_DEL, "2001:db8::5", 128, 0),
		    TIME_TEXT "binding del 2001:db8::5/128 mac auto\n",
		    TIME_JSON "\"event\":\"binding del\",\"prefix\":\"2001:db8::5/128\","
		    "\"dev\":null,\"mac\":null,\"flags\":[],\"garp\":null,\"refresh\":null,\"lifetime\":null}\n");
}
END_TEST

/* -4 and -6 leave out the other family's binding events; a flush is of both. */
START_TEST(test_binding_event_family)
{
	preferred_family = AF_INET6;
	ck_assert_str_eq(print_event(binding_event(ARPPROXY_CMD_BINDING_ADD, "10.0.0.0", 8, 0),
				     false, false), "");
	ck_assert_str_eq(print_event(binding_event(ARPPROXY_CMD_BINDING_ADD, "2001:db8::", 32, 0),
				     false, false),
			 TIME_TEXT "binding add 2001:db8::/32 mac auto\n");
	ck_assert_str_eq(print_event(event(ARPPROXY_CMD_BINDING_FLUSH), false, false),
			 TIME_TEXT "binding flush\n");
	preferred_family = AF_INET;
	ck_assert_str_eq(print_event(binding_event(ARPPROXY_CMD_BINDING_DEL, "2001:db8::", 32, 0),
				     true, false), "");
	ck_assert_str_eq(print_event(binding_event(ARPPROXY_CMD_BINDING_DEL, "10.0.0.0", 8, 0),
				     false, false),
			 TIME_TEXT "binding del 10.0.0.0/8 mac auto\n");
	ck_assert_str_eq(print_event(event(ARPPROXY_CMD_BINDING_FLUSH), false, false),
			 TIME_TEXT "binding flush\n");
	/* other objects' events have no family to choose */
	ck_assert_str_eq(print_event(event(ARPPROXY_CMD_ACL_FLUSH), false, false),
			 TIME_TEXT "acl flush\n");
	preferred_family = AF_UNSPEC;
}
END_TEST

START_TEST(test_binding_replace_without_hits)
{
	struct nlmsghdr *nlh = binding_event(ARPPROXY_CMD_BINDING_REPLACE, "10.1.0.0", 16,
					     0);

	mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, ETH_ALEN, mac1);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS,
			 ARPPROXY_BINDING_F_ONLINK | ARPPROXY_BINDING_F_STATIC);
	/* an event has no use for hits, and a newer module's attribute is skipped */
	mnl_attr_put_u64(nlh, ARPPROXY_BINDING_A_HITS, 12);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_MAX + 1, 7);
	check_event(nlh,
		    TIME_TEXT "binding replace 10.1.0.0/16 mac 02:00:00:00:00:66 onlink static\n",
		    TIME_JSON "\"event\":\"binding replace\",\"prefix\":\"10.1.0.0/16\","
		    "\"dev\":null,\"mac\":\"02:00:00:00:00:66\",\"flags\":[\"onlink\",\"static\"],"
		    "\"garp\":null,\"refresh\":null,\"lifetime\":null}\n");
}
END_TEST

START_TEST(test_binding_del)
{
	struct nlmsghdr *nlh = binding_event(ARPPROXY_CMD_BINDING_DEL, "10.0.0.5", 32,
					     GONE_DEV);

	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, ARPPROXY_BINDING_F_EXCLUDE);
	check_event(nlh, TIME_TEXT "binding del 10.0.0.5/32 dev if999999 exclude\n",
		    TIME_JSON "\"event\":\"binding del\",\"prefix\":\"10.0.0.5/32\","
		    "\"dev\":\"if999999\",\"mac\":null,\"flags\":[\"exclude\"],\"garp\":null,"
		    "\"refresh\":null,\"lifetime\":null}\n");
}
END_TEST

/* Its announcements, in the words of the command that sets them */
/* A lease that ran out: the binding as it was, with no time left to give */
START_TEST(test_binding_expire)
{
	struct nlmsghdr *nlh = binding_event(ARPPROXY_CMD_BINDING_EXPIRE, "172.16.10.100", 32,
					     lo_index());

	mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, ETH_ALEN, mac1);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, ARPPROXY_BINDING_F_STATIC);
	check_event(nlh,
		    TIME_TEXT "binding expire 172.16.10.100/32 dev lo mac 02:00:00:00:00:66"
		    " static\n",
		    TIME_JSON "\"event\":\"binding expire\",\"prefix\":\"172.16.10.100/32\","
		    "\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:66\",\"flags\":[\"static\"],"
		    "\"garp\":null,\"refresh\":null,\"lifetime\":null}\n");
	/* the event of an add carries the lifetime it was given */
	nlh = binding_event(ARPPROXY_CMD_BINDING_ADD, "172.16.10.100", 32, lo_index());
	mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, ETH_ALEN, mac1);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, ARPPROXY_BINDING_F_STATIC);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_LIFETIME, 600);
	check_event(nlh,
		    TIME_TEXT "binding add 172.16.10.100/32 dev lo mac 02:00:00:00:00:66"
		    " static lifetime 600\n",
		    TIME_JSON "\"event\":\"binding add\",\"prefix\":\"172.16.10.100/32\","
		    "\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:66\",\"flags\":[\"static\"],"
		    "\"garp\":null,\"refresh\":null,\"lifetime\":600}\n");
}
END_TEST

START_TEST(test_binding_announce)
{
	struct nlmsghdr *nlh = binding_event(ARPPROXY_CMD_BINDING_REPLACE, "172.16.20.200", 32,
					     lo_index());

	mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, ETH_ALEN, mac1);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_FLAGS, 0);
	mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_GARP, 3);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_REFRESH, 30);
	check_event(nlh,
		    TIME_TEXT "binding replace 172.16.20.200/32 dev lo mac 02:00:00:00:00:66"
		    " garp 3 refresh 30\n",
		    TIME_JSON "\"event\":\"binding replace\",\"prefix\":\"172.16.20.200/32\","
		    "\"dev\":\"lo\",\"mac\":\"02:00:00:00:00:66\",\"flags\":[],\"garp\":3,"
		    "\"refresh\":30,\"lifetime\":null}\n");
	nlh = binding_event(ARPPROXY_CMD_BINDING_DEL, "172.16.0.0", 16, lo_index());
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_REFRESH, 600);
	check_event(nlh, TIME_TEXT "binding del 172.16.0.0/16 dev lo mac auto refresh 600\n",
		    TIME_JSON "\"event\":\"binding del\",\"prefix\":\"172.16.0.0/16\","
		    "\"dev\":\"lo\",\"mac\":null,\"flags\":[],\"garp\":null,\"refresh\":600,\"lifetime\":null}\n");
}
END_TEST

static const struct {
	uint8_t cmd;
	const char *name;
	uint16_t ifindex;	/* its type in the object's nest */
} flushes[] = {
	{ ARPPROXY_CMD_BINDING_FLUSH, "binding flush", ARPPROXY_BINDING_A_IFINDEX },
	{ ARPPROXY_CMD_ACL_FLUSH, "acl flush", ARPPROXY_ACL_A_IFINDEX },
	{ ARPPROXY_CMD_STATION_FLUSH, "cache flush", ARPPROXY_STATION_A_IFINDEX },
};

/* Everything went, or what one interface had. */
START_TEST(test_flush)
{
	struct nlmsghdr *nlh = event(flushes[_i].cmd);
	char text[128], json[128];

	snprintf(text, sizeof(text), TIME_TEXT "%s\n", flushes[_i].name);
	snprintf(json, sizeof(json), TIME_JSON "\"event\":\"%s\",\"dev\":null}\n",
		 flushes[_i].name);
	check_event(nlh, text, json);
	mnl_attr_put_u32(nlh, flushes[_i].ifindex, lo_index());
	snprintf(text, sizeof(text), TIME_TEXT "%s dev lo\n", flushes[_i].name);
	snprintf(json, sizeof(json), TIME_JSON "\"event\":\"%s\",\"dev\":\"lo\"}\n",
		 flushes[_i].name);
	check_event(nlh, text, json);
}
END_TEST

START_TEST(test_iface_set)
{
	struct iface_settings off = { ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_ENFORCE, 0, 0, 0, 0, 0 };
	struct iface_settings on = { ARPPROXY_PROXY_ROUTE, ARPPROXY_INSPECT_PIN, 1, 10, 20, 5, 1 };
	struct iface_settings rarp = { ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 1, 0, 0, 0, 0 };
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_IFACE_SET);

	put_iface(nlh, lo_index(), &off);
	check_event(nlh, TIME_TEXT "iface set lo proxy off inspect enforce\n",
		    TIME_JSON "\"event\":\"iface set\",\"dev\":\"lo\",\"proxy\":\"off\","
		    "\"inspect\":\"enforce\",\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,"
		    "\"per_host\":0}\n");
	nlh = event(ARPPROXY_CMD_IFACE_SET);
	put_iface(nlh, lo_index(), &on);
	check_event(nlh, TIME_TEXT "iface set lo proxy route inspect pin rarp on learn on rate 10 "
		    "burst 20 per-host 5\n",
		    TIME_JSON "\"event\":\"iface set\",\"dev\":\"lo\",\"proxy\":\"route\","
		    "\"inspect\":\"pin\",\"rarp\":\"on\",\"learn\":\"on\",\"rate\":10,\"burst\":20,"
		    "\"per_host\":5}\n");
	nlh = event(ARPPROXY_CMD_IFACE_SET);
	put_iface(nlh, lo_index(), &rarp);
	check_event(nlh, TIME_TEXT "iface set lo proxy off inspect off rarp on\n",
		    TIME_JSON "\"event\":\"iface set\",\"dev\":\"lo\",\"proxy\":\"off\","
		    "\"inspect\":\"off\",\"rarp\":\"on\",\"learn\":\"off\",\"rate\":0,\"burst\":0,"
		    "\"per_host\":0}\n");
}
END_TEST

/* An interface of default settings that tracks @addr (4 or 16 bytes), now in @state */
static struct nlmsghdr *track_event(uint8_t cmd, const void *addr, size_t len, uint8_t state)
{
	struct iface_settings off = { ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF, 0, 0, 0, 0, 0 };
	struct nlmsghdr *nlh = event(cmd);

	put_iface(nlh, lo_index(), &off);
	mnl_attr_put(nlh, len == 4 ? ARPPROXY_IFACE_A_TRACK4 : ARPPROXY_IFACE_A_TRACK6, len, addr);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_TRACK_STATE, state);
	return nlh;
}

/* A transition, and the setting's event, which says where it starts */
START_TEST(test_iface_track)
{
	static const uint8_t vip6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	uint32_t vip = htonl(0xac100a01);

	check_event(track_event(ARPPROXY_CMD_IFACE_TRACK, &vip, 4, ARPPROXY_TRACK_STANDBY),
		    TIME_TEXT "iface track dev lo 172.16.10.1 standby\n",
		    TIME_JSON "\"event\":\"iface track\",\"dev\":\"lo\",\"track\":\"172.16.10.1\","
		    "\"track_state\":\"standby\"}\n");
	check_event(track_event(ARPPROXY_CMD_IFACE_TRACK, vip6, 16, ARPPROXY_TRACK_ACTIVE),
		    TIME_TEXT "iface track dev lo 2001:db8::1 active\n",
		    TIME_JSON "\"event\":\"iface track\",\"dev\":\"lo\",\"track\":\"2001:db8::1\","
		    "\"track_state\":\"active\"}\n");
	check_event(track_event(ARPPROXY_CMD_IFACE_SET, &vip, 4, ARPPROXY_TRACK_ACTIVE),
		    TIME_TEXT "iface set lo proxy off inspect off track 172.16.10.1 active\n",
		    TIME_JSON "\"event\":\"iface set\",\"dev\":\"lo\",\"proxy\":\"off\","
		    "\"inspect\":\"off\",\"rarp\":\"off\",\"learn\":\"off\",\"rate\":0,\"burst\":0,"
		    "\"per_host\":0,\"track\":\"172.16.10.1\",\"track_state\":\"active\"}\n");
}
END_TEST

static struct nlmsghdr *acl_event(uint8_t cmd, uint32_t ifindex, uint32_t pref,
				  uint8_t action, const char *prefix, uint8_t plen,
				  const uint8_t *mac)
{
	struct nlmsghdr *nlh = event(cmd);

	put_acl_rule(nlh, ifindex, pref, action, prefix, plen, mac);
	return nlh;
}

START_TEST(test_acl_add)
{
	check_event(acl_event(ARPPROXY_CMD_ACL_ADD, lo_index(), 10, ARPPROXY_ACL_DENY,
			      "172.16.10.0", 24, mac2),
		    TIME_TEXT "acl add dev lo pref 10 deny from 172.16.10.0/24"
		    " mac 00:00:0c:94:36:bb\n",
		    TIME_JSON "\"event\":\"acl add\",\"dev\":\"lo\",\"pref\":10,"
		    "\"action\":\"deny\",\"from\":\"172.16.10.0/24\","
		    "\"mac\":\"00:00:0c:94:36:bb\"}\n");
}
END_TEST

START_TEST(test_acl_del_without_hits)
{
	struct nlmsghdr *nlh = acl_event(ARPPROXY_CMD_ACL_DEL, GONE_DEV, 5, ARPPROXY_ACL_ALLOW,
					 NULL, 0, NULL);

	/* an event has no use for hits */
	mnl_attr_put_u64(nlh, ARPPROXY_ACL_A_HITS, 12);
	check_event(nlh, TIME_TEXT "acl del dev if999999 pref 5 allow\n",
		    TIME_JSON "\"event\":\"acl del\",\"dev\":\"if999999\",\"pref\":5,"
		    "\"action\":\"allow\"}\n");
	nlh = acl_event(ARPPROXY_CMD_ACL_DEL, lo_index(), 7, ARPPROXY_ACL_ALLOW, NULL, 0, mac1);
	check_event(nlh, TIME_TEXT "acl del dev lo pref 7 allow mac 02:00:00:00:00:66\n",
		    TIME_JSON "\"event\":\"acl del\",\"dev\":\"lo\",\"pref\":7,"
		    "\"action\":\"allow\",\"mac\":\"02:00:00:00:00:66\"}\n");
}
END_TEST

static struct nlmsghdr *rate_limit_event(uint16_t limit, uint32_t value)
{
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_RATE_LIMIT);
	uint32_t sender;

	ck_assert_int_eq(inet_pton(AF_INET, "172.16.10.100", &sender), 1);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, lo_index());
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_SENDER4, sizeof(sender), &sender);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, ETH_ALEN, mac2);
	mnl_attr_put_u32(nlh, limit, value);
	return nlh;
}

START_TEST(test_rate_limit)
{
	check_event(rate_limit_event(ARPPROXY_EVENT_A_RATE_PER_HOST, 5),
		    TIME_TEXT "rate-limit dev lo from 172.16.10.100 mac 00:00:0c:94:36:bb"
		    " limit per-host 5\n",
		    TIME_JSON "\"event\":\"rate-limit\",\"dev\":\"lo\","
		    "\"from\":\"172.16.10.100\",\"mac\":\"00:00:0c:94:36:bb\",\"per_host\":5}\n");
	check_event(rate_limit_event(ARPPROXY_EVENT_A_RATE, 1000000),
		    TIME_TEXT "rate-limit dev lo from 172.16.10.100 mac 00:00:0c:94:36:bb"
		    " limit rate 1000000\n",
		    TIME_JSON "\"event\":\"rate-limit\",\"dev\":\"lo\","
		    "\"from\":\"172.16.10.100\",\"mac\":\"00:00:0c:94:36:bb\",\"rate\":1000000}\n");
}
END_TEST

/* A Neighbor Solicitation's: from its IPv6 sender, the same keys. */
START_TEST(test_rate_limit6)
{
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_RATE_LIMIT);
	struct in6_addr sender;

	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8:10::100", &sender), 1);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, lo_index());
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_SENDER6, sizeof(sender), &sender);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, ETH_ALEN, mac2);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_RATE, 5);
	check_event(nlh, TIME_TEXT "rate-limit dev lo from 2001:db8:10::100 mac 00:00:0c:94:36:bb"
		    " limit rate 5\n",
		    TIME_JSON "\"event\":\"rate-limit\",\"dev\":\"lo\","
		    "\"from\":\"2001:db8:10::100\",\"mac\":\"00:00:0c:94:36:bb\",\"rate\":5}\n");
}
END_TEST

static struct nlmsghdr *spoof_event(uint32_t reason)
{
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_SPOOF);

	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, lo_index());
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_REASON, reason);
	return nlh;
}

/* The checks that expect a MAC: a static binding's, or a pinned station's */
static const struct {
	uint32_t reason;
	const char *name;
} mismatches[] = {
	{ ARPPROXY_STAT_STATIC_MISMATCH, "static_mismatch" },
	{ ARPPROXY_STAT_PIN_MISMATCH, "pin_mismatch" },
};

START_TEST(test_spoof_full)
{
	struct nlmsghdr *nlh = spoof_event(mismatches[_i].reason);
	char text[256], json[256];
	uint32_t sender;

	ck_assert_int_eq(inet_pton(AF_INET, "172.16.10.200", &sender), 1);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_SENDER4, sizeof(sender), &sender);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, ETH_ALEN, mac1);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_EXPECTED_MAC, ETH_ALEN, mac2);
	snprintf(text, sizeof(text), TIME_TEXT "spoof lo %s 172.16.10.200 claimed "
		 "02:00:00:00:00:66 expected 00:00:0c:94:36:bb\n", mismatches[_i].name);
	snprintf(json, sizeof(json), TIME_JSON "\"event\":\"spoof\",\"dev\":\"lo\","
		 "\"reason\":\"%s\",\"sender\":\"172.16.10.200\","
		 "\"claimed\":\"02:00:00:00:00:66\",\"expected\":\"00:00:0c:94:36:bb\"}\n",
		 mismatches[_i].name);
	check_event(nlh, text, json);
}
END_TEST

START_TEST(test_spoof_short_packet)
{
	check_event(spoof_event(ARPPROXY_STAT_BAD_FORMAT), TIME_TEXT "spoof lo bad_format\n",
		    TIME_JSON "\"event\":\"spoof\",\"dev\":\"lo\",\"reason\":\"bad_format\"}\n");
	/* a newer module's check still prints, as its number */
	check_event(spoof_event(99), TIME_TEXT "spoof lo stat_99\n",
		    TIME_JSON "\"event\":\"spoof\",\"dev\":\"lo\",\"reason\":\"stat_99\"}\n");
}
END_TEST

static struct nlmsghdr *station_event(uint8_t cmd, uint32_t ifindex, const char *ip,
				      const uint8_t *mac)
{
	struct nlmsghdr *nlh = event(cmd);
	uint8_t sender[16];

	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, ifindex);
	if (inet_pton(AF_INET, ip, sender) == 1) {
		mnl_attr_put(nlh, ARPPROXY_EVENT_A_SENDER4, 4, sender);
	} else {
		ck_assert_int_eq(inet_pton(AF_INET6, ip, sender), 1);
		mnl_attr_put(nlh, ARPPROXY_EVENT_A_SENDER6, 16, sender);
	}
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, ETH_ALEN, mac);
	return nlh;
}

/* A station learnt: where, its address, its MAC; the keys of cache show */
START_TEST(test_station_new)
{
	check_event(station_event(ARPPROXY_CMD_STATION_NEW, lo_index(), "172.16.10.100", mac2),
		    TIME_TEXT "station new dev lo 172.16.10.100 mac 00:00:0c:94:36:bb\n",
		    TIME_JSON "\"event\":\"station new\",\"dev\":\"lo\","
		    "\"ip\":\"172.16.10.100\",\"mac\":\"00:00:0c:94:36:bb\"}\n");
}
END_TEST

/* An IPv6 station, from Neighbor Discovery: the same words */
START_TEST(test_station_new6)
{
	check_event(station_event(ARPPROXY_CMD_STATION_NEW, lo_index(), "fe80::1", mac2),
		    TIME_TEXT "station new dev lo fe80::1 mac 00:00:0c:94:36:bb\n",
		    TIME_JSON "\"event\":\"station new\",\"dev\":\"lo\","
		    "\"ip\":\"fe80::1\",\"mac\":\"00:00:0c:94:36:bb\"}\n");
}
END_TEST

/* Another MAC claims a station's address: the new one, then the old one. */
START_TEST(test_station_changed)
{
	struct nlmsghdr *nlh = station_event(ARPPROXY_CMD_STATION_CHANGED, GONE_DEV,
					     "172.16.10.200", mac1);

	mnl_attr_put(nlh, ARPPROXY_EVENT_A_OLD_MAC, ETH_ALEN, mac2);
	check_event(nlh,
		    TIME_TEXT "station changed dev if999999 172.16.10.200 mac 02:00:00:00:00:66"
		    " old-mac 00:00:0c:94:36:bb\n",
		    TIME_JSON "\"event\":\"station changed\",\"dev\":\"if999999\","
		    "\"ip\":\"172.16.10.200\",\"mac\":\"02:00:00:00:00:66\","
		    "\"old_mac\":\"00:00:0c:94:36:bb\"}\n");
}
END_TEST

/* In the words of the command that sets it */
START_TEST(test_cache_set)
{
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_CACHE_SET);

	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_TIMEOUT, ARPPROXY_CACHE_TIMEOUT_MAX);
	check_event(nlh, TIME_TEXT "cache set timeout 604800\n",
		    TIME_JSON "\"event\":\"cache set\",\"timeout\":604800}\n");
}
END_TEST

/* A restore replaced everything: the event says no more. */
START_TEST(test_restore)
{
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_RESTORE_COMMIT);

	check_event(nlh, TIME_TEXT "restore\n", TIME_JSON "\"event\":\"restore\"}\n");
	/* a newer module's attribute is skipped */
	mnl_attr_put_u32(nlh, ARPPROXY_A_MAX + 1, 7);
	check_event(nlh, TIME_TEXT "restore\n", TIME_JSON "\"event\":\"restore\"}\n");
	ck_assert_str_eq(print_event(nlh, true, true),
			 "{\n  \"time\": \"2026-11-26T23:45:01.123\",\n  \"event\": \"restore\"\n}\n");
}
END_TEST

START_TEST(test_unknown_event)
{
	struct nlmsghdr *nlh = event(200);

	/* even with what would be a malformed attribute in a known event */
	mnl_attr_put_u8(nlh, ARPPROXY_A_BINDING, 1);
	check_event(nlh, TIME_TEXT "event 200\n",
		    TIME_JSON "\"event\":\"event 200\"}\n");
}
END_TEST

START_TEST(test_malformed_prints_nothing)
{
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_BINDING_ADD);

	capture_start(_i, false);
	/* a binding without its length */
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_PREFIX4, 0);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a spoof with a MAC of the wrong length */
	nlh = spoof_event(ARPPROXY_STAT_BAD_SRC_MAC);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, 4, mac1);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* an iface set without all the settings */
	nlh = event(ARPPROXY_CMD_IFACE_SET);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_IFINDEX, lo_index());
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_PROXY_MODE, ARPPROXY_PROXY_OFF);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* one without rarp */
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_INSPECT, ARPPROXY_INSPECT_OFF);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* one without its rate limit */
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_RARP, 1);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a track transition without its state */
	nlh = event(ARPPROXY_CMD_IFACE_TRACK);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_IFINDEX, lo_index());
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_TRACK4, htonl(0xac100a01));
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* one with both addresses */
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_TRACK_STATE, ARPPROXY_TRACK_ACTIVE);
	mnl_attr_put(nlh, ARPPROXY_IFACE_A_TRACK6, 16, "0123456789abcdef");
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* an ACL rule without its pref */
	nlh = event(ARPPROXY_CMD_ACL_ADD);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_IFINDEX, lo_index());
	mnl_attr_put_u8(nlh, ARPPROXY_ACL_A_ACTION, ARPPROXY_ACL_DENY);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a rule deleted, with a prefix too short */
	nlh = acl_event(ARPPROXY_CMD_ACL_DEL, lo_index(), 1, ARPPROXY_ACL_DENY, NULL, 0, NULL);
	mnl_attr_put_u16(nlh, ARPPROXY_ACL_A_PREFIX4, 1);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a rate limit hit by a request without its sender MAC */
	nlh = event(ARPPROXY_CMD_RATE_LIMIT);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, lo_index());
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_SENDER4, 0);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_RATE, 10);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a station changed, without the MAC it had */
	nlh = station_event(ARPPROXY_CMD_STATION_CHANGED, lo_index(), "10.0.0.1", mac1);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a new one with both addresses, or with neither */
	nlh = station_event(ARPPROXY_CMD_STATION_NEW, lo_index(), "10.0.0.1", mac1);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_SENDER6, 16, &in6addr_loopback);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	nlh = event(ARPPROXY_CMD_STATION_NEW);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, lo_index());
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, ETH_ALEN, mac1);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a new one with a MAC too short */
	nlh = event(ARPPROXY_CMD_STATION_NEW);
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_IFINDEX, lo_index());
	mnl_attr_put_u32(nlh, ARPPROXY_EVENT_A_SENDER4, 0);
	mnl_attr_put(nlh, ARPPROXY_EVENT_A_MAC, 5, mac1);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* a timeout set, without it */
	nlh = event(ARPPROXY_CMD_CACHE_SET);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* an iface set without learn */
	nlh = event(ARPPROXY_CMD_IFACE_SET);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_IFINDEX, lo_index());
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_PROXY_MODE, ARPPROXY_PROXY_OFF);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_INSPECT, ARPPROXY_INSPECT_OFF);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_RARP, 0);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_RATE, 0);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_RATE_BURST, 0);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_RATE_PER_HOST, 0);
	ck_assert_int_eq(monitor_print(sealed(nlh), &when), -EBADMSG);
	/* too short for a generic netlink header */
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = FAMILY;
	ck_assert_int_eq(monitor_print(nlh, &when), -EBADMSG);
	ck_assert_str_eq(capture_end(), "");
}
END_TEST

START_TEST(test_pretty)
{
	ck_assert_str_eq(print_event(event(ARPPROXY_CMD_BINDING_FLUSH), true, true),
			 "{\n  \"time\": \"2026-11-26T23:45:01.123\",\n"
			 "  \"event\": \"binding flush\",\n  \"dev\": null\n}\n");
}
END_TEST

START_TEST(test_time)
{
	struct timespec t = { when.tv_sec, 999999999 };
	struct nlmsghdr *nlh = event(ARPPROXY_CMD_BINDING_FLUSH);

	/* milliseconds are cut, never rounded up into the next second */
	ck_assert_str_eq(print_event(nlh, false, false), TIME_TEXT "binding flush\n");
	capture_start(false, false);
	ck_assert_int_eq(monitor_print(nlh, &t), 0);
	ck_assert_str_eq(capture_end(), "[2026-11-26T23:45:01.999] binding flush\n");
	t.tv_nsec = 0;
	capture_start(false, false);
	ck_assert_int_eq(monitor_print(nlh, &t), 0);
	ck_assert_str_eq(capture_end(), "[2026-11-26T23:45:01.000] binding flush\n");
	/* local time */
	setenv("TZ", "EST5", 1);
	tzset();
	ck_assert_str_eq(print_event(nlh, true, false),
			 "{\"time\":\"2026-11-26T18:45:01.123\",\"event\":\"binding flush\","
			 "\"dev\":null}\n");
}
END_TEST

START_TEST(test_not_in_batch)
{
	static struct nl nl;
	int ret;

	ck_assert_str_eq(run_batch("binding flush\nmonitor\n", &nl, &ret),
			 "BATCH:2: monitor cannot be used in a batch\n");
	ck_assert_int_eq(ret, -1);
	/* refused before anything was sent */
	ck_assert_ptr_null(nl.sk);
}
END_TEST

static void utc(void)
{
	setenv("TZ", "UTC0", 1);
	tzset();
}

Suite *monitor_suite(void)
{
	Suite *s = suite_create("monitor");
	TCase *family = tcase_create("family");
	TCase *events = tcase_create("events");

	tcase_add_test(family, test_family_events_group);
	tcase_add_test(family, test_family_without_groups);
	tcase_add_test(family, test_family_other_groups_only);
	tcase_add_test(family, test_family_malformed);
	suite_add_tcase(s, family);

	tcase_add_checked_fixture(events, utc, NULL);
	tcase_add_test(events, test_binding_add);
	tcase_add_test(events, test_binding_add_ipv6);
	tcase_add_test(events, test_binding_event_family);
	tcase_add_test(events, test_binding_replace_without_hits);
	tcase_add_test(events, test_binding_del);
	tcase_add_test(events, test_binding_announce);
	tcase_add_test(events, test_binding_expire);
	tcase_add_loop_test(events, test_flush, 0, N(flushes));
	tcase_add_test(events, test_iface_set);
	tcase_add_test(events, test_iface_track);
	tcase_add_test(events, test_acl_add);
	tcase_add_test(events, test_acl_del_without_hits);
	tcase_add_test(events, test_rate_limit);
	tcase_add_test(events, test_rate_limit6);
	tcase_add_loop_test(events, test_spoof_full, 0, N(mismatches));
	tcase_add_test(events, test_spoof_short_packet);
	tcase_add_test(events, test_station_new);
	tcase_add_test(events, test_station_new6);
	tcase_add_test(events, test_station_changed);
	tcase_add_test(events, test_cache_set);
	tcase_add_test(events, test_restore);
	tcase_add_test(events, test_unknown_event);
	tcase_add_loop_test(events, test_malformed_prints_nothing, 0, 2);
	tcase_add_test(events, test_pretty);
	tcase_add_test(events, test_time);
	tcase_add_test(events, test_not_in_batch);
	suite_add_tcase(s, events);
	return s;
}
