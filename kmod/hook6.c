// SPDX-License-Identifier: GPL-2.0
/*
 * The IPv6 responder: an NF_INET_PRE_ROUTING hook that answers Neighbor
 * Solicitations for the targets of IPv6 bindings with Neighbor
 * Advertisements, as the kernel's proxy_ndp would (RFC 4861 7.2.8) but at
 * once and from prefixes. It runs under RCU only and allocates nothing but
 * the advertisement and the solicitor's neighbour entry. The interface's
 * rate limits and ACLs apply as to ARP; its inspection holds solicitations
 * and advertisements to static bindings and, under pin, to the stations
 * the cache learnt from them. Announcements (announce.c) send their
 * advertisements through here too.
 */
#include <linux/netfilter_ipv6.h>
#include <net/addrconf.h>
#include <net/ip6_route.h>
#include <net/ndisc.h>

#include "arpproxy.h"
#include "proto.h"
#include "proto6.h"

/* Longer than this, a message carries options no neighbour needs. */
#define ARPPROXY_ND_MAX_LEN	256

/* Whether all of @addr/@plen lies in the prefix of one of @dev's addresses. */
bool arpproxy_on_link6(const struct net_device *dev, const struct in6_addr *addr,
		       unsigned int plen)
{
	const struct inet6_ifaddr *ifa;
	const struct inet6_dev *idev;
	bool on_link = false;

	idev = __in6_dev_get(dev);
	if (!idev)
		return false;
	list_for_each_entry_rcu(ifa, &idev->addr_list, if_list) {
		if (ifa->prefix_len <= plen &&
		    ipv6_prefix_equal(addr, &ifa->addr, ifa->prefix_len)) {
			on_link = true;
			break;
		}
	}
	return on_link;
}

/*
 * What arpproxy_facts_get() finds for IPv4: whether the target is ours,
 * on the ingress link, and which device the kernel routes it out of. An
 * announcement has no @skb and asks from ::.
 */
void arpproxy_facts6_get(struct net *net, const struct sk_buff *skb,
			 const struct net_device *dev,
			 const struct arpproxy_binding *b,
			 const struct in6_addr *saddr,
			 const struct in6_addr *target, struct arpproxy_facts *f)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct flowi6 fl6 = {
		.flowi6_iif = dev->ifindex,
		.flowi6_mark = skb ? skb->mark : 0,
		.daddr = *target,
		.saddr = *saddr,
	};
	struct dst_entry *dst;
	struct rt6_info *rt;

	*f = (struct arpproxy_facts) {
		.bound = b,
		.flags = b ? b->flags : 0,
		.mac_override = b && !is_zero_ether_addr(b->mac) &&
				!ether_addr_equal(b->mac, dev->dev_addr),
		/* Ours in the ingress device's routing domain (VRF), as for IPv4. */
		.local = ipv6_chk_addr_and_flags(net, target, dev, true, 0, IFA_F_TENTATIVE),
		.on_link = ipv6_chk_prefix(target, (struct net_device *)dev),
		.forwarding = idev && READ_ONCE(idev->cnf.forwarding),
	};
	dst = ip6_route_lookup(net, &fl6, skb, 0);
	rt = container_of(dst, struct rt6_info, dst);
	if (!dst->error && !(rt->rt6i_flags & (RTF_LOCAL | RTF_ANYCAST | RTF_REJECT)))
		f->route = dst->dev == dev ? ARPPROXY_ROUTE_INGRESS : ARPPROXY_ROUTE_ELSEWHERE;
	dst_release(dst);
}

/*
 * The advertisement for @target, from @mac, to @daddr: through
 * ndisc_send_skb(), so NF_INET_LOCAL_OUT rules apply and the source is
 * the one the kernel's own proxy answers would have. An answer leaves
 * Override off, as RFC 4861 7.2.8 asks of a proxy; an announcement sets
 * it, so that neighbours take the new address (7.2.6).
 */
bool arpproxy_send_na(struct net_device *dev, const struct in6_addr *daddr,
		      const struct in6_addr *target, const u8 *mac,
		      bool router, bool solicited, bool override)
{
	struct net *net = dev_net(dev);
	int hlen = LL_RESERVED_SPACE(dev) + sizeof(struct ipv6hdr);
	struct in6_addr saddr;
	struct sk_buff *skb;
	struct nd_msg *msg;
	u8 *opt;

	if (ipv6_dev_get_saddr(net, dev, daddr, 0, &saddr))
		return false;
	skb = alloc_skb(hlen + sizeof(*msg) + 8 + dev->needed_tailroom, GFP_ATOMIC);
	if (!skb)
		return false;
	skb->protocol = htons(ETH_P_IPV6);
	skb->dev = dev;
	skb_reserve(skb, hlen);
	skb_reset_transport_header(skb);
	msg = skb_put(skb, sizeof(*msg));
	*msg = (struct nd_msg) {
		.icmph = {
			.icmp6_type = NDISC_NEIGHBOUR_ADVERTISEMENT,
			.icmp6_router = router,
			.icmp6_solicited = solicited,
			.icmp6_override = override,
		},
		.target = *target,
	};
	opt = skb_put(skb, 8);
	opt[0] = ND_OPT_TARGET_LL_ADDR;
	opt[1] = 1;
	ether_addr_copy(opt + 2, mac);
	ndisc_send_skb(skb, daddr, &saddr);
	return true;
}

/*
 * The answer to one valid solicitation. A Duplicate Address Detection
 * probe (from ::) is defended only for a host binding, whose address is
 * one host's; a prefix binding stays silent, so hosts behind it may still
 * configure their addresses.
 */
static enum arpproxy_stat arpproxy_decide6(struct net *net, struct arpproxy_config *cfg,
					   struct arpproxy_iface *iface,
					   const struct sk_buff *skb, struct net_device *dev,
					   const struct ipv6hdr *ip6, const struct arpproxy_nd *ns,
					   const u8 *sllao)
{
	bool dad = ipv6_addr_any(&ip6->saddr);
	struct in6_addr solicitor = ip6->saddr;
	struct arpproxy_requester requester;
	struct arpproxy_facts facts;
	struct arpproxy_binding *b;
	enum arpproxy_stat verdict;
	struct neighbour *n;
	u8 lladdr[ETH_ALEN];

	b = arpproxy_table_lookup6(&cfg->table, &ns->target, dev->ifindex);
	if (!b && !(iface && iface->conf.proxy_mode == ARPPROXY_PROXY_ROUTE))
		return ARPPROXY_STAT_ND_NO_BINDING;
	/* Every link has fe80::/64: a link-local target is always here. */
	if (ipv6_addr_type(&ns->target) & IPV6_ADDR_LINKLOCAL)
		return ARPPROXY_STAT_ND_NOT_OFFSUBNET;
	arpproxy_facts6_get(net, skb, dev, b, &ip6->saddr, &ns->target, &facts);
	verdict = arpproxy_nd_stat(arpproxy_verdict(&facts));
	if (verdict != ARPPROXY_STAT_ND_REPLIES)
		return verdict;
	if (dad && !(b && arpproxy_binding_plen(b) == 128))
		return ARPPROXY_STAT_ND_DAD_IGNORED;
	/* A VRRP backup stays silent: the master answers (track.c). */
	if (arpproxy_standby(net, dev, iface))
		return ARPPROXY_STAT_ND_STANDBY;
	/* A unicast solicitation may leave its link-layer address out. */
	requester = (struct arpproxy_requester){
		.family = dad ? AF_UNSPEC : AF_INET6, .addr6 = &ip6->saddr,
		.mac = sllao ? sllao : eth_hdr(skb)->h_source,
	};
	if (arpproxy_acl_denies(cfg, dev->ifindex, &requester))
		return ARPPROXY_STAT_ND_ACL_DENIED;
	if (iface && arpproxy_rate_limited6(net, iface, dev, &ip6->saddr,
					    eth_hdr(skb)->h_source))
		return ARPPROXY_STAT_ND_RATE_LIMITED;
	/* RFC 4861 7.2.3: the solicitor is about to be answered: learn it. */
	if (sllao) {
		ether_addr_copy(lladdr, sllao);
		n = neigh_event_ns(&nd_tbl, lladdr, &solicitor, dev);
		if (n)
			neigh_release(n);
	}
	if (!arpproxy_send_na(dev, dad ? &in6addr_linklocal_allnodes : &solicitor,
			      &ns->target,
			      b && !is_zero_ether_addr(b->mac) ? b->mac : dev->dev_addr,
			      facts.forwarding, !dad, false))
		return ARPPROXY_STAT_ND_TX_ERROR;
	if (b)
		atomic64_inc(&b->hits);
	return ARPPROXY_STAT_ND_REPLIES;
}

/* An address a neighbour may claim and the station cache hold. */
static bool arpproxy_addr6_station(const struct in6_addr *addr)
{
	int type = ipv6_addr_type(addr);

	return (type & IPV6_ADDR_UNICAST) && !(type & (IPV6_ADDR_LOOPBACK | IPV6_ADDR_MAPPED));
}

static const char *const arpproxy_check6_names[] = {
	[ARPPROXY_STAT_ND_STATIC_MISMATCH] = "static binding mismatch",
	[ARPPROXY_STAT_ND_PIN_MISMATCH] = "pinned station mismatch",
	[ARPPROXY_STAT_ND_PIN_OFF_SUBNET] = "address outside the interface's prefixes",
};

/*
 * ND inspection's check of what a message says: @lladdr, the link-layer
 * address a solicitation gives for its source or an advertisement for its
 * target @addr, must be the MAC of @addr's static binding if it has one
 * and, under inspect pin, of its live station. Under pin nobody may claim
 * an address that is neither link-local, on the interface's prefixes nor
 * bound there. 0, or the check failed, logged and announced.
 */
static enum arpproxy_stat arpproxy_inspect6(struct net *net, struct arpproxy_config *cfg,
					    const struct arpproxy_iface *iface,
					    const struct net_device *dev,
					    const struct in6_addr *addr, const u8 *lladdr)
{
	struct arpproxy_claim claim = { .addr6 = addr, .mac = lladdr };
	bool pin = iface->conf.inspect == ARPPROXY_INSPECT_PIN;
	const struct arpproxy_binding *b;
	const u8 *expected = NULL;
	enum arpproxy_stat failed;
	u8 pinned[ETH_ALEN];

	if (!lladdr || ipv6_addr_any(addr))
		return 0;
	b = arpproxy_table_lookup6(&cfg->table, addr, dev->ifindex);
	if (b && (b->flags & ARPPROXY_BINDING_F_STATIC) && !ether_addr_equal(b->mac, lladdr)) {
		failed = ARPPROXY_STAT_ND_STATIC_MISMATCH;
		expected = b->mac;
	} else if (pin && !b && !(ipv6_addr_type(addr) & IPV6_ADDR_LINKLOCAL) &&
		   !arpproxy_on_link6(dev, addr, 128)) {
		/* Nobody may pin, nor crowd the cache with, what is not here. */
		failed = ARPPROXY_STAT_ND_PIN_OFF_SUBNET;
	} else if (pin && arpproxy_cache_pinned(arpproxy_pernet(net), cfg, dev->ifindex,
						&claim, pinned)) {
		failed = ARPPROXY_STAT_ND_PIN_MISMATCH;
		expected = pinned;
	} else {
		return 0;
	}
	if (expected)
		net_warn_ratelimited("%s: %s: %pI6c claimed by %pM, expected %pM\n", dev->name,
				     arpproxy_check6_names[failed], addr, lladdr, expected);
	else
		net_warn_ratelimited("%s: %s: %pI6c claimed by %pM\n", dev->name,
				     arpproxy_check6_names[failed], addr, lladdr);
	arpproxy_notify_spoof6(net, dev, failed, addr, lladdr, expected);
	return failed;
}

/* What a valid message says of @addr at @lladdr, learnt where asked to. */
static void arpproxy_learn6(struct net *net, struct arpproxy_config *cfg,
			    const struct arpproxy_iface *iface, struct arpproxy_dev_stats *ds,
			    const struct net_device *dev, const struct in6_addr *addr,
			    const u8 *lladdr)
{
	struct arpproxy_claim claim = { .addr6 = addr, .mac = lladdr };

	if (iface && iface->conf.learn && lladdr && arpproxy_addr6_station(addr))
		arpproxy_cache_learn(net, cfg, ds, dev, &claim);
}

/*
 * A message on an interface that inspects failed the check @failed, or
 * none (0): whether it may go on, counted. A lie must not reach the
 * kernel's neighbour table, which learns from both kinds.
 */
static bool arpproxy_inspect6_pass(struct arpproxy_net *an, struct arpproxy_dev_stats *ds,
				   const struct arpproxy_iface *iface, enum arpproxy_stat failed)
{
	if (!failed)
		return true;
	arpproxy_count_dev(an, ds, failed);
	if (iface->conf.inspect == ARPPROXY_INSPECT_LOG) {
		arpproxy_count_dev(an, ds, ARPPROXY_STAT_ND_SPOOF_LOGGED);
		return true;
	}
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_ND_SPOOF_DROPPED);
	return false;
}

/*
 * An advertisement, valid (@verdict) or not, on an interface that
 * inspects or learns.
 */
static unsigned int arpproxy_advert(struct net *net, struct arpproxy_net *an,
				    struct arpproxy_config *cfg,
				    const struct arpproxy_iface *iface,
				    struct arpproxy_dev_stats *ds, const struct net_device *dev,
				    enum arpproxy_stat verdict, const struct arpproxy_nd *na,
				    const u8 *tllao)
{
	enum arpproxy_stat failed = ARPPROXY_STAT_ND_BAD_ADVERT;

	if (iface->conf.inspect == ARPPROXY_INSPECT_OFF) {
		if (verdict == ARPPROXY_STAT_ND_ADVERTS)
			arpproxy_learn6(net, cfg, iface, ds, dev, &na->target, tllao);
		return NF_ACCEPT;
	}
	if (verdict == ARPPROXY_STAT_ND_ADVERTS)
		failed = arpproxy_inspect6(net, cfg, iface, dev, &na->target, tllao);
	else
		net_warn_ratelimited("%s: malformed Neighbor Advertisement\n", dev->name);
	if (failed == ARPPROXY_STAT_ND_BAD_ADVERT)
		arpproxy_notify_spoof6(net, dev, failed, NULL, NULL, NULL);
	if (!arpproxy_inspect6_pass(an, ds, iface, failed))
		return NF_DROP;
	if (verdict == ARPPROXY_STAT_ND_ADVERTS)
		arpproxy_learn6(net, cfg, iface, ds, dev, &na->target, tllao);
	return NF_ACCEPT;
}

/*
 * Solicitations, and on an interface that inspects advertisements too,
 * straight after the IPv6 header, as every stack sends them; others go on
 * to the kernel, uncounted.
 */
unsigned int arpproxy_hook6(void *priv, struct sk_buff *skb,
			    const struct nf_hook_state *state)
{
	struct arpproxy_net *an = priv;
	struct net_device *dev = state->in;
	struct arpproxy_dev_stats *ds;
	struct arpproxy_iface *iface;
	const struct arpproxy_nd *nd;
	const struct ipv6hdr *ip6;
	struct arpproxy_config *cfg;
	enum arpproxy_stat verdict;
	struct arpproxy_nd_ip ndip;
	const u8 *lladdr = NULL;
	unsigned int len;
	u8 type, *tp;
	bool na;

	/*
	 * The host's own multicast comes back to it when it is in the group:
	 * its solicitations are neither a neighbour's question nor its claim.
	 */
	if (skb->pkt_type == PACKET_LOOPBACK)
		return NF_ACCEPT;
	ip6 = ipv6_hdr(skb);
	tp = skb_header_pointer(skb, sizeof(*ip6), sizeof(type), &type);
	if (ip6->nexthdr != IPPROTO_ICMPV6 || !tp || dev->type != ARPHRD_ETHER ||
	    (*tp != ARPPROXY_NS_TYPE && *tp != ARPPROXY_NA_TYPE))
		return NF_ACCEPT;
	/* One configuration for the whole message, even across a restore. */
	cfg = rcu_dereference(an->config);
	iface = arpproxy_iface_get(cfg, dev->ifindex);
	na = *tp == ARPPROXY_NA_TYPE;
	if (na && !(iface && (iface->conf.inspect != ARPPROXY_INSPECT_OFF || iface->conf.learn)))
		return NF_ACCEPT;
	ds = xa_load(&an->dev_stats, dev->ifindex);
	arpproxy_count_dev(an, ds, na ? ARPPROXY_STAT_ND_ADVERTS : ARPPROXY_STAT_ND_SOLICITS);
	len = skb->len - sizeof(*ip6);
	if (len > ARPPROXY_ND_MAX_LEN || !pskb_may_pull(skb, skb->len) ||
	    nf_ip6_checksum(skb, state->hook, sizeof(*ip6), IPPROTO_ICMPV6)) {
		verdict = ARPPROXY_STAT_ND_INVALID;
	} else {
		ip6 = ipv6_hdr(skb);
		ndip = (struct arpproxy_nd_ip) {
			.saddr = &ip6->saddr,
			.daddr = &ip6->daddr,
			.hop_limit = ip6->hop_limit,
		};
		verdict = arpproxy_nd_check(&ndip, (const struct arpproxy_nd *)(ip6 + 1),
					    len, &lladdr);
	}
	nd = (const struct arpproxy_nd *)(ipv6_hdr(skb) + 1);
	if (na)
		return arpproxy_advert(state->net, an, cfg, iface, ds, dev, verdict, nd, lladdr);
	/* A solicitation's source address teaches the kernel as much. */
	if (verdict == ARPPROXY_STAT_ND_SOLICITS && iface &&
	    iface->conf.inspect != ARPPROXY_INSPECT_OFF &&
	    !arpproxy_inspect6_pass(an, ds, iface,
				    arpproxy_inspect6(state->net, cfg, iface, dev,
						      &ipv6_hdr(skb)->saddr, lladdr)))
		verdict = ARPPROXY_STAT_ND_SOLICITS_DROPPED;
	if (verdict == ARPPROXY_STAT_ND_SOLICITS) {
		arpproxy_learn6(state->net, cfg, iface, ds, dev, &ipv6_hdr(skb)->saddr, lladdr);
		verdict = arpproxy_decide6(state->net, cfg, iface, skb, dev, ipv6_hdr(skb), nd,
					   lladdr);
	}
	arpproxy_count_dev(an, ds, verdict);
	if (verdict == ARPPROXY_STAT_ND_RATE_LIMITED ||
	    verdict == ARPPROXY_STAT_ND_SOLICITS_DROPPED)
		return NF_DROP;
	/*
	 * The kernel takes a multicast source link-layer address that RFC
	 * 4861's checks here refuse: where inspection drops, so do they.
	 */
	if (verdict == ARPPROXY_STAT_ND_INVALID && iface &&
	    iface->conf.inspect != ARPPROXY_INSPECT_OFF &&
	    iface->conf.inspect != ARPPROXY_INSPECT_LOG)
		return NF_DROP;
	if (verdict != ARPPROXY_STAT_ND_REPLIES)
		return NF_ACCEPT;
	/* Answered: the kernel must neither answer nor queue it too. */
	consume_skb(skb);
	return NF_STOLEN;
}
