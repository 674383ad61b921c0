/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for the kernel's <net/addrconf.h>: what proto6.c uses. */
#ifndef _SHIM_NET_ADDRCONF_H
#define _SHIM_NET_ADDRCONF_H

#include <stdbool.h>
#include <string.h>
#include <netinet/in.h>

/* ff02::1:ffXX:XXXX, a solicited-node group (RFC 4291 2.7.1). */
static inline bool ipv6_addr_is_solict_mult(const struct in6_addr *a)
{
	static const unsigned char prefix[13] = {
		0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff,
	};

	return !memcmp(a->s6_addr, prefix, sizeof(prefix));
}

#endif
