// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state, and dropping what belongs to an interface
 * when that interface leaves the namespace.
 */
#include <linux/netdevice.h>
#include <linux/netfilter_arp.h>
#include <linux/netfilter_ipv6.h>

#include "arpproxy.h"

unsigned int arpproxy_net_id __read_mostly;

/*
 * Configurations, interface settings, ACLs and interface counters alive in
 * all namespaces: zero once the module is down, or it leaked some
 * (bindings have their own slab cache, which tells).
 */
atomic_t arpproxy_objects = ATOMIC_INIT(0);

/*
 * After the arptables/nft filter chains (priority 0), so that firewall rules
 * on incoming ARP, and on IPv6 before routing, still apply to what
 * arpproxy answers.
 */
#define ARPPROXY_HOOK_PRIORITY	100

/* The responders of the netns: ARP's (hook.c) and IPv6's (hook6.c). */
static int arpproxy_hook_register(struct net *net, struct arpproxy_net *an)
{
	an->hook_ops[0] = (struct nf_hook_ops) {
		.hook = arpproxy_hook,
		.pf = NFPROTO_ARP,
		.hooknum = NF_ARP_IN,
		.priority = ARPPROXY_HOOK_PRIORITY,
		.priv = an,
	};
	an->hook_ops[1] = (struct nf_hook_ops) {
		.hook = arpproxy_hook6,
		.pf = NFPROTO_IPV6,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = ARPPROXY_HOOK_PRIORITY,
		.priv = an,
	};
	return nf_register_net_hooks(net, an->hook_ops, ARRAY_SIZE(an->hook_ops));
}

static void arpproxy_hook_unregister(struct net *net, struct arpproxy_net *an)
{
	nf_unregister_net_hooks(net, an->hook_ops, ARRAY_SIZE(an->hook_ops));
}

static int __net_init arpproxy_net_init(struct net *net)
{
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_config *cfg;
	int err;

	mutex_init(&an->lock);
	xa_init(&an->dev_stats);
	err = arpproxy_announce_init(an, net);
	if (err)
		return err;
	arpproxy_cache_net_init(an);
	arpproxy_track_net_init(an);
	arpproxy_expire_net_init(an);
	err = -ENOMEM;
	an->stats = alloc_percpu_gfp(struct arpproxy_stats, GFP_KERNEL_ACCOUNT);
	if (!an->stats)
		goto err_announce;
	cfg = arpproxy_config_new();
	if (!cfg)
		goto err_stats;
	RCU_INIT_POINTER(an->config, cfg);
	err = arpproxy_hook_register(net, an);
	if (err)
		goto err_config;
	return 0;

err_config:
	arpproxy_config_free(cfg);
err_stats:
	free_percpu(an->stats);
err_announce:
	arpproxy_announce_stop(an);
	return err;
}

/* The netns core waits for RCU readers between pre_exit and exit. */
static void __net_exit arpproxy_net_pre_exit(struct net *net)
{
	struct arpproxy_net *an = arpproxy_pernet(net);

	arpproxy_track_stop(an);
	arpproxy_expire_stop(an);
	arpproxy_announce_stop(an);
	arpproxy_cache_stop(an);
	arpproxy_hook_unregister(net, an);
}

static void __net_exit arpproxy_net_exit(struct net *net)
{
	struct arpproxy_net *an = arpproxy_pernet(net);

	arpproxy_restore_abort(an);
	arpproxy_config_free(rcu_dereference_protected(an->config, true));
	arpproxy_dev_stats_destroy(an);
	arpproxy_cache_destroy(an);
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
 * An interface that comes up with carrier, or regains it, announces its
 * garp bindings, as failover expects: once its operational state is up,
 * which the kernel sets after carrier, when the link can carry frames.
 */
static void arpproxy_netdev_link(struct arpproxy_net *an, struct net_device *dev)
{
	bool carrier = netif_running(dev) && netif_oper_up(dev);
	struct arpproxy_dev_stats *ds;

	mutex_lock(&an->lock);
	ds = xa_load(&an->dev_stats, dev->ifindex);
	if (ds && carrier && !ds->carrier)
		arpproxy_announce_config(an, arpproxy_config_live(an), dev->ifindex, false);
	if (ds)
		ds->carrier = carrier;
	mutex_unlock(&an->lock);
}

/*
 * A registered Ethernet interface gets its counters. An unregistered one
 * takes them, its bindings, settings, ACL and stations along, so that a
 * later one reusing the ifindex starts clean. Moving a device to another
 * netns unregisters it from this one and registers it in the other.
 */
static int arpproxy_netdev_event(struct notifier_block *nb, unsigned long event,
				 void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct arpproxy_net *an = arpproxy_pernet(dev_net(dev));

	switch (event) {
	case NETDEV_REGISTER:
		mutex_lock(&an->lock);
		arpproxy_dev_stats_add(an, dev);
		arpproxy_nd_multi_dev_add(an, dev);
		mutex_unlock(&an->lock);
		return NOTIFY_DONE;
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		arpproxy_netdev_link(an, dev);
		return NOTIFY_DONE;
	case NETDEV_UNREGISTER:
		break;
	default:
		return NOTIFY_DONE;
	}
	arpproxy_announce_forget_dev(an, dev->ifindex);
	mutex_lock(&an->lock);
	arpproxy_nd_multi_dev_del(an, dev);
	arpproxy_cache_forget_dev(dev_net(dev), dev->ifindex);
	arpproxy_dev_stats_del(an, dev->ifindex);
	arpproxy_config_forget_dev(dev_net(dev), arpproxy_config_live(an),
				   dev->ifindex, true);
	if (an->staged)
		arpproxy_config_forget_dev(dev_net(dev), an->staged, dev->ifindex,
					   false);
	mutex_unlock(&an->lock);
	return NOTIFY_DONE;
}

static struct notifier_block arpproxy_netdev_notifier = {
	.notifier_call = arpproxy_netdev_event,
};

int arpproxy_netns_init(void)
{
	return register_pernet_subsys(&arpproxy_net_ops);
}

/*
 * Registering replays NETDEV_REGISTER for the interfaces there are, and
 * unregistering replays NETDEV_UNREGISTER, whose flushes are announced:
 * the netlink family must be there for both.
 */
int arpproxy_netdev_init(void)
{
	return register_netdevice_notifier(&arpproxy_netdev_notifier);
}

void arpproxy_netdev_exit(void)
{
	unregister_netdevice_notifier(&arpproxy_netdev_notifier);
}

void arpproxy_netns_exit(void)
{
	unregister_pernet_subsys(&arpproxy_net_ops);
	/* Wait for the call_rcu() frees before counting what is left. */
	rcu_barrier();
	WARN(atomic_read(&arpproxy_objects), "arpproxy: %d objects leaked\n",
	     atomic_read(&arpproxy_objects));
}
