// SPDX-License-Identifier: GPL-2.0
/*
 * Which Neighbor Discovery messages the responder may answer or inspect,
 * decided from the message alone, and how its ARP verdicts read for IPv6.
 */
#include <net/addrconf.h>
#include <net/ipv6.h>

#include "proto6.h"

/* RFC 4861 4.4: an advertisement sent to a group answers nobody. */
#define ARPPROXY_NA_SOLICITED	htonl(0x40000000)

/*
 * RFC 4861 7.1.1 and 7.1.2 on the @len bytes of @nd, a solicitation or an
 * advertisement; the checksum is the caller's. Returns
 * ARPPROXY_STAT_ND_SOLICITS or ARPPROXY_STAT_ND_ADVERTS for a valid one,
 * with the link-layer address it gives (a solicitation's source, an
 * advertisement's target) in @lladdr, NULL without one; else
 * ARPPROXY_STAT_ND_INVALID.
 */
enum arpproxy_stat arpproxy_nd_check(const struct arpproxy_nd_ip *ip,
				     const struct arpproxy_nd *nd, unsigned int len,
				     const u8 **lladdr)
{
	bool dad = ipv6_addr_any(ip->saddr);
	unsigned int off, optlen;
	bool na;
	u8 want;
	const u8 *opt;

	*lladdr = NULL;
	if (ip->hop_limit != 255 || len < sizeof(*nd) || nd->code ||
	    ipv6_addr_is_multicast(&nd->target) || ipv6_addr_any(&nd->target) ||
	    ipv6_addr_loopback(&nd->target))
		return ARPPROXY_STAT_ND_INVALID;
	na = nd->type == ARPPROXY_NA_TYPE;
	want = na ? ARPPROXY_ND_OPT_TLLAO : ARPPROXY_ND_OPT_SLLAO;
	if (na && ipv6_addr_is_multicast(ip->daddr) && (nd->flags & ARPPROXY_NA_SOLICITED))
		return ARPPROXY_STAT_ND_INVALID;
	/* A probe goes to the solicited-node group of what it probes. */
	if (!na && dad && !ipv6_addr_is_solict_mult(ip->daddr))
		return ARPPROXY_STAT_ND_INVALID;
	for (off = sizeof(*nd); off < len; off += optlen) {
		opt = (const u8 *)nd + off;
		if (len - off < 2 || !opt[1] || opt[1] * 8U > len - off)
			return ARPPROXY_STAT_ND_INVALID;
		optlen = opt[1] * 8U;
		if (opt[0] != want || *lladdr)
			continue;
		/* Ethernet's: 8 bytes, a unicast MAC; none in a probe. */
		if (optlen != 8 || (!na && dad) || !is_valid_ether_addr(opt + 2))
			return ARPPROXY_STAT_ND_INVALID;
		*lladdr = opt + 2;
	}
	return na ? ARPPROXY_STAT_ND_ADVERTS : ARPPROXY_STAT_ND_SOLICITS;
}

/* The IPv6 counter of what arpproxy_verdict() says. */
enum arpproxy_stat arpproxy_nd_stat(enum arpproxy_stat arp_verdict)
{
	switch (arp_verdict) {
	case ARPPROXY_STAT_REPLIES:
		return ARPPROXY_STAT_ND_REPLIES;
	case ARPPROXY_STAT_EXCLUDED:
		return ARPPROXY_STAT_ND_EXCLUDED;
	case ARPPROXY_STAT_LOCAL_TARGET:
		return ARPPROXY_STAT_ND_LOCAL_TARGET;
	case ARPPROXY_STAT_NOT_OFFSUBNET:
		return ARPPROXY_STAT_ND_NOT_OFFSUBNET;
	case ARPPROXY_STAT_ROUTES_BACK:
		return ARPPROXY_STAT_ND_ROUTES_BACK;
	default:
		/* No other guard has an IPv6 fact to refuse on. */
		return ARPPROXY_STAT_ND_NO_BINDING;
	}
}
