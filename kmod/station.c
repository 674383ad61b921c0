// SPDX-License-Identifier: GPL-2.0
/*
 * The station cache as the hook sees it: inspect pin's lookup, and
 * learning, which takes slots over without a lock and without
 * allocating (cache.c says how the slots are shared).
 */
#include <linux/jhash.h>
#include <linux/moduleparam.h>

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

/* The count of stations that the owner of MAC @mac holds, shared by hash. */
static atomic_t *arpproxy_mac_held(struct arpproxy_cache *c, u64 mac)
{
	return &c->mac_held[jhash_2words((u32)mac, (u32)(mac >> 32), c->mac_seed) &
			    (arpproxy_cache_slots(c) - 1)];
}

static struct arpproxy_cache *arpproxy_cache_hook(struct arpproxy_net *an)
{
	return rcu_dereference(an->cache);
}

/*
 * Inspect pin: true, with the pinned MAC, when @arp's sender IP belongs to
 * a live station of @ifindex with another MAC.
 */
bool arpproxy_cache_pinned(struct arpproxy_net *an, struct arpproxy_config *cfg,
			   int ifindex, const struct arpproxy_arp *arp, u8 *pinned)
{
	struct arpproxy_cache *c = arpproxy_cache_hook(an);
	u64 key = arpproxy_station_key(ifindex, arp->sip);
	struct arpproxy_station *s;
	bool claimed;
	u64 mac;

	if (!c)
		return false;
	s = arpproxy_station_find(arpproxy_cache_set(c, key), key, &claimed);
	if (!s || !arpproxy_station_of(s, xa_load(&an->dev_stats, ifindex)) ||
	    !arpproxy_station_live(s, jiffies, arpproxy_cache_timeout(cfg)))
		return false;
	mac = atomic64_read(&s->mac);
	/* Taken over meanwhile: the MAC may be the new owner's. */
	smp_rmb();
	if (atomic64_read(&s->key) != key ||
	    mac == ether_addr_to_u64(arp->sha))
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
				  const struct arpproxy_arp *arp, unsigned long now)
{
	u64 mac = ether_addr_to_u64(arp->sha);
	u8 old_mac[ETH_ALEN];
	u64 old;

	if (atomic64_read(&s->mac) == mac) {
		WRITE_ONCE(s->last_seen, now);
		atomic_long_inc(&s->packets);
		return;
	}
	if (atomic64_cmpxchg(&s->key, key, key | ARPPROXY_STATION_BUSY) != key)
		return;
	old = atomic64_read(&s->mac);
	WRITE_ONCE(s->last_seen, now);
	atomic_long_inc(&s->packets);
	if (old != mac) {
		atomic64_set(&s->mac, mac);
		atomic_inc(&s->changes);
		atomic_dec(arpproxy_mac_held(c, old));
		atomic_inc(arpproxy_mac_held(c, mac));
	}
	atomic64_set_release(&s->key, key);
	if (old == mac)
		return;
	arpproxy_count_dev(arpproxy_pernet(net), ds, ARPPROXY_STAT_STATION_CHANGES);
	u64_to_ether_addr(old, old_mac);
	arpproxy_notify_station(net, ARPPROXY_CMD_STATION_CHANGED, dev->ifindex,
				arp->sip, arp->sha, old_mac);
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

	atomic_dec(arpproxy_mac_held(c, atomic64_read(&s->mac)));
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
				  const struct arpproxy_arp *arp, unsigned long now)
{
	u64 mac = ether_addr_to_u64(arp->sha);

	WRITE_ONCE(s->first_seen, now);
	WRITE_ONCE(s->last_seen, now);
	atomic64_set(&s->mac, mac);
	atomic_long_set(&s->packets, 1);
	atomic_set(&s->changes, 0);
	WRITE_ONCE(s->dev_gen, ds->gen);
	atomic_inc(arpproxy_mac_held(c, mac));
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

/* Records @arp's sender, seen on @dev, which learns. */
void arpproxy_cache_learn(struct net *net, struct arpproxy_config *cfg,
			  struct arpproxy_dev_stats *ds,
			  const struct net_device *dev, const struct arpproxy_arp *arp)
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
	if (!c || !ds ||
	    (arp->op != htons(ARPOP_REQUEST) && arp->op != htons(ARPOP_REPLY)) ||
	    !arpproxy_addr_usable(arp->sip) || !is_valid_ether_addr(arp->sha))
		return;
	key = arpproxy_station_key(dev->ifindex, arp->sip);
	set = arpproxy_cache_set(c, key);
	/* Each new try follows a race lost to another CPU writing this set. */
	for (tries = 0; tries < ARPPROXY_CACHE_WAYS; tries++) {
		s = arpproxy_station_find(set, key, &claimed);
		if (s && arpproxy_station_of(s, ds) && arpproxy_station_live(s, now, timeout)) {
			arpproxy_station_seen(net, c, ds, s, key, dev, arp, now);
			return;
		}
		/* Another CPU is learning this very station. */
		if (claimed)
			return;
		if (atomic_read(arpproxy_mac_held(c, ether_addr_to_u64(arp->sha))) >=
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
	arpproxy_station_init(c, s, key, ds, arp, now);
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_STATIONS_LEARNT);
	arpproxy_notify_station(net, ARPPROXY_CMD_STATION_NEW, dev->ifindex,
				arp->sip, arp->sha, NULL);
	return;

refused:
	arpproxy_count_dev(an, ds, ARPPROXY_STAT_STATIONS_REFUSED);
}
