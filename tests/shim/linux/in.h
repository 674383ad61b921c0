/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for the kernel's <linux/in.h> address helpers. */
#ifndef _SHIM_LINUX_IN_H
#define _SHIM_LINUX_IN_H

#include <stdbool.h>
#include <arpa/inet.h>

static inline bool ipv4_is_loopback(uint32_t addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_multicast(uint32_t addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}

static inline bool ipv4_is_lbcast(uint32_t addr)
{
	return addr == htonl(INADDR_BROADCAST);
}

static inline bool ipv4_is_zeronet(uint32_t addr)
{
	return (addr == 0) || (addr & htonl(0xff000000)) == htonl(0x00000000);
}

#endif
