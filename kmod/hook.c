// SPDX-License-Identifier: GPL-2.0
/*
 * The responder: an NF_ARP_IN hook that inspects ARP where asked to and
 * answers requests from the binding table, within the interface's ACL and
 * rate limits, and learns the senders it sees where asked to. It runs
 * under RCU only and allocates nothing but the reply (with a tunnel's
 * metadata), the requester's neighbour entry (under the neighbour table's
 * locks, as the kernel's ARP code makes it when it answers), and an event
 * when a packet fails inspection, a rate limit starts dropping or a
 * station is new or changes while someone listens.
 */
#include <linux/netfilter_arp.h>
#include <linux/inetdevice.h>
#include <net/arp.h>
#include <net/dst_metadata.h>
#include <net/ip_fib.h>
#include <net/ip_tunnels.h>
#include <net/l3mdev.h>
#include <net/neighbour.h>
#include <net/sock.h>

#include "arpproxy.h"
#include "proto.h"

/* The subnet configured on @dev that all of @addr/@plen is inside, or NULL. */
const struct in_ifaddr *arpproxy_on_link(const struct net_device *dev, __be32 addr,
					 unsigned int plen)
{
	const struct in_device *in_dev = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;

	if (!in_dev)
		return NULL;
	in_dev_for_each_ifa_rcu(ifa, in_dev)
		if (ifa->ifa_prefixlen <= plen && inet_ifa_match(addr, ifa))
			return ifa;
	return NULL;
}

/*
 * What arp_process() learns from ip_route_input_noref() about the target:
 * whether it is ours, and which device a unicast route to it leaves
 * through. The lookup is by ingress device, so in its VRF's table. It is
 * made here, not by ip_route_input_noref(), which would replace the
 * request's dst (a collect_md tunnel's metadata, which the kernel's ARP
 * code still needs for the requests it answers) and may allocate a route.
 */
static void arpproxy_route_target(struct net *net, const struct sk_buff *skb,
				  const struct net_device *dev, __be32 saddr,
				  __be32 daddr, struct arpproxy_facts *facts)
{
	const struct ip_tunnel_info *tun_info = skb ? skb_tunnel_info(skb) : NULL;
	struct flowi4 fl4 = {
		.flowi4_iif = dev->ifindex,
		.flowi4_mark = skb ? skb->mark : 0,
		.flowi4_uid = sock_net_uid(net, NULL),
		.daddr = daddr,
		.saddr = saddr,
	};
	struct fib_result res;

	if (tun_info && !(tun_info->mode & IP_TUNNEL_INFO_TX))
		fl4.flowi4_tun_key.tun_id = tun_info->key.tun_id;
	if (fib_lookup(net, &fl4, &res, 0))
		return;
	facts->local = res.type == RTN_LOCAL;
	facts->broadcast = res.type == RTN_BROADCAST;
	/*
	 * The kernel forwards each flow along one path of a multipath route,
	 * chosen by a hash it does not export; any path back out of @dev
	 * means the target is reachable on the requester's own segment.
	 */
	if (res.type == RTN_UNICAST)
		facts->route = fib_info_nh_uses_dev(res.fi, dev) ? ARPPROXY_ROUTE_INGRESS :
								   ARPPROXY_ROUTE_ELSEWHERE;
}

/*
 * What the guards of arpproxy_verdict() need to know about @daddr on
 * @dev, @b covering it or not, asked by @saddr in @skb; the announcements
 * ask the same of each address, with no request (@skb NULL, @saddr 0).
 * The requester's own checks are the caller's.
 */
void arpproxy_facts_get(struct net *net, const struct sk_buff *skb,
			const struct net_device *dev,
			const struct arpproxy_binding *b, __be32 saddr,
			__be32 daddr, struct arpproxy_facts *f)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);

	*f = (struct arpproxy_facts) {
		.bound = b,
		.flags = b ? b->flags : 0,
		.mac_override = b && !is_zero_ether_addr(b->mac) &&
				!ether_addr_equal(b->mac, dev->dev_addr),
		.on_link = arpproxy_on_link(dev, daddr, 32),
		.forwarding = in_dev && IN_DEV_FORWARD(in_dev),
	};
	arpproxy_route_target(net, skb, dev, saddr, daddr, f);
}

/*
 * fib_validate_source() on the requester, as ip_route_input_noref()
 * applies it before arp_process() answers anything: one of our own
 * addresses is a martian (unless accept_local), and under rp_filter so is
 * an address whose route back leaves through another device (strict, 1)
 * or through none (loose, 2).
 */
static bool arpproxy_martian_source(struct net *net, const struct sk_buff *skb,
				    const struct net_device *dev,
				    struct in_device *in_dev,
				    const struct arpproxy_arp *arp)
{
	int rpf = IN_DEV_RPFILTER(in_dev);
	struct flowi4 fl4 = {
		.flowi4_iif = LOOPBACK_IFINDEX,
		.flowi4_l3mdev = l3mdev_master_ifindex_rcu(dev),
		.flowi4_mark = IN_DEV_SRC_VMARK(in_dev) ? skb->mark : 0,
		.flowi4_uid = sock_net_uid(net, NULL),
		.daddr = arp->sip,
		.saddr = arp->tip,
	};
	struct fib_result res;

	if (!rpf) {
		if (IN_DEV_ACCEPT_LOCAL(in_dev))
			return false;
		/*
		 * The kernel's shortcut, where our addresses are all there is
		 * to check (with inet_lookup_ifaddr_rcu(), not exported).
		 */
		if (!net->ipv4.fib_has_custom_local_routes &&
		    !fib4_has_custom_rules(net))
			return __ip_dev_find(net, arp->sip, false);
	}
	if (fib_lookup(net, &fl4, &res, 0))
		return rpf;
	if (res.type != RTN_UNICAST &&
	    (res.type != RTN_LOCAL || !IN_DEV_ACCEPT_LOCAL(in_dev)))
		return true;
	if (fib_info_nh_uses_dev(res.fi, dev))
		return false;
	if (!rcu_access_pointer(in_dev->ifa_list))
		return rpf;
	return rpf == 1;
}

/*
 * RFC 826's merge step, which arp_process() takes before it answers: the
 * requester is about to be sent traffic, so its neighbour entry is made or
 * refreshed now, saving the request the other way.
 */
static void arpproxy_learn_requester(struct net_device *dev,
				     const struct arpproxy_arp *arp)
{
	__be32 sip = arp->sip;
	struct neighbour *n;
	u8 sha[ETH_ALEN];

	memcpy(sha, arp->sha, ETH_ALEN);
	n = neigh_event_ns(&arp_tbl, sha, &sip, dev);
	if (n)
		neigh_release(n);
}

/*
 * Whether the request @skb can become its own reply: nobody else holds it
 * or its data, its ARP header is in the linear part and there is room for
 * @dev's header in front. Tunnel metadata needs a reply of its own. Nothing
 * is changed yet, so that the kernel can still have it if the reply fails.
 */
static bool arpproxy_reply_in_place_ok(struct sk_buff *skb, const struct net_device *dev)
{
	return !skb_shared(skb) && !skb_cloned(skb) && !skb_metadata_dst(skb) &&
	       pskb_may_pull(skb, arp_hdr_len(dev)) &&
	       skb_headroom(skb) >= dev->hard_header_len;
}

/*
 * The request @skb turned into its reply and sent, which saves allocating
 * and freeing a frame per answer (measured: about a third of an answer's
 * cost). The frame leaves as arp_create() would build it: no padding, no
 * receive state, @dev's header.
 */
static void arpproxy_reply_in_place(struct sk_buff *skb, struct net_device *dev,
				    const struct arpproxy_arp *req, const u8 *mac)
{
	u8 requester[ETH_ALEN];
	__be32 sip = req->sip, tip = req->tip;
	struct arphdr *arp;
	u8 *p;

	/* @req may point into @skb, which is rewritten below. */
	ether_addr_copy(requester, req->sha);
	/* Only trailing padding can go: the ARP header is linear. */
	pskb_trim(skb, arp_hdr_len(dev));
	skb_scrub_packet(skb, true);
	__vlan_hwaccel_clear_tag(skb);
	skb->ip_summed = CHECKSUM_NONE;
	skb_reset_network_header(skb);
	arp = arp_hdr(skb);
	arp->ar_op = htons(ARPOP_REPLY);
	p = (u8 *)(arp + 1);
	ether_addr_copy(p, mac ?: dev->dev_addr);
	memcpy(p + ETH_ALEN, &tip, sizeof(tip));
	ether_addr_copy(p + ETH_ALEN + sizeof(tip), requester);
	memcpy(p + 2 * ETH_ALEN + sizeof(tip), &sip, sizeof(sip));
	dev_hard_header(skb, dev, ETH_P_ARP, requester, dev->dev_addr, skb->len);
	arp_xmit(skb);
}

/*
 * Send the reply through arp_xmit(), so NF_ARP_OUT rules still apply. The
 * Ethernet source is always @dev's own address; only the ARP sender
 * hardware address carries a binding's MAC, when it has one. *@consumed
 * says whether @req_skb became the reply; if not, it is still the caller's.
 */
static bool arpproxy_reply(struct sk_buff *req_skb, struct net_device *dev,
			   const struct arpproxy_arp *req, const u8 *mac, bool *consumed)
{
	struct metadata_dst *md = skb_metadata_dst(req_skb);
	struct metadata_dst *reply_dst;
	struct sk_buff *skb;

	if (mac && is_zero_ether_addr(mac))
		mac = NULL;
	*consumed = arpproxy_reply_in_place_ok(req_skb, dev);
	if (*consumed) {
		arpproxy_reply_in_place(req_skb, dev, req, mac);
		return true;
	}
	skb = arp_create(ARPOP_REPLY, ETH_P_ARP, req->sip, dev, req->tip,
			 req->sha, dev->dev_addr, req->sha);
	if (!skb)
		return false;
	/*
	 * A collect_md tunnel device drops a frame that does not say where
	 * to send it: the reply gets the request's tunnel metadata, reversed,
	 * as arp_process() gives it.
	 */
	if (md && md->type == METADATA_IP_TUNNEL &&
	    !(md->u.tun_info.mode & IP_TUNNEL_INFO_TX)) {
		reply_dst = iptunnel_metadata_reply(md, GFP_ATOMIC);
		if (!reply_dst) {
			kfree_skb(skb);
			return false;
		}
		skb_dst_set(skb, &reply_dst->dst);
	}
	if (mac)
		ether_addr_copy(skb_network_header(skb) + sizeof(struct arphdr), mac);
	arp_xmit(skb);
	return true;
}

/*
 * The answer to one request. ACL and rate limits only see requests the
 * module would answer: a denied one is left to the kernel, which still
 * answers for its own addresses; one over a rate limit is dropped.
 * *@consumed says whether @skb became the reply.
 */
static enum arpproxy_stat arpproxy_decide(struct net *net, struct arpproxy_net *an,
					  struct arpproxy_config *cfg,
					  struct arpproxy_iface *iface,
					  struct sk_buff *skb,
					  struct net_device *dev,
					  const struct arpproxy_arp *arp, bool *consumed)
{
	struct in_device *in_dev = __in_dev_get_rcu(dev);
	struct arpproxy_requester requester;
	struct arpproxy_facts facts;
	struct arpproxy_binding *b;
	enum arpproxy_stat verdict;

	b = arpproxy_table_lookup(&cfg->table, arp->tip, dev->ifindex);
	if (!b && !(iface && iface->conf.proxy_mode == ARPPROXY_PROXY_ROUTE))
		return ARPPROXY_STAT_NO_BINDING;
	/* Without IPv4 on @dev, arp_process() answers nothing either. */
	if (!in_dev)
		return ARPPROXY_STAT_NO_BINDING;
	arpproxy_facts_get(net, skb, dev, b, arp->sip, arp->tip, &facts);
	verdict = arpproxy_verdict(&facts);
	/* The requester's route costs a second FIB lookup: only for an answer. */
	if (verdict == ARPPROXY_STAT_REPLIES) {
		facts.martian_source = arpproxy_martian_source(net, skb, dev, in_dev, arp);
		verdict = arpproxy_verdict(&facts);
	}
	if (verdict != ARPPROXY_STAT_REPLIES)
		return verdict;
	/* A VRRP backup stays silent: the master answers (track.c). */
	if (arpproxy_standby(net, dev, iface))
		return ARPPROXY_STAT_STANDBY;
	requester = (struct arpproxy_requester){
		.family = AF_INET, .addr = arp->sip, .mac = arp->sha,
	};
	if (arpproxy_acl_denies(cfg, dev->ifindex, &requester))
		return ARPPROXY_STAT_ACL_DENIED;
	if (iface && arpproxy_rate_limited(net, iface, dev, arp))
		return ARPPROXY_STAT_RATE_LIMITED;

	arpproxy_learn_requester(dev, arp);
	if (!arpproxy_reply(skb, dev, arp, b ? b->mac : NULL, consumed))
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
		struct arpproxy_claim claim = { .ip = arp->sip, .mac = arp->sha };

		b = arpproxy_table_lookup(&cfg->table, arp->sip, dev->ifindex);
		if (b && (b->flags & ARPPROXY_BINDING_F_STATIC) &&
		    !ether_addr_equal(b->mac, arp->sha)) {
			failed = ARPPROXY_STAT_STATIC_MISMATCH;
			expected = b->mac;
		} else if (iface->conf.inspect == ARPPROXY_INSPECT_PIN && !b &&
			   !arpproxy_on_link(dev, arp->sip, 32)) {
			/* Nobody may pin, nor crowd the cache with, what is not here. */
			failed = ARPPROXY_STAT_PIN_OFF_SUBNET;
		} else if (iface->conf.inspect == ARPPROXY_INSPECT_PIN &&
			   arpproxy_cache_pinned(arpproxy_pernet(net), cfg, dev->ifindex,
						 &claim, pinned)) {
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

/* The sender of a request or reply, if its address is one a host may have. */
static void arpproxy_learn(struct net *net, struct arpproxy_config *cfg,
			   struct arpproxy_dev_stats *ds, const struct net_device *dev,
			   const struct arpproxy_arp *arp)
{
	struct arpproxy_claim claim = { .ip = arp->sip, .mac = arp->sha };

	if ((arp->op == htons(ARPOP_REQUEST) || arp->op == htons(ARPOP_REPLY)) &&
	    arpproxy_addr_usable(arp->sip))
		arpproxy_cache_learn(net, cfg, ds, dev, &claim);
}

/*
 * arp_rcv() has already dropped frames for other hosts (promiscuous mode)
 * and looped-back ones, so everything here was sent to us.
 */
unsigned int arpproxy_hook(void *priv, struct sk_buff *skb,
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
	bool consumed = false;

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
		arpproxy_learn(state->net, cfg, ds, dev, arp);
	if (verdict == ARPPROXY_STAT_INVALID || verdict == ARPPROXY_STAT_NOT_REQUEST) {
		arpproxy_count_dev(an, ds, verdict);
		return NF_ACCEPT;
	}
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_REQUESTS);
	if (verdict == ARPPROXY_STAT_REQUESTS)
		verdict = arpproxy_decide(state->net, an, cfg, iface, skb, dev, arp, &consumed);
	arpproxy_count_dev(an, ds, verdict);
	if (verdict == ARPPROXY_STAT_RATE_LIMITED)
		return NF_DROP;
	if (verdict != ARPPROXY_STAT_REPLIES)
		return NF_ACCEPT;
	/* Answered: the kernel must neither answer nor queue it too. */
	if (!consumed)
		consume_skb(skb);
	return NF_STOLEN;
}
