// SPDX-License-Identifier: GPL-2.0
#include <inttypes.h>

#include "cmd.h"
#include "err.h"
#include "parse.h"
#include "print.h"
#include "words.h"

#define IFACE_SET_KW	(KW_PROXY | KW_INSPECT | KW_RARP | KW_LEARN | KW_RATE | KW_BURST | \
			 KW_PER_HOST | KW_TRACK)

/*
 * A burst is the interface bucket's: there is none without a rate. The
 * kernel refuses it too, but these words, in the grammar's terms, are the
 * ones users know. Whether pin has learn depends on what the interface has
 * already: the kernel alone can tell, in its words.
 */
static int iface_set_check(const struct req *req)
{
	if ((req->attrs & REQ_ATTR(RATE_BURST)) && !req->rate)
		return err_set("\"burst\" needs a rate above 0");
	return 0;
}

static const struct cmd iface_cmds[] = {
	{ .name = "set", .nest = ARPPROXY_A_IFACE, .id = ARPPROXY_CMD_IFACE_SET, .kind = REQ_CHANGE,
	  .arg = KW_DEV, .required = KW_DEV, .keywords = IFACE_SET_KW,
	  .any = KW_PROXY | KW_INSPECT | KW_RARP | KW_LEARN | KW_RATE | KW_TRACK,
	  .any_words = "a setting: proxy, inspect, learn, rarp, rate or track",
	  .check = iface_set_check,
	  .config = true },
	{ .name = "show", .nest = ARPPROXY_A_IFACE, .id = ARPPROXY_CMD_IFACE_GET, .kind = REQ_DUMP,
	  .arg = KW_DEV, .reply = IFACE_ATTRS, .print = iface_print },
};

const struct object iface_object = {
	.name = "iface",
	.usage = "arpproxyctl iface set IFNAME [proxy off|route] [inspect off|log|enforce|pin] [rarp on|off] [learn on|off] [rate PPS [burst N] [per-host PPS]] [track ADDR|off]\n"
		 "arpproxyctl iface show [IFNAME]\n",
	.cmds = iface_cmds,
	.ncmds = MNL_ARRAY_SIZE(iface_cmds),
};

/*
 * Off, the rate limit says nothing in text, as binding show leaves out the
 * flags a binding has not; on, it is in the words that set it, the burst
 * only with a rate of the interface and per-host only when it limits.
 */
static void iface_print_rate(const struct nlattr *const *tb)
{
	uint32_t rate = mnl_attr_get_u32(tb[ARPPROXY_IFACE_A_RATE]);
	uint32_t burst = mnl_attr_get_u32(tb[ARPPROXY_IFACE_A_RATE_BURST]);
	uint32_t per_host = mnl_attr_get_u32(tb[ARPPROXY_IFACE_A_RATE_PER_HOST]);
	enum output_type on = rate || per_host ? PRINT_ANY : PRINT_JSON;

	print_u64(on, "rate", " rate %" PRIu64, rate);
	print_u64(rate ? PRINT_ANY : PRINT_JSON, "burst", " burst %" PRIu64, burst);
	print_u64(per_host ? PRINT_ANY : PRINT_JSON, "per_host", " per-host %" PRIu64,
		  per_host);
}

/* As the rate limit: off, nothing in text, which every interface starts with */
static void iface_print_switch(const char *key, const char *fmt, const struct nlattr *attr)
{
	uint8_t on = mnl_attr_get_u8(attr);
	char buf[MODE_STRLEN];

	print_string(on ? PRINT_ANY : PRINT_JSON, key, fmt, format_on_off(buf, on));
}

/*
 * The address the interface answers only while it is here, in the words
 * that set it, and when the module says, whether it is: the state is not
 * a setting, so save leaves it out (iface_print_setting_words).
 */
static void iface_print_track(const struct nlattr *const *tb)
{
	const struct nlattr *state = tb[ARPPROXY_IFACE_A_TRACK_STATE];
	char buf[MODE_STRLEN];

	print_ip("track", " track %s", tb[ARPPROXY_IFACE_A_TRACK4]);
	print_ip6("track", " track %s", tb[ARPPROXY_IFACE_A_TRACK6]);
	if (state)
		print_string(PRINT_ANY, "track_state", " %s",
			     format_track_state(buf, mnl_attr_get_u8(state)));
}

void iface_print_words(const struct nlattr *const *tb)
{
	char mode[MODE_STRLEN];

	print_dev("%s", tb[ARPPROXY_IFACE_A_IFINDEX]);
	print_string(PRINT_ANY, "proxy", " proxy %s",
		     format_proxy_mode(mode, mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_PROXY_MODE])));
	print_string(PRINT_ANY, "inspect", " inspect %s",
		     format_inspect_mode(mode, mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_INSPECT])));
	iface_print_switch("rarp", " rarp %s", tb[ARPPROXY_IFACE_A_RARP]);
	iface_print_switch("learn", " learn %s", tb[ARPPROXY_IFACE_A_LEARN]);
	iface_print_rate(tb);
	iface_print_track(tb);
}

/*
 * Not settings but what the IPv6 bindings made of the interface's
 * multicast filter, when the module says: in text only when there is
 * something to say.
 */
static void iface_print_nd(const struct nlattr *const *tb)
{
	const struct nlattr *groups = tb[ARPPROXY_IFACE_A_ND_GROUPS];
	uint32_t n;

	if (groups) {
		n = mnl_attr_get_u32(groups);
		print_u64(n ? PRINT_ANY : PRINT_JSON, "nd_groups", " nd-groups %" PRIu64, n);
	}
	if (tb[ARPPROXY_IFACE_A_ND_ALLMULTI])
		iface_print_switch("allmulti", " allmulti %s", tb[ARPPROXY_IFACE_A_ND_ALLMULTI]);
}

void iface_print(const struct req *req, const struct nlattr *const *tb)
{
	if (!dev_match(req, tb[ARPPROXY_IFACE_A_IFINDEX]))
		return;
	open_json_object(NULL);
	iface_print_words(tb);
	iface_print_nd(tb);
	close_json_object();
	print_nl();
}
