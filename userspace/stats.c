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
#include "stats.h"
#include "words.h"

/*
 * The counters' names and what they count are the spec's (spec_stats[]);
 * these are the ones the interfaces do not count, the netns alone.
 */
static bool stat_netns_only(uint32_t stat)
{
	return stat == ARPPROXY_STAT_EVENTS_DROPPED || stat == ARPPROXY_STAT_RATE_EVICTED;
}

/* Prometheus output is for a file, never for -j. */
static int stats_show_check(const struct req *req)
{
	if (req->prometheus && is_json_context())
		return err_set("\"--format prometheus\" cannot be used with \"-j\"");
	return 0;
}

static int metrics_run(struct nl *nl, const struct req *req);

/* Prometheus output gathers several replies; the rest is one get. */
static int stats_show_run(struct nl *nl, const struct req *req)
{
	return req->prometheus ? metrics_run(nl, req) : cmd_send(nl, req);
}

static const struct cmd stats_cmds[] = {
	{ .name = "show", .id = ARPPROXY_CMD_STATS_GET, .kind = REQ_GET,
	  .keywords = KW_DEV | KW_FORMAT | KW_BINDINGS, .reply = ATTR_BIT(ARPPROXY_A_STATS),
	  .print = stats_print, .check = stats_show_check, .run = stats_show_run },
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
	if (stat < MNL_ARRAY_SIZE(spec_stats) && spec_stats[stat].name)
		return spec_stats[stat].name;
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
			    .reply = ATTR_BIT(ARPPROXY_A_STATS) },
	[METRICS_IFACES] = { .id = ARPPROXY_CMD_STATS_GET, .kind = REQ_DUMP,
			     .reply = ATTR_BIT(ARPPROXY_A_IFINDEX) | ATTR_BIT(ARPPROXY_A_STATS) },
	[METRICS_BINDINGS] = { .nest = ARPPROXY_A_BINDING, .id = ARPPROXY_CMD_BINDING_GET,
			       .kind = REQ_DUMP, .reply = BINDING_KEY },
};

/* "arpproxy_netns_static_mismatch_total" */
#define METRIC_STRLEN	64
/* Two counters' docs, a line of the spec each, for a twin's HELP */
#define METRIC_HELP_STRLEN	512

/*
 * A family of samples: its counter, or 0 for the hits of bindings, and
 * the address family its samples are labelled with, if any.
 */
struct family {
	const char *name;
	uint32_t stat;
	const char *af;
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
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	char labels[METRICS_LABELS_STRLEN] = "", dev[IF_NAMESIZE], prefix[PREFIX_STRLEN];
	const struct family *f = data;
	const struct nlattr *value, *ifindex;

	/* Counters are at the top level, the hits of bindings in their nest. */
	if (req_parse_msg(nlh, f->stat ? 0 : ARPPROXY_A_BINDING, 0, tb))
		return MNL_CB_ERROR;
	if (f->stat) {
		value = stat_find(tb[ARPPROXY_A_STATS], f->stat);
		/* A counter that an older module does not have */
		if (!value)
			return MNL_CB_OK;
		ifindex = tb[ARPPROXY_A_IFINDEX];
	} else {
		value = tb[ARPPROXY_BINDING_A_HITS];
		metrics_label_add(labels, "prefix", format_binding_prefix(prefix, tb));
		ifindex = tb[ARPPROXY_BINDING_A_IFINDEX];
	}
	if (ifindex)
		metrics_label_add(labels, "dev", ifname_of(mnl_attr_get_u32(ifindex), dev));
	if (f->af)
		metrics_label_add(labels, "family", f->af);
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

static uint32_t stat_by_name(const char *name)
{
	uint32_t stat;

	for (stat = 1; stat < MNL_ARRAY_SIZE(spec_stats); stat++)
		if (!strcmp(spec_stats[stat].name, name))
			return stat;
	return 0;
}

/*
 * The IPv6 twin of the IPv4 counter stat, nd_NAME of NAME, or 0. Twins
 * are one family of samples, told apart by a family label, so that a
 * query sums or splits both families of one outcome.
 */
static uint32_t stat_twin6(uint32_t stat)
{
	char name[METRIC_STRLEN];

	snprintf(name, sizeof(name), "nd_%s", spec_stats[stat].name);
	return stat_by_name(name);
}

static bool stat_is_twin6(uint32_t stat)
{
	const char *name = spec_stats[stat].name;

	return !strncmp(name, "nd_", 3) && stat_by_name(name + 3);
}

/* A family for each counter of the netns, or of the interfaces */
static void metrics_counters(bool netns, const struct nl_dump *dump)
{
	const char *scope = netns ? ", in the whole network namespace." : ", per interface.";
	char name[METRIC_STRLEN], help[METRIC_HELP_STRLEN];
	struct family f = { name, 0, NULL };
	struct family twin = { name, 0, "ipv6" };

	for (f.stat = 1; f.stat < MNL_ARRAY_SIZE(spec_stats); f.stat++) {
		if ((!netns && stat_netns_only(f.stat)) || stat_is_twin6(f.stat))
			continue;
		snprintf(name, sizeof(name), "arpproxy_%s%s_total", netns ? "netns_" : "",
			 spec_stats[f.stat].name);
		twin.stat = stat_twin6(f.stat);
		if (!twin.stat) {
			f.af = NULL;
			metrics_family(&f, spec_stats[f.stat].doc, scope, dump);
			continue;
		}
		snprintf(help, sizeof(help), "%s (family ipv4); %s (family ipv6)",
			 spec_stats[f.stat].doc, spec_stats[twin.stat].doc);
		f.af = "ipv4";
		metrics_family(&f, help, scope, dump);
		mnl_cb_run(dump->buf, dump->len, 0, 0, metrics_sample, &twin);
	}
}

int metrics_print(const struct nl_dump *dumps, bool bindings)
{
	struct family hits = { "arpproxy_binding_hits_total", 0, NULL };
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

/* stats show --format prometheus: the counters, and the hits if bindings */
static int metrics_run(struct nl *nl, const struct req *req)
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
		return err_set("%s", req_strerror(&part, -ret, nl->extack, nl->extack_off));
	return 0;
}
