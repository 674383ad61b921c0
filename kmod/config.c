// SPDX-License-Identifier: GPL-2.0
/*
 * Configurations: bindings, interface settings, ACLs and the cache
 * timeout, as one object. The live one is swapped for another in one
 * pointer store, so that every ARP frame is answered from the old
 * configuration or the new one, never from a mix; nl_restore.c builds the
 * new one aside (an->staged) with the ordinary commands.
 */
#include <linux/slab.h>

#include "arpproxy.h"

struct arpproxy_config *arpproxy_config_new(void)
{
	struct arpproxy_config *cfg = kzalloc(sizeof(*cfg), GFP_KERNEL_ACCOUNT);

	if (!cfg)
		return NULL;
	if (arpproxy_table_init(&cfg->table)) {
		kfree(cfg);
		return NULL;
	}
	xa_init(&cfg->ifaces);
	xa_init(&cfg->acls);
	cfg->cache_timeout = ARPPROXY_CACHE_TIMEOUT_DEFAULT;
	atomic_inc(&arpproxy_objects);
	return cfg;
}

/* Called once no reader can see @cfg any more. */
void arpproxy_config_free(struct arpproxy_config *cfg)
{
	arpproxy_table_destroy(&cfg->table);
	arpproxy_ifaces_destroy(cfg);
	arpproxy_acls_destroy(cfg);
	kfree(cfg);
	atomic_dec(&arpproxy_objects);
}

struct arpproxy_config *arpproxy_config_live(struct arpproxy_net *an)
{
	return rcu_dereference_protected(an->config, lockdep_is_held(&an->lock));
}

/* @ifindex is going: drop what @cfg holds for it; @live says who hears. */
void arpproxy_config_forget_dev(struct net *net, struct arpproxy_config *cfg,
				int ifindex, bool live)
{
	if (arpproxy_table_flush(&cfg->table, ifindex) && live)
		arpproxy_notify_flush(net, ARPPROXY_CMD_BINDING_FLUSH, ifindex);
	if (live)
		arpproxy_announce_cancel(arpproxy_pernet(net), NULL, ifindex);
	arpproxy_iface_forget(cfg, ifindex);
	if (arpproxy_acl_forget(cfg, ifindex) && live)
		arpproxy_notify_flush(net, ARPPROXY_CMD_ACL_FLUSH, ifindex);
}

void arpproxy_staged_drop(struct arpproxy_net *an)
{
	struct arpproxy_config *cfg = an->staged;

	WRITE_ONCE(an->staged, NULL);
	/* The hook never saw it. */
	if (cfg)
		arpproxy_config_free(cfg);
}

void arpproxy_restore_abort(struct arpproxy_net *an)
{
	mutex_lock(&an->lock);
	arpproxy_staged_drop(an);
	mutex_unlock(&an->lock);
}

/*
 * @cfg becomes the live configuration; the caller holds an->lock, and
 * frees the old one it gets back once no reader can see it.
 */
struct arpproxy_config *arpproxy_config_swap(struct arpproxy_net *an,
					     struct arpproxy_config *cfg)
{
	struct arpproxy_config *old = arpproxy_config_live(an);

	/* Dumps in progress must see the change. */
	cfg->table.gen = old->table.gen + 1;
	cfg->acl_gen = old->acl_gen + 1;
	rcu_assign_pointer(an->config, cfg);
	arpproxy_cache_timeout_change(an, old->cache_timeout, cfg->cache_timeout);
	/* The old bindings' announcements go, the new ones' start. */
	arpproxy_announce_cancel(an, NULL, 0);
	arpproxy_announce_config(an, cfg, 0, true);
	/* Where the new settings start is no transition either. */
	arpproxy_track_update(an, false);
	arpproxy_expire_schedule(an);
	return old;
}
