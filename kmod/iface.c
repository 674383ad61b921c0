// SPDX-License-Identifier: GPL-2.0
/*
 * Per-interface settings, keyed by ifindex. An interface with default
 * settings has no entry, so the hook pays one xarray load at most.
 */
#include <linux/random.h>
#include <linux/slab.h>

#include "arpproxy.h"

struct arpproxy_iface *arpproxy_iface_get(struct arpproxy_config *cfg, int ifindex)
{
	return xa_load(&cfg->ifaces, ifindex);
}

static bool arpproxy_iface_is_default(const struct arpproxy_iface_conf *conf)
{
	return conf->proxy_mode == ARPPROXY_PROXY_OFF &&
	       conf->inspect == ARPPROXY_INSPECT_OFF && !conf->rarp && !conf->learn &&
	       !conf->rate && !conf->per_host && !arpproxy_tracks(conf);
}

static void arpproxy_iface_free(struct arpproxy_iface *iface)
{
	kvfree(iface);
	atomic_dec(&arpproxy_objects);
}

static void arpproxy_iface_free_rcu(struct rcu_head *head)
{
	arpproxy_iface_free(container_of(head, struct arpproxy_iface, rcu));
}

void arpproxy_iface_forget(struct arpproxy_config *cfg, int ifindex)
{
	struct arpproxy_iface *old = xa_erase(&cfg->ifaces, ifindex);

	if (old)
		call_rcu(&old->rcu, arpproxy_iface_free_rcu);
}

/* Settings are replaced whole, so a reader never sees half an update. */
int arpproxy_iface_set(struct arpproxy_config *cfg, int ifindex,
		       const struct arpproxy_iface_conf *conf)
{
	unsigned int slots = conf->per_host ? arpproxy_rate_host_slots() : 0;
	struct arpproxy_iface *old, *iface;

	if (arpproxy_iface_is_default(conf)) {
		arpproxy_iface_forget(cfg, ifindex);
		return 0;
	}
	iface = kvzalloc(struct_size(iface, host, slots), GFP_KERNEL_ACCOUNT);
	if (!iface)
		return -ENOMEM;
	atomic_inc(&arpproxy_objects);
	iface->conf = *conf;
	iface->host_mask = slots ? slots - 1 : 0;
	iface->host_seed = get_random_u32();
	old = xa_store(&cfg->ifaces, ifindex, iface, GFP_KERNEL_ACCOUNT);
	if (xa_is_err(old)) {
		arpproxy_iface_free(iface);
		return xa_err(old);
	}
	if (old)
		call_rcu(&old->rcu, arpproxy_iface_free_rcu);
	return 0;
}

/* Called once no reader can see the settings any more. */
void arpproxy_ifaces_destroy(struct arpproxy_config *cfg)
{
	struct arpproxy_iface *iface;
	unsigned long ifindex;

	xa_for_each(&cfg->ifaces, ifindex, iface)
		arpproxy_iface_free(iface);
	xa_destroy(&cfg->ifaces);
}
