// SPDX-License-Identifier: GPL-2.0
/*
 * Restoring a configuration atomically. A socket that begins a restore
 * builds a new configuration with the ordinary commands, aside from the
 * one in use; commit swaps it in (config.c). If the socket goes away
 * first, its configuration goes with it.
 */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "nl.h"

/* What a change from @info applies to: its restore, or the live one. */
struct arpproxy_config *arpproxy_config_of(struct arpproxy_net *an,
					   const struct genl_info *info)
{
	if (an->staged && an->staged_portid == info->snd_portid)
		return an->staged;
	return arpproxy_config_live(an);
}

/* A new, empty configuration for the caller; one restore at a time. */
int arpproxy_nl_restore_begin_doit(struct sk_buff *skb, struct genl_info *info)
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

int arpproxy_nl_restore_commit_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_config *cfg, *old;

	/* RTNL first, for the multicast filters, as binding changes take it. */
	rtnl_lock();
	mutex_lock(&an->lock);
	cfg = arpproxy_restore_take(an, info);
	if (!cfg) {
		mutex_unlock(&an->lock);
		rtnl_unlock();
		return -ENOENT;
	}
	old = arpproxy_config_swap(an, cfg);
	arpproxy_nd_multi_restore(net, an);
	arpproxy_notify_restore(net);
	mutex_unlock(&an->lock);
	rtnl_unlock();

	synchronize_rcu();
	arpproxy_config_free(old);
	return 0;
}

int arpproxy_nl_restore_abort_doit(struct sk_buff *skb, struct genl_info *info)
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
