// SPDX-License-Identifier: GPL-2.0
/*
 * The station cache as the hook sees it: inspect pin's lookup, and
 * learning, which takes slots over without a lock and without
 * allocating (cache.c says how the slots are shared). IPv4 and IPv6
 * stations share it.
 */
#include <linux/jhash.h>
#include <linux/moduleparam.h>
#include <linux/siphash.h>

#include "cache.h"
#include "proto.h"

static unsigned int arpproxy_max_stations_per_mac = 64;
module_param_named(max_stations_per_mac, arpproxy_max_stations_per_mac, uint, 0644);
MODULE_PARM_DESC(max_stations_per_mac, "Stations one MAC may hold in a network namespace's ARP cache, approximately, 1..1048576 (default 64)");

static struct arpproxy_station *arpproxy_cache_set(struct arpproxy_cache *c, u64 key)
{
	u32 hash = jhash_2words((u32)key, (u32)(key >> 32), c->seed);

	return &c->station[(hash & c->set_mask) * ARPPROXY_CACHE_WAYS];
}

static struct arpproxy_cache *arpproxy_cache_hook(struct arpproxy_net *an)
{
	return rcu_dereference(an->cache);
}

/*
 * The key of @cl's station on @ifindex. An IPv6 address goes in by a hash
 * keyed with the cache's secret, so that nobody can choose addresses that
 * share one: two that do (one pair in 2^32) cannot both be stations.
 */
static u64 arpproxy_claim_key(const struct arpproxy_cache *c, int ifindex,
			      const struct arpproxy_claim *cl)
{
	if (!cl->addr6)
		return arpproxy_station_key(ifindex, cl->ip);
	return arpproxy_station_key(ifindex, (__force __be32)(u32)siphash(cl->addr6,
							 sizeof(*cl->addr6), &c->addr6_key));
}

/*
 * Whether @s, found holding @key, is @cl's station: not another IPv6
 * address with the same hash, and not taken over since it was found, so
 * that what the caller read of it before is that station's too.
 */
static bool arpproxy_station_is(const struct arpproxy_station *s, u64 key,
				const struct arpproxy_claim *cl)
{
	bool same = arpproxy_station_has_addr6(s, cl->addr6);

	/* What was read of it, before the key is read again. */
	smp_rmb();
	return same && atomic64_read(&s->key) == key;
}

/*
 * Inspect pin: true, with the pinned MAC, when @cl's address belongs to a
 * live station of @ifindex with another MAC.
 */
bool arpproxy_cache_pinned(struct arpproxy_net *an, struct arpproxy_config *cfg,
			   int ifindex, const struct arpproxy_claim *cl, u8 *pinned)
{
	struct arpproxy_cache *c = arpproxy_cache_hook(an);
	struct arpproxy_station *s;
	bool claimed;
	u64 key, mac;

	if (!c)
		return false;
	key = arpproxy_claim_key(c, ifindex, cl);
	s = arpproxy_station_find(arpproxy_cache_set(c, key), key, &claimed);
	if (!s || !arpproxy_station_of(s, xa_load(&an->dev_stats, ifindex)) ||
	    !arpproxy_station_live(s, jiffies, arpproxy_cache_timeout(cfg)))
		return false;
	mac = atomic64_read(&s->mac);
	/* Taken over meanwhile: the MAC may be the new owner's. */
	if (!arpproxy_station_is(s, key, cl) || mac == ether_addr_to_u64(cl->mac))
		return false;
	u64_to_ether_addr(mac, pinned);
	return true;
}

/*
 * A known station, @s holding @key, seen again, perhaps from another MAC.
 * Another CPU may retake the slot at any moment: with the same MAC, the
 * station it then holds may look seen a moment later and one packet more
 * than it was, never with another MAC; a new MAC is written only by the
 * one that marked the slot busy, with the key it found there.
 */
static void arpproxy_station_seen(struct net *net, struct arpproxy_cache *c,
				  struct arpproxy_dev_stats *ds,
				  struct arpproxy_station *s, u64 key,
				  const struct net_device *dev,
				  const struct arpproxy_claim *cl, unsigned long now)
{
	u64 mac = ether_addr_to_u64(cl->mac);
	u8 old_mac[ETH_ALEN];
	u64 old;

	if (atomic64_read(&s->mac) == mac) {
		WRITE_ONCE(s->last_seen, now);
		atomic_long_inc(&s->packets);
		return;
	}
	if (atomic64_cmpxchg(&s->key, key, key | ARPPROXY_STATION_BUSY) != key)
		return;
	/* Retaken since it was found, by an address with the same hash. */
	if (!arpproxy_station_has_addr6(s, cl->addr6)) {
		atomic64_set_release(&s->key, key);
		return;
	}
	old = atomic64_read(&s->mac);
	WRITE_ONCE(s->last_seen, now);
	atomic_long_inc(&s->packets);
	if (old != mac) {
		atomic64_set(&s->mac, mac);
		atomic_inc(&s->changes);
		arpproxy_mac_share_add(&c->mac_share, old, -1);
		arpproxy_mac_share_add(&c->mac_share, mac, 1);
	}
	atomic64_set_release(&s->key, key);
	if (old == mac)
		return;
	arpproxy_count_dev(arpproxy_pernet(net), ds, ARPPROXY_STAT_STATION_CHANGES);
	u64_to_ether_addr(old, old_mac);
	arpproxy_notify_station(net, ARPPROXY_CMD_STATION_CHANGED, dev->ifindex, cl, old_mac);
}

/*
 * The station that held @old in @s, a slot taken over with its key marked
 * busy, gives it up: it no longer counts for its MAC and interface.
 * Whether it was a station of the interface that has its ifindex now.
 */
bool arpproxy_station_release(struct arpproxy_net *an, struct arpproxy_cache *c,
			      struct arpproxy_station *s, u64 old)
{
	struct arpproxy_dev_stats *ds;
	bool ours;

	arpproxy_mac_share_add(&c->mac_share, atomic64_read(&s->mac), -1);
	rcu_read_lock();
	ds = xa_load(&an->dev_stats, arpproxy_station_ifindex(old));
	ours = arpproxy_station_of(s, ds);
	if (ours)
		atomic_dec(&ds->stations);
	rcu_read_unlock();
	return ours;
}

/* Writes a slot taken over with its key marked busy, then publishes it. */
static void arpproxy_station_init(struct arpproxy_cache *c, struct arpproxy_station *s,
				  u64 key, struct arpproxy_dev_stats *ds,
				  const struct arpproxy_claim *cl, unsigned long now)
{
	u64 mac = ether_addr_to_u64(cl->mac);

	arpproxy_station_set_addr6(s, cl->addr6);
	WRITE_ONCE(s->first_seen, now);
	WRITE_ONCE(s->last_seen, now);
	atomic64_set(&s->mac, mac);
	atomic_long_set(&s->packets, 1);
	atomic_set(&s->changes, 0);
	WRITE_ONCE(s->dev_gen, ds->gen);
	arpproxy_mac_share_add(&c->mac_share, mac, 1);
	atomic_inc(&ds->stations);
	atomic64_set_release(&s->key, key);
}

static bool arpproxy_station_pinned(struct arpproxy_config *cfg, u64 key)
{
	struct arpproxy_iface *iface = arpproxy_iface_get(cfg, arpproxy_station_ifindex(key));

	return iface && iface->conf.inspect == ARPPROXY_INSPECT_PIN;
}

/*
 * The slot a new station of the interface with counters @ds takes in
 * @set, as arpproxy_station_pick() chooses it, or NULL. With @own_only,
 * the interface holds its share.
 */
static struct arpproxy_station *arpproxy_station_victim(struct arpproxy_net *an,
							struct arpproxy_config *cfg,
							struct arpproxy_station *set,
							const struct arpproxy_dev_stats *ds,
							bool own_only, unsigned long now,
							unsigned long timeout,
							u64 *victim_key, bool *evict)
{
	struct arpproxy_slot_view view[ARPPROXY_CACHE_WAYS] = {};
	struct arpproxy_slot_view *v;
	unsigned int i;
	int victim;

	for (i = 0; i < ARPPROXY_CACHE_WAYS; i++) {
		v = &view[i];
		v->key = atomic64_read_acquire(&set[i].key);
		if (!v->key || v->key & ARPPROXY_STATION_BUSY)
			continue;
		v->own = arpproxy_station_of(&set[i], ds);
		v->present = v->own || arpproxy_station_current(an, &set[i], v->key);
		v->last_seen = READ_ONCE(set[i].last_seen);
		v->live = time_before(now, v->last_seen + timeout);
		v->pinned = v->live && arpproxy_station_pinned(cfg, v->key);
	}
	victim = arpproxy_station_pick(view, own_only, evict);
	if (victim < 0)
		return NULL;
	*victim_key = view[victim].key;
	return &set[victim];
}

/* Records @cl, a usable address at a valid MAC seen on @dev, which learns. */
void arpproxy_cache_learn(struct net *net, struct arpproxy_config *cfg,
			  struct arpproxy_dev_stats *ds,
			  const struct net_device *dev, const struct arpproxy_claim *cl)
{
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_cache *c = arpproxy_cache_hook(an);
	unsigned long timeout = arpproxy_cache_timeout(cfg);
	unsigned int mac_max = READ_ONCE(arpproxy_max_stations_per_mac);
	unsigned long now = jiffies;
	struct arpproxy_station *set, *s;
	unsigned int tries;
	bool claimed, evict;
	u64 key, old;

	/* An interface without counters has no generation to learn under. */
	if (!c || !ds || !is_valid_ether_addr(cl->mac))
		return;
	key = arpproxy_claim_key(c, dev->ifindex, cl);
	set = arpproxy_cache_set(c, key);
	/* Each new try follows a race lost to another CPU writing this set. */
	for (tries = 0; tries < ARPPROXY_CACHE_WAYS; tries++) {
		s = arpproxy_station_find(set, key, &claimed);
		if (s && !arpproxy_station_is(s, key, cl)) {
			/* One station a key: its hash twin keeps it. */
			if (atomic64_read(&s->key) == key)
				goto refused;
			continue;
		}
		if (s && arpproxy_station_of(s, ds) && arpproxy_station_live(s, now, timeout)) {
			arpproxy_station_seen(net, c, ds, s, key, dev, cl, now);
			return;
		}
		/* Another CPU is learning this very station. */
		if (claimed)
			return;
		if (arpproxy_mac_share_held(&c->mac_share, ether_addr_to_u64(cl->mac)) >=
		    clamp(mac_max, 1U, ARPPROXY_STATIONS_MAX))
			goto refused;
		if (s) {
			old = key;
			evict = false;
		} else {
			s = arpproxy_station_victim(an, cfg, set, ds,
						    atomic_read(&ds->stations) >= c->iface_max,
						    now, timeout, &old, &evict);
			if (!s)
				goto refused;
		}
		if (atomic64_cmpxchg(&s->key, old, key | ARPPROXY_STATION_BUSY) == old)
			break;
	}
	if (tries == ARPPROXY_CACHE_WAYS)
		return;
	if (old && arpproxy_station_release(an, c, s, old)) {
		if (evict)
			arpproxy_count_dev(an, ds, ARPPROXY_STAT_CACHE_EVICTED);
		else
			arpproxy_count_dev(an, ds, ARPPROXY_STAT_STATIONS_EXPIRED);
	}
	if (arpproxy_station_duplicate(set, s, key)) {
		atomic64_set_release(&s->key, 0);
		return;
	}
	arpproxy_station_init(c, s, key, ds, cl, now);
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_STATIONS_LEARNT);
	arpproxy_notify_station(net, ARPPROXY_CMD_STATION_NEW, dev->ifindex, cl, NULL);
	return;

refused:
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_STATIONS_REFUSED);
}
