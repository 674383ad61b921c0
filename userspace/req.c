// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <libmnl/libmnl.h>

#include "nl.h"
#include "req.h"

_Static_assert(REQ_F_MAX <= 64, "every field has a bit in a REQ_ATTR() mask");
_Static_assert(ARPPROXY_A_MAX < REQ_TB_LEN && ARPPROXY_BINDING_A_MAX < REQ_TB_LEN &&
	       ARPPROXY_IFACE_A_MAX < REQ_TB_LEN && ARPPROXY_ACL_A_MAX < REQ_TB_LEN &&
	       ARPPROXY_STATION_A_MAX < REQ_TB_LEN && ARPPROXY_ANNOUNCE_A_MAX < REQ_TB_LEN &&
	       ARPPROXY_CACHE_A_MAX < REQ_TB_LEN && ARPPROXY_EVENT_A_MAX < REQ_TB_LEN,
	       "a tb of REQ_TB_LEN holds every set parsed into one");

/* Where struct req holds each field it sends, in the kernel's byte order. */
#define REQ_FIELD(name, field) \
	[REQ_F_##name] = { offsetof(struct req, field), \
			   sizeof(((struct req *)NULL)->field) }

static const struct {
	size_t offset;
	size_t len;
} req_fields[REQ_F_MAX] = {
	REQ_FIELD(PREFIX, prefix),
	REQ_FIELD(PREFIX6, prefix6),
	REQ_FIELD(PLEN, plen),
	REQ_FIELD(IFINDEX, ifindex),
	REQ_FIELD(MAC, mac),
	REQ_FIELD(FLAGS, flags),
	REQ_FIELD(PROXY_MODE, proxy_mode),
	REQ_FIELD(INSPECT, inspect_mode),
	REQ_FIELD(ACTION, action),
	REQ_FIELD(PREF, pref),
	REQ_FIELD(RATE, rate),
	REQ_FIELD(RATE_BURST, rate_burst),
	REQ_FIELD(RATE_PER_HOST, rate_per_host),
	REQ_FIELD(RARP, rarp),
	REQ_FIELD(COUNT, count),
	REQ_FIELD(INTERVAL, interval),
	REQ_FIELD(REPLY, reply),
	REQ_FIELD(GARP, garp),
	REQ_FIELD(REFRESH, refresh),
	REQ_FIELD(LEARN, learn),
	REQ_FIELD(CACHE_TIMEOUT, cache_timeout),
	REQ_FIELD(LIFETIME, lifetime),
};

/*
 * The attribute each field goes out as inside each nest (ARPPROXY_A_*, 0:
 * the top level); 0: the nest has no such attribute.
 */
static const uint8_t nest_attrs[ARPPROXY_A_MAX + 1][REQ_F_MAX] = {
	[ARPPROXY_A_UNSPEC] = {
		[REQ_F_IFINDEX] = ARPPROXY_A_IFINDEX,
	},
	[ARPPROXY_A_BINDING] = {
		[REQ_F_PREFIX] = ARPPROXY_BINDING_A_PREFIX4,
		[REQ_F_PREFIX6] = ARPPROXY_BINDING_A_PREFIX6,
		[REQ_F_PLEN] = ARPPROXY_BINDING_A_PLEN,
		[REQ_F_IFINDEX] = ARPPROXY_BINDING_A_IFINDEX,
		[REQ_F_MAC] = ARPPROXY_BINDING_A_MAC,
		[REQ_F_FLAGS] = ARPPROXY_BINDING_A_FLAGS,
		[REQ_F_GARP] = ARPPROXY_BINDING_A_GARP,
		[REQ_F_REFRESH] = ARPPROXY_BINDING_A_REFRESH,
		[REQ_F_LIFETIME] = ARPPROXY_BINDING_A_LIFETIME,
	},
	[ARPPROXY_A_IFACE] = {
		[REQ_F_IFINDEX] = ARPPROXY_IFACE_A_IFINDEX,
		[REQ_F_PROXY_MODE] = ARPPROXY_IFACE_A_PROXY_MODE,
		[REQ_F_INSPECT] = ARPPROXY_IFACE_A_INSPECT,
		[REQ_F_RARP] = ARPPROXY_IFACE_A_RARP,
		[REQ_F_LEARN] = ARPPROXY_IFACE_A_LEARN,
		[REQ_F_RATE] = ARPPROXY_IFACE_A_RATE,
		[REQ_F_RATE_BURST] = ARPPROXY_IFACE_A_RATE_BURST,
		[REQ_F_RATE_PER_HOST] = ARPPROXY_IFACE_A_RATE_PER_HOST,
		/* track: the address an interface answers while it is here */
		[REQ_F_PREFIX] = ARPPROXY_IFACE_A_TRACK4,
		[REQ_F_PREFIX6] = ARPPROXY_IFACE_A_TRACK6,
	},
	[ARPPROXY_A_ACL] = {
		[REQ_F_IFINDEX] = ARPPROXY_ACL_A_IFINDEX,
		[REQ_F_ACTION] = ARPPROXY_ACL_A_ACTION,
		[REQ_F_PREFIX] = ARPPROXY_ACL_A_PREFIX4,
		[REQ_F_PREFIX6] = ARPPROXY_ACL_A_PREFIX6,
		[REQ_F_PLEN] = ARPPROXY_ACL_A_PLEN,
		[REQ_F_MAC] = ARPPROXY_ACL_A_MAC,
		[REQ_F_PREF] = ARPPROXY_ACL_A_PREF,
	},
	[ARPPROXY_A_STATION] = {
		[REQ_F_IFINDEX] = ARPPROXY_STATION_A_IFINDEX,
		[REQ_F_PREFIX] = ARPPROXY_STATION_A_ADDR4,
		[REQ_F_PREFIX6] = ARPPROXY_STATION_A_ADDR6,
		[REQ_F_PLEN] = ARPPROXY_STATION_A_PLEN,
	},
	[ARPPROXY_A_ANNOUNCE] = {
		[REQ_F_IFINDEX] = ARPPROXY_ANNOUNCE_A_IFINDEX,
		[REQ_F_PREFIX] = ARPPROXY_ANNOUNCE_A_PREFIX4,
		[REQ_F_PREFIX6] = ARPPROXY_ANNOUNCE_A_PREFIX6,
		[REQ_F_PLEN] = ARPPROXY_ANNOUNCE_A_PLEN,
		[REQ_F_COUNT] = ARPPROXY_ANNOUNCE_A_COUNT,
		[REQ_F_INTERVAL] = ARPPROXY_ANNOUNCE_A_INTERVAL,
		[REQ_F_REPLY] = ARPPROXY_ANNOUNCE_A_REPLY,
	},
	[ARPPROXY_A_CACHE] = {
		[REQ_F_CACHE_TIMEOUT] = ARPPROXY_CACHE_A_TIMEOUT,
	},
};

struct nlmsghdr *req_build(const struct req *req, void *buf, uint16_t family,
			   uint32_t seq)
{
	const struct cmd *cmd = req->cmd;
	const uint8_t *attrs = nest_attrs[cmd->nest];
	struct nlattr *nest = NULL;
	struct nlmsghdr *nlh;
	unsigned int f;

	nlh = nl_msg_start(buf, family, cmd->kind == REQ_DUMP ? NLM_F_DUMP : NLM_F_ACK,
			   seq, cmd->id, ARPPROXY_GENL_VERSION);
	/* Most dumps list everything, and show filters them here. */
	if (cmd->kind == REQ_DUMP && !cmd->filter)
		return nlh;
	if (cmd->nest)
		nest = mnl_attr_nest_start(nlh, cmd->nest);
	for (f = 0; f < REQ_F_MAX; f++)
		if ((req->attrs & (UINT64_C(1) << f)) && attrs[f])
			mnl_attr_put(nlh, attrs[f], req_fields[f].len,
				     (const char *)req + req_fields[f].offset);
	/* An empty nest says nothing: leave it out, as a scope not given. */
	if (nest && mnl_nlmsg_get_payload_tail(nlh) == mnl_attr_get_payload(nest))
		mnl_attr_nest_cancel(nlh, nest);
	else if (nest)
		mnl_attr_nest_end(nlh, nest);
	return nlh;
}

/*
 * The attributes of a nest that stand for each other: a message that needs
 * them carries exactly one. A binding, a station, the sender of an event
 * that has one and the address of a track event are IPv4 or IPv6.
 */
static const uint64_t nest_one_of[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_BINDING] = ATTR_BIT(ARPPROXY_BINDING_A_PREFIX4) |
			       ATTR_BIT(ARPPROXY_BINDING_A_PREFIX6),
	[ARPPROXY_A_IFACE] = ATTR_BIT(ARPPROXY_IFACE_A_TRACK4) |
			     ATTR_BIT(ARPPROXY_IFACE_A_TRACK6),
	[ARPPROXY_A_STATION] = ATTR_BIT(ARPPROXY_STATION_A_ADDR4) |
			       ATTR_BIT(ARPPROXY_STATION_A_ADDR6),
	[ARPPROXY_A_EVENT] = ATTR_BIT(ARPPROXY_EVENT_A_SENDER4) |
			     ATTR_BIT(ARPPROXY_EVENT_A_SENDER6),
};

int req_parse_msg(const struct nlmsghdr *nlh, uint16_t nest, uint64_t need,
		  const struct nlattr **tb)
{
	const struct nlattr *top[ARPPROXY_A_MAX + 1] = { NULL };
	const struct spec_set *set = &spec_arpproxy_set;
	uint64_t have = 0, one_of = nest_one_of[nest] & need, alt;
	unsigned int type;

	if (nl_parse(nlh, GENL_HDRLEN, set, nest ? top : tb))
		return -EBADMSG;
	if (nest) {
		set = set->attrs[nest].nested;
		if (top[nest] && nl_parse_nested(top[nest], set, tb))
			return -EBADMSG;
	}
	for (type = 0; type <= set->max; type++)
		if (tb[type])
			have |= ATTR_BIT(type);
	need &= ~one_of;
	alt = have & one_of;
	/* alt & (alt - 1): more than one bit */
	if ((have & need) != need || (one_of && (!alt || (alt & (alt - 1)))))
		return -EBADMSG;
	return 0;
}

int req_parse_reply(const struct req *req, const struct nlmsghdr *nlh,
		    const struct nlattr **tb)
{
	return req_parse_msg(nlh, req->cmd->nest, req->cmd->reply, tb);
}

#define STR(x)	#x
#define XSTR(x)	STR(x)

/* The attribute of the len bytes at payload that byte at is in, NULL if none */
static const struct nlattr *attr_at(const void *payload, size_t len, const char *at)
{
	const struct nlattr *attr;

	mnl_attr_for_each_payload(payload, len)
		if (at >= (const char *)attr && at < (const char *)attr + attr->nla_len)
			return attr;
	return NULL;
}

/*
 * Name the attribute of the request nlh that the kernel's offset points
 * at as the spec does, with the nest it is in: "binding prefix4". NULL if
 * the offset is not in an attribute this tool knows.
 */
static const char *attr_name(const struct nlmsghdr *nlh, uint32_t off, char *buf,
			     size_t size)
{
	const struct spec_set *set = &spec_arpproxy_set;
	const char *at = (const char *)nlh + off;
	const struct nlattr *attr, *inner;
	const struct spec_attr *spec;

	if (off >= nlh->nlmsg_len)
		return NULL;
	attr = attr_at(mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN),
		       (const char *)mnl_nlmsg_get_payload_tail(nlh) -
		       (const char *)mnl_nlmsg_get_payload_offset(nlh, GENL_HDRLEN), at);
	if (!attr || mnl_attr_get_type(attr) > set->max)
		return NULL;
	spec = &set->attrs[mnl_attr_get_type(attr)];
	if (!spec->name)
		return NULL;
	inner = spec->nested ? attr_at(mnl_attr_get_payload(attr),
				       mnl_attr_get_payload_len(attr), at) : NULL;
	if (inner && mnl_attr_get_type(inner) <= spec->nested->max &&
	    spec->nested->attrs[mnl_attr_get_type(inner)].name)
		snprintf(buf, size, "%s %s", spec->name,
			 spec->nested->attrs[mnl_attr_get_type(inner)].name);
	else
		snprintf(buf, size, "%s", spec->name);
	return buf;
}

/*
 * The kernel's message, as iproute2 shows it, with the attribute it is
 * about: the request is built again, as it was sent, to find it.
 */
static const char *req_extack(const struct req *req, const char *extack, uint32_t off)
{
	static char msg[sizeof(((struct nl *)NULL)->extack) + 64];
	char buf[NL_MSG_SIZE], name[64];
	const char *attr = NULL;

	if (off)
		attr = attr_name(req_build(req, buf, 0, 0), off, name, sizeof(name));
	if (!attr)
		return extack;
	snprintf(msg, sizeof(msg), "%s (%s)", extack, attr);
	return msg;
}

/*
 * What the tool found wrong is said in its words; what the kernel refused,
 * in the kernel's when it gave any, else in words that say what to do.
 */
const char *req_strerror(const struct req *req, int err, const char *extack,
			 uint32_t off)
{
	if (err == EBADMSG)
		return "malformed reply from the arpproxy module";
	if (err == EINTR && req->cmd->kind == REQ_DUMP)
		return "dump interrupted by concurrent changes, try again";
	if (extack && *extack)
		return req_extack(req, extack, off);
	switch (err) {
	case EEXIST:
		if (req->cmd->id == ARPPROXY_CMD_BINDING_ADD)
			return "binding exists (use replace)";
		if (req->cmd->id == ARPPROXY_CMD_ACL_ADD)
			return "the interface has a rule with that pref";
		break;
	case ENOENT:
		if (req->cmd->id == ARPPROXY_CMD_BINDING_DEL)
			return "no such binding";
		if (req->cmd->id == ARPPROXY_CMD_ACL_DEL)
			return "no such rule";
		if (req->cmd->id == ARPPROXY_CMD_ANNOUNCE && (req->attrs & REQ_ATTR(IFINDEX)))
			return "nothing to announce: no binding covers the prefix on that interface";
		if (req->cmd->id == ARPPROXY_CMD_ANNOUNCE)
			return "nothing to announce: no binding with dev covers the prefix "
			       "(those without are announced only with dev)";
		break;
	case EBUSY:
		if (req->cmd->id == ARPPROXY_CMD_RESTORE_BEGIN)
			return "another restore is in progress";
		if (req->cmd->id == ARPPROXY_CMD_ANNOUNCE)
			return XSTR(ARPPROXY_ANNOUNCE_JOBS_MAX)
			       " announcements are still running, try again later";
		break;
	case E2BIG:
		if (req->cmd->id == ARPPROXY_CMD_ANNOUNCE)
			return "more than " XSTR(ARPPROXY_ANNOUNCE_MAX)
			       " addresses to announce (announce a longer prefix)";
		break;
	case ENODEV:
		if (req->cmd->id == ARPPROXY_CMD_STATS_GET)
			return "no counters for this interface (only Ethernet interfaces have them)";
		break;
	case EPERM:
		return "permission denied (need CAP_NET_ADMIN)";
	}
	return strerror(err);
}
