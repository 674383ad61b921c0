// SPDX-License-Identifier: GPL-2.0
/*
 * Counters: per netns, and per Ethernet interface for as long as it is in
 * the netns. All are per-CPU; readers add them up, and "stats reset" only
 * moves the base they are read against.
 */
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "arpproxy.h"

void arpproxy_stats_read(struct arpproxy_stats __percpu *pcpu,
			 const struct arpproxy_stats *base,
			 struct arpproxy_stats *sum)
{
	int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct arpproxy_stats *s = per_cpu_ptr(pcpu, cpu);

		for (i = 0; i <= ARPPROXY_STAT_MAX; i++)
			sum->count[i] += READ_ONCE(s->count[i]);
	}
	for (i = 0; base && i <= ARPPROXY_STAT_MAX; i++)
		sum->count[i] -= base->count[i];
}

static void arpproxy_dev_stats_free(struct arpproxy_dev_stats *ds)
{
	free_percpu(ds->pcpu);
	kfree(ds);
	atomic_dec(&arpproxy_objects);
}

static void arpproxy_dev_stats_free_rcu(struct rcu_head *head)
{
	arpproxy_dev_stats_free(container_of(head, struct arpproxy_dev_stats, rcu));
}

/*
 * A new Ethernet interface in the netns. Without memory it goes uncounted
 * on its own, but still in the netns's counters.
 */
void arpproxy_dev_stats_add(struct arpproxy_net *an, const struct net_device *dev)
{
	struct arpproxy_dev_stats *ds;

	if (dev->type != ARPHRD_ETHER)
		return;
	ds = kzalloc(sizeof(*ds), GFP_KERNEL_ACCOUNT);
	if (!ds)
		return;
	ds->pcpu = alloc_percpu_gfp(struct arpproxy_stats, GFP_KERNEL_ACCOUNT);
	if (!ds->pcpu) {
		kfree(ds);
		return;
	}
	ds->carrier = netif_running(dev) && netif_oper_up(dev);
	/* Stations of an earlier interface with this ifindex are not its own. */
	ds->gen = ++an->dev_gen;
	atomic_inc(&arpproxy_objects);
	if (xa_insert(&an->dev_stats, dev->ifindex, ds, GFP_KERNEL_ACCOUNT))
		arpproxy_dev_stats_free(ds);
}

void arpproxy_dev_stats_del(struct arpproxy_net *an, int ifindex)
{
	struct arpproxy_dev_stats *ds = xa_erase(&an->dev_stats, ifindex);

	if (ds)
		call_rcu(&ds->rcu, arpproxy_dev_stats_free_rcu);
}

/* Called with an->lock held. */
void arpproxy_stats_reset(struct arpproxy_net *an)
{
	struct arpproxy_dev_stats *ds;
	unsigned long ifindex;

	arpproxy_stats_read(an->stats, NULL, &an->stats_base);
	xa_for_each(&an->dev_stats, ifindex, ds)
		arpproxy_stats_read(ds->pcpu, NULL, &ds->base);
}

/* Called once no reader can see them any more. */
void arpproxy_dev_stats_destroy(struct arpproxy_net *an)
{
	struct arpproxy_dev_stats *ds;
	unsigned long ifindex;

	xa_for_each(&an->dev_stats, ifindex, ds)
		arpproxy_dev_stats_free(ds);
	xa_destroy(&an->dev_stats);
}

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
int arpproxy_cmd_stats_get(struct sk_buff *skb, struct genl_info *info)
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
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* One message per interface with counters, by ifindex. */
int arpproxy_dump_stats(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	struct arpproxy_dev_stats *ds;
	unsigned long ifindex;
	void *hdr;

	mutex_lock(&an->lock);
	xa_for_each_start(&an->dev_stats, ifindex, ds, cb->args[0]) {
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				  &arpproxy_genl_family, NLM_F_MULTI,
				  ARPPROXY_CMD_STATS_GET);
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
int arpproxy_cmd_stats_reset(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_net *an = arpproxy_pernet(genl_info_net(info));

	mutex_lock(&an->lock);
	arpproxy_stats_reset(an);
	mutex_unlock(&an->lock);
	return 0;
}
