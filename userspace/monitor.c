// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxyctl monitor: the module's events, one line each, in the words of
 * the commands that make the same change, after the time they arrived.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>

#include "cmd.h"
#include "err.h"
#include "monitor.h"
#include "parse.h"
#include "print.h"
#include "words.h"

/* "2026-11-26T23:45:01.123", with room for years past 9999 */
#define TIME_STRLEN	32

/* sender4 or sender6: whichever family the station is of */
#define STATION_KEY	(ATTR_BIT(ARPPROXY_EVENT_A_IFINDEX) | ATTR_BIT(ARPPROXY_EVENT_A_SENDER4) | \
			 ATTR_BIT(ARPPROXY_EVENT_A_SENDER6) | ATTR_BIT(ARPPROXY_EVENT_A_MAC))

struct event {
	uint8_t cmd;		/* ARPPROXY_CMD_* */
	const char *name;	/* the command's words, or what it is */
	/* Text of the name: a space before words that do not start with one */
	const char *fmt;
	uint16_t nest;		/* ARPPROXY_A_* its attributes are in */
	uint64_t needs;		/* ATTR_BIT()s of the nest it cannot be without */
	void (*print)(const struct nlattr *const *tb);	/* NULL: no words */
};

static int monitor_run(struct nl *nl, const struct req *req);

static const struct cmd monitor_cmds[] = {
	{ .kind = REQ_MONITOR, .run = monitor_run },
};

const struct object monitor_object = {
	.name = "monitor",
	.usage = "arpproxyctl monitor\n",
	.cmds = monitor_cmds,
	.ncmds = MNL_ARRAY_SIZE(monitor_cmds),
};

/* A binding as it is after the change (before it, for del and expire): no hits. */
static void binding_event(const struct nlattr *const *tb)
{
	binding_print_words(tb, true);
}

/* The interface a flush was limited to, if it was */
static void binding_flush_event(const struct nlattr *const *tb)
{
	print_dev_scope(tb[ARPPROXY_BINDING_A_IFINDEX]);
}

static void acl_flush_event(const struct nlattr *const *tb)
{
	print_dev_scope(tb[ARPPROXY_ACL_A_IFINDEX]);
}

static void station_flush_event(const struct nlattr *const *tb)
{
	print_dev_scope(tb[ARPPROXY_STATION_A_IFINDEX]);
}

/* What is known of the packet depends on how much of it there was. */
static void spoof_event(const struct nlattr *const *tb)
{
	char reason[STAT_STRLEN];

	print_dev("%s", tb[ARPPROXY_EVENT_A_IFINDEX]);
	print_string(PRINT_ANY, "reason", " %s",
		     stat_name(reason, mnl_attr_get_u32(tb[ARPPROXY_EVENT_A_REASON])));
	print_ip("sender", " %s", tb[ARPPROXY_EVENT_A_SENDER4]);
	print_ip6("sender", " %s", tb[ARPPROXY_EVENT_A_SENDER6]);
	print_mac("claimed", " claimed %s", tb[ARPPROXY_EVENT_A_MAC]);
	print_mac("expected", " expected %s", tb[ARPPROXY_EVENT_A_EXPECTED_MAC]);
}

/*
 * The request that hit a limit, an ARP request or a Neighbor Solicitation,
 * and the limit in the words of iface set.
 */
static void rate_limit_event(const struct nlattr *const *tb)
{
	print_dev("dev %s", tb[ARPPROXY_EVENT_A_IFINDEX]);
	print_ip("from", " from %s", tb[ARPPROXY_EVENT_A_SENDER4]);
	print_ip6("from", " from %s", tb[ARPPROXY_EVENT_A_SENDER6]);
	print_mac("mac", " mac %s", tb[ARPPROXY_EVENT_A_MAC]);
	if (tb[ARPPROXY_EVENT_A_RATE])
		print_u64(PRINT_ANY, "rate", " limit rate %" PRIu64,
			  mnl_attr_get_u32(tb[ARPPROXY_EVENT_A_RATE]));
	if (tb[ARPPROXY_EVENT_A_RATE_PER_HOST])
		print_u64(PRINT_ANY, "per_host", " limit per-host %" PRIu64,
			  mnl_attr_get_u32(tb[ARPPROXY_EVENT_A_RATE_PER_HOST]));
}

/* A station learnt, as a rate limit's request: its MAC now, and the one it had */
static void station_event(const struct nlattr *const *tb)
{
	print_dev("dev %s", tb[ARPPROXY_EVENT_A_IFINDEX]);
	print_ip("ip", " %s", tb[ARPPROXY_EVENT_A_SENDER4]);
	print_ip6("ip", " %s", tb[ARPPROXY_EVENT_A_SENDER6]);
	print_mac("mac", " mac %s", tb[ARPPROXY_EVENT_A_MAC]);
	print_mac("old_mac", " old-mac %s", tb[ARPPROXY_EVENT_A_OLD_MAC]);
}

/* An interface whose tracked address came or went, and where that leaves it */
static void track_event(const struct nlattr *const *tb)
{
	char state[MODE_STRLEN];

	print_dev("dev %s", tb[ARPPROXY_IFACE_A_IFINDEX]);
	print_ip("track", " %s", tb[ARPPROXY_IFACE_A_TRACK4]);
	print_ip6("track", " %s", tb[ARPPROXY_IFACE_A_TRACK6]);
	print_string(PRINT_ANY, "track_state", " %s",
		     format_track_state(state, mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_TRACK_STATE])));
}

static const struct event events[] = {
	{ ARPPROXY_CMD_BINDING_ADD, "binding add", "%s ", ARPPROXY_A_BINDING, BINDING_KEY,
	  binding_event },
	{ ARPPROXY_CMD_BINDING_REPLACE, "binding replace", "%s ", ARPPROXY_A_BINDING,
	  BINDING_KEY, binding_event },
	{ ARPPROXY_CMD_BINDING_DEL, "binding del", "%s ", ARPPROXY_A_BINDING, BINDING_KEY,
	  binding_event },
	{ ARPPROXY_CMD_BINDING_EXPIRE, "binding expire", "%s ", ARPPROXY_A_BINDING,
	  BINDING_KEY, binding_event },
	{ ARPPROXY_CMD_BINDING_FLUSH, "binding flush", "%s", ARPPROXY_A_BINDING, 0,
	  binding_flush_event },
	{ ARPPROXY_CMD_IFACE_SET, "iface set", "%s ", ARPPROXY_A_IFACE, IFACE_ATTRS,
	  iface_print_words },
	{ ARPPROXY_CMD_SPOOF, "spoof", "%s ", ARPPROXY_A_EVENT,
	  ATTR_BIT(ARPPROXY_EVENT_A_IFINDEX) | ATTR_BIT(ARPPROXY_EVENT_A_REASON), spoof_event },
	/* An ACL rule as it was added or before its deletion: no hits */
	{ ARPPROXY_CMD_ACL_ADD, "acl add", "%s ", ARPPROXY_A_ACL, ACL_KEY, acl_print_words },
	{ ARPPROXY_CMD_ACL_DEL, "acl del", "%s ", ARPPROXY_A_ACL, ACL_KEY, acl_print_words },
	{ ARPPROXY_CMD_ACL_FLUSH, "acl flush", "%s", ARPPROXY_A_ACL, 0, acl_flush_event },
	{ ARPPROXY_CMD_RATE_LIMIT, "rate-limit", "%s ", ARPPROXY_A_EVENT,
	  ATTR_BIT(ARPPROXY_EVENT_A_IFINDEX) | ATTR_BIT(ARPPROXY_EVENT_A_MAC), rate_limit_event },
	/* Everything may have changed: "save" tells what it is now. */
	{ ARPPROXY_CMD_RESTORE_COMMIT, "restore", "%s", 0, 0, NULL },
	{ ARPPROXY_CMD_STATION_NEW, "station new", "%s ", ARPPROXY_A_EVENT, STATION_KEY,
	  station_event },
	{ ARPPROXY_CMD_STATION_CHANGED, "station changed", "%s ", ARPPROXY_A_EVENT,
	  STATION_KEY | ATTR_BIT(ARPPROXY_EVENT_A_OLD_MAC), station_event },
	{ ARPPROXY_CMD_STATION_FLUSH, "cache flush", "%s", ARPPROXY_A_STATION, 0,
	  station_flush_event },
	{ ARPPROXY_CMD_CACHE_SET, "cache set", "%s ", ARPPROXY_A_CACHE,
	  ATTR_BIT(ARPPROXY_CACHE_A_TIMEOUT), cache_print_words },
	{ ARPPROXY_CMD_IFACE_TRACK, "iface track", "%s ", ARPPROXY_A_IFACE,
	  TRACK_KEY | ATTR_BIT(ARPPROXY_IFACE_A_IFINDEX) | ATTR_BIT(ARPPROXY_IFACE_A_TRACK_STATE),
	  track_event },
};

static const struct event *event_find(uint8_t cmd)
{
	size_t i;

	for (i = 0; i < MNL_ARRAY_SIZE(events); i++)
		if (events[i].cmd == cmd)
			return &events[i];
	return NULL;
}

/* Local time, as ip monitor -t has it, but ISO 8601 and to the millisecond */
static const char *format_time(char *buf, const struct timespec *when)
{
	struct tm tm;
	size_t len;

	localtime_r(&when->tv_sec, &tm);
	len = strftime(buf, TIME_STRLEN, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + len, TIME_STRLEN - len, ".%03ld", when->tv_nsec / 1000000);
	return buf;
}

int monitor_print(const struct nlmsghdr *nlh, const struct timespec *when)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	char stamp[TIME_STRLEN], unknown[sizeof("event 255")];
	const struct event *e;

	if (mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN)
		return -EBADMSG;
	e = event_find(genl->cmd);
	/* Check before printing: never half a line. */
	if (e && req_parse_msg(nlh, e->nest, e->needs, tb))
		return -EBADMSG;
	if (e && e->nest == ARPPROXY_A_BINDING && !binding_family_match(tb))
		return 0;
	open_json_object(NULL);
	print_string(PRINT_ANY, "time", "[%s] ", format_time(stamp, when));
	if (e) {
		print_string(PRINT_ANY, "event", e->fmt, e->name);
		if (e->print)
			e->print(tb);
	} else {
		/* A newer module's event: say that it happened, if not what. */
		snprintf(unknown, sizeof(unknown), "event %u", genl->cmd);
		print_string(PRINT_ANY, "event", "%s", unknown);
	}
	close_json_object();
	print_nl();
	return 0;
}

static int monitor_msg(const struct nlmsghdr *nlh, void *data)
{
	const struct timespec *now = data;

	if (monitor_print(nlh, now)) {
		/* One bad event is no reason to miss the next ones. */
		err_set("malformed event from the arpproxy module");
		err_report(NULL, 0);
	}
	/* Whoever reads through a pipe waits for each line; a failed write ends it. */
	return print_flush() ? MNL_CB_ERROR : MNL_CB_OK;
}

/* Control messages have no place among a group's: skip any. */
static mnl_cb_t monitor_ctl_cb[NLMSG_MIN_TYPE];

/* Print the events of nl's family until killed; err_set() and -1 on error. */
static int monitor_run(struct nl *nl, const struct req *req)
{
	struct timespec now;
	ssize_t len;
	int ret;

	(void)req;
	if (!nl->events)
		return err_set("the module sends no events (too old)");
	/* Needs no capability: the module opens the group to every user. */
	ret = nl_join(nl, nl->events);
	if (ret)
		return err_set("cannot join the events group: %s", strerror(-ret));
	for (;;) {
		len = nl_recv(nl);
		if (len == -ENOBUFS) {
			/* The socket overran; what it still holds is good. */
			err_set("events lost: the monitor could not keep up");
			err_report(NULL, 0);
			continue;
		}
		if (len == -EINTR)
			continue;
		if (len < 0)
			return err_set("cannot receive events: %s", strerror(-len));
		clock_gettime(CLOCK_REALTIME, &now);
		/* Only a write can fail here: main() reports it. */
		if (mnl_cb_run2(nl->buf, len, 0, 0, monitor_msg, &now, monitor_ctl_cb,
				MNL_ARRAY_SIZE(monitor_ctl_cb)) == MNL_CB_ERROR)
			return 0;
	}
}
