// SPDX-License-Identifier: GPL-2.0
/*
 * The announce command: gratuitous ARP, or unsolicited Neighbor
 * Advertisements, for what bindings answer for.
 */
#include "nl.h"

int arpproxy_nl_announce_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *nest = info->attrs[ARPPROXY_A_ANNOUNCE];
	struct nlattr *tb[ARPPROXY_ANNOUNCE_A_MAX + 1];
	struct arpproxy_binding_spec spec = {};
	struct arpproxy_announce *a = NULL;
	unsigned int count, interval;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_ANNOUNCE))
		return -EINVAL;
	err = nla_parse_nested(tb, ARPPROXY_ANNOUNCE_A_MAX, nest,
			       arpproxy_announce_nl_policy, info->extack);
	if (err)
		return err;
	err = arpproxy_nl_prefix_any(info->extack, nest, tb, ARPPROXY_ANNOUNCE_A_PREFIX4,
				     ARPPROXY_ANNOUNCE_A_PREFIX6, ARPPROXY_ANNOUNCE_A_PLEN, &spec);
	if (err)
		return err;
	if (tb[ARPPROXY_ANNOUNCE_A_REPLY] && spec.family == AF_INET6) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_ANNOUNCE_A_REPLY],
				    "IPv6 announces with advertisements, not ARP replies");
		return -EINVAL;
	}
	if (tb[ARPPROXY_ANNOUNCE_A_IFINDEX])
		spec.ifindex = nla_get_u32(tb[ARPPROXY_ANNOUNCE_A_IFINDEX]);

	mutex_lock(&an->lock);
	err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_ANNOUNCE_A_IFINDEX], info->extack);
	if (!err)
		err = arpproxy_announce_build(arpproxy_config_live(an), &spec, &a);
	mutex_unlock(&an->lock);
	if (err == -ENOENT)
		NL_SET_ERR_MSG_MOD(info->extack, "no binding to announce in this prefix");
	else if (err == -E2BIG)
		NL_SET_ERR_MSG_MOD(info->extack, "more than "
				   __stringify(ARPPROXY_ANNOUNCE_MAX) " addresses to announce");
	if (err)
		return err;

	count = tb[ARPPROXY_ANNOUNCE_A_COUNT] ? nla_get_u32(tb[ARPPROXY_ANNOUNCE_A_COUNT]) : 2;
	interval = tb[ARPPROXY_ANNOUNCE_A_INTERVAL] ?
		   nla_get_u32(tb[ARPPROXY_ANNOUNCE_A_INTERVAL]) : 2000;
	err = arpproxy_announce_queue(an, a, count, interval,
				      tb[ARPPROXY_ANNOUNCE_A_REPLY] &&
				      nla_get_u8(tb[ARPPROXY_ANNOUNCE_A_REPLY]));
	if (err)
		NL_SET_ERR_MSG_MOD(info->extack, "too many announcements running");
	return err;
}
