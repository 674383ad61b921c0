// SPDX-License-Identifier: GPL-2.0
/*
 * Events on the "events" multicast group: configuration changes and
 * inspection failures. A netns emits at most event_rate a second, so that a
 * flood of bad ARP cannot turn monitoring into a denial of service; what the
 * limit or a failed allocation keeps back is counted, never silently lost.
 */
#include <linux/moduleparam.h>
#include <linux/netdevice.h>

#include "nl.h"
#include "proto.h"

static unsigned int arpproxy_event_rate = 1000;
module_param_named(event_rate, arpproxy_event_rate, uint, 0644);
MODULE_PARM_DESC(event_rate, "Most events one network namespace sends per second (default 1000)");

/* Lock-free: the one who moves the window on resets it; races only blur it. */
static bool arpproxy_event_budget(struct arpproxy_net *an)
{
	unsigned long start = READ_ONCE(an->event_window);

	if (time_after(jiffies, start + HZ) &&
	    cmpxchg(&an->event_window, start, jiffies) == start)
		atomic_set(&an->event_count, 0);
	return atomic_inc_return(&an->event_count) <= READ_ONCE(arpproxy_event_rate);
}

/* A new event for @net, or NULL when nobody listens or it is dropped. */
static struct sk_buff *arpproxy_event_new(struct net *net, u8 cmd, gfp_t gfp,
					  void **hdr)
{
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct sk_buff *skb;

	if (!genl_has_listeners(&arpproxy_genl_family, net, ARPPROXY_NLGRP_EVENTS))
		return NULL;
	if (!arpproxy_event_budget(an))
		goto dropped;
	skb = genlmsg_new(NLMSG_GOODSIZE, gfp);
	if (!skb)
		goto dropped;
	*hdr = genlmsg_put(skb, 0, 0, &arpproxy_genl_family, 0, cmd);
	if (*hdr)
		return skb;
	nlmsg_free(skb);
dropped:
	arpproxy_count(an, ARPPROXY_STAT_EVENTS_DROPPED);
	return NULL;
}

static void arpproxy_event_send(struct net *net, struct sk_buff *skb, void *hdr,
				int err, gfp_t gfp)
{
	if (err) {
		nlmsg_free(skb);
		arpproxy_count(arpproxy_pernet(net), ARPPROXY_STAT_EVENTS_DROPPED);
		return;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&arpproxy_genl_family, net, skb, 0,
				ARPPROXY_NLGRP_EVENTS, gfp);
}

void arpproxy_notify_binding(struct net *net, u8 cmd,
			     const struct arpproxy_binding_spec *spec)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, cmd, GFP_KERNEL, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr, arpproxy_put_binding(skb, spec, NULL),
				    GFP_KERNEL);
}

/* The nest of the object a flush event is about. */
static int arpproxy_flush_nest(u8 cmd)
{
	switch (cmd) {
	case ARPPROXY_CMD_BINDING_FLUSH:
		return ARPPROXY_A_BINDING;
	case ARPPROXY_CMD_ACL_FLUSH:
		return ARPPROXY_A_ACL;
	default:
		return ARPPROXY_A_STATION;
	}
}

/* Each object's set numbers its ifindex differently. */
static int arpproxy_flush_ifindex(u8 cmd)
{
	switch (cmd) {
	case ARPPROXY_CMD_BINDING_FLUSH:
		return ARPPROXY_BINDING_A_IFINDEX;
	case ARPPROXY_CMD_ACL_FLUSH:
		return ARPPROXY_ACL_A_IFINDEX;
	default:
		return ARPPROXY_STATION_A_IFINDEX;
	}
}

/* Without @ifindex, everything went: the event carries no attribute. */
static int arpproxy_put_flush(struct sk_buff *skb, u8 cmd, int ifindex)
{
	struct nlattr *nest;

	if (!ifindex)
		return 0;
	nest = nla_nest_start(skb, arpproxy_flush_nest(cmd));
	if (!nest || nla_put_u32(skb, arpproxy_flush_ifindex(cmd), ifindex))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

void arpproxy_notify_flush(struct net *net, u8 cmd, int ifindex)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, cmd, GFP_KERNEL, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr, arpproxy_put_flush(skb, cmd, ifindex),
				    GFP_KERNEL);
}

void arpproxy_notify_iface(struct net *net, u8 cmd, int ifindex,
			   const struct arpproxy_iface_conf *conf, u8 track_state)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, cmd, GFP_KERNEL, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_iface(skb, ifindex, conf, NULL, track_state),
				    GFP_KERNEL);
}

/* An ACL rule added or deleted. */
void arpproxy_notify_acl(struct net *net, u8 cmd, int ifindex,
			 const struct arpproxy_acl_rule *rule)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, cmd, GFP_KERNEL, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_acl_rule(skb, ifindex, rule, false),
				    GFP_KERNEL);
}

/* A restore replaced the whole configuration. */
void arpproxy_notify_restore(struct net *net)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, ARPPROXY_CMD_RESTORE_COMMIT, GFP_KERNEL, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr, 0, GFP_KERNEL);
}

static int arpproxy_put_cache_timeout(struct sk_buff *skb, unsigned int timeout)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_CACHE);

	if (!nest || nla_put_u32(skb, ARPPROXY_CACHE_A_TIMEOUT, timeout))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

void arpproxy_notify_cache(struct net *net, unsigned int timeout)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, ARPPROXY_CMD_CACHE_SET, GFP_KERNEL, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_cache_timeout(skb, timeout), GFP_KERNEL);
}

/*
 * What a packet the hook saw did, in the event nest: @arp is NULL for a
 * packet too short to hold one; @limit_type names the limit it ran into,
 * @mac_type the MAC that tells more about it.
 */
static int arpproxy_put_event(struct sk_buff *skb, int ifindex,
			      enum arpproxy_stat reason,
			      const struct arpproxy_arp *arp,
			      int limit_type, u32 limit,
			      int mac_type, const u8 *mac)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_EVENT);

	if (!nest ||
	    nla_put_u32(skb, ARPPROXY_EVENT_A_IFINDEX, ifindex) ||
	    (reason && nla_put_u32(skb, ARPPROXY_EVENT_A_REASON, reason)) ||
	    (arp && (nla_put_be32(skb, ARPPROXY_EVENT_A_SENDER4, arp->sip) ||
		     nla_put(skb, ARPPROXY_EVENT_A_MAC, ETH_ALEN, arp->sha))) ||
	    (limit_type && nla_put_u32(skb, limit_type, limit)) ||
	    (mac && nla_put(skb, mac_type, ETH_ALEN, mac)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* From the hook: @per_host says which limit @arp ran into. */
void arpproxy_notify_rate_limit(struct net *net, const struct net_device *dev,
				const struct arpproxy_arp *arp, bool per_host,
				u32 limit)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, ARPPROXY_CMD_RATE_LIMIT, GFP_ATOMIC, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_event(skb, dev->ifindex, 0, arp,
						       per_host ? ARPPROXY_EVENT_A_RATE_PER_HOST :
						       ARPPROXY_EVENT_A_RATE, limit, 0, NULL),
				    GFP_ATOMIC);
}

/*
 * The event nest of a Neighbor Discovery message: @sender (may be NULL) at
 * @mac, and what else the event has to say.
 */
static int arpproxy_put_event6(struct sk_buff *skb, int ifindex, enum arpproxy_stat reason,
			       const struct in6_addr *sender, const u8 *mac,
			       int extra_type, u32 extra, const u8 *expected)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_EVENT);

	if (!nest ||
	    nla_put_u32(skb, ARPPROXY_EVENT_A_IFINDEX, ifindex) ||
	    (reason && nla_put_u32(skb, ARPPROXY_EVENT_A_REASON, reason)) ||
	    (sender && nla_put_in6_addr(skb, ARPPROXY_EVENT_A_SENDER6, sender)) ||
	    (mac && nla_put(skb, ARPPROXY_EVENT_A_MAC, ETH_ALEN, mac)) ||
	    (extra_type && nla_put_u32(skb, extra_type, extra)) ||
	    (expected && nla_put(skb, ARPPROXY_EVENT_A_EXPECTED_MAC, ETH_ALEN, expected)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* From the IPv6 hook, as arpproxy_notify_rate_limit() for ARP. */
void arpproxy_notify_rate_limit6(struct net *net, const struct net_device *dev,
				 const struct in6_addr *sender, const u8 *mac,
				 bool per_host, u32 limit)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, ARPPROXY_CMD_RATE_LIMIT, GFP_ATOMIC, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_event6(skb, dev->ifindex, 0, sender, mac,
							per_host ? ARPPROXY_EVENT_A_RATE_PER_HOST :
							ARPPROXY_EVENT_A_RATE, limit, NULL),
				    GFP_ATOMIC);
}

/*
 * From the IPv6 hook: an advertisement claiming @target for @mac failed
 * inspection; both NULL for a malformed one.
 */
void arpproxy_notify_spoof6(struct net *net, const struct net_device *dev,
			    enum arpproxy_stat reason, const struct in6_addr *target,
			    const u8 *mac, const u8 *expected)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, ARPPROXY_CMD_SPOOF, GFP_ATOMIC, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_event6(skb, dev->ifindex, reason, target, mac,
							0, 0, expected),
				    GFP_ATOMIC);
}

/* From the hook: @arp is NULL for a packet too short to hold one. */
void arpproxy_notify_spoof(struct net *net, const struct net_device *dev,
			   enum arpproxy_stat reason,
			   const struct arpproxy_arp *arp, const u8 *expected)
{
	struct sk_buff *skb;
	void *hdr;

	skb = arpproxy_event_new(net, ARPPROXY_CMD_SPOOF, GFP_ATOMIC, &hdr);
	if (skb)
		arpproxy_event_send(net, skb, hdr,
				    arpproxy_put_event(skb, dev->ifindex, reason, arp, 0, 0,
						       ARPPROXY_EVENT_A_EXPECTED_MAC, expected),
				    GFP_ATOMIC);
}

/* A station learnt, or (with @old_mac) claimed by another MAC: from the hook. */
void arpproxy_notify_station(struct net *net, u8 cmd, int ifindex,
			     const struct arpproxy_claim *cl, const u8 *old_mac)
{
	struct nlattr *nest;
	struct sk_buff *skb;
	void *hdr;
	int err;

	skb = arpproxy_event_new(net, cmd, GFP_ATOMIC, &hdr);
	if (!skb)
		return;
	nest = nla_nest_start(skb, ARPPROXY_A_EVENT);
	err = !nest ||
	      nla_put_u32(skb, ARPPROXY_EVENT_A_IFINDEX, ifindex) ||
	      (cl->addr6 ? nla_put_in6_addr(skb, ARPPROXY_EVENT_A_SENDER6, cl->addr6) :
			   nla_put_be32(skb, ARPPROXY_EVENT_A_SENDER4, cl->ip)) ||
	      nla_put(skb, ARPPROXY_EVENT_A_MAC, ETH_ALEN, cl->mac) ||
	      (old_mac && nla_put(skb, ARPPROXY_EVENT_A_OLD_MAC, ETH_ALEN, old_mac));
	if (!err)
		nla_nest_end(skb, nest);
	arpproxy_event_send(net, skb, hdr, err ? -EMSGSIZE : 0, GFP_ATOMIC);
}
