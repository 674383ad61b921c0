/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One set of the station cache (cache.h), apart from the kernel's state:
 * finding a station in it and choosing the slot a new one takes, so that
 * the unit tests compile them in userspace against tests/shim.
 */
#ifndef _ARPPROXY_STATION_SET_H
#define _ARPPROXY_STATION_SET_H

#include <linux/atomic.h>
#include <linux/bits.h>
#include <linux/etherdevice.h>
#include <linux/in6.h>
#include <linux/arpproxy.h>

/* A slot's key while the one that marked it writes the station. */
#define ARPPROXY_STATION_BUSY	BIT_ULL(63)

/*
 * One station: keyed by interface and address, the slot's owner. An IPv4
 * address is in the key whole; an IPv6 one only by a hash, so that it is
 * written out in @addr6 too, which is :: for IPv4 (no station has ::).
 */
struct arpproxy_station {
	atomic64_t key;			/* ifindex << 32 | IPv4 or hash; 0: free */
	atomic64_t mac;			/* ether_addr_to_u64() */
	struct in6_addr addr6;		/* written by the key's owner, word by word */
	unsigned long first_seen;	/* jiffies */
	unsigned long last_seen;	/* jiffies */
	atomic_long_t packets;
	atomic_t changes;
	u32 dev_gen;			/* its interface's arpproxy_dev_stats.gen */
};

static inline u64 arpproxy_station_key(int ifindex, __be32 ip)
{
	return (u64)ifindex << 32 | (__force u32)ip;
}

static inline int arpproxy_station_ifindex(u64 key)
{
	return (key & ~ARPPROXY_STATION_BUSY) >> 32;
}

void arpproxy_station_set_addr6(struct arpproxy_station *s, const struct in6_addr *addr6);
bool arpproxy_station_has_addr6(const struct arpproxy_station *s,
				const struct in6_addr *addr6);
void arpproxy_station_get_addr6(const struct arpproxy_station *s, struct in6_addr *addr6);

/* What choosing a slot for a new station must know of each one. */
struct arpproxy_slot_view {
	u64 key;			/* as read: 0 free, maybe busy */
	unsigned long last_seen;	/* jiffies, of a held slot */
	bool own;			/* a station of the learning interface */
	bool present;			/* of the interface that has its ifindex now */
	bool live;			/* seen within the cache's timeout */
	bool pinned;			/* its interface pins stations */
};

struct arpproxy_station *arpproxy_station_find(struct arpproxy_station *set,
					       u64 key, bool *claimed);
bool arpproxy_station_duplicate(struct arpproxy_station *set,
				const struct arpproxy_station *s, u64 key);
int arpproxy_station_pick(const struct arpproxy_slot_view *view, bool own_only,
			  bool *evict);

#endif /* _ARPPROXY_STATION_SET_H */
