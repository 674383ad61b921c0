// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "ifname.h"
#include "parse.h"
#include "print.h"
#include "words.h"

#define BINDING_SET_KW	(KW_DEV | KW_MAC | KW_ONLINK | KW_EXCLUDE | KW_STATIC | \
			 KW_GARP | KW_REFRESH | KW_LIFETIME)
/* The shortest prefix the kernel announces: ARPPROXY_ANNOUNCE_MAX addresses */
#define ANNOUNCE_HOST_BITS_MAX	16
_Static_assert(ARPPROXY_ANNOUNCE_MAX == 1 << ANNOUNCE_HOST_BITS_MAX,
	       "ANNOUNCE_HOST_BITS_MAX matches ARPPROXY_ANNOUNCE_MAX");

/* Announcements go to every address of the prefix, so not to too many. */
static int binding_set_check(const struct req *req)
{
	const char *word = req->attrs & REQ_ATTR(GARP) ? "garp" : "refresh";
	int bits = req->attrs & REQ_ATTR(PREFIX6) ? 128 : 32;

	if (!(req->attrs & (REQ_ATTR(GARP) | REQ_ATTR(REFRESH))))
		return 0;
	if (bits - req->plen <= ANNOUNCE_HOST_BITS_MAX)
		return 0;
	return err_set("\"%s\" needs a prefix of /%d or longer (at most %d addresses)",
		       word, bits - ANNOUNCE_HOST_BITS_MAX, ARPPROXY_ANNOUNCE_MAX);
}

static const struct cmd binding_cmds[] = {
	{ .name = "add", .nest = ARPPROXY_A_BINDING, .id = ARPPROXY_CMD_BINDING_ADD,
	  .kind = REQ_CHANGE,
	  .arg = KW_PREFIX, .required = KW_PREFIX, .keywords = BINDING_SET_KW,
	  /* sent as 0 too, so that replace clears flags no longer given */
	  .attrs = REQ_ATTR(FLAGS), .config = true, .check = binding_set_check },
	{ .name = "replace", .nest = ARPPROXY_A_BINDING, .id = ARPPROXY_CMD_BINDING_REPLACE,
	  .kind = REQ_CHANGE,
	  .arg = KW_PREFIX, .required = KW_PREFIX, .keywords = BINDING_SET_KW,
	  .attrs = REQ_ATTR(FLAGS), .config = true, .check = binding_set_check },
	{ .name = "del", .nest = ARPPROXY_A_BINDING, .id = ARPPROXY_CMD_BINDING_DEL,
	  .kind = REQ_CHANGE,
	  .arg = KW_PREFIX, .required = KW_PREFIX, .keywords = KW_DEV, .config = true },
	{ .name = "show", .nest = ARPPROXY_A_BINDING, .id = ARPPROXY_CMD_BINDING_GET,
	  .kind = REQ_DUMP,
	  .arg = KW_PREFIX, .keywords = KW_DEV, .reply = BINDING_KEY, .print = binding_print },
	{ .name = "flush", .nest = ARPPROXY_A_BINDING, .id = ARPPROXY_CMD_BINDING_FLUSH,
	  .kind = REQ_CHANGE,
	  .keywords = KW_DEV, .config = true },
};

const struct object binding_object = {
	.name = "binding",
	.usage = "arpproxyctl binding add|replace PREFIX [dev IFNAME] [mac MAC|auto] [onlink] [exclude] [static] [garp [N]] [refresh SECONDS] [lifetime SECONDS]\n"
		 "arpproxyctl binding del PREFIX [dev IFNAME]\n"
		 "arpproxyctl binding show [PREFIX] [dev IFNAME]\n"
		 "arpproxyctl binding flush [dev IFNAME]\n",
	.cmds = binding_cmds,
	.ncmds = MNL_ARRAY_SIZE(binding_cmds),
};

/* A flush event has no prefix: it is about both families. */
bool binding_family_match(const struct nlattr *const *tb)
{
	if (preferred_family == AF_INET)
		return !tb[ARPPROXY_BINDING_A_PREFIX6];
	if (preferred_family == AF_INET6)
		return !tb[ARPPROXY_BINDING_A_PREFIX4];
	return true;
}

/* Whether a binding is the one show asks for */
static bool binding_match(const struct req *req, const struct nlattr *const *tb)
{
	const struct nlattr *v4 = tb[ARPPROXY_BINDING_A_PREFIX4];
	const struct nlattr *v6 = tb[ARPPROXY_BINDING_A_PREFIX6];

	if (!binding_family_match(tb))
		return false;
	if ((req->attrs & (REQ_ATTR(PREFIX) | REQ_ATTR(PREFIX6))) &&
	    mnl_attr_get_u8(tb[ARPPROXY_BINDING_A_PLEN]) != req->plen)
		return false;
	if ((req->attrs & REQ_ATTR(PREFIX)) && (!v4 || mnl_attr_get_u32(v4) != req->prefix))
		return false;
	if ((req->attrs & REQ_ATTR(PREFIX6)) &&
	    (!v6 || memcmp(mnl_attr_get_payload(v6), req->prefix6, sizeof(req->prefix6))))
		return false;
	if (req->attrs & REQ_ATTR(IFINDEX))
		return tb[ARPPROXY_BINDING_A_IFINDEX] &&
		       mnl_attr_get_u32(tb[ARPPROXY_BINDING_A_IFINDEX]) == req->ifindex;
	return true;
}

static void binding_print_mac(const struct nlattr *mac, uint32_t flags, bool mac_auto)
{
	if (mac) {
		print_mac("mac", " mac %s", mac);
		return;
	}
	print_null(PRINT_JSON, "mac", NULL, NULL);
	/* An exclude binding never answers, so it has no MAC to speak of. */
	if (mac_auto && !(flags & ARPPROXY_BINDING_F_EXCLUDE))
		print_string(PRINT_FP, NULL, " mac %s", "auto");
}

static void binding_print_flags(uint32_t flags)
{
	char buf[sizeof("0x80000000")];
	const char *name;
	uint32_t bit;

	open_json_array("flags");
	for (bit = 1; bit; bit <<= 1) {
		if (!(flags & bit))
			continue;
		name = binding_flag_name(bit);
		if (!name) {
			snprintf(buf, sizeof(buf), "0x%x", bit);
			name = buf;
		}
		print_string(PRINT_ANY, NULL, " %s", name);
	}
	close_json_array();
}

/* " garp N refresh SECONDS" as add takes them, or JSON nulls for none */
static void binding_print_announce(const struct nlattr *garp, const struct nlattr *refresh)
{
	if (garp)
		print_u64(PRINT_ANY, "garp", " garp %" PRIu64, mnl_attr_get_u8(garp));
	else
		print_null(PRINT_JSON, "garp", NULL, NULL);
	if (refresh)
		print_u64(PRINT_ANY, "refresh", " refresh %" PRIu64, mnl_attr_get_u32(refresh));
	else
		print_null(PRINT_JSON, "refresh", NULL, NULL);
}

const char *format_binding_prefix(char *buf, const struct nlattr *const *tb)
{
	uint8_t plen = mnl_attr_get_u8(tb[ARPPROXY_BINDING_A_PLEN]);

	if (tb[ARPPROXY_BINDING_A_PREFIX6])
		return format_prefix6(buf, mnl_attr_get_payload(tb[ARPPROXY_BINDING_A_PREFIX6]),
				      plen);
	return format_prefix(buf, mnl_attr_get_u32(tb[ARPPROXY_BINDING_A_PREFIX4]), plen);
}

void binding_print_words(const struct nlattr *const *tb, bool mac_auto)
{
	const struct nlattr *attr = tb[ARPPROXY_BINDING_A_FLAGS];
	uint32_t flags = attr ? mnl_attr_get_u32(attr) : 0;
	char prefix[PREFIX_STRLEN];

	print_string(PRINT_ANY, "prefix", "%s", format_binding_prefix(prefix, tb));
	print_dev_scope(tb[ARPPROXY_BINDING_A_IFINDEX]);
	binding_print_mac(tb[ARPPROXY_BINDING_A_MAC], flags, mac_auto);
	binding_print_flags(flags);
	binding_print_announce(tb[ARPPROXY_BINDING_A_GARP], tb[ARPPROXY_BINDING_A_REFRESH]);
	/* What is left of it, in a dump: save writes it, and restore starts it again. */
	if (tb[ARPPROXY_BINDING_A_LIFETIME])
		print_u64(PRINT_ANY, "lifetime", " lifetime %" PRIu64,
			  mnl_attr_get_u32(tb[ARPPROXY_BINDING_A_LIFETIME]));
	else
		print_null(PRINT_JSON, "lifetime", NULL, NULL);
}

void binding_print(const struct req *req, const struct nlattr *const *tb)
{
	if (!binding_match(req, tb))
		return;
	open_json_object(NULL);
	binding_print_words(tb, true);
	print_hits(tb[ARPPROXY_BINDING_A_HITS]);
	close_json_object();
	print_nl();
}
