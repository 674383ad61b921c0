// SPDX-License-Identifier: GPL-2.0
/*
 * Per-interface settings, keyed by ifindex. An interface with default
 * settings has no entry, so the hook pays one xarray load at most.
 */
#include <linux/slab.h>

#include "arpproxy.h"

const struct arpproxy_iface *arpproxy_iface_get(struct arpproxy_net *an,
						int ifindex)
{
	return xa_load(&an->ifaces, ifindex);
}

static bool arpproxy_iface_is_default(const struct arpproxy_iface *s)
{
	return s->proxy_mode == ARPPROXY_PROXY_OFF &&
	       s->inspect == ARPPROXY_INSPECT_OFF;
}

void arpproxy_iface_forget(struct arpproxy_net *an, int ifindex)
{
	struct arpproxy_iface *old = xa_erase(&an->ifaces, ifindex);

	if (old)
		kfree_rcu(old, rcu);
}

/* Settings are replaced whole, so a reader never sees half an update. */
int arpproxy_iface_set(struct arpproxy_net *an, int ifindex,
		       const struct arpproxy_iface *settings)
{
	struct arpproxy_iface *old, *ns;

	if (arpproxy_iface_is_default(settings)) {
		arpproxy_iface_forget(an, ifindex);
		return 0;
	}
	ns = kmemdup(settings, sizeof(*ns), GFP_KERNEL_ACCOUNT);
	if (!ns)
		return -ENOMEM;
	old = xa_store(&an->ifaces, ifindex, ns, GFP_KERNEL_ACCOUNT);
	if (xa_is_err(old)) {
		kfree(ns);
		return xa_err(old);
	}
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

/* Called once no reader can see the settings any more. */
void arpproxy_ifaces_destroy(struct arpproxy_net *an)
{
	struct arpproxy_iface *s;
	unsigned long ifindex;

	xa_for_each(&an->ifaces, ifindex, s)
		kfree(s);
	xa_destroy(&an->ifaces);
}
