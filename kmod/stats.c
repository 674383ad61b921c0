// SPDX-License-Identifier: GPL-2.0
/*
 * Counters: per netns, and per Ethernet interface for as long as it is in
 * the netns. All are per-CPU; readers add them up, and "stats reset" only
 * moves the base they are read against.
 */
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

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
	kfree(ds->nd_groups);
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
