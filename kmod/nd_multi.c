// SPDX-License-Identifier: GPL-2.0
/*
 * Receiving the solicitations at all: they go to the solicited-node groups
 * of their targets, which real NICs filter out unless the host has joined
 * them. An Ethernet interface that an IPv6 binding applies to is kept in
 * allmulti mode, as one reference on the kernel's count (an
 * administrator's own allmulti stays theirs), and let go when none does
 * or when it leaves.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include "arpproxy.h"

/* @dev, with counters @ds, as the live table wants it. RTNL and an->lock held. */
static void arpproxy_nd_multi_set(struct arpproxy_net *an, struct net_device *dev,
				  struct arpproxy_dev_stats *ds)
{
	bool want = arpproxy_table_has6(&arpproxy_config_live(an)->table, dev->ifindex);

	if (want != ds->allmulti && !dev_set_allmulti(dev, want ? 1 : -1))
		ds->allmulti = want;
}

/* After the IPv6 bindings changed: every interface as they want it. */
void arpproxy_nd_multi_sync(struct net *net, struct arpproxy_net *an)
{
	struct arpproxy_dev_stats *ds;
	struct net_device *dev;

	ASSERT_RTNL();
	lockdep_assert_held(&an->lock);
	for_each_netdev(net, dev) {
		ds = xa_load(&an->dev_stats, dev->ifindex);
		if (ds)
			arpproxy_nd_multi_set(an, dev, ds);
	}
}

/* A new interface in the netns, once it has counters. */
void arpproxy_nd_multi_dev_add(struct arpproxy_net *an, struct net_device *dev)
{
	struct arpproxy_dev_stats *ds = xa_load(&an->dev_stats, dev->ifindex);

	ASSERT_RTNL();
	if (ds)
		arpproxy_nd_multi_set(an, dev, ds);
}

/* An interface leaving the netns, or the module going: our reference goes. */
void arpproxy_nd_multi_dev_del(struct arpproxy_net *an, struct net_device *dev)
{
	struct arpproxy_dev_stats *ds = xa_load(&an->dev_stats, dev->ifindex);

	ASSERT_RTNL();
	if (ds && ds->allmulti && !dev_set_allmulti(dev, -1))
		ds->allmulti = false;
}
