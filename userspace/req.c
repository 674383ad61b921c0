// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
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
};

struct nlmsghdr *req_build(const struct req *req, void *buf, uint16_t family,
			   uint32_t seq)
{
	const struct cmd *cmd = req->cmd;
	struct nlmsghdr *nlh;

	nlh = nl_msg_start(buf, family, cmd->kind == REQ_DUMP ? NLM_F_DUMP : NLM_F_ACK,
			   seq, cmd->id, ARPPROXY_GENL_VERSION);
	/* Dumps list everything; show filters them here. */
	if (cmd->kind == REQ_DUMP)
		return nlh;
	if (req->attrs & REQ_ATTR(PREFIX))
		mnl_attr_put(nlh, ARPPROXY_A_PREFIX, sizeof(req->prefix), &req->prefix);
	if (req->attrs & REQ_ATTR(PLEN))
		mnl_attr_put_u8(nlh, ARPPROXY_A_PLEN, req->plen);
	if (req->attrs & REQ_ATTR(IFINDEX))
		mnl_attr_put_u32(nlh, ARPPROXY_A_IFINDEX, req->ifindex);
	if (req->attrs & REQ_ATTR(MAC))
		mnl_attr_put(nlh, ARPPROXY_A_MAC, ETH_ALEN, req->mac);
	if (req->attrs & REQ_ATTR(FLAGS))
		mnl_attr_put_u32(nlh, ARPPROXY_A_FLAGS, req->flags);
	if (req->attrs & REQ_ATTR(PROXY_MODE))
		mnl_attr_put_u8(nlh, ARPPROXY_A_PROXY_MODE, req->proxy_mode);
	if (req->attrs & REQ_ATTR(INSPECT))
		mnl_attr_put_u8(nlh, ARPPROXY_A_INSPECT, req->inspect_mode);
	return nlh;
}

int req_parse_msg(const struct nlmsghdr *nlh, unsigned int need,
		  const struct nlattr **tb)
{
	unsigned int type, have = 0;

	if (nl_parse(nlh, GENL_HDRLEN, reply_policy, ARPPROXY_A_MAX, tb))
		return -EBADMSG;
	for (type = 0; type <= ARPPROXY_A_MAX; type++)
		if (tb[type])
			have |= 1U << type;
	return (have & need) == need ? 0 : -EBADMSG;
}

int req_parse_reply(const struct req *req, const struct nlmsghdr *nlh,
		    const struct nlattr **tb)
{
	return req_parse_msg(nlh, req->cmd->reply, tb);
}

/* Known cases get words that say what to do; the rest the kernel's own. */
const char *req_strerror(const struct req *req, int err, const char *extack)
{
	switch (err) {
	case EEXIST:
		if (req->cmd->id == ARPPROXY_CMD_BINDING_ADD)
			return "binding exists (use replace)";
		break;
	case ENOENT:
		if (req->cmd->id == ARPPROXY_CMD_BINDING_DEL)
			return "no such binding";
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
