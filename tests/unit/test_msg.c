// SPDX-License-Identifier: GPL-2.0
/* Requests to netlink messages and back: userspace/req.c. */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>
#include <libmnl/libmnl.h>

#include "batch.h"
#include "cmd.h"
#include "helpers.h"
#include "nl.h"
#include "req.h"
#include "stats.h"
#include "suites.h"

#define FAMILY	0x1234
#define SEQ	4242

/* A request: the attributes of its object's nest, or of its top level */
struct msg {
	const struct nlmsghdr *nlh;
	const struct genlmsghdr *genl;
	uint16_t nest;		/* ARPPROXY_A_* of its object's nest, 0: none */
	const struct nlattr *tb[REQ_TB_LEN];
	unsigned int nattrs;
};

static char buf[NL_MSG_SIZE];

/* A plain walk, independent of the code under test's own parser. */
static int walk_cb(const struct nlattr *attr, void *data)
{
	struct msg *m = data;
	uint16_t type = mnl_attr_get_type(attr);

	ck_assert_uint_lt(type, REQ_TB_LEN);
	ck_assert_ptr_null(m->tb[type]);
	m->tb[type] = attr;
	m->nattrs++;
	return MNL_CB_OK;
}

static struct msg build_req(const struct req *req)
{
	struct msg m = { NULL, NULL, 0, { NULL }, 0 };
	const struct nlattr *nest;

	memset(buf, 0xa5, sizeof(buf));
	m.nlh = req_build(req, buf, FAMILY, SEQ);
	ck_assert_ptr_eq(m.nlh, buf);
	ck_assert_uint_eq(m.nlh->nlmsg_type, FAMILY);
	ck_assert_uint_eq(m.nlh->nlmsg_seq, SEQ);
	ck_assert_uint_eq(m.nlh->nlmsg_pid, 0);
	m.genl = mnl_nlmsg_get_payload(m.nlh);
	ck_assert_uint_eq(m.genl->version, ARPPROXY_GENL_VERSION);
	ck_assert_uint_eq(m.genl->reserved, 0);
	ck_assert_int_eq(mnl_attr_parse(m.nlh, sizeof(*m.genl), walk_cb, &m), MNL_CB_OK);
	m.nest = object_nest(m.genl->cmd);
	if (!m.nest || !m.nattrs)
		return m;
	/* Its fields are in its object's nest, and nothing beside it. */
	ck_assert_uint_eq(m.nattrs, 1);
	nest = m.tb[m.nest];
	ck_assert_ptr_nonnull(nest);
	memset(m.tb, 0, sizeof(m.tb));
	m.nattrs = 0;
	ck_assert_int_eq(mnl_attr_parse_nested(nest, walk_cb, &m), MNL_CB_OK);
	ck_assert_uint_gt(m.nattrs, 0);
	return m;
}

static struct msg build(const char *line)
{
	struct req req = parse_ok(line);

	return build_req(&req);
}

static void check_change(const struct msg *m, uint8_t cmd, unsigned int nattrs)
{
	ck_assert_uint_eq(m->genl->cmd, cmd);
	ck_assert_uint_eq(m->nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	ck_assert_uint_eq(m->nattrs, nattrs);
}

static void check_attr(const struct nlattr *attr, uint16_t len, const void *value)
{
	ck_assert_ptr_nonnull(attr);
	ck_assert_uint_eq(mnl_attr_get_payload_len(attr), len);
	ck_assert_mem_eq(mnl_attr_get_payload(attr), value, len);
}

/* The IPv4 prefix of the object, or a station's address, and its length */
static void check_prefix(const struct msg *m, const char *addr, uint8_t plen)
{
	uint16_t prefix = ARPPROXY_BINDING_A_PREFIX4, len = ARPPROXY_BINDING_A_PLEN;
	uint32_t a;

	if (m->nest == ARPPROXY_A_ACL)
		prefix = ARPPROXY_ACL_A_PREFIX4, len = ARPPROXY_ACL_A_PLEN;
	else if (m->nest == ARPPROXY_A_STATION)
		prefix = ARPPROXY_STATION_A_ADDR4, len = ARPPROXY_STATION_A_PLEN;
	else if (m->nest == ARPPROXY_A_ANNOUNCE)
		prefix = ARPPROXY_ANNOUNCE_A_PREFIX4, len = ARPPROXY_ANNOUNCE_A_PLEN;
	ck_assert_int_eq(inet_pton(AF_INET, addr, &a), 1);
	check_attr(m->tb[prefix], 4, &a);
	check_attr(m->tb[len], 1, &plen);
}

static void check_u32(const struct nlattr *attr, uint32_t value)
{
	check_attr(attr, 4, &value);
}

static void check_u8(const struct nlattr *attr, uint8_t value)
{
	check_attr(attr, 1, &value);
}

START_TEST(test_binding_add_full)
{
	static const uint8_t mac[] = { 0x02, 0, 0, 0, 0, 0x01 };
	struct msg m = build("binding add 10.1.0.0/16 dev lo mac 02:00:00:00:00:01 onlink");

	check_change(&m, ARPPROXY_CMD_BINDING_ADD, 5);
	check_prefix(&m, "10.1.0.0", 16);
	check_u32(m.tb[ARPPROXY_BINDING_A_IFINDEX], lo_index());
	check_attr(m.tb[ARPPROXY_BINDING_A_MAC], ETH_ALEN, mac);
	check_u32(m.tb[ARPPROXY_BINDING_A_FLAGS], ARPPROXY_BINDING_F_ONLINK);
	/* header, genl header, nest header, 4-byte PREFIX/IFINDEX/FLAGS, 1-byte PLEN, 6-byte MAC */
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 3 * 8 + 8 + 12);
}
END_TEST

START_TEST(test_binding_add_minimal)
{
	struct msg m = build("binding add 172.16.20.0/24 mac auto");

	check_change(&m, ARPPROXY_CMD_BINDING_ADD, 3);
	check_prefix(&m, "172.16.20.0", 24);
	/* Flags go out as 0, so that a replace clears them. */
	check_u32(m.tb[ARPPROXY_BINDING_A_FLAGS], 0);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_MAC]);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_IFINDEX]);
}
END_TEST

START_TEST(test_binding_replace_exclude)
{
	struct msg m = build("binding replace 10.0.0.5 exclude");

	check_change(&m, ARPPROXY_CMD_BINDING_REPLACE, 3);
	check_prefix(&m, "10.0.0.5", 32);
	check_u32(m.tb[ARPPROXY_BINDING_A_FLAGS], ARPPROXY_BINDING_F_EXCLUDE);
}
END_TEST

/* "garp" alone goes out as 3 rounds; both in the kernel's widths */
START_TEST(test_binding_announce)
{
	static const uint8_t mac[] = { 0x02, 0, 0, 0, 0x02, 0 };
	struct msg m = build("binding replace 172.16.20.200 dev lo mac 02:00:00:00:02:00 garp");

	check_change(&m, ARPPROXY_CMD_BINDING_REPLACE, 6);
	check_prefix(&m, "172.16.20.200", 32);
	check_u32(m.tb[ARPPROXY_BINDING_A_IFINDEX], lo_index());
	check_attr(m.tb[ARPPROXY_BINDING_A_MAC], ETH_ALEN, mac);
	check_u32(m.tb[ARPPROXY_BINDING_A_FLAGS], 0);
	check_u8(m.tb[ARPPROXY_BINDING_A_GARP], 3);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_REFRESH]);
	m = build("binding add 172.16.0.0/16 dev lo garp 1 refresh 86400");
	check_change(&m, ARPPROXY_CMD_BINDING_ADD, 6);
	check_u8(m.tb[ARPPROXY_BINDING_A_GARP], 1);
	check_u32(m.tb[ARPPROXY_BINDING_A_REFRESH], ARPPROXY_REFRESH_MAX);
	/* header, genl header, nest header, 4-byte PREFIX/IFINDEX/FLAGS/REFRESH, 1-byte PLEN/GARP */
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 4 * 8 + 2 * 8);
	m = build("binding add 172.16.20.200 dev lo refresh 30");
	check_change(&m, ARPPROXY_CMD_BINDING_ADD, 5);
	check_u32(m.tb[ARPPROXY_BINDING_A_REFRESH], 30);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_GARP]);
	/* a replace without them sends neither: the kernel stops announcing */
	m = build("binding replace 172.16.20.200 dev lo");
	check_change(&m, ARPPROXY_CMD_BINDING_REPLACE, 4);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_GARP]);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_REFRESH]);
}
END_TEST

/* A lease: the kernel removes the binding when its lifetime runs out. */
START_TEST(test_binding_lifetime)
{
	static const uint8_t mac[] = { 0x02, 0, 0, 0, 0x02, 0 };
	struct msg m = build("binding replace 172.16.10.100 dev lo mac 02:00:00:00:02:00 static"
			     " lifetime 3600");

	check_change(&m, ARPPROXY_CMD_BINDING_REPLACE, 6);
	check_prefix(&m, "172.16.10.100", 32);
	check_attr(m.tb[ARPPROXY_BINDING_A_MAC], ETH_ALEN, mac);
	check_u32(m.tb[ARPPROXY_BINDING_A_FLAGS], ARPPROXY_BINDING_F_STATIC);
	check_u32(m.tb[ARPPROXY_BINDING_A_LIFETIME], 3600);
	m = build("binding add 2001:db8::5 lifetime 2147483647");
	check_u32(m.tb[ARPPROXY_BINDING_A_LIFETIME], ARPPROXY_LIFETIME_MAX);
	/* a replace without it sends none: the binding becomes permanent */
	m = build("binding replace 172.16.10.100 dev lo mac 02:00:00:00:02:00 static");
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_LIFETIME]);
}
END_TEST

START_TEST(test_binding_del)
{
	struct msg m = build("binding del 10.0.0.0/8");

	check_change(&m, ARPPROXY_CMD_BINDING_DEL, 2);
	check_prefix(&m, "10.0.0.0", 8);
	m = build("binding del 10.0.0.0/8 dev lo");
	check_change(&m, ARPPROXY_CMD_BINDING_DEL, 3);
	check_u32(m.tb[ARPPROXY_BINDING_A_IFINDEX], lo_index());
}
END_TEST

/* The nest carries the 16 bytes of PREFIX6 in place of PREFIX4, then PLEN. */
START_TEST(test_binding_ipv6)
{
	static const uint8_t mac[] = { 0x02, 0, 0, 0, 0, 0x01 };
	struct msg m = build("binding add 2001:db8:20::/64 dev lo mac 02:00:00:00:00:01 onlink");
	uint8_t addr[16];

	check_change(&m, ARPPROXY_CMD_BINDING_ADD, 5);
	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8:20::", addr), 1);
	check_attr(m.tb[ARPPROXY_BINDING_A_PREFIX6], 16, addr);
	ck_assert_ptr_null(m.tb[ARPPROXY_BINDING_A_PREFIX4]);
	check_u8(m.tb[ARPPROXY_BINDING_A_PLEN], 64);
	check_u32(m.tb[ARPPROXY_BINDING_A_IFINDEX], lo_index());
	check_attr(m.tb[ARPPROXY_BINDING_A_MAC], ETH_ALEN, mac);
	check_u32(m.tb[ARPPROXY_BINDING_A_FLAGS], ARPPROXY_BINDING_F_ONLINK);
	/* header, genl header, nest header, 16-byte PREFIX6, 4-byte IFINDEX/FLAGS, PLEN, MAC */
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 20 + 2 * 8 + 8 + 12);
	m = build("binding del 2001:db8::5");
	check_change(&m, ARPPROXY_CMD_BINDING_DEL, 2);
	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8::5", addr), 1);
	check_attr(m.tb[ARPPROXY_BINDING_A_PREFIX6], 16, addr);
	check_u8(m.tb[ARPPROXY_BINDING_A_PLEN], 128);
}
END_TEST

START_TEST(test_binding_flush)
{
	struct msg m = build("binding flush");

	check_change(&m, ARPPROXY_CMD_BINDING_FLUSH, 0);
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4);
	m = build("binding flush dev lo");
	check_change(&m, ARPPROXY_CMD_BINDING_FLUSH, 1);
	check_u32(m.tb[ARPPROXY_BINDING_A_IFINDEX], lo_index());
}
END_TEST

START_TEST(test_iface_set)
{
	uint8_t mode = ARPPROXY_PROXY_ROUTE;
	struct msg m = build("iface set lo proxy route");

	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_u32(m.tb[ARPPROXY_IFACE_A_IFINDEX], lo_index());
	check_attr(m.tb[ARPPROXY_IFACE_A_PROXY_MODE], 1, &mode);

	mode = ARPPROXY_INSPECT_ENFORCE;
	m = build("iface set lo inspect enforce");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_attr(m.tb[ARPPROXY_IFACE_A_INSPECT], 1, &mode);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_PROXY_MODE]);
}
END_TEST

/* One address, of its family's attribute; off is IPv4's 0.0.0.0 */
START_TEST(test_iface_set_track)
{
	static const uint8_t vip6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	struct msg m = build("iface set lo track 172.16.10.1");

	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_u32(m.tb[ARPPROXY_IFACE_A_IFINDEX], lo_index());
	ck_assert_uint_eq(mnl_attr_get_u32(m.tb[ARPPROXY_IFACE_A_TRACK4]), htonl(0xac100a01));
	m = build("iface set lo track 2001:db8::1");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_attr(m.tb[ARPPROXY_IFACE_A_TRACK6], sizeof(vip6), vip6);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_TRACK4]);
	m = build("iface set lo track off");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_u32(m.tb[ARPPROXY_IFACE_A_TRACK4], 0);
}
END_TEST

START_TEST(test_acl_add_full)
{
	static const uint8_t mac[] = { 0x00, 0x00, 0x0c, 0x94, 0x36, 0xbb };
	struct msg m = build("acl add dev lo deny from 172.16.10.0/24 mac 00:00:0c:94:36:bb pref 10");

	check_change(&m, ARPPROXY_CMD_ACL_ADD, 6);
	check_u32(m.tb[ARPPROXY_ACL_A_IFINDEX], lo_index());
	check_u8(m.tb[ARPPROXY_ACL_A_ACTION], ARPPROXY_ACL_DENY);
	check_prefix(&m, "172.16.10.0", 24);
	check_attr(m.tb[ARPPROXY_ACL_A_MAC], ETH_ALEN, mac);
	check_u32(m.tb[ARPPROXY_ACL_A_PREF], 10);
	/* header, genl header, nest header, 4-byte IFINDEX/PREFIX/PREF, 1-byte ACTION/PLEN, MAC */
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 3 * 8 + 2 * 8 + 12);
}
END_TEST

START_TEST(test_acl_add_minimal)
{
	struct msg m = build("acl add dev lo allow");

	/* no pref: the kernel puts the rule after the last one */
	check_change(&m, ARPPROXY_CMD_ACL_ADD, 2);
	check_u32(m.tb[ARPPROXY_ACL_A_IFINDEX], lo_index());
	check_u8(m.tb[ARPPROXY_ACL_A_ACTION], ARPPROXY_ACL_ALLOW);
	m = build("acl add dev lo allow from 10.0.0.5");
	check_change(&m, ARPPROXY_CMD_ACL_ADD, 4);
	check_prefix(&m, "10.0.0.5", 32);
	ck_assert_ptr_null(m.tb[ARPPROXY_ACL_A_MAC]);
	ck_assert_ptr_null(m.tb[ARPPROXY_ACL_A_PREF]);
}
END_TEST

START_TEST(test_acl_del)
{
	static const uint8_t mac[] = { 0x02, 0, 0, 0, 0, 0x01 };
	struct msg m = build("acl del dev lo pref 4294967295");

	check_change(&m, ARPPROXY_CMD_ACL_DEL, 2);
	check_u32(m.tb[ARPPROXY_ACL_A_IFINDEX], lo_index());
	check_u32(m.tb[ARPPROXY_ACL_A_PREF], UINT32_MAX);
	m = build("acl del dev lo deny mac 02:00:00:00:00:01");
	check_change(&m, ARPPROXY_CMD_ACL_DEL, 3);
	check_u8(m.tb[ARPPROXY_ACL_A_ACTION], ARPPROXY_ACL_DENY);
	check_attr(m.tb[ARPPROXY_ACL_A_MAC], ETH_ALEN, mac);
	ck_assert_ptr_null(m.tb[ARPPROXY_ACL_A_PREF]);
}
END_TEST

START_TEST(test_acl_flush)
{
	struct msg m = build("acl flush");

	check_change(&m, ARPPROXY_CMD_ACL_FLUSH, 0);
	m = build("acl flush dev lo");
	check_change(&m, ARPPROXY_CMD_ACL_FLUSH, 1);
	check_u32(m.tb[ARPPROXY_ACL_A_IFINDEX], lo_index());
}
END_TEST

START_TEST(test_iface_set_rate)
{
	struct msg m = build("iface set lo rate 10 burst 20 per-host 5");

	check_change(&m, ARPPROXY_CMD_IFACE_SET, 4);
	check_u32(m.tb[ARPPROXY_IFACE_A_IFINDEX], lo_index());
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE], 10);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_BURST], 20);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_PER_HOST], 5);
	/* off is both limits at 0, with no burst */
	m = build("iface set lo rate 0");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 3);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE], 0);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_PER_HOST], 0);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_RATE_BURST]);
	/* the limit is set whole: a rate alone clears the per-host one */
	m = build("iface set lo rate 1000000");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 3);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE], 1000000);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_PER_HOST], 0);
	m = build("iface set lo rate 0 per-host 7");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 3);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE], 0);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_PER_HOST], 7);
	/* settings that are not given are not sent */
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_PROXY_MODE]);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_INSPECT]);
}
END_TEST

START_TEST(test_iface_set_all)
{
	uint8_t route = ARPPROXY_PROXY_ROUTE, log = ARPPROXY_INSPECT_LOG, on = 1;
	struct msg m = build("iface set lo rate 5 inspect log rarp on proxy route burst 1");

	check_change(&m, ARPPROXY_CMD_IFACE_SET, 7);
	check_attr(m.tb[ARPPROXY_IFACE_A_PROXY_MODE], 1, &route);
	check_attr(m.tb[ARPPROXY_IFACE_A_INSPECT], 1, &log);
	check_attr(m.tb[ARPPROXY_IFACE_A_RARP], 1, &on);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE], 5);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_BURST], 1);
	check_u32(m.tb[ARPPROXY_IFACE_A_RATE_PER_HOST], 0);
	/* header, genl header, nest header, 1-byte PROXY_MODE/INSPECT/RARP, IFINDEX and the three u32s */
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 3 * 8 + 4 * 8);
}
END_TEST

/* rarp is a u8, 1 or 0, and goes alone: the other settings stay as they are. */
START_TEST(test_iface_set_rarp)
{
	uint8_t on = 1, off = 0;
	struct msg m = build("iface set lo rarp on");

	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_u32(m.tb[ARPPROXY_IFACE_A_IFINDEX], lo_index());
	check_attr(m.tb[ARPPROXY_IFACE_A_RARP], 1, &on);
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 8 + 8);
	m = build("iface set lo rarp off");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_attr(m.tb[ARPPROXY_IFACE_A_RARP], 1, &off);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_PROXY_MODE]);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_INSPECT]);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_RATE]);
	/* and other settings leave it out */
	m = build("iface set lo proxy route");
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_RARP]);
}
END_TEST

/* learn is a u8 like rarp, and pin an inspect mode like the others */
START_TEST(test_iface_set_learn)
{
	struct msg m = build("iface set lo learn on");

	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_u32(m.tb[ARPPROXY_IFACE_A_IFINDEX], lo_index());
	check_u8(m.tb[ARPPROXY_IFACE_A_LEARN], 1);
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 8 + 8);
	m = build("iface set lo learn off");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	check_u8(m.tb[ARPPROXY_IFACE_A_LEARN], 0);
	m = build("iface set lo inspect pin learn on");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 3);
	check_u8(m.tb[ARPPROXY_IFACE_A_INSPECT], ARPPROXY_INSPECT_PIN);
	check_u8(m.tb[ARPPROXY_IFACE_A_LEARN], 1);
	/* other settings leave it out */
	m = build("iface set lo inspect pin");
	check_change(&m, ARPPROXY_CMD_IFACE_SET, 2);
	ck_assert_ptr_null(m.tb[ARPPROXY_IFACE_A_LEARN]);
}
END_TEST

START_TEST(test_cache_requests)
{
	struct msg m = build("cache set timeout 604800");

	check_change(&m, ARPPROXY_CMD_CACHE_SET, 1);
	check_u32(m.tb[ARPPROXY_CACHE_A_TIMEOUT], ARPPROXY_CACHE_TIMEOUT_MAX);
	m = build("cache flush");
	check_change(&m, ARPPROXY_CMD_STATION_FLUSH, 0);
	m = build("cache flush dev lo");
	check_change(&m, ARPPROXY_CMD_STATION_FLUSH, 1);
	check_u32(m.tb[ARPPROXY_STATION_A_IFINDEX], lo_index());
	m = build("cache status");
	check_change(&m, ARPPROXY_CMD_CACHE_GET, 0);
}
END_TEST

/* Unlike the other shows, the cache's has the kernel filter its dump. */
START_TEST(test_cache_show_filters)
{
	struct msg m = build("cache show");

	ck_assert_uint_eq(m.genl->cmd, ARPPROXY_CMD_STATION_GET);
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 0);
	m = build("cache show 172.16.0.0/16 dev lo");
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 3);
	check_prefix(&m, "172.16.0.0", 16);
	check_u32(m.tb[ARPPROXY_STATION_A_IFINDEX], lo_index());
	m = build("cache show 172.16.10.100");
	ck_assert_uint_eq(m.nattrs, 2);
	check_prefix(&m, "172.16.10.100", 32);
	m = build("cache show dev lo");
	ck_assert_uint_eq(m.nattrs, 1);
	check_u32(m.tb[ARPPROXY_STATION_A_IFINDEX], lo_index());
}
END_TEST

START_TEST(test_announce_full)
{
	struct msg m = build("announce 172.16.20.200/32 dev lo count 3 interval 200 reply");

	check_change(&m, ARPPROXY_CMD_ANNOUNCE, 6);
	check_prefix(&m, "172.16.20.200", 32);
	check_u32(m.tb[ARPPROXY_ANNOUNCE_A_IFINDEX], lo_index());
	check_u32(m.tb[ARPPROXY_ANNOUNCE_A_COUNT], 3);
	check_u32(m.tb[ARPPROXY_ANNOUNCE_A_INTERVAL], 200);
	check_u8(m.tb[ARPPROXY_ANNOUNCE_A_REPLY], 1);
	/* header, genl header, nest header, 4-byte PREFIX/IFINDEX/COUNT/INTERVAL, 1-byte PLEN/REPLY */
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 4 * 8 + 2 * 8);
}
END_TEST

/* What is not given is not sent: the kernel has the defaults, 2 requests 2 s apart. */
START_TEST(test_announce_minimal)
{
	struct msg m = build("announce 172.16.20.0/28");

	check_change(&m, ARPPROXY_CMD_ANNOUNCE, 2);
	check_prefix(&m, "172.16.20.0", 28);
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4 + 4 + 2 * 8);
	m = build("announce 10.0.0.0/8 interval 3600000 count 100");
	check_change(&m, ARPPROXY_CMD_ANNOUNCE, 4);
	check_u32(m.tb[ARPPROXY_ANNOUNCE_A_COUNT], ARPPROXY_ANNOUNCE_COUNT_MAX);
	check_u32(m.tb[ARPPROXY_ANNOUNCE_A_INTERVAL], ARPPROXY_ANNOUNCE_INTERVAL_MAX);
	ck_assert_ptr_null(m.tb[ARPPROXY_ANNOUNCE_A_REPLY]);
	ck_assert_ptr_null(m.tb[ARPPROXY_ANNOUNCE_A_IFINDEX]);
}
END_TEST

START_TEST(test_static_binding)
{
	uint32_t flags = ARPPROXY_BINDING_F_STATIC;
	struct msg m = build("binding add 172.16.10.200 dev lo mac 00:00:0c:94:36:bb static");

	check_change(&m, ARPPROXY_CMD_BINDING_ADD, 5);
	check_attr(m.tb[ARPPROXY_BINDING_A_FLAGS], 4, &flags);
}
END_TEST

START_TEST(test_gets_and_reset)
{
	struct msg m = build("stats show");

	check_change(&m, ARPPROXY_CMD_STATS_GET, 0);
	m = build("stats show --format prometheus --bindings");
	check_change(&m, ARPPROXY_CMD_STATS_GET, 0);
	m = build("stats reset");
	check_change(&m, ARPPROXY_CMD_STATS_RESET, 0);
	m = build("version");
	check_change(&m, ARPPROXY_CMD_VERSION_GET, 0);
}
END_TEST

/* One interface's counters: the netns's request, with its ifindex */
START_TEST(test_stats_show_dev)
{
	struct msg m = build("stats show dev lo");

	check_change(&m, ARPPROXY_CMD_STATS_GET, 1);
	check_u32(m.tb[ARPPROXY_A_IFINDEX], lo_index());
}
END_TEST

/* Prometheus output asks for the netns's counters, then dumps the rest. */
START_TEST(test_metrics_requests)
{
	struct req req = { .cmd = &metrics_cmds[METRICS_NETNS] };
	struct msg m = build_req(&req);

	check_change(&m, ARPPROXY_CMD_STATS_GET, 0);
	req.cmd = &metrics_cmds[METRICS_IFACES];
	m = build_req(&req);
	ck_assert_uint_eq(m.genl->cmd, ARPPROXY_CMD_STATS_GET);
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 0);
	req.cmd = &metrics_cmds[METRICS_BINDINGS];
	m = build_req(&req);
	ck_assert_uint_eq(m.genl->cmd, ARPPROXY_CMD_BINDING_GET);
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 0);
}
END_TEST

START_TEST(test_dumps_carry_no_filter)
{
	struct msg m = build("binding show 10.0.0.0/8 dev lo");

	ck_assert_uint_eq(m.genl->cmd, ARPPROXY_CMD_BINDING_GET);
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 0);
	m = build("iface show lo");
	ck_assert_uint_eq(m.genl->cmd, ARPPROXY_CMD_IFACE_GET);
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 0);
	m = build("acl show dev lo");
	ck_assert_uint_eq(m.genl->cmd, ARPPROXY_CMD_ACL_GET);
	ck_assert_uint_eq(m.nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_DUMP);
	ck_assert_uint_eq(m.nattrs, 0);
}
END_TEST

static const struct {
	const struct cmd *cmd;
	uint8_t id;
} restore_steps[] = {
	{ &restore_begin, ARPPROXY_CMD_RESTORE_BEGIN },
	{ &restore_commit, ARPPROXY_CMD_RESTORE_COMMIT },
	{ &restore_abort, ARPPROXY_CMD_RESTORE_ABORT },
};

/* The requests around a restore's lines: acked, without attributes. */
START_TEST(test_restore_steps)
{
	struct req req = { .cmd = restore_steps[_i].cmd };
	struct msg m = build_req(&req);

	check_change(&m, restore_steps[_i].id, 0);
	ck_assert_uint_eq(m.nlh->nlmsg_len, 16 + 4);
}
END_TEST

START_TEST(test_restore_strerror)
{
	struct req begin = { .cmd = &restore_begin }, commit = { .cmd = &restore_commit };

	ck_assert_str_eq(req_strerror(&begin, EBUSY, "arpproxy: another restore is in progress", 0),
			 "arpproxy: another restore is in progress");
	ck_assert_str_eq(req_strerror(&begin, EBUSY, "", 0), "another restore is in progress");
	ck_assert_str_eq(req_strerror(&begin, EPERM, "", 0),
			 "permission denied (need CAP_NET_ADMIN)");
	ck_assert_str_eq(req_strerror(&commit, EBUSY, "", 0), strerror(EBUSY));
	ck_assert_str_eq(req_strerror(&commit, ENOENT,
				      "arpproxy: no restore in progress on this socket", 0),
			 "arpproxy: no restore in progress on this socket");
}
END_TEST

/* The object nest of the reply being built, NULL if it has none */
static struct nlattr *reply_nest;

/* A reply of cmd, its attributes going into its object's nest */
static struct nlmsghdr *reply(uint8_t cmd)
{
	struct nlmsghdr *nlh = nl_msg_start(buf, FAMILY, 0, SEQ, cmd, ARPPROXY_GENL_VERSION);

	reply_nest = object_nest(cmd) ? mnl_attr_nest_start(nlh, object_nest(cmd)) : NULL;
	return nlh;
}

/* The reply, its nest closed around what was put so far: more may follow. */
static struct nlmsghdr *sealed(struct nlmsghdr *nlh)
{
	if (reply_nest)
		mnl_attr_nest_end(nlh, reply_nest);
	return nlh;
}

START_TEST(test_reply_checks)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("binding show");
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_BINDING_GET);

	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_PREFIX4, htonl(0x0a000000));
	/* a newer module's attribute is skipped, not an error */
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_MAX + 1, 7);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_PLEN, 8);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), 0);
	ck_assert_ptr_nonnull(tb[ARPPROXY_BINDING_A_PREFIX4]);
	ck_assert_uint_eq(mnl_attr_get_u8(tb[ARPPROXY_BINDING_A_PLEN]), 8);
	mnl_attr_put(nlh, ARPPROXY_BINDING_A_MAC, 5, "\x02\x00\x00\x00\x01");
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

/* A binding is IPv4 or IPv6: exactly one of the prefixes, of its width */
START_TEST(test_reply_checks_ipv6)
{
	static const uint8_t addr[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("binding show");
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_BINDING_GET);

	mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_PLEN, 32);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	mnl_attr_put(nlh, ARPPROXY_BINDING_A_PREFIX6, 16, addr);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), 0);
	ck_assert_ptr_nonnull(tb[ARPPROXY_BINDING_A_PREFIX6]);
	ck_assert_ptr_null(tb[ARPPROXY_BINDING_A_PREFIX4]);
	mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_PREFIX4, htonl(0x0a000000));
	memset(tb, 0, sizeof(tb));
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	nlh = reply(ARPPROXY_CMD_BINDING_GET);
	mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_PLEN, 32);
	mnl_attr_put(nlh, ARPPROXY_BINDING_A_PREFIX6, 4, addr);
	memset(tb, 0, sizeof(tb));
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

START_TEST(test_reply_wrong_width)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("iface show");
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_IFACE_GET);

	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_IFINDEX, 1);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_PROXY_MODE, 1);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

START_TEST(test_acl_reply_checks)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("acl show");
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_ACL_GET);

	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_IFINDEX, 1);
	mnl_attr_put_u8(nlh, ARPPROXY_ACL_A_ACTION, ARPPROXY_ACL_DENY);
	/* a rule without its pref */
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_PREF, 10);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), 0);
	ck_assert_uint_eq(mnl_attr_get_u32(tb[ARPPROXY_ACL_A_PREF]), 10);
	/* an action wider than a u8 */
	nlh = reply(ARPPROXY_CMD_ACL_GET);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_IFINDEX, 1);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_ACTION, ARPPROXY_ACL_DENY);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_PREF, 10);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

/* The settings every interface reply carries, and whether each is a u32 or a u8 */
static const struct {
	uint16_t type;
	bool u32;
} setting_attrs[] = {
	{ ARPPROXY_IFACE_A_PROXY_MODE, false }, { ARPPROXY_IFACE_A_INSPECT, false },
	{ ARPPROXY_IFACE_A_RARP, false }, { ARPPROXY_IFACE_A_LEARN, false },
	{ ARPPROXY_IFACE_A_RATE, true }, { ARPPROXY_IFACE_A_RATE_BURST, true },
	{ ARPPROXY_IFACE_A_RATE_PER_HOST, true },
};

static void put_setting(struct nlmsghdr *nlh, size_t i, bool u32)
{
	if (u32)
		mnl_attr_put_u32(nlh, setting_attrs[i].type, 1);
	else
		mnl_attr_put_u8(nlh, setting_attrs[i].type, 1);
}

/* An interface's settings, all but skip (N() for none), each as wide as it is */
static struct nlmsghdr *iface_reply(size_t skip)
{
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_IFACE_GET);
	size_t i;

	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_IFINDEX, 1);
	for (i = 0; i < N(setting_attrs); i++)
		if (i != skip)
			put_setting(nlh, i, setting_attrs[i].u32);
	return nlh;
}

/* Each setting left out, then given at the wrong width: malformed either way. */
START_TEST(test_iface_reply_needs_settings)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("iface show");
	struct nlmsghdr *nlh = iface_reply(N(setting_attrs));

	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), 0);
	ck_assert_uint_eq(mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_RARP]), 1);
	memset(tb, 0, sizeof(tb));
	nlh = iface_reply(_i);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	put_setting(nlh, _i, !setting_attrs[_i].u32);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

/* What every station carries, and how wide */
static const struct {
	uint16_t type;
	uint16_t len;
} station_attrs[] = {
	{ ARPPROXY_STATION_A_ADDR4, 4 }, { ARPPROXY_STATION_A_IFINDEX, 4 }, { ARPPROXY_STATION_A_MAC, ETH_ALEN },
	{ ARPPROXY_STATION_A_FIRST_SEEN, 8 }, { ARPPROXY_STATION_A_LAST_SEEN, 8 }, { ARPPROXY_STATION_A_PACKETS, 8 },
	{ ARPPROXY_STATION_A_CHANGES, 4 },
};

/* A station, all but skip (N() for none), skip at width len if not 0 */
static struct nlmsghdr *station_reply(size_t skip, uint16_t len)
{
	static const uint8_t value[8] = { 2, 0, 0, 0, 0, 1, 0, 0 };
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_STATION_GET);
	size_t i;

	for (i = 0; i < N(station_attrs); i++)
		if (i != skip || len)
			mnl_attr_put(nlh, station_attrs[i].type,
				     i == skip ? len : station_attrs[i].len, value);
	return sealed(nlh);
}

/* Each attribute of a station left out, then at the wrong width: malformed. */
START_TEST(test_station_reply_checks)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("cache show");

	ck_assert_int_eq(req_parse_reply(&req, station_reply(N(station_attrs), 0), tb), 0);
	ck_assert_uint_eq(mnl_attr_get_u32(tb[ARPPROXY_STATION_A_CHANGES]), 2);
	memset(tb, 0, sizeof(tb));
	ck_assert_int_eq(req_parse_reply(&req, station_reply(_i, 0), tb), -EBADMSG);
	ck_assert_int_eq(req_parse_reply(&req, station_reply(_i, station_attrs[_i].len == 4 ?
								  8 : 4), tb), -EBADMSG);
}
END_TEST

/* A station is IPv4 or IPv6: one address, of its width. */
START_TEST(test_station_reply_ipv6)
{
	static const uint8_t addr[16] = { 0xfe, 0x80, [15] = 1 };
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("cache show");
	struct nlmsghdr *nlh = station_reply(0, 0);

	ck_assert_int_eq(req_parse_reply(&req, nlh, tb), -EBADMSG);
	mnl_attr_put(nlh, ARPPROXY_STATION_A_ADDR6, 16, addr);
	memset(tb, 0, sizeof(tb));
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), 0);
	ck_assert_mem_eq(mnl_attr_get_payload(tb[ARPPROXY_STATION_A_ADDR6]), addr, 16);
	nlh = station_reply(N(station_attrs), 0);
	mnl_attr_put(nlh, ARPPROXY_STATION_A_ADDR6, 16, addr);
	memset(tb, 0, sizeof(tb));
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	nlh = station_reply(0, 0);
	mnl_attr_put(nlh, ARPPROXY_STATION_A_ADDR6, 4, addr);
	memset(tb, 0, sizeof(tb));
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

START_TEST(test_cache_reply_checks)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	struct req req = parse_ok("cache status");
	struct nlmsghdr *nlh = reply(ARPPROXY_CMD_CACHE_GET);

	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_TIMEOUT, 300);
	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_SIZE, 65536);
	/* without the stations it holds */
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_STATIONS, 12);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), 0);
	ck_assert_uint_eq(mnl_attr_get_u32(tb[ARPPROXY_CACHE_A_STATIONS]), 12);
	nlh = reply(ARPPROXY_CMD_CACHE_GET);
	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_TIMEOUT, 300);
	mnl_attr_put_u64(nlh, ARPPROXY_CACHE_A_SIZE, 65536);
	mnl_attr_put_u32(nlh, ARPPROXY_CACHE_A_STATIONS, 12);
	ck_assert_int_eq(req_parse_reply(&req, sealed(nlh), tb), -EBADMSG);
}
END_TEST

/* The kernel's words when it gave any; else words that say what to do */
START_TEST(test_strerror)
{
	struct req add = parse_ok("binding add 10.0.0.0/8");
	struct req replace = parse_ok("binding replace 10.0.0.0/8");
	struct req del = parse_ok("binding del 10.0.0.0/8");
	struct req show = parse_ok("binding show");

	ck_assert_str_eq(req_strerror(&add, EEXIST, "arpproxy: binding exists", 0),
			 "arpproxy: binding exists");
	ck_assert_str_eq(req_strerror(&add, EEXIST, "", 0), "binding exists (use replace)");
	ck_assert_str_eq(req_strerror(&replace, EEXIST, "", 0), strerror(EEXIST));
	ck_assert_str_eq(req_strerror(&del, ENOENT, "", 0), "no such binding");
	ck_assert_str_eq(req_strerror(&del, ENOENT, "arpproxy: no such binding", 0),
			 "arpproxy: no such binding");
	ck_assert_str_eq(req_strerror(&add, ENOENT, "", 0), strerror(ENOENT));
	ck_assert_str_eq(req_strerror(&add, EPERM, "", 0),
			 "permission denied (need CAP_NET_ADMIN)");
	ck_assert_str_eq(req_strerror(&show, EINTR, "", 0),
			 "dump interrupted by concurrent changes, try again");
	ck_assert_str_eq(req_strerror(&add, ENODEV, "arpproxy: no such interface", 0),
			 "arpproxy: no such interface");
	ck_assert_str_eq(req_strerror(&add, ENODEV, NULL, 0), strerror(ENODEV));
	/* what the tool itself found wrong is in its words */
	ck_assert_str_eq(req_strerror(&show, EBADMSG, "", 0),
			 "malformed reply from the arpproxy module");
}
END_TEST

START_TEST(test_stats_strerror)
{
	struct req stats = parse_ok("stats show dev lo");

	ck_assert_str_eq(req_strerror(&stats, ENODEV, "arpproxy: no counters for this interface",
				      0),
			 "arpproxy: no counters for this interface");
	ck_assert_str_eq(req_strerror(&stats, ENODEV, "", 0),
			 "no counters for this interface (only Ethernet interfaces have them)");
	ck_assert_str_eq(req_strerror(&stats, EPERM, "", 0),
			 "permission denied (need CAP_NET_ADMIN)");
}
END_TEST

START_TEST(test_announce_strerror)
{
	struct req announce = parse_ok("announce 10.0.0.0/8 dev lo");
	struct req unscoped = parse_ok("announce 10.0.0.0/8");
	struct req add = parse_ok("binding add 10.0.0.0/8");
	struct req flush = parse_ok("binding flush");

	ck_assert_str_eq(req_strerror(&announce, E2BIG, "arpproxy: too many addresses", 0),
			 "arpproxy: too many addresses");
	/* without dev, bindings without one are not announced */
	ck_assert_str_eq(req_strerror(&unscoped, ENOENT, "", 0),
			 "nothing to announce: no binding with dev covers the prefix "
			 "(those without are announced only with dev)");
	ck_assert_str_eq(req_strerror(&announce, ENOENT, "", 0),
			 "nothing to announce: no binding covers the prefix on that interface");
	ck_assert_str_eq(req_strerror(&announce, ENOENT, "arpproxy: nothing to announce", 0),
			 "arpproxy: nothing to announce");
	ck_assert_str_eq(req_strerror(&unscoped, E2BIG, "", 0),
			 "more than 65536 addresses to announce (announce a longer prefix)");
	ck_assert_str_eq(req_strerror(&announce, EBUSY, "", 0),
			 "16 announcements are still running, try again later");
	ck_assert_str_eq(req_strerror(&announce, EPERM, "", 0),
			 "permission denied (need CAP_NET_ADMIN)");
	/* the words are the announcement's only */
	ck_assert_str_eq(req_strerror(&add, E2BIG, "", 0), strerror(E2BIG));
	ck_assert_str_eq(req_strerror(&add, EBUSY, "", 0), strerror(EBUSY));
	ck_assert_str_eq(req_strerror(&flush, ENOENT, "", 0), strerror(ENOENT));
}
END_TEST

START_TEST(test_acl_strerror)
{
	struct req add = parse_ok("acl add dev lo deny pref 10");
	struct req del = parse_ok("acl del dev lo pref 10");
	struct req flush = parse_ok("acl flush");

	ck_assert_str_eq(req_strerror(&add, EEXIST, "arpproxy: a rule with this pref exists", 0),
			 "arpproxy: a rule with this pref exists");
	ck_assert_str_eq(req_strerror(&add, EEXIST, "", 0),
			 "the interface has a rule with that pref");
	ck_assert_str_eq(req_strerror(&del, ENOENT, "", 0), "no such rule");
	ck_assert_str_eq(req_strerror(&del, EEXIST, "", 0), strerror(EEXIST));
	ck_assert_str_eq(req_strerror(&add, ENOENT, "", 0), strerror(ENOENT));
	ck_assert_str_eq(req_strerror(&flush, EPERM, "", 0),
			 "permission denied (need CAP_NET_ADMIN)");
	ck_assert_str_eq(req_strerror(&add, ENOSPC, "arpproxy: too many rules", 0),
			 "arpproxy: too many rules");
}
END_TEST

/* Where attr is in the request m */
static uint32_t offset_of(const struct msg *m, const struct nlattr *attr)
{
	ck_assert_ptr_nonnull(attr);
	return (const char *)attr - (const char *)m->nlh;
}

/* An ack as the kernel sends it for request m: capped, with message and offset */
static const struct nlmsghdr *ack(const struct msg *m, int error, const char *msg,
				  uint32_t off)
{
	static char ack_buf[NL_MSG_SIZE];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(ack_buf);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	e->error = -error;
	e->msg = *m->nlh;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	if (off)
		mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, off);
	return nlh;
}

/* The kernel's message names the attribute it is about as the spec does. */
START_TEST(test_strerror_names_attribute)
{
	static struct nl nl;
	struct req add = parse_ok("binding add 10.0.0.0/8 dev lo");
	struct req stats = parse_ok("stats show dev lo"), add6;
	struct msg m = build_req(&add);
	const struct nlattr *nest = mnl_nlmsg_get_payload_offset(m.nlh, GENL_HDRLEN);
	uint32_t off = offset_of(&m, m.tb[ARPPROXY_BINDING_A_PREFIX4]);

	ck_assert_int_eq(nl_parse_ack(&nl, ack(&m, EINVAL, "prefix has host bits set", off)),
			 EINVAL);
	ck_assert_uint_eq(nl.extack_off, off);
	ck_assert_str_eq(req_strerror(&add, EINVAL, nl.extack, nl.extack_off),
			 "prefix has host bits set (binding prefix4)");
	add6 = parse_ok("binding add 2001:db8::/64 dev lo");
	m = build_req(&add6);
	off = offset_of(&m, m.tb[ARPPROXY_BINDING_A_PREFIX6]);
	ck_assert_int_eq(nl_parse_ack(&nl, ack(&m, EINVAL, "prefix refused", off)),
			 EINVAL);
	ck_assert_str_eq(req_strerror(&add6, EINVAL, nl.extack, nl.extack_off),
			 "prefix refused (binding prefix6)");
	m = build_req(&add);
	ck_assert_int_eq(nl_parse_ack(&nl, ack(&m, ENODEV, "no such interface",
					       offset_of(&m, m.tb[ARPPROXY_BINDING_A_IFINDEX]))),
			 ENODEV);
	ck_assert_str_eq(req_strerror(&add, ENODEV, nl.extack, nl.extack_off),
			 "no such interface (binding ifindex)");
	/* the nest itself, and what is in no attribute */
	ck_assert_str_eq(req_strerror(&add, EINVAL, "missing", offset_of(&m, nest)),
			 "missing (binding)");
	ck_assert_str_eq(req_strerror(&add, EINVAL, "bad header", GENL_HDRLEN),
			 "bad header");
	ck_assert_str_eq(req_strerror(&add, EINVAL, "too far", 4096), "too far");
	ck_assert_int_eq(nl_parse_ack(&nl, ack(&m, EEXIST, "arpproxy: binding exists", 0)),
			 EEXIST);
	ck_assert_uint_eq(nl.extack_off, 0);
	ck_assert_str_eq(req_strerror(&add, EEXIST, nl.extack, nl.extack_off),
			 "arpproxy: binding exists");
	/* an attribute of the top level */
	m = build_req(&stats);
	ck_assert_str_eq(req_strerror(&stats, ENODEV, "not an Ethernet interface",
				      offset_of(&m, m.tb[ARPPROXY_A_IFINDEX])),
			 "not an Ethernet interface (ifindex)");
}
END_TEST

Suite *msg_suite(void)
{
	Suite *s = suite_create("msg");
	TCase *requests = tcase_create("requests");
	TCase *replies = tcase_create("replies");

	tcase_add_test(requests, test_binding_add_full);
	tcase_add_test(requests, test_binding_add_minimal);
	tcase_add_test(requests, test_binding_replace_exclude);
	tcase_add_test(requests, test_binding_announce);
	tcase_add_test(requests, test_binding_lifetime);
	tcase_add_test(requests, test_binding_del);
	tcase_add_test(requests, test_binding_ipv6);
	tcase_add_test(requests, test_binding_flush);
	tcase_add_test(requests, test_iface_set);
	tcase_add_test(requests, test_iface_set_track);
	tcase_add_test(requests, test_static_binding);
	tcase_add_test(requests, test_announce_full);
	tcase_add_test(requests, test_announce_minimal);
	tcase_add_test(requests, test_acl_add_full);
	tcase_add_test(requests, test_acl_add_minimal);
	tcase_add_test(requests, test_acl_del);
	tcase_add_test(requests, test_acl_flush);
	tcase_add_test(requests, test_iface_set_rate);
	tcase_add_test(requests, test_iface_set_all);
	tcase_add_test(requests, test_iface_set_rarp);
	tcase_add_test(requests, test_iface_set_learn);
	tcase_add_test(requests, test_cache_requests);
	tcase_add_test(requests, test_cache_show_filters);
	tcase_add_loop_test(requests, test_restore_steps, 0, N(restore_steps));
	tcase_add_test(requests, test_gets_and_reset);
	tcase_add_test(requests, test_stats_show_dev);
	tcase_add_test(requests, test_metrics_requests);
	tcase_add_test(requests, test_dumps_carry_no_filter);
	suite_add_tcase(s, requests);

	tcase_add_test(replies, test_reply_checks);
	tcase_add_test(replies, test_reply_checks_ipv6);
	tcase_add_test(replies, test_reply_wrong_width);
	tcase_add_test(replies, test_acl_reply_checks);
	tcase_add_loop_test(replies, test_iface_reply_needs_settings, 0, N(setting_attrs));
	tcase_add_loop_test(replies, test_station_reply_checks, 0, N(station_attrs));
	tcase_add_test(replies, test_station_reply_ipv6);
	tcase_add_test(replies, test_cache_reply_checks);
	tcase_add_test(replies, test_strerror);
	tcase_add_test(replies, test_acl_strerror);
	tcase_add_test(replies, test_announce_strerror);
	tcase_add_test(replies, test_stats_strerror);
	tcase_add_test(replies, test_restore_strerror);
	tcase_add_test(replies, test_strerror_names_attribute);
	suite_add_tcase(s, replies);
	return s;
}
