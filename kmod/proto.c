// SPDX-License-Identifier: GPL-2.0
/*
 * Which ARP packets the responder may answer, decided from the packet alone.
 */
#include "proto.h"

__be32 arpproxy_prefix_mask(unsigned int plen)
{
	return plen ? htonl(~0U << (32 - plen)) : 0;
}

/* An address a host may use for itself: no broadcast, multicast, class E,
 * loopback or "this network" (0/8) address.
 */
bool arpproxy_addr_usable(__be32 addr)
{
	return !(ipv4_is_zeronet(addr) || ipv4_is_loopback(addr) ||
		 ipv4_is_multicast(addr) || ipv4_is_lbcast(addr) ||
		 (addr & htonl(0xf0000000)) == htonl(0xf0000000));
}

/*
 * Returns ARPPROXY_STAT_REQUESTS for a request worth looking up, otherwise
 * the counter that explains why the packet is not.
 */
enum arpproxy_stat arpproxy_classify(const struct arpproxy_arp *arp)
{
	if (arp->hrd != htons(ARPHRD_ETHER) || arp->pro != htons(ETH_P_IP) ||
	    arp->hln != ETH_ALEN || arp->pln != 4)
		return ARPPROXY_STAT_INVALID;
	if (arp->op != htons(ARPOP_REQUEST))
		return ARPPROXY_STAT_NOT_REQUEST;
	/* RFC 5227: a probe must never be answered for another host. */
	if (!arp->sip)
		return ARPPROXY_STAT_PROBE;
	if (arp->sip == arp->tip)
		return ARPPROXY_STAT_GRATUITOUS;
	/* A reply goes unicast to the sender: it must be a real host. */
	if (!is_valid_ether_addr(arp->sha) ||
	    !arpproxy_addr_usable(arp->sip) || !arpproxy_addr_usable(arp->tip))
		return ARPPROXY_STAT_INVALID;
	return ARPPROXY_STAT_REQUESTS;
}

/* A reverse ARP request (RFC 903) for an Ethernet station's IPv4 address. */
bool arpproxy_rarp_request(const struct arpproxy_arp *arp)
{
	return arp->hrd == htons(ARPHRD_ETHER) && arp->pro == htons(ETH_P_IP) &&
	       arp->hln == ETH_ALEN && arp->pln == 4 &&
	       arp->op == htons(ARPOP_RREQUEST) && is_valid_ether_addr(arp->sha) &&
	       is_valid_ether_addr(arp->tha);
}

/*
 * Whether to answer a request that a binding covers, or that route mode
 * may answer: ARPPROXY_STAT_REPLIES, or why not. The guards come first.
 */
enum arpproxy_stat arpproxy_verdict(const struct arpproxy_facts *f)
{
	bool onlink = f->bound && (f->flags & ARPPROXY_BINDING_F_ONLINK);
	bool mac_override = f->bound && f->mac_override;

	if (f->bound && (f->flags & ARPPROXY_BINDING_F_EXCLUDE))
		return ARPPROXY_STAT_EXCLUDED;
	/* The kernel answers for its own addresses itself. */
	if (f->local)
		return ARPPROXY_STAT_LOCAL_TARGET;
	/* Nor is a subnet's broadcast address anybody's to answer for. */
	if (f->broadcast)
		return ARPPROXY_STAT_BROADCAST_TARGET;
	/* Answering for an on-link target would hijack that host. */
	if (f->on_link && !onlink)
		return ARPPROXY_STAT_NOT_OFFSUBNET;
	/* Route mode answers what the kernel would forward, as proxy_arp. */
	if (!f->bound && !(f->forwarding && f->route != ARPPROXY_ROUTE_NONE))
		return ARPPROXY_STAT_NO_BINDING;
	/*
	 * RFC 1027, and the kernel for proxy_arp and proxy neighbours: the
	 * requester's traffic would come in and go back out of the same
	 * device. A binding means it with onlink (a private VLAN), and one
	 * with another station's MAC sends the traffic to that station.
	 */
	if (f->route == ARPPROXY_ROUTE_INGRESS && !onlink && !mac_override)
		return ARPPROXY_STAT_ROUTES_BACK;
	/* Never for a sender the kernel would not route from (rp_filter). */
	if (f->martian_source)
		return ARPPROXY_STAT_MARTIAN_SOURCE;
	return ARPPROXY_STAT_REPLIES;
}

/*
 * ARP inspection's checks of the packet alone, in order; the caller checks
 * static bindings. @arp is NULL when the packet is shorter than one.
 * Returns ARPPROXY_STAT_UNSPEC when all pass, else the first that failed.
 */
enum arpproxy_stat arpproxy_inspect(const struct arpproxy_arp *arp,
				    unsigned int len, const u8 *eth_src,
				    const u8 *eth_dst)
{
	bool request;

	if (!arp || len > ARPPROXY_ARP_MAX_LEN ||
	    arp->hrd != htons(ARPHRD_ETHER) || arp->pro != htons(ETH_P_IP) ||
	    arp->hln != ETH_ALEN || arp->pln != 4 ||
	    (arp->op != htons(ARPOP_REQUEST) && arp->op != htons(ARPOP_REPLY)))
		return ARPPROXY_STAT_BAD_FORMAT;
	request = arp->op == htons(ARPOP_REQUEST);
	if (!ether_addr_equal(eth_src, arp->sha))
		return ARPPROXY_STAT_BAD_SRC_MAC;
	if (!request && !is_broadcast_ether_addr(eth_dst) &&
	    !ether_addr_equal(eth_dst, arp->tha))
		return ARPPROXY_STAT_BAD_DST_MAC;
	/* 0.0.0.0 only as an RFC 5227 probe. */
	if (arp->sip ? !arpproxy_addr_usable(arp->sip) : !request)
		return ARPPROXY_STAT_BAD_SENDER_IP;
	if (!is_valid_ether_addr(arp->sha))
		return ARPPROXY_STAT_BAD_SENDER_MAC;
	return ARPPROXY_STAT_UNSPEC;
}
