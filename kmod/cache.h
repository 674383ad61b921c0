/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the station cache: station.c is what the hook does to it,
 * station_set.c what it does within one set, cache.c the cache's life and
 * what the commands ask of it.
 */
#ifndef _ARPPROXY_CACHE_H
#define _ARPPROXY_CACHE_H

#include <linux/siphash.h>

#include "arpproxy.h"
#include "mac_share.h"
#include "station_set.h"

#define ARPPROXY_STATIONS_MAX	BIT(20)

struct arpproxy_cache {
	u32 set_mask;			/* sets - 1 */
	u32 seed;
	siphash_key_t addr6_key;	/* IPv6 addresses' hashes in keys */
	u32 iface_max;			/* slots one interface's stations may hold */
	struct arpproxy_mac_share mac_share;	/* slots held by MAC; a counter per slot */
	struct arpproxy_station station[];
};

static inline unsigned int arpproxy_cache_slots(const struct arpproxy_cache *c)
{
	return (c->set_mask + 1) * ARPPROXY_CACHE_WAYS;
}

static inline bool arpproxy_station_live(const struct arpproxy_station *s,
					 unsigned long now, unsigned long timeout)
{
	return time_before(now, READ_ONCE(s->last_seen) + timeout);
}

/* Does @s belong to the interface whose counters are @ds? */
static inline bool arpproxy_station_of(const struct arpproxy_station *s,
				       const struct arpproxy_dev_stats *ds)
{
	return ds && READ_ONCE(s->dev_gen) == ds->gen;
}

/* Is @s, holding @key, a station of the interface that now has its ifindex? */
static inline bool arpproxy_station_current(struct arpproxy_net *an,
					    const struct arpproxy_station *s, u64 key)
{
	bool ours;

	rcu_read_lock();
	ours = arpproxy_station_of(s, xa_load(&an->dev_stats, arpproxy_station_ifindex(key)));
	rcu_read_unlock();
	return ours;
}

static inline unsigned long arpproxy_cache_timeout(const struct arpproxy_config *cfg)
{
	return (unsigned long)READ_ONCE(cfg->cache_timeout) * HZ;
}

bool arpproxy_station_release(struct arpproxy_net *an, struct arpproxy_cache *c,
			      struct arpproxy_station *s, u64 old);

#endif /* _ARPPROXY_CACHE_H */
