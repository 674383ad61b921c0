// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <linux/genetlink.h>
#include <libmnl/libmnl.h>

#include "nl.h"
#include "req.h"

static const struct nl_policy reply_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_VERSION] = { MNL_TYPE_NUL_STRING, 0 },
	[ARPPROXY_A_PREFIX] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_PLEN] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_IFINDEX] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_MAC] = { MNL_TYPE_BINARY, ETH_ALEN },
	[ARPPROXY_A_FLAGS] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_HITS] = { MNL_TYPE_U64, 0 },
	[ARPPROXY_A_PROXY_MODE] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_STATS] = { MNL_TYPE_NESTED, 0 },
	[ARPPROXY_A_INSPECT] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_REASON] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_SENDER_IP] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_EXPECTED_MAC] = { MNL_TYPE_BINARY, ETH_ALEN },
	[ARPPROXY_A_ACTION] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_PREF] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_RATE] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_RATE_BURST] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_RATE_PER_HOST] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_RARP] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_GARP] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_REFRESH] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_LEARN] = { MNL_TYPE_U8, 0 },
	[ARPPROXY_A_CACHE_TIMEOUT] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_CACHE_SIZE] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_CACHE_STATIONS] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_FIRST_SEEN] = { MNL_TYPE_U64, 0 },
	[ARPPROXY_A_LAST_SEEN] = { MNL_TYPE_U64, 0 },
	[ARPPROXY_A_PACKETS] = { MNL_TYPE_U64, 0 },
	[ARPPROXY_A_CHANGES] = { MNL_TYPE_U32, 0 },
	[ARPPROXY_A_OLD_MAC] = { MNL_TYPE_BINARY, ETH_ALEN },
};

/* Where struct req holds each attribute it sends, in the kernel's byte order. */
#define REQ_FIELD(name, field) \
	[ARPPROXY_A_##name] = { offsetof(struct req, field), \
				sizeof(((struct req *)NULL)->field) }

static const struct {
	size_t offset;
	size_t len;
} req_fields[] = {
	REQ_FIELD(PREFIX, prefix),
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
};

struct nlmsghdr *req_build(const struct req *req, void *buf, uint16_t family,
			   uint32_t seq)
{
	const struct cmd *cmd = req->cmd;
	struct nlmsghdr *nlh;
	unsigned int type;

	nlh = nl_msg_start(buf, family, cmd->kind == REQ_DUMP ? NLM_F_DUMP : NLM_F_ACK,
			   seq, cmd->id, ARPPROXY_GENL_VERSION);
	/* Most dumps list everything, and show filters them here. */
	if (cmd->kind == REQ_DUMP && !cmd->filter)
		return nlh;
	for (type = 0; type < MNL_ARRAY_SIZE(req_fields); type++)
		if ((req->attrs & (UINT64_C(1) << type)) && req_fields[type].len)
			mnl_attr_put(nlh, type, req_fields[type].len,
				     (const char *)req + req_fields[type].offset);
	return nlh;
}

int req_parse_msg(const struct nlmsghdr *nlh, uint64_t need,
		  const struct nlattr **tb)
{
	uint64_t have = 0;
	unsigned int type;

	if (nl_parse(nlh, GENL_HDRLEN, reply_policy, ARPPROXY_A_MAX, tb))
		return -EBADMSG;
	for (type = 0; type <= ARPPROXY_A_MAX; type++)
		if (tb[type])
			have |= UINT64_C(1) << type;
	return (have & need) == need ? 0 : -EBADMSG;
}

int req_parse_reply(const struct req *req, const struct nlmsghdr *nlh,
		    const struct nlattr **tb)
{
	return req_parse_msg(nlh, req->cmd->reply, tb);
}

#define STR(x)	#x
#define XSTR(x)	STR(x)

/* Known cases get words that say what to do; the rest the kernel's own. */
const char *req_strerror(const struct req *req, int err, const char *extack)
{
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
	case EINTR:
		if (req->cmd->kind == REQ_DUMP)
			return "dump interrupted by concurrent changes, try again";
		break;
	case EBADMSG:
		return "malformed reply from the arpproxy module";
	}
	return extack && *extack ? extack : strerror(err);
}
