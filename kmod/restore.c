// SPDX-License-Identifier: GPL-2.0
/*
 * Configurations, and restoring one atomically. A socket that begins a
 * restore builds a new configuration with the ordinary commands, aside
 * from the one in use; commit swaps it in with one pointer store, so every
 * ARP frame is answered from the old configuration or the new one, never
 * from an empty or half-loaded table. If the socket goes away first, its
 * configuration goes with it.
 */
#include <linux/netlink.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

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

/* What a change from @info applies to: its restore, or the live one. */
struct arpproxy_config *arpproxy_config_of(struct arpproxy_net *an,
					   const struct genl_info *info)
{
	if (an->staged && an->staged_portid == info->snd_portid)
		return an->staged;
	return arpproxy_config_live(an);
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

static void arpproxy_staged_drop(struct arpproxy_net *an)
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

/* A new, empty configuration for the caller; one restore at a time. */
int arpproxy_cmd_restore_begin(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_net *an = arpproxy_pernet(genl_info_net(info));
	struct arpproxy_config *cfg;
	int err = 0;

	cfg = arpproxy_config_new();
	if (!cfg)
		return -ENOMEM;
	mutex_lock(&an->lock);
	if (an->staged && an->staged_portid != info->snd_portid) {
		NL_SET_ERR_MSG_MOD(info->extack, "another restore is in progress");
		err = -EBUSY;
	} else {
		arpproxy_staged_drop(an);
		WRITE_ONCE(an->staged_portid, info->snd_portid);
		WRITE_ONCE(an->staged, cfg);
		cfg = NULL;
	}
	mutex_unlock(&an->lock);
	if (cfg)
		arpproxy_config_free(cfg);
	return err;
}

static struct arpproxy_config *arpproxy_restore_take(struct arpproxy_net *an,
						     struct genl_info *info)
{
	struct arpproxy_config *cfg = an->staged;

	if (!cfg || an->staged_portid != info->snd_portid) {
		NL_SET_ERR_MSG_MOD(info->extack, "no restore in progress on this socket");
		return NULL;
	}
	WRITE_ONCE(an->staged, NULL);
	return cfg;
}

int arpproxy_cmd_restore_commit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_config *cfg, *old;

	mutex_lock(&an->lock);
	cfg = arpproxy_restore_take(an, info);
	if (!cfg) {
		mutex_unlock(&an->lock);
		return -ENOENT;
	}
	old = arpproxy_config_live(an);
	/* Dumps in progress must see the change. */
	cfg->table.gen = old->table.gen + 1;
	cfg->acl_gen = old->acl_gen + 1;
	rcu_assign_pointer(an->config, cfg);
	arpproxy_cache_timeout_change(an, old->cache_timeout, cfg->cache_timeout);
	/* The old bindings' announcements go, the new ones' start. */
	arpproxy_announce_cancel(an, NULL, 0);
	arpproxy_announce_config(an, cfg, 0, true);
	arpproxy_notify_restore(net);
	mutex_unlock(&an->lock);

	synchronize_rcu();
	arpproxy_config_free(old);
	return 0;
}

int arpproxy_cmd_restore_abort(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_net *an = arpproxy_pernet(genl_info_net(info));
	struct arpproxy_config *cfg;

	mutex_lock(&an->lock);
	cfg = arpproxy_restore_take(an, info);
	mutex_unlock(&an->lock);
	if (!cfg)
		return -ENOENT;
	arpproxy_config_free(cfg);
	return 0;
}

/* A restoring socket closed without committing: its restore is abandoned. */
static int arpproxy_netlink_event(struct notifier_block *nb,
				  unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;
	struct arpproxy_net *an;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC)
		return NOTIFY_DONE;
	an = arpproxy_pernet(n->net);
	if (READ_ONCE(an->staged) && READ_ONCE(an->staged_portid) == n->portid) {
		mutex_lock(&an->lock);
		if (an->staged_portid == n->portid)
			arpproxy_staged_drop(an);
		mutex_unlock(&an->lock);
	}
	return NOTIFY_DONE;
}

static struct notifier_block arpproxy_netlink_notifier = {
	.notifier_call = arpproxy_netlink_event,
};

int arpproxy_restore_init(void)
{
	return netlink_register_notifier(&arpproxy_netlink_notifier);
}

void arpproxy_restore_exit(void)
{
	netlink_unregister_notifier(&arpproxy_netlink_notifier);
}
