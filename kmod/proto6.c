// SPDX-License-Identifier: GPL-2.0
/*
 * Which Neighbor Solicitations the responder may answer, decided from the
 * message alone, and how its ARP verdicts read for IPv6.
 */
#include <net/addrconf.h>
#include <net/ipv6.h>

#include "proto6.h"

/*
 * RFC 4861 7.1.1 on the @len bytes of @ns; the checksum is the caller's.
 * Returns ARPPROXY_STAT_ND_SOLICITS for a valid solicitation, with its
 * source link-layer address in @sllao (NULL without one), else
 * ARPPROXY_STAT_ND_INVALID.
 */
enum arpproxy_stat arpproxy_ns_check(const struct arpproxy_ns_ip *ip,
				     const struct arpproxy_ns *ns, unsigned int len,
				     const u8 **sllao)
{
	bool dad = ipv6_addr_any(ip->saddr);
	unsigned int off, optlen;
	const u8 *opt;

	*sllao = NULL;
	if (ip->hop_limit != 255 || len < sizeof(*ns) || ns->code ||
	    ipv6_addr_is_multicast(&ns->target) || ipv6_addr_any(&ns->target) ||
	    ipv6_addr_loopback(&ns->target))
		return ARPPROXY_STAT_ND_INVALID;
	/* A probe goes to the solicited-node group of what it probes. */
	if (dad && !ipv6_addr_is_solict_mult(ip->daddr))
		return ARPPROXY_STAT_ND_INVALID;
	for (off = sizeof(*ns); off < len; off += optlen) {
		opt = (const u8 *)ns + off;
		if (len - off < 2 || !opt[1] || opt[1] * 8U > len - off)
			return ARPPROXY_STAT_ND_INVALID;
		optlen = opt[1] * 8U;
		if (opt[0] != ARPPROXY_ND_OPT_SLLAO || *sllao)
			continue;
		/* Ethernet's: 8 bytes, a unicast MAC; none in a probe. */
		if (optlen != 8 || dad || !is_valid_ether_addr(opt + 2))
			return ARPPROXY_STAT_ND_INVALID;
		*sllao = opt + 2;
	}
	return ARPPROXY_STAT_ND_SOLICITS;
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
