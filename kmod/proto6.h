/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Neighbor Solicitations and Advertisements (RFC 4861), checked from the
 * message alone. No
 * kernel state is touched here, so the unit tests and the fuzzer compile
 * this file in userspace against tests/shim.
 */
#ifndef _ARPPROXY_PROTO6_H
#define _ARPPROXY_PROTO6_H

#include <linux/etherdevice.h>
#include <linux/in6.h>
#include <linux/arpproxy.h>

#define ARPPROXY_NS_TYPE	135	/* NDISC_NEIGHBOUR_SOLICITATION */
#define ARPPROXY_NA_TYPE	136	/* NDISC_NEIGHBOUR_ADVERTISEMENT */
#define ARPPROXY_ND_OPT_SLLAO	1	/* source link-layer address */
#define ARPPROXY_ND_OPT_TLLAO	2	/* target link-layer address */

/*
 * A Neighbor Solicitation or Advertisement as it is on the wire, after the
 * IPv6 header: they differ in the type and the flags.
 */
struct arpproxy_nd {
	u8 type;
	u8 code;
	__be16 csum;
	__be32 flags;			/* an advertisement's R, S, O; else reserved */
	struct in6_addr target;
	u8 opt[];			/* 8-byte units: type, length in units */
};

/* What the IPv6 header says that validation needs. */
struct arpproxy_nd_ip {
	const struct in6_addr *saddr;
	const struct in6_addr *daddr;
	u8 hop_limit;
};

enum arpproxy_stat arpproxy_nd_check(const struct arpproxy_nd_ip *ip,
				     const struct arpproxy_nd *nd, unsigned int len,
				     const u8 **lladdr);
enum arpproxy_stat arpproxy_nd_stat(enum arpproxy_stat arp_verdict);

#endif /* _ARPPROXY_PROTO6_H */
