// SPDX-License-Identifier: GPL-2.0
/*
 * Interfaces that answer only while an address is here (iface set IFNAME
 * track ADDR): the virtual address of a VRRP pair, which keepalived (or
 * Pacemaker, or an administrator) configures on the master alone. So the
 * backup stays silent, with no script between the two and no race with
 * one: the hook asks at each request whether the address is configured,
 * one RCU hash lookup, and answers from whichever it finds.
 *
 * An address notifier has a worker tell the transitions: it counts them,
 * sends an event, and on a takeover announces the interface's garp
 * bindings at once, so that the hosts move to the new master's MAC
 * without asking, as they do when carrier comes back.
 */
#include <linux/inetdevice.h>
#include <net/addrconf.h>

#include "arpproxy.h"

/* Whether @conf's tracked address is configured, as @dev's routing domain sees it. */
static bool arpproxy_track_here(struct net *net, const struct net_device *dev,
				const struct arpproxy_iface_conf *conf)
{
	if (conf->track4)
		return __ip_dev_find(net, conf->track4, false);
	return ipv6_chk_addr_and_flags(net, &conf->track6, dev, true, 0, 0);
}

bool arpproxy_tracks(const struct arpproxy_iface_conf *conf)
{
	return conf->track4 || !ipv6_addr_any(&conf->track6);
}

/* The enum arpproxy_track_state of @dev with settings @conf, or 0: no track. */
u8 arpproxy_track_state(struct net *net, const struct net_device *dev,
			const struct arpproxy_iface_conf *conf)
{
	if (!conf || !arpproxy_tracks(conf))
		return 0;
	return arpproxy_track_here(net, dev, conf) ? ARPPROXY_TRACK_ACTIVE :
						     ARPPROXY_TRACK_STANDBY;
}

/* From the hook and the announcement worker, under RCU. */
bool arpproxy_standby(struct net *net, const struct net_device *dev,
		      const struct arpproxy_iface *iface)
{
	return iface && arpproxy_track_state(net, dev, &iface->conf) ==
			ARPPROXY_TRACK_STANDBY;
}

/*
 * Brings every interface's last told state up to date, with an->lock held.
 * With @tell, a change between active and standby is a transition;
 * starting or stopping to track never is: the command's event tells it.
 */
void arpproxy_track_update(struct arpproxy_net *an, bool tell)
{
	struct arpproxy_config *cfg = arpproxy_config_live(an);
	struct arpproxy_dev_stats *ds;
	struct arpproxy_iface *iface;
	struct net_device *dev;
	unsigned long ifindex;
	u8 state;

	xa_for_each(&an->dev_stats, ifindex, ds) {
		iface = arpproxy_iface_get(cfg, ifindex);
		rcu_read_lock();
		dev = dev_get_by_index_rcu(an->net, ifindex);
		state = dev && iface ? arpproxy_track_state(an->net, dev, &iface->conf) : 0;
		rcu_read_unlock();
		if (state == ds->track_state)
			continue;
		if (tell && state && ds->track_state) {
			arpproxy_count_dev(an, ds, state == ARPPROXY_TRACK_ACTIVE ?
					   ARPPROXY_STAT_TRACK_ACTIVE :
					   ARPPROXY_STAT_TRACK_STANDBY);
			arpproxy_notify_iface(an->net, ARPPROXY_CMD_IFACE_TRACK, ifindex,
					      &iface->conf, state);
			if (state == ARPPROXY_TRACK_ACTIVE)
				arpproxy_announce_config(an, cfg, ifindex, false);
		}
		ds->track_state = state;
	}
}

static void arpproxy_track_work(struct work_struct *work)
{
	struct arpproxy_net *an = container_of(work, struct arpproxy_net, track_work);

	mutex_lock(&an->lock);
	arpproxy_track_update(an, true);
	mutex_unlock(&an->lock);
}

/* An address came or went in @net: the worker looks at every interface that tracks. */
void arpproxy_track_changed(struct net *net)
{
	struct arpproxy_net *an = arpproxy_pernet(net);

	/* From softirq too: an IPv6 address whose DAD failed goes from a timer. */
	spin_lock_bh(&an->track_lock);
	if (!an->track_dead)
		queue_work(system_wq, &an->track_work);
	spin_unlock_bh(&an->track_lock);
}

void arpproxy_track_net_init(struct arpproxy_net *an)
{
	spin_lock_init(&an->track_lock);
	INIT_WORK(&an->track_work, arpproxy_track_work);
}

/* Addresses go on until the netns's devices do, after this. */
void arpproxy_track_stop(struct arpproxy_net *an)
{
	spin_lock_bh(&an->track_lock);
	an->track_dead = true;
	spin_unlock_bh(&an->track_lock);
	cancel_work_sync(&an->track_work);
}

static int arpproxy_inetaddr_event(struct notifier_block *nb, unsigned long event,
				   void *ptr)
{
	const struct in_ifaddr *ifa = ptr;

	arpproxy_track_changed(dev_net(ifa->ifa_dev->dev));
	return NOTIFY_DONE;
}

static int arpproxy_inet6addr_event(struct notifier_block *nb, unsigned long event,
				    void *ptr)
{
	const struct inet6_ifaddr *ifa = ptr;

	arpproxy_track_changed(dev_net(ifa->idev->dev));
	return NOTIFY_DONE;
}

static struct notifier_block arpproxy_inetaddr_notifier = {
	.notifier_call = arpproxy_inetaddr_event,
};

static struct notifier_block arpproxy_inet6addr_notifier = {
	.notifier_call = arpproxy_inet6addr_event,
};

int arpproxy_track_init(void)
{
	int err = register_inetaddr_notifier(&arpproxy_inetaddr_notifier);

	if (err)
		return err;
	err = register_inet6addr_notifier(&arpproxy_inet6addr_notifier);
	if (err)
		unregister_inetaddr_notifier(&arpproxy_inetaddr_notifier);
	return err;
}

void arpproxy_track_exit(void)
{
	unregister_inet6addr_notifier(&arpproxy_inet6addr_notifier);
	unregister_inetaddr_notifier(&arpproxy_inetaddr_notifier);
}
