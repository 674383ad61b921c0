// SPDX-License-Identifier: GPL-2.0
/*
 * Receiving the solicitations at all: they go to the solicited-node groups
 * of their targets, which real NICs filter out unless the host has joined
 * them. On an Ethernet interface, the module joins the group of each host
 * binding that answers there, ARPPROXY_ND_GROUPS_MAX of them at most, the
 * way the kernel joins its own addresses' groups (so MLD-snooping switches
 * learn them too). The addresses of a prefix binding are too many to join:
 * with one, or with host bindings it could not join, the interface is put
 * in allmulti mode instead, as one reference on the kernel's count (an
 * administrator's own allmulti stays theirs).
 *
 * Invariant, after every sync: for each address, the interface holds no
 * more joins than host bindings of that address answer on it, and it is
 * in allmulti whenever it holds fewer joins in all than such bindings.
 * All of it under RTNL and the netns's lock, on the live table only.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/addrconf.h>

#include "arpproxy.h"

/* The host bindings of @addr, from the live table, that answer on @dev. */
static unsigned int arpproxy_nd_hosts_of(struct arpproxy_table *t, const struct net_device *dev,
					 const struct in6_addr *addr)
{
	struct arpproxy_binding_spec spec = {
		.family = AF_INET6, .addr6 = *addr, .plen = 128, .ifindex = dev->ifindex,
	};
	const struct arpproxy_binding *b;
	unsigned int n = 0;

	b = arpproxy_table_find(t, &spec);
	n += b && !(b->flags & ARPPROXY_BINDING_F_EXCLUDE);
	spec.ifindex = 0;
	b = arpproxy_table_find(t, &spec);
	n += b && !(b->flags & ARPPROXY_BINDING_F_EXCLUDE);
	return n;
}

static unsigned int arpproxy_nd_joins_of(const struct arpproxy_dev_stats *ds,
					 const struct in6_addr *addr)
{
	unsigned int i, n = 0;

	for (i = 0; i < ds->nd_joined; i++)
		n += ipv6_addr_equal(&ds->nd_groups[i], addr);
	return n;
}

/* Join @addr's solicited-node group on @dev, if there is room and IPv6. */
static void arpproxy_nd_join(struct net_device *dev, struct arpproxy_dev_stats *ds,
			     const struct in6_addr *addr)
{
	struct in6_addr group;

	if (ds->nd_joined >= ARPPROXY_ND_GROUPS_MAX)
		return;
	if (!ds->nd_groups) {
		ds->nd_groups = kcalloc(ARPPROXY_ND_GROUPS_MAX, sizeof(*ds->nd_groups),
					GFP_KERNEL_ACCOUNT);
		if (!ds->nd_groups)
			return;
	}
	addrconf_addr_solict_mult(addr, &group);
	if (ipv6_dev_mc_inc(dev, &group))
		return;
	ds->nd_groups[ds->nd_joined] = *addr;
	WRITE_ONCE(ds->nd_joined, ds->nd_joined + 1);
}

/* Leave the group of the @i-th join; the last join takes its place. */
static void arpproxy_nd_leave(struct net_device *dev, struct arpproxy_dev_stats *ds,
			      unsigned int i)
{
	struct in6_addr group;

	addrconf_addr_solict_mult(&ds->nd_groups[i], &group);
	/* A device whose IPv6 is already gone has left every group. */
	ipv6_dev_mc_dec(dev, &group);
	ds->nd_groups[i] = ds->nd_groups[ds->nd_joined - 1];
	WRITE_ONCE(ds->nd_joined, ds->nd_joined - 1);
}

/* Join @spec, a binding of the live table, on @dev if it answers there unjoined. */
static void arpproxy_nd_join_host(struct arpproxy_table *t, struct net_device *dev,
				  struct arpproxy_dev_stats *ds,
				  const struct arpproxy_binding_spec *spec)
{
	if (ds->nd_joined < ARPPROXY_ND_GROUPS_MAX &&
	    spec->family == AF_INET6 && spec->plen == 128 &&
	    !(spec->flags & ARPPROXY_BINDING_F_EXCLUDE) &&
	    (!spec->ifindex || spec->ifindex == dev->ifindex) &&
	    arpproxy_nd_joins_of(ds, &spec->addr6) < arpproxy_nd_hosts_of(t, dev, &spec->addr6))
		arpproxy_nd_join(dev, ds, &spec->addr6);
}

/*
 * @dev, with counters @ds, as the live table wants it: if bindings may have
 * @gone, joins whose binding went are left, @added (a binding just added
 * or replaced, or NULL) is joined if it can be, and allmulti covers what
 * is not joined. A mere addition leaves every join valid: a batch of host
 * bindings must not pay for checking all 64 on every line.
 */
static void arpproxy_nd_multi_set(struct arpproxy_net *an, struct net_device *dev,
				  struct arpproxy_dev_stats *ds,
				  const struct arpproxy_binding_spec *added, bool gone)
{
	struct arpproxy_table *t = &arpproxy_config_live(an)->table;
	unsigned int i = 0;
	bool want;

	while (gone && i < ds->nd_joined) {
		const struct in6_addr *a = &ds->nd_groups[i];

		if (arpproxy_nd_joins_of(ds, a) > arpproxy_nd_hosts_of(t, dev, a))
			arpproxy_nd_leave(dev, ds, i);
		else
			i++;
	}
	if (added)
		arpproxy_nd_join_host(t, dev, ds, added);
	want = arpproxy_table_prefixes6(t, dev->ifindex) ||
	       arpproxy_table_hosts6(t, dev->ifindex) > ds->nd_joined;
	if (want != ds->allmulti && !dev_set_allmulti(dev, want ? 1 : -1))
		WRITE_ONCE(ds->allmulti, want);
}

/* After the live table's IPv6 bindings changed, with @added and @gone as above. */
void arpproxy_nd_multi_sync(struct net *net, struct arpproxy_net *an,
			    const struct arpproxy_binding_spec *added, bool gone)
{
	struct arpproxy_dev_stats *ds;
	struct net_device *dev;

	ASSERT_RTNL();
	lockdep_assert_held(&an->lock);
	for_each_netdev(net, dev) {
		ds = xa_load(&an->dev_stats, dev->ifindex);
		if (ds)
			arpproxy_nd_multi_set(an, dev, ds, added, gone);
	}
}

/*
 * After a restore replaced the live table: the joins it no longer wants
 * left, its host bindings joined in order while there is room, then
 * allmulti where they do not all fit. One walk of the IPv6 bindings.
 */
void arpproxy_nd_multi_restore(struct net *net, struct arpproxy_net *an)
{
	struct arpproxy_table *t = &arpproxy_config_live(an)->table;
	struct arpproxy_binding_spec spec;
	const struct arpproxy_binding *b;
	struct arpproxy_dev_stats *ds;
	struct net_device *dev;

	arpproxy_nd_multi_sync(net, an, NULL, true);
	for (b = arpproxy_table_next6(t, NULL); b; b = arpproxy_table_next6(t, &spec)) {
		arpproxy_binding_spec_of(b, &spec);
		cond_resched();
		if (spec.plen != 128)
			continue;
		for_each_netdev(net, dev) {
			if (spec.ifindex && dev->ifindex != spec.ifindex)
				continue;
			ds = xa_load(&an->dev_stats, dev->ifindex);
			if (ds)
				arpproxy_nd_join_host(t, dev, ds, &spec);
		}
	}
	arpproxy_nd_multi_sync(net, an, NULL, false);
}

/* A new interface in the netns, once it has counters. */
void arpproxy_nd_multi_dev_add(struct arpproxy_net *an, struct net_device *dev)
{
	struct arpproxy_dev_stats *ds = xa_load(&an->dev_stats, dev->ifindex);

	ASSERT_RTNL();
	if (ds)
		arpproxy_nd_multi_set(an, dev, ds, NULL, true);
}

/* An interface leaving the netns, or the module going: our references go. */
void arpproxy_nd_multi_dev_del(struct arpproxy_net *an, struct net_device *dev)
{
	struct arpproxy_dev_stats *ds = xa_load(&an->dev_stats, dev->ifindex);

	ASSERT_RTNL();
	if (!ds)
		return;
	while (ds->nd_joined)
		arpproxy_nd_leave(dev, ds, ds->nd_joined - 1);
	if (ds->allmulti && !dev_set_allmulti(dev, -1))
		WRITE_ONCE(ds->allmulti, false);
}
