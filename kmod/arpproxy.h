/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ARPPROXY_H
#define _ARPPROXY_H

#include <linux/mutex.h>
#include <linux/netfilter.h>
#include <linux/percpu.h>
#include <linux/xarray.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <linux/arpproxy.h>

#include "table.h"

struct arpproxy_stats {
	u64 count[ARPPROXY_STAT_MAX + 1];
};

/* Everything arpproxy keeps for one network namespace. */
struct arpproxy_net {
	struct mutex lock;		/* serializes every writer below */
	struct arpproxy_table table;
	struct xarray ifaces;		/* ifindex -> struct arpproxy_iface */
	struct arpproxy_stats __percpu *stats;
	struct arpproxy_stats stats_base; /* what "stats reset" subtracts */
	unsigned long event_window;	/* jiffies: start of this second's events */
	atomic_t event_count;		/* events in it */
	struct nf_hook_ops hook_ops;
};

/* Settings of one interface; absent from ifaces when all are defaults. */
struct arpproxy_iface {
	u8 proxy_mode;			/* enum arpproxy_proxy_mode */
	u8 inspect;			/* enum arpproxy_inspect_mode */
	struct rcu_head rcu;
};

extern unsigned int arpproxy_net_id;

static inline struct arpproxy_net *arpproxy_pernet(const struct net *net)
{
	return net_generic(net, arpproxy_net_id);
}

static inline void arpproxy_count(struct arpproxy_net *an, enum arpproxy_stat s)
{
	this_cpu_inc(an->stats->count[s]);
}

void arpproxy_stats_read(struct arpproxy_net *an, struct arpproxy_stats *sum);

int arpproxy_netns_init(void);
void arpproxy_netns_exit(void);

int arpproxy_hook_register(struct net *net, struct arpproxy_net *an);
void arpproxy_hook_unregister(struct net *net, struct arpproxy_net *an);

extern struct genl_family arpproxy_genl_family;
enum { ARPPROXY_MCGRP_EVENTS_ID };	/* index in the family's groups */

int arpproxy_genl_init(void);
void arpproxy_genl_exit(void);
int arpproxy_put_binding(struct sk_buff *skb,
			 const struct arpproxy_binding_spec *spec);
int arpproxy_put_iface(struct sk_buff *skb, int ifindex,
		       const struct arpproxy_iface *settings);

struct arpproxy_arp;
void arpproxy_notify_binding(struct net *net, u8 cmd,
			     const struct arpproxy_binding_spec *spec);
void arpproxy_notify_flush(struct net *net, int ifindex);
void arpproxy_notify_iface(struct net *net, int ifindex,
			   const struct arpproxy_iface *settings);
void arpproxy_notify_spoof(struct net *net, const struct net_device *dev,
			   enum arpproxy_stat reason,
			   const struct arpproxy_arp *arp, const u8 *expected);

/* Interface settings. Writers hold an->lock; readers use RCU. */
const struct arpproxy_iface *arpproxy_iface_get(struct arpproxy_net *an,
						int ifindex);
int arpproxy_iface_set(struct arpproxy_net *an, int ifindex,
		       const struct arpproxy_iface *settings);
void arpproxy_iface_forget(struct arpproxy_net *an, int ifindex);
void arpproxy_ifaces_destroy(struct arpproxy_net *an);

#endif /* _ARPPROXY_H */
