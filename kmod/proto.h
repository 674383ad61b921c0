/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure ARP parsing and classification. No kernel state is touched here, so
 * the unit tests compile this file in userspace against tests/shim.
 */
#ifndef _ARPPROXY_PROTO_H
#define _ARPPROXY_PROTO_H

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/in.h>
#include <linux/arpproxy.h>

/* An Ethernet/IPv4 ARP packet as it is on the wire, after the MAC header. */
struct arpproxy_arp {
	__be16 hrd;
	__be16 pro;
	u8 hln;
	u8 pln;
	__be16 op;
	u8 sha[ETH_ALEN];
	__be32 sip;
	u8 tha[ETH_ALEN];
	__be32 tip;
} __packed;

/* Where the kernel would forward a packet to a request's target. */
enum arpproxy_route {
	ARPPROXY_ROUTE_NONE,		/* no unicast route */
	ARPPROXY_ROUTE_ELSEWHERE,	/* out of another device */
	ARPPROXY_ROUTE_INGRESS,		/* back out of the ingress device */
};

/* What the hook learnt about a request it may answer. */
struct arpproxy_facts {
	bool bound;		/* a binding covers the target */
	u32 flags;		/* that binding's ARPPROXY_BINDING_F_* */
	bool mac_override;	/* it answers with a MAC not the ingress device's */
	bool local;		/* the target is ours, in the ingress device's VRF */
	bool broadcast;		/* the target is a broadcast address of ours */
	bool on_link;		/* the target is on the ingress subnet */
	u8 route;		/* enum arpproxy_route to the target */
	bool forwarding;	/* the ingress device forwards (route mode needs it) */
	bool martian_source;	/* the kernel's source validation refuses the sender */
};

/* Longer than this, an ARP packet is padded like no stack pads it. */
#define ARPPROXY_ARP_MAX_LEN	128

enum arpproxy_stat arpproxy_classify(const struct arpproxy_arp *arp);
enum arpproxy_stat arpproxy_inspect(const struct arpproxy_arp *arp,
				    unsigned int len, const u8 *eth_src,
				    const u8 *eth_dst);
enum arpproxy_stat arpproxy_verdict(const struct arpproxy_facts *f);
bool arpproxy_rarp_request(const struct arpproxy_arp *arp);
__be32 arpproxy_prefix_mask(unsigned int plen);
bool arpproxy_addr_usable(__be32 addr);

#endif /* _ARPPROXY_PROTO_H */
