/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for the kernel's <net/ipv6.h>: the address tests
 * kmod/proto6.c and kmod/acl_match.c use, with the kernel's semantics.
 */
#ifndef _SHIM_NET_IPV6_H
#define _SHIM_NET_IPV6_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
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

/* The kernel's generic version, word by word. */
static inline bool ipv6_prefix_equal(const struct in6_addr *a1, const struct in6_addr *a2,
				     unsigned int prefixlen)
{
	unsigned int words = prefixlen >> 5, bits = prefixlen & 0x1f;
	uint32_t w1, w2;

	if (words && memcmp(a1, a2, words * 4))
		return false;
	if (!bits)
		return true;
	memcpy(&w1, a1->s6_addr + words * 4, 4);
	memcpy(&w2, a2->s6_addr + words * 4, 4);
	return !((w1 ^ w2) & htonl(0xffffffffu << (32 - bits)));
}

#endif
