// SPDX-License-Identifier: GPL-2.0
/*
 * Reverse ARP (RFC 903): a host that knows only its MAC asks for its IPv4
 * address. Netfilter's ARP hook never sees RARP (EtherType 0x8035), so it
 * gets its own packet handler. On an interface with "rarp on" it answers
 * from the host bindings whose MAC is the one asked about, within the
 * interface's ACL and rate limits, as the hook answers ARP.
 */
#include <linux/if_arp.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <net/arp.h>

#include "arpproxy.h"
#include "hash.h"
#include "proto.h"

static struct arpproxy_binding *
arpproxy_mac_best(struct arpproxy_table *t, const u8 *mac, int ifindex)
{
	struct arpproxy_mac_key key = { .ifindex = ifindex };
	struct arpproxy_mac_entry *e;

	/* @mac may be unaligned, in a packet. */
	memcpy(key.mac, mac, ETH_ALEN);
	e = rhashtable_lookup(&t->by_mac, &key, arpproxy_mac_params);
	return e ? rcu_dereference(e->best) : NULL;
}

/*
 * A scoped binding beats an unscoped one; among equals, the lowest address,
 * which the MAC index keeps at hand: two probes, however many bindings
 * share the MAC.
 */
struct arpproxy_binding *
arpproxy_table_lookup_mac(struct arpproxy_table *t, const u8 *mac, int ifindex)
{
	struct arpproxy_binding *b = arpproxy_mac_best(t, mac, ifindex);

	return b ?: arpproxy_mac_best(t, mac, 0);
}

/* The interface's first primary IPv4 address, or 0. */
static __be32 arpproxy_dev_addr(const struct net_device *dev)
{
	const struct in_device *in_dev = __in_dev_get_rcu(dev);
	const struct in_ifaddr *ifa;

	if (!in_dev)
		return 0;
	in_dev_for_each_ifa_rcu(ifa, in_dev)
		if (!(ifa->ifa_flags & IFA_F_SECONDARY))
			return ifa->ifa_local;
	return 0;
}

/* Runs under RCU, as every packet handler does; consumes @skb. */
static int arpproxy_rarp_rcv(struct sk_buff *skb, struct net_device *dev,
			     struct packet_type *pt, struct net_device *orig_dev)
{
	struct arpproxy_net *an = arpproxy_pernet(dev_net(dev));
	struct arpproxy_requester requester;
	struct arpproxy_iface *iface;
	const struct arpproxy_binding *b;
	struct arpproxy_dev_stats *ds;
	const struct arpproxy_arp *req;
	struct arpproxy_config *cfg;
	struct arpproxy_arp buf;
	struct sk_buff *reply;
	__be32 sip;

	/* A device without ARP does not do reverse ARP either. */
	if (skb->pkt_type == PACKET_OTHERHOST || skb->pkt_type == PACKET_LOOPBACK ||
	    dev->type != ARPHRD_ETHER || (dev->flags & IFF_NOARP))
		goto out;
	cfg = rcu_dereference(an->config);
	iface = arpproxy_iface_get(cfg, dev->ifindex);
	if (!iface || !iface->conf.rarp)
		goto out;
	req = skb_header_pointer(skb, 0, sizeof(buf), &buf);
	if (!req || !arpproxy_rarp_request(req))
		goto out;
	ds = xa_load(&an->dev_stats, dev->ifindex);
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_RARP_REQUESTS);
	/*
	 * The reply goes to the sender MAC: one that is not the frame's own
	 * source would aim it at a third party.
	 */
	if (!skb_mac_header_was_set(skb) ||
	    !ether_addr_equal(eth_hdr(skb)->h_source, req->sha)) {
		arpproxy_count_dev(an, ds, ARPPROXY_STAT_RARP_BAD_SRC_MAC);
		goto out;
	}
	b = arpproxy_table_lookup_mac(&cfg->table, req->tha, dev->ifindex);
	sip = arpproxy_dev_addr(dev);
	if (!b || !sip)
		goto out;
	requester = (struct arpproxy_requester){ .family = AF_UNSPEC, .mac = req->sha };
	if (arpproxy_acl_denies(cfg, dev->ifindex, &requester)) {
		arpproxy_count_dev(an, ds, ARPPROXY_STAT_RARP_ACL_DENIED);
		goto out;
	}
	if (arpproxy_rate_limited_rarp(dev_net(dev), iface, dev, req)) {
		arpproxy_count_dev(an, ds, ARPPROXY_STAT_RARP_RATE_LIMITED);
		goto out;
	}
	reply = arp_create(ARPOP_RREPLY, ETH_P_RARP, b->key.addr, dev, sip,
			   req->sha, dev->dev_addr, req->tha);
	if (!reply)
		goto out;
	/* Through NF_ARP_OUT, as every ARP reply, so output rules apply. */
	arp_xmit(reply);
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_RARP_REPLIES);
out:
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static struct packet_type arpproxy_rarp_packet_type __read_mostly = {
	.type = cpu_to_be16(ETH_P_RARP),
	.func = arpproxy_rarp_rcv,
};

void arpproxy_rarp_init(void)
{
	dev_add_pack(&arpproxy_rarp_packet_type);
}

void arpproxy_rarp_exit(void)
{
	dev_remove_pack(&arpproxy_rarp_packet_type);
}
