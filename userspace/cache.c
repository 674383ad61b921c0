// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxyctl cache: the stations the kernel learnt from ARP and Neighbor
 * Discovery on interfaces with "learn on", and the cache's one setting,
 * its timeout, which is configuration (save prints it, restore replaces
 * it); the stations are not.
 */
#include <arpa/inet.h>
#include <inttypes.h>

#include "cmd.h"
#include "parse.h"
#include "print.h"
#include "words.h"

static const struct cmd cache_cmds[] = {
	/* The kernel filters, and sends its stations in no order: sorted here. */
	{ .name = "show", .nest = ARPPROXY_A_STATION,
	  .id = ARPPROXY_CMD_STATION_GET, .kind = REQ_DUMP,
	  .arg = KW_PREFIX, .arg_anywhere = true, .keywords = KW_DEV, .filter = true,
	  .reply = STATION_ATTRS, .print = station_print, .order = station_order },
	{ .name = "flush", .nest = ARPPROXY_A_STATION,
	  .id = ARPPROXY_CMD_STATION_FLUSH, .kind = REQ_CHANGE,
	  .keywords = KW_DEV },
	{ .name = "set", .nest = ARPPROXY_A_CACHE, .id = ARPPROXY_CMD_CACHE_SET, .kind = REQ_CHANGE,
	  .keywords = KW_TIMEOUT, .required = KW_TIMEOUT, .config = true },
	{ .name = "status", .nest = ARPPROXY_A_CACHE, .id = ARPPROXY_CMD_CACHE_GET, .kind = REQ_GET,
	  .reply = CACHE_ATTRS, .print = cache_status_print },
};

const struct object cache_object = {
	.name = "cache",
	.usage = "arpproxyctl cache show [PREFIX] [dev IFNAME]\n"
		 "arpproxyctl cache flush [dev IFNAME]\n"
		 "arpproxyctl cache set timeout SECONDS\n"
		 "arpproxyctl cache status\n",
	.cmds = cache_cmds,
	.ncmds = MNL_ARRAY_SIZE(cache_cmds),
};

static uint64_t be64_at(const uint8_t *p)
{
	uint64_t v = 0;

	for (unsigned int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* By interface, then address: the same stations always show the same. */
void station_order(const struct nlattr *const *tb, struct order_key *key)
{
	const struct nlattr *addr6 = tb[ARPPROXY_STATION_A_ADDR6];

	key->word[0] = (uint64_t)mnl_attr_get_u32(tb[ARPPROXY_STATION_A_IFINDEX]) << 1 | !!addr6;
	/* A checked reply has one of addr4 and addr6. */
	key->word[1] = addr6 ? be64_at(mnl_attr_get_payload(addr6)) :
		       ntohl(mnl_attr_get_u32(tb[ARPPROXY_STATION_A_ADDR4]));
	key->word[2] = addr6 ? be64_at((const uint8_t *)mnl_attr_get_payload(addr6) + 8) : 0;
}

/* The kernel has filtered already; this keeps show right whatever it sent. */
static bool station_match(const struct req *req, const struct nlattr *const *tb)
{
	const struct nlattr *addr4 = tb[ARPPROXY_STATION_A_ADDR4];
	const struct nlattr *addr6 = tb[ARPPROXY_STATION_A_ADDR6];

	if ((req->attrs & REQ_ATTR(PREFIX)) &&
	    !(addr4 && prefix_contains(&req->prefix, req->plen,
				       mnl_attr_get_payload(addr4))))
		return false;
	if ((req->attrs & REQ_ATTR(PREFIX6)) &&
	    !(addr6 && prefix_contains(req->prefix6, req->plen,
				       mnl_attr_get_payload(addr6))))
		return false;
	return dev_match(req, tb[ARPPROXY_STATION_A_IFINDEX]);
}

/* Ages in whole seconds, rounded down, as the kernel's ms are. */
static void print_age(const char *key, const char *fmt, const struct nlattr *ms)
{
	print_u64(PRINT_ANY, key, fmt, mnl_attr_get_u64(ms) / 1000);
}

void station_print(const struct req *req, const struct nlattr *const *tb)
{
	if (!station_match(req, tb))
		return;
	open_json_object(NULL);
	print_ip("ip", "%s", tb[ARPPROXY_STATION_A_ADDR4]);
	print_ip6("ip", "%s", tb[ARPPROXY_STATION_A_ADDR6]);
	print_dev(" dev %s", tb[ARPPROXY_STATION_A_IFINDEX]);
	print_mac("mac", " mac %s", tb[ARPPROXY_STATION_A_MAC]);
	print_age("first_seen", " first-seen %" PRIu64 "s", tb[ARPPROXY_STATION_A_FIRST_SEEN]);
	print_age("last_seen", " last-seen %" PRIu64 "s", tb[ARPPROXY_STATION_A_LAST_SEEN]);
	print_u64(PRINT_ANY, "packets", " packets %" PRIu64,
		  mnl_attr_get_u64(tb[ARPPROXY_STATION_A_PACKETS]));
	print_u64(PRINT_ANY, "changes", " changes %" PRIu64,
		  mnl_attr_get_u32(tb[ARPPROXY_STATION_A_CHANGES]));
	close_json_object();
	print_nl();
}

void cache_print_words(const struct nlattr *const *tb)
{
	print_u64(PRINT_ANY, "timeout", "timeout %" PRIu64,
		  mnl_attr_get_u32(tb[ARPPROXY_CACHE_A_TIMEOUT]));
}

void cache_status_print(const struct req *req, const struct nlattr *const *tb)
{
	(void)req;
	open_json_object(NULL);
	cache_print_words(tb);
	print_u64(PRINT_ANY, "size", " size %" PRIu64, mnl_attr_get_u32(tb[ARPPROXY_CACHE_A_SIZE]));
	print_u64(PRINT_ANY, "stations", " stations %" PRIu64,
		  mnl_attr_get_u32(tb[ARPPROXY_CACHE_A_STATIONS]));
	close_json_object();
	print_nl();
}
