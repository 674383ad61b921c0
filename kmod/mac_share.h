/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How many stations each MAC address holds (station.c), in a fixed array
 * of counters shared by hash: nothing to allocate on the hook path,
 * whatever MACs arrive. Apart from the kernel's state, so that the unit
 * tests compile it in userspace against tests/shim.
 */
#ifndef _ARPPROXY_MAC_SHARE_H
#define _ARPPROXY_MAC_SHARE_H

#include <linux/atomic.h>
#include <linux/types.h>

struct arpproxy_mac_share {
	atomic_t *held;		/* mask + 1 counters */
	u32 mask;		/* a power of two, at least 2, less one */
	u32 seed[2];		/* secret: nobody may choose whom a MAC shares with */
};

void arpproxy_mac_share_add(const struct arpproxy_mac_share *ms, u64 mac, int stations);
int arpproxy_mac_share_held(const struct arpproxy_mac_share *ms, u64 mac);

#endif /* _ARPPROXY_MAC_SHARE_H */
