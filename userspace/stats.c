// SPDX-License-Identifier: GPL-2.0
#include <inttypes.h>
#include <stdio.h>

#include "cmd.h"
#include "print.h"

/* The one table of counter names, for text and JSON alike. */
static const char *const stat_names[] = {
	[ARPPROXY_STAT_FRAMES] = "frames",
	[ARPPROXY_STAT_INVALID] = "invalid",
	[ARPPROXY_STAT_NOT_REQUEST] = "not_request",
	[ARPPROXY_STAT_REQUESTS] = "requests",
	[ARPPROXY_STAT_REPLIES] = "replies",
	[ARPPROXY_STAT_GRATUITOUS] = "gratuitous",
	[ARPPROXY_STAT_PROBE] = "probe",
	[ARPPROXY_STAT_NO_BINDING] = "no_binding",
	[ARPPROXY_STAT_EXCLUDED] = "excluded",
	[ARPPROXY_STAT_LOCAL_TARGET] = "local_target",
	[ARPPROXY_STAT_NOT_OFFSUBNET] = "not_offsubnet",
	[ARPPROXY_STAT_TX_ERROR] = "tx_error",
	[ARPPROXY_STAT_SPOOF_DROPPED] = "spoof_dropped",
	[ARPPROXY_STAT_SPOOF_LOGGED] = "spoof_logged",
	[ARPPROXY_STAT_BAD_FORMAT] = "bad_format",
	[ARPPROXY_STAT_BAD_SRC_MAC] = "bad_src_mac",
	[ARPPROXY_STAT_BAD_DST_MAC] = "bad_dst_mac",
	[ARPPROXY_STAT_BAD_SENDER_IP] = "bad_sender_ip",
	[ARPPROXY_STAT_BAD_SENDER_MAC] = "bad_sender_mac",
	[ARPPROXY_STAT_STATIC_MISMATCH] = "static_mismatch",
	[ARPPROXY_STAT_EVENTS_DROPPED] = "events_dropped",
	[ARPPROXY_STAT_ACL_DENIED] = "acl_denied",
	[ARPPROXY_STAT_RATE_LIMITED] = "rate_limited",
	[ARPPROXY_STAT_RATE_EVICTED] = "rate_evicted",
};

_Static_assert(MNL_ARRAY_SIZE(stat_names) == ARPPROXY_STAT_MAX + 1,
	       "every enum arpproxy_stat counter needs a name");

static const struct cmd stats_cmds[] = {
	{ .name = "show", .id = ARPPROXY_CMD_STATS_GET, .kind = REQ_GET,
	  .reply = REQ_ATTR(STATS), .print = stats_print },
	{ .name = "reset", .id = ARPPROXY_CMD_STATS_RESET, .kind = REQ_CHANGE },
};

const struct object stats_object = {
	.name = "stats",
	.usage = "arpproxyctl stats show | stats reset\n",
	.cmds = stats_cmds,
	.ncmds = MNL_ARRAY_SIZE(stats_cmds),
};

/* A newer module's counter still prints, as its number. */
const char *stat_name(char *buf, uint32_t stat)
{
	if (stat < MNL_ARRAY_SIZE(stat_names) && stat_names[stat])
		return stat_names[stat];
	snprintf(buf, STAT_STRLEN, "stat_%u", stat);
	return buf;
}

void stats_print(const struct req *req, const struct nlattr *const *tb)
{
	const struct nlattr *attr;
	char buf[STAT_STRLEN];
	const char *name;

	(void)req;
	open_json_object(NULL);
	mnl_attr_for_each_nested(attr, tb[ARPPROXY_A_STATS]) {
		/* Skips the empty type 0 pads that 64-bit alignment may put in. */
		if (mnl_attr_validate(attr, MNL_TYPE_U64) < 0)
			continue;
		name = stat_name(buf, mnl_attr_get_type(attr));
		print_string(PRINT_FP, NULL, "%s ", name);
		print_u64(PRINT_ANY, name, "%" PRIu64 "\n", mnl_attr_get_u64(attr));
	}
	close_json_object();
}
