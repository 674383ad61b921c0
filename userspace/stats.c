// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "ifname.h"
#include "parse.h"
#include "print.h"

/* The one table of counters, for text, JSON and Prometheus alike. */
static const struct {
	const char *name;
	const char *help;	/* what it counts, in the words of arpproxy(4) */
	bool netns_only;	/* not counted per interface */
} stats[] = {
	[ARPPROXY_STAT_FRAMES] = { "frames", "ARP frames seen by the hook" },
	[ARPPROXY_STAT_INVALID] = { "invalid", "Frames that are not sane Ethernet/IPv4 ARP" },
	[ARPPROXY_STAT_NOT_REQUEST] = { "not_request", "ARP replies and other opcodes" },
	[ARPPROXY_STAT_REQUESTS] = { "requests", "Well-formed ARP requests" },
	[ARPPROXY_STAT_REPLIES] = { "replies", "Requests answered" },
	[ARPPROXY_STAT_GRATUITOUS] = { "gratuitous",
		"Gratuitous requests (sender IP equal to target IP), not answered" },
	[ARPPROXY_STAT_PROBE] = { "probe", "RFC 5227 probes (sender IP 0.0.0.0), not answered" },
	[ARPPROXY_STAT_NO_BINDING] = { "no_binding", "Requests for targets nothing covers" },
	[ARPPROXY_STAT_EXCLUDED] = { "excluded", "Requests for targets of an exclude binding" },
	[ARPPROXY_STAT_LOCAL_TARGET] = { "local_target",
		"Requests for an address of this host" },
	[ARPPROXY_STAT_NOT_OFFSUBNET] = { "not_offsubnet",
		"Requests for targets on a subnet of the ingress interface, no onlink binding" },
	[ARPPROXY_STAT_TX_ERROR] = { "tx_error", "Replies that could not be built" },
	[ARPPROXY_STAT_SPOOF_DROPPED] = { "spoof_dropped",
		"Frames that failed inspection under enforce, dropped" },
	[ARPPROXY_STAT_SPOOF_LOGGED] = { "spoof_logged",
		"Frames that failed inspection under log, let through" },
	[ARPPROXY_STAT_BAD_FORMAT] = { "bad_format",
		"Frames that failed the inspection of their format" },
	[ARPPROXY_STAT_BAD_SRC_MAC] = { "bad_src_mac",
		"Frames whose Ethernet source is not their sender MAC" },
	[ARPPROXY_STAT_BAD_DST_MAC] = { "bad_dst_mac",
		"Unicast replies whose Ethernet destination is not their target MAC" },
	[ARPPROXY_STAT_BAD_SENDER_IP] = { "bad_sender_ip",
		"Frames with a sender IP address no host may use" },
	[ARPPROXY_STAT_BAD_SENDER_MAC] = { "bad_sender_mac",
		"Frames with a multicast, broadcast or all-zero sender MAC" },
	[ARPPROXY_STAT_STATIC_MISMATCH] = { "static_mismatch",
		"Frames whose sender MAC is not the one of the static binding of their sender IP" },
	[ARPPROXY_STAT_EVENTS_DROPPED] = { "events_dropped",
		"Events not sent: over event_rate or out of memory", true },
	[ARPPROXY_STAT_ACL_DENIED] = { "acl_denied", "Requests an ACL rule denied" },
	[ARPPROXY_STAT_RATE_LIMITED] = { "rate_limited", "Requests dropped over a rate limit" },
	[ARPPROXY_STAT_RATE_EVICTED] = { "rate_evicted",
		"Per-host rate limit states taken over by another requester", true },
	[ARPPROXY_STAT_RARP_REQUESTS] = { "rarp_requests",
		"Reverse ARP requests on interfaces with rarp on" },
	[ARPPROXY_STAT_RARP_REPLIES] = { "rarp_replies",
		"Reverse ARP requests answered from a host binding" },
	[ARPPROXY_STAT_GARP_SENT] = { "garp_sent", "Gratuitous ARP frames sent" },
	[ARPPROXY_STAT_PIN_MISMATCH] = { "pin_mismatch",
		"Frames whose sender MAC is not the one their station was pinned to" },
	[ARPPROXY_STAT_STATIONS_LEARNT] = { "stations_learnt",
		"Stations learnt: sender addresses new to the cache of an interface with learn on" },
	[ARPPROXY_STAT_STATION_CHANGES] = { "station_changes",
		"Stations whose address another MAC claimed" },
	[ARPPROXY_STAT_CACHE_EVICTED] = { "cache_evicted",
		"Stations evicted from a full set of the cache to make room for a new one" },
	[ARPPROXY_STAT_STATIONS_EXPIRED] = { "stations_expired",
		"Stations that aged out: not seen for the cache timeout" },
	[ARPPROXY_STAT_RARP_BAD_SRC_MAC] = { "rarp_bad_src_mac",
		"Reverse ARP requests whose Ethernet source is not their sender MAC" },
	[ARPPROXY_STAT_RARP_ACL_DENIED] = { "rarp_acl_denied",
		"Reverse ARP requests an ACL rule denied" },
	[ARPPROXY_STAT_RARP_RATE_LIMITED] = { "rarp_rate_limited",
		"Reverse ARP requests dropped over a rate limit" },
	[ARPPROXY_STAT_GARP_SKIPPED] = { "garp_skipped",
		"Addresses not announced because no reply for them would be sent" },
	[ARPPROXY_STAT_ROUTES_BACK] = { "routes_back",
		"Requests for targets routed back out of the ingress interface, not answered" },
	[ARPPROXY_STAT_MARTIAN_SOURCE] = { "martian_source",
		"Requests from a sender the kernel's source validation (rp_filter) refuses" },
	[ARPPROXY_STAT_STATIONS_REFUSED] = { "stations_refused",
		"New stations refused: their MAC or interface held its share, or their set only pinned stations" },
	[ARPPROXY_STAT_PIN_OFF_SUBNET] = { "pin_off_subnet",
		"Frames whose sender IP is outside the subnets and bindings of an inspect pin interface" },
};

_Static_assert(MNL_ARRAY_SIZE(stats) == ARPPROXY_STAT_MAX + 1,
	       "every enum arpproxy_stat counter needs a name");

/* Prometheus output is for a file, never for -j. */
static int stats_show_check(const struct req *req)
{
	if (req->prometheus && is_json_context())
		return err_set("\"--format prometheus\" cannot be used with \"-j\"");
	return 0;
}

static const struct cmd stats_cmds[] = {
	{ .name = "show", .id = ARPPROXY_CMD_STATS_GET, .kind = REQ_GET,
	  .keywords = KW_DEV | KW_FORMAT | KW_BINDINGS, .reply = REQ_ATTR(STATS),
	  .print = stats_print, .check = stats_show_check },
	{ .name = "reset", .id = ARPPROXY_CMD_STATS_RESET, .kind = REQ_CHANGE },
};

const struct object stats_object = {
	.name = "stats",
	.usage = "arpproxyctl stats show [dev IFNAME]\n"
		 "arpproxyctl stats show --format prometheus [--bindings]\n"
		 "arpproxyctl stats reset\n",
	.cmds = stats_cmds,
	.ncmds = MNL_ARRAY_SIZE(stats_cmds),
};

/* A newer module's counter still prints, as its number. */
const char *stat_name(char *buf, uint32_t stat)
{
	if (stat < MNL_ARRAY_SIZE(stats) && stats[stat].name)
		return stats[stat].name;
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

/*
 * The Prometheus text exposition format: one family of samples per
 * counter of the netns, per counter of the interfaces and, on demand, for
 * the hits of the bindings, all fetched before any is printed.
 */
const struct cmd metrics_cmds[METRICS_PARTS] = {
	[METRICS_NETNS] = { .id = ARPPROXY_CMD_STATS_GET, .kind = REQ_GET,
			    .reply = REQ_ATTR(STATS) },
	[METRICS_IFACES] = { .id = ARPPROXY_CMD_STATS_GET, .kind = REQ_DUMP,
			     .reply = REQ_ATTR(IFINDEX) | REQ_ATTR(STATS) },
	[METRICS_BINDINGS] = { .id = ARPPROXY_CMD_BINDING_GET, .kind = REQ_DUMP,
			       .reply = BINDING_KEY },
};

/* "arpproxy_netns_static_mismatch_total" */
#define METRIC_STRLEN	64

/* A family of samples: its counter, or 0 for the hits of bindings */
struct family {
	const char *name;
	uint32_t stat;
};

void metrics_label_add(char *labels, const char *name, const char *value)
{
	char *p = labels + strlen(labels);

	if (p != labels)
		*p++ = ',';
	p += sprintf(p, "%s=\"", name);
	for (; *value; value++) {
		if (*value == '\\' || *value == '"' || *value == '\n')
			*p++ = '\\';
		*p++ = *value == '\n' ? 'n' : *value;
	}
	strcpy(p, "\"");
}

static const struct nlattr *stat_find(const struct nlattr *nest, uint32_t stat)
{
	const struct nlattr *attr;

	mnl_attr_for_each_nested(attr, nest)
		if (mnl_attr_get_type(attr) == stat && !mnl_attr_validate(attr, MNL_TYPE_U64))
			return attr;
	return NULL;
}

/* One message's sample, labelled by what it is about. */
static int metrics_sample(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[ARPPROXY_A_MAX + 1] = { NULL };
	char labels[METRICS_LABELS_STRLEN] = "", dev[IF_NAMESIZE], prefix[PREFIX_STRLEN];
	const struct family *f = data;
	const struct nlattr *value;

	if (req_parse_msg(nlh, 0, tb))
		return MNL_CB_ERROR;
	value = f->stat ? stat_find(tb[ARPPROXY_A_STATS], f->stat) : tb[ARPPROXY_A_HITS];
	/* A counter that an older module does not have */
	if (f->stat && !value)
		return MNL_CB_OK;
	if (tb[ARPPROXY_A_PREFIX])
		metrics_label_add(labels, "prefix",
				  format_prefix(prefix, mnl_attr_get_u32(tb[ARPPROXY_A_PREFIX]),
						mnl_attr_get_u8(tb[ARPPROXY_A_PLEN])));
	if (tb[ARPPROXY_A_IFINDEX])
		metrics_label_add(labels, "dev",
				  ifname_of(mnl_attr_get_u32(tb[ARPPROXY_A_IFINDEX]), dev));
	print_string(PRINT_FP, NULL, "%s", f->name);
	if (*labels)
		print_string(PRINT_FP, NULL, "{%s}", labels);
	print_u64(PRINT_FP, NULL, " %" PRIu64 "\n", value ? mnl_attr_get_u64(value) : 0);
	return MNL_CB_OK;
}

/* HELP and TYPE, then a sample for each message of dump. */
static void metrics_family(struct family *f, const char *help, const char *scope,
			   const struct nl_dump *dump)
{
	print_string(PRINT_FP, NULL, "# HELP %s ", f->name);
	print_string(PRINT_FP, NULL, "%s", help);
	print_string(PRINT_FP, NULL, "%s\n", scope);
	print_string(PRINT_FP, NULL, "# TYPE %s counter\n", f->name);
	mnl_cb_run(dump->buf, dump->len, 0, 0, metrics_sample, f);
}

/* A family for each counter of the netns, or of the interfaces */
static void metrics_counters(bool netns, const struct nl_dump *dump)
{
	char name[METRIC_STRLEN];
	struct family f = { name, 0 };

	for (f.stat = 1; f.stat < MNL_ARRAY_SIZE(stats); f.stat++) {
		if (!netns && stats[f.stat].netns_only)
			continue;
		snprintf(name, sizeof(name), "arpproxy_%s%s_total", netns ? "netns_" : "",
			 stats[f.stat].name);
		metrics_family(&f, stats[f.stat].help,
			       netns ? ", in the whole network namespace." : ", per interface.",
			       dump);
	}
}

int metrics_print(const struct nl_dump *dumps, bool bindings)
{
	struct family hits = { "arpproxy_binding_hits_total", 0 };
	struct req req = { NULL };
	size_t i;

	for (i = 0; i < (bindings ? METRICS_PARTS : METRICS_BINDINGS); i++) {
		req.cmd = &metrics_cmds[i];
		if (cmd_check_dump(&req, dumps[i].buf, dumps[i].len))
			return -EBADMSG;
	}
	metrics_counters(true, &dumps[METRICS_NETNS]);
	metrics_counters(false, &dumps[METRICS_IFACES]);
	if (bindings)
		metrics_family(&hits, "Replies sent for a binding", ".",
			       &dumps[METRICS_BINDINGS]);
	return 0;
}

int metrics_run(struct nl *nl, const struct req *req)
{
	struct nl_dump dumps[METRICS_PARTS] = { { NULL, 0, 0 } };
	struct req part = { NULL };
	size_t i;
	int ret = 0;

	/* Every part whole before anything is printed: a snapshot or nothing */
	for (i = 0; i < (req->bindings ? METRICS_PARTS : METRICS_BINDINGS) && !ret; i++) {
		part.cmd = &metrics_cmds[i];
		ret = cmd_dump(nl, &part, &dumps[i]);
	}
	if (!ret)
		ret = metrics_print(dumps, req->bindings);
	for (i = 0; i < METRICS_PARTS; i++)
		free(dumps[i].buf);
	if (ret)
		return err_set("%s", req_strerror(&part, -ret, nl->extack));
	return 0;
}
