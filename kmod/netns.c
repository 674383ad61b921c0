// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state, and dropping what belongs to an interface
 * when that interface leaves the namespace.
 */
#include <linux/netdevice.h>

#include "arpproxy.h"

unsigned int arpproxy_net_id __read_mostly;

void arpproxy_stats_read(struct arpproxy_net *an, struct arpproxy_stats *sum)
{
	int cpu, i;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct arpproxy_stats *s = per_cpu_ptr(an->stats, cpu);

		for (i = 0; i <= ARPPROXY_STAT_MAX; i++)
			sum->count[i] += READ_ONCE(s->count[i]);
	}
}

static int __net_init arpproxy_net_init(struct net *net)
{
	struct arpproxy_net *an = arpproxy_pernet(net);
	int err;

	mutex_init(&an->lock);
	xa_init(&an->ifaces);
	an->stats = alloc_percpu_gfp(struct arpproxy_stats, GFP_KERNEL_ACCOUNT);
	if (!an->stats)
		return -ENOMEM;
	err = arpproxy_table_init(&an->table);
	if (err)
		goto err_stats;
	err = arpproxy_hook_register(net, an);
	if (err)
		goto err_table;
	return 0;

err_table:
	arpproxy_table_destroy(&an->table);
err_stats:
	free_percpu(an->stats);
	return err;
}

/* The netns core waits for RCU readers between pre_exit and exit. */
static void __net_exit arpproxy_net_pre_exit(struct net *net)
{
	arpproxy_hook_unregister(net, arpproxy_pernet(net));
}

static void __net_exit arpproxy_net_exit(struct net *net)
{
	struct arpproxy_net *an = arpproxy_pernet(net);

	arpproxy_table_destroy(&an->table);
	arpproxy_ifaces_destroy(an);
	free_percpu(an->stats);
	mutex_destroy(&an->lock);
}

static struct pernet_operations arpproxy_net_ops = {
	.init = arpproxy_net_init,
	.pre_exit = arpproxy_net_pre_exit,
	.exit = arpproxy_net_exit,
	.id = &arpproxy_net_id,
	.size = sizeof(struct arpproxy_net),
};

/*
 * An unregistered interface takes its bindings and settings along, so a
 * later interface that reuses the ifindex starts clean. Moving a device to
 * another netns unregisters it from this one too.
 */
static int arpproxy_netdev_event(struct notifier_block *nb, unsigned long event,
				 void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct arpproxy_net *an;

	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;
	an = arpproxy_pernet(dev_net(dev));
	mutex_lock(&an->lock);
	if (arpproxy_table_flush(&an->table, dev->ifindex))
		arpproxy_notify_flush(dev_net(dev), dev->ifindex);
	arpproxy_iface_forget(an, dev->ifindex);
	mutex_unlock(&an->lock);
	return NOTIFY_DONE;
}

static struct notifier_block arpproxy_netdev_notifier = {
	.notifier_call = arpproxy_netdev_event,
};

int arpproxy_netns_init(void)
{
	int err;

	err = register_pernet_subsys(&arpproxy_net_ops);
	if (err)
		return err;
	err = register_netdevice_notifier(&arpproxy_netdev_notifier);
	if (err)
		unregister_pernet_subsys(&arpproxy_net_ops);
	return err;
}

void arpproxy_netns_exit(void)
{
	unregister_netdevice_notifier(&arpproxy_netdev_notifier);
	unregister_pernet_subsys(&arpproxy_net_ops);
}
