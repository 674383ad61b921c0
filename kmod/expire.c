// SPDX-License-Identifier: GPL-2.0
/*
 * Bindings with a lifetime (binding add ... lifetime SECONDS), such as the
 * DHCP server's leases that lease-hook turns into static bindings. The
 * table keeps them in the order they run out (table_lifetime.c); one
 * delayed work per netns sleeps until the first does, and removes what has
 * run out as "binding del" would, counted and told by an event of its own.
 */
#include <linux/rtnetlink.h>

#include "arpproxy.h"

/* Bindings removed per hold of the locks, which writers wait on. */
#define ARPPROXY_EXPIRE_BATCH	64

/* The longest sleep: jiffies are an unsigned long, the expiries a u64. */
#define ARPPROXY_EXPIRE_SLEEP_MAX	(3600UL * HZ)

/* (Re)arms the work for the live table's first expiry; an->lock held. */
void arpproxy_expire_schedule(struct arpproxy_net *an)
{
	u64 next = arpproxy_table_next_expiry(&arpproxy_config_live(an)->table);
	u64 now = get_jiffies_64();

	lockdep_assert_held(&an->lock);
	if (!next || an->expire_dead)
		return;
	mod_delayed_work(system_wq, &an->expire_work,
			 next > now ? min_t(u64, next - now, ARPPROXY_EXPIRE_SLEEP_MAX) : 0);
}

static void arpproxy_expire_work(struct work_struct *work)
{
	struct arpproxy_net *an = container_of(to_delayed_work(work), struct arpproxy_net,
					       expire_work);
	struct arpproxy_binding_spec spec;
	struct arpproxy_table *t;
	unsigned int n = 0;
	bool v6 = false;

	/* RTNL first, as binding commands take it: IPv6 ones move multicast filters. */
	rtnl_lock();
	mutex_lock(&an->lock);
	t = &arpproxy_config_live(an)->table;
	while (!an->expire_dead && n++ < ARPPROXY_EXPIRE_BATCH &&
	       arpproxy_table_expire(t, get_jiffies_64(), &spec)) {
		arpproxy_announce_cancel(an, &spec, 0);
		arpproxy_count_dev(an, spec.ifindex ? xa_load(&an->dev_stats, spec.ifindex) : NULL,
				   ARPPROXY_STAT_BINDING_EXPIRED);
		arpproxy_notify_binding(an->net, ARPPROXY_CMD_BINDING_EXPIRE, &spec);
		v6 |= spec.family == AF_INET6;
	}
	if (v6)
		arpproxy_nd_multi_sync(an->net, an, NULL, true);
	arpproxy_expire_schedule(an);
	mutex_unlock(&an->lock);
	rtnl_unlock();
}

void arpproxy_expire_net_init(struct arpproxy_net *an)
{
	INIT_DELAYED_WORK(&an->expire_work, arpproxy_expire_work);
}

/* Nothing expires in a netns that is going; its table goes whole. */
void arpproxy_expire_stop(struct arpproxy_net *an)
{
	mutex_lock(&an->lock);
	an->expire_dead = true;
	mutex_unlock(&an->lock);
	cancel_delayed_work_sync(&an->expire_work);
}
