// SPDX-License-Identifier: GPL-2.0
/* The counter commands: stats get (do and dump) and reset. */
#include <net/sock.h>

#include "nl.h"

/* ARPPROXY_A_STATS: the counters of @pcpu, read against @base. */
static int arpproxy_put_stats(struct sk_buff *skb,
			      struct arpproxy_stats __percpu *pcpu,
			      const struct arpproxy_stats *base)
{
	struct arpproxy_stats now;
	struct nlattr *nest;
	int i;

	arpproxy_stats_read(pcpu, base, &now);
	nest = nla_nest_start(skb, ARPPROXY_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 1; i <= ARPPROXY_STAT_MAX; i++) {
		if (nla_put_u64_64bit(skb, i, now.count[i], ARPPROXY_STAT_UNSPEC)) {
			nla_nest_cancel(skb, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(skb, nest);
	return 0;
}

#define ARPPROXY_STATS_SIZE	(nla_total_size(sizeof(u32)) + nla_total_size(0) + \
				 ARPPROXY_STAT_MAX * nla_total_size_64bit(sizeof(u64)))

/* The netns's counters, or with ARPPROXY_A_IFINDEX that interface's. */
int arpproxy_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_net *an = arpproxy_pernet(genl_info_net(info));
	struct nlattr *attr = info->attrs[ARPPROXY_A_IFINDEX];
	struct arpproxy_dev_stats *ds = NULL;
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = arpproxy_reply_new(info, ARPPROXY_CMD_STATS_GET, ARPPROXY_STATS_SIZE, &hdr);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&an->lock);
	if (attr) {
		ds = xa_load(&an->dev_stats, nla_get_u32(attr));
		if (!ds) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr,
					    "no counters for this interface");
			err = -ENODEV;
			goto out;
		}
		err = nla_put_u32(msg, ARPPROXY_A_IFINDEX, nla_get_u32(attr));
		if (err)
			goto out;
	}
	err = ds ? arpproxy_put_stats(msg, ds->pcpu, &ds->base) :
		   arpproxy_put_stats(msg, an->stats, &an->stats_base);
out:
	mutex_unlock(&an->lock);
	return arpproxy_reply_send(msg, hdr, info, err);
}

/* One message per interface with counters, by ifindex. */
int arpproxy_nl_stats_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	struct arpproxy_dev_stats *ds;
	unsigned long ifindex;
	void *hdr;
	int err;

	err = arpproxy_nl_dump_check(cb);
	if (err)
		return err;
	mutex_lock(&an->lock);
	xa_for_each_start(&an->dev_stats, ifindex, ds, cb->args[0]) {
		hdr = arpproxy_dump_put(skb, cb, ARPPROXY_CMD_STATS_GET);
		if (!hdr)
			break;
		if (nla_put_u32(skb, ARPPROXY_A_IFINDEX, ifindex) ||
		    arpproxy_put_stats(skb, ds->pcpu, &ds->base)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = ifindex + 1;
	}
	mutex_unlock(&an->lock);
	return skb->len;
}

/* Per-CPU counters cannot be zeroed under the writers: remember a base. */
int arpproxy_nl_stats_reset_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_net *an = arpproxy_pernet(genl_info_net(info));

	mutex_lock(&an->lock);
	arpproxy_stats_reset(an);
	mutex_unlock(&an->lock);
	return 0;
}
