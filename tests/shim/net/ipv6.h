/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for the kernel's <net/ipv6.h>: the address tests
 * kmod/proto6.c uses, with the kernel's semantics.
 */
#ifndef _SHIM_NET_IPV6_H
#define _SHIM_NET_IPV6_H

#include <stdbool.h>
#include <netinet/in.h>

static inline bool ipv6_addr_any(const struct in6_addr *a)
{
	return IN6_IS_ADDR_UNSPECIFIED(a);
}

static inline bool ipv6_addr_loopback(const struct in6_addr *a)
{
	return IN6_IS_ADDR_LOOPBACK(a);
}

static inline bool ipv6_addr_is_multicast(const struct in6_addr *a)
{
	return a->s6_addr[0] == 0xff;
}

#endif
