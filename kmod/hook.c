// SPDX-License-Identifier: GPL-2.0
/*
 * The responder: an NF_ARP_IN hook that inspects ARP where asked to and
 * answers requests from the binding table, within the interface's ACL and
 * rate limits, and learns the senders it sees where asked to. It runs
 * under RCU only and allocates nothing but the reply, and an event when a
 * packet fails inspection, a rate limit starts dropping or a station is
 * new or changes while someone listens.
 */
#include <linux/netfilter_arp.h>
#include <linux/inetdevice.h>
#include <net/arp.h>
#include <net/ip_fib.h>

#include "arpproxy.h"
#include "proto.h"

/*
 * After the arptables/nft filter chains (priority 0), so that firewall rules
 * on incoming ARP still apply to what arpproxy answers.
 */
#define ARPPROXY_HOOK_PRIORITY	100

/* Is @addr inside a subnet configured on @dev? */
static bool arpproxy_on_link(const struct net_device *dev, __be32 addr)
{
	const struct in_device *in_dev = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;

	if (!in_dev)
		return false;
	in_dev_for_each_ifa_rcu(ifa, in_dev)
		if (inet_ifa_match(addr, ifa))
			return true;
	return false;
}

/*
 * RFC 1027: would the kernel forward a packet to @arp's target out of
 * another device? Like proxy_arp, only when @dev forwards at all.
 */
static bool arpproxy_routes_elsewhere(struct net *net, struct net_device *dev,
				      const struct arpproxy_arp *arp)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);
	struct flowi4 fl4 = {
		.flowi4_iif = dev->ifindex,
		.daddr = arp->tip,
		.saddr = arp->sip,
	};
	struct fib_result res;

	if (!in_dev || !IN_DEV_FORWARD(in_dev))
		return false;
	if (fib_lookup(net, &fl4, &res, 0) || res.type != RTN_UNICAST)
		return false;
	return FIB_RES_DEV(res) != dev;
}

/*
 * Send the reply through arp_xmit(), so NF_ARP_OUT rules still apply. The
 * Ethernet source is always @dev's own address; only the ARP sender
 * hardware address carries a binding's MAC, when it has one.
 */
static bool arpproxy_reply(struct net_device *dev,
			   const struct arpproxy_arp *req, const u8 *mac)
{
	struct sk_buff *skb;

	skb = arp_create(ARPOP_REPLY, ETH_P_ARP, req->sip, dev, req->tip,
			 req->sha, dev->dev_addr, req->sha);
	if (!skb)
		return false;
	if (mac && !is_zero_ether_addr(mac))
		ether_addr_copy(skb_network_header(skb) + sizeof(struct arphdr), mac);
	arp_xmit(skb);
	return true;
}

/*
 * The answer to one request. ACL and rate limits only see requests the
 * module would answer: a denied one is left to the kernel, which still
 * answers for its own addresses; one over a rate limit is dropped.
 */
static enum arpproxy_stat arpproxy_decide(struct net *net, struct arpproxy_net *an,
					  struct arpproxy_config *cfg,
					  struct arpproxy_iface *iface,
					  struct net_device *dev,
					  const struct arpproxy_arp *arp)
{
	struct arpproxy_facts facts = {};
	struct arpproxy_binding *b;
	enum arpproxy_stat verdict;

	b = arpproxy_table_lookup(&cfg->table, arp->tip, dev->ifindex);
	if (!b && !(iface && iface->conf.proxy_mode == ARPPROXY_PROXY_ROUTE))
		return ARPPROXY_STAT_NO_BINDING;
	facts.bound = b;
	facts.flags = b ? b->flags : 0;
	facts.local = __ip_dev_find(net, arp->tip, false);
	facts.on_link = arpproxy_on_link(dev, arp->tip);
	facts.routed_elsewhere = !b && arpproxy_routes_elsewhere(net, dev, arp);
	verdict = arpproxy_verdict(&facts);
	if (verdict != ARPPROXY_STAT_REPLIES)
		return verdict;
	if (arpproxy_acl_denies(cfg, dev->ifindex, arp))
		return ARPPROXY_STAT_ACL_DENIED;
	if (iface && arpproxy_rate_limited(net, iface, dev, arp))
		return ARPPROXY_STAT_RATE_LIMITED;

	if (!arpproxy_reply(dev, arp, b ? b->mac : NULL))
		return ARPPROXY_STAT_TX_ERROR;
	if (b)
		atomic64_inc(&b->hits);
	return ARPPROXY_STAT_REPLIES;
}

static const char *const arpproxy_check_names[] = {
	[ARPPROXY_STAT_BAD_FORMAT] = "malformed",
	[ARPPROXY_STAT_BAD_SRC_MAC] = "Ethernet source is not the sender MAC",
	[ARPPROXY_STAT_BAD_DST_MAC] = "Ethernet destination is not the target MAC",
	[ARPPROXY_STAT_BAD_SENDER_IP] = "bad sender IP",
	[ARPPROXY_STAT_BAD_SENDER_MAC] = "bad sender MAC",
	[ARPPROXY_STAT_STATIC_MISMATCH] = "static binding mismatch",
	[ARPPROXY_STAT_PIN_MISMATCH] = "pinned station mismatch",
	[ARPPROXY_STAT_PIN_OFF_SUBNET] = "sender outside the interface's subnets",
};

/*
 * ARP inspection: the first check the packet fails, logged and announced,
 * or 0. Every ARP packet on an inspecting interface is checked, not only
 * requests, so that lies never reach the kernel's own neighbour table.
 */
static enum arpproxy_stat arpproxy_inspect_packet(struct net *net,
						  struct arpproxy_config *cfg,
						  const struct arpproxy_iface *iface,
						  const struct sk_buff *skb,
						  const struct net_device *dev,
						  const struct arpproxy_arp *arp)
{
	const struct ethhdr *eth = eth_hdr(skb);
	const struct arpproxy_binding *b;
	const u8 *expected = NULL;
	enum arpproxy_stat failed;
	u8 pinned[ETH_ALEN];

	if (!skb_mac_header_was_set(skb))
		failed = ARPPROXY_STAT_BAD_FORMAT;
	else
		failed = arpproxy_inspect(arp, skb->len, eth->h_source, eth->h_dest);
	if (!failed && arp->sip) {
		b = arpproxy_table_lookup(&cfg->table, arp->sip, dev->ifindex);
		if (b && (b->flags & ARPPROXY_BINDING_F_STATIC) &&
		    !ether_addr_equal(b->mac, arp->sha)) {
			failed = ARPPROXY_STAT_STATIC_MISMATCH;
			expected = b->mac;
		} else if (iface->conf.inspect == ARPPROXY_INSPECT_PIN && !b &&
			   !arpproxy_on_link(dev, arp->sip)) {
			/* Nobody may pin, nor crowd the cache with, what is not here. */
			failed = ARPPROXY_STAT_PIN_OFF_SUBNET;
		} else if (iface->conf.inspect == ARPPROXY_INSPECT_PIN &&
			   arpproxy_cache_pinned(arpproxy_pernet(net), cfg, dev->ifindex,
						 arp, pinned)) {
			failed = ARPPROXY_STAT_PIN_MISMATCH;
			expected = pinned;
		}
	}
	if (!failed)
		return 0;

	if (!arp)
		net_warn_ratelimited("%s: %s ARP packet\n", dev->name,
				     arpproxy_check_names[failed]);
	else if (expected)
		net_warn_ratelimited("%s: %s: %pI4 claimed by %pM, expected %pM\n",
				     dev->name, arpproxy_check_names[failed],
				     &arp->sip, arp->sha, expected);
	else
		net_warn_ratelimited("%s: %s: %pI4 claimed by %pM\n", dev->name,
				     arpproxy_check_names[failed], &arp->sip, arp->sha);
	arpproxy_notify_spoof(net, dev, failed, arp, expected);
	return failed;
}

/*
 * arp_rcv() has already dropped frames for other hosts (promiscuous mode)
 * and looped-back ones, so everything here was sent to us.
 */
static unsigned int arpproxy_hook(void *priv, struct sk_buff *skb,
				  const struct nf_hook_state *state)
{
	struct arpproxy_net *an = priv;
	struct net_device *dev = state->in;
	struct arpproxy_dev_stats *ds;
	struct arpproxy_config *cfg;
	struct arpproxy_iface *iface;
	const struct arpproxy_arp *arp;
	struct arpproxy_arp buf;
	enum arpproxy_stat verdict;

	ds = xa_load(&an->dev_stats, dev->ifindex);
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_FRAMES);
	arp = skb_header_pointer(skb, 0, sizeof(buf), &buf);
	/* One configuration for the whole frame, even across a restore. */
	cfg = rcu_dereference(an->config);
	iface = arpproxy_iface_get(cfg, dev->ifindex);
	if (iface && iface->conf.inspect != ARPPROXY_INSPECT_OFF) {
		verdict = arpproxy_inspect_packet(state->net, cfg, iface, skb, dev, arp);
		if (verdict) {
			arpproxy_count_dev(an, ds, verdict);
			if (iface->conf.inspect != ARPPROXY_INSPECT_LOG) {
				arpproxy_count_dev(an, ds, ARPPROXY_STAT_SPOOF_DROPPED);
				return NF_DROP;
			}
			arpproxy_count_dev(an, ds, ARPPROXY_STAT_SPOOF_LOGGED);
		}
	}
	if (!arp || dev->type != ARPHRD_ETHER) {
		arpproxy_count_dev(an, ds, ARPPROXY_STAT_INVALID);
		return NF_ACCEPT;
	}
	verdict = arpproxy_classify(arp);
	/* What the kernel's ARP code is about to see, it learns too. */
	if (verdict != ARPPROXY_STAT_INVALID && iface && iface->conf.learn)
		arpproxy_cache_learn(state->net, cfg, ds, dev, arp);
	if (verdict == ARPPROXY_STAT_INVALID || verdict == ARPPROXY_STAT_NOT_REQUEST) {
		arpproxy_count_dev(an, ds, verdict);
		return NF_ACCEPT;
	}
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_REQUESTS);
	if (verdict == ARPPROXY_STAT_REQUESTS)
		verdict = arpproxy_decide(state->net, an, cfg, iface, dev, arp);
	arpproxy_count_dev(an, ds, verdict);
	if (verdict == ARPPROXY_STAT_RATE_LIMITED)
		return NF_DROP;
	if (verdict != ARPPROXY_STAT_REPLIES)
		return NF_ACCEPT;
	/* Answered: the kernel must neither answer nor queue it too. */
	consume_skb(skb);
	return NF_STOLEN;
}

int arpproxy_hook_register(struct net *net, struct arpproxy_net *an)
{
	an->hook_ops = (struct nf_hook_ops) {
		.hook = arpproxy_hook,
		.pf = NFPROTO_ARP,
		.hooknum = NF_ARP_IN,
		.priority = ARPPROXY_HOOK_PRIORITY,
		.priv = an,
	};
	return nf_register_net_hook(net, &an->hook_ops);
}

void arpproxy_hook_unregister(struct net *net, struct arpproxy_net *an)
{
	nf_unregister_net_hook(net, &an->hook_ops);
}
