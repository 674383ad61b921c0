// SPDX-License-Identifier: GPL-2.0
/*
 * The learned ARP cache: who claimed which IPv4 address on which interface,
 * since when, how often, and how often that changed hands.
 *
 * The hook both reads and writes it without a lock and without allocating,
 * so it is one array allocated when the netns first learns: sets of
 * ARPPROXY_CACHE_WAYS slots chosen by hash. A slot belongs to the station
 * whose key it holds; the hook takes a slot over with one cmpxchg on that
 * key, marked busy until the rest of the slot is written, and nobody else
 * touches a busy slot. A station's MAC changes only while its slot is
 * marked busy by the one changing it, so a slot retaken meanwhile never
 * gets another station's MAC. A station not
 * seen for the timeout is gone at once for every reader and its slot is
 * free; it is counted when the slot is taken again, or by a sweep every
 * half timeout, so that the counters add up to what the cache holds.
 *
 * A station also holds the generation of its interface's counters: when
 * the interface goes, so do its counters, and its stations are gone at
 * once for every reader, and for an interface that reuses the ifindex;
 * the sweep frees their slots later, so that an interface going costs
 * nothing under RTNL however large the cache.
 *
 * So that one host cannot crowd out the others: a MAC holds at most
 * max_stations_per_mac slots (counted approximately, by hash), an
 * interface at most three quarters of the cache (at its share, a new
 * station may only take the slot of one of the interface's own), and the
 * live stations of an interface under inspect pin are never evicted. A new
 * station that finds no slot it may take is refused and counted.
 */
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/moduleparam.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <net/sock.h>

#include "arpproxy.h"
#include "proto.h"

static unsigned int arpproxy_max_stations = 65536;
module_param_named(max_stations, arpproxy_max_stations, uint, 0644);
MODULE_PARM_DESC(max_stations, "Stations one network namespace's ARP cache holds, 8..1048576, rounded up to a power of two, read when the cache is created (default 65536)");

static unsigned int arpproxy_max_stations_per_mac = 64;
module_param_named(max_stations_per_mac, arpproxy_max_stations_per_mac, uint, 0644);
MODULE_PARM_DESC(max_stations_per_mac, "Stations one MAC may hold in a network namespace's ARP cache, approximately, 1..1048576 (default 64)");

#define ARPPROXY_STATIONS_MAX	BIT(20)
#define ARPPROXY_STATION_BUSY	BIT_ULL(63)

/* One station: keyed by interface and IP, the slot's owner. */
struct arpproxy_station {
	atomic64_t key;			/* ifindex << 32 | IP; 0: free */
	atomic64_t mac;			/* ether_addr_to_u64() */
	unsigned long first_seen;	/* jiffies */
	unsigned long last_seen;	/* jiffies */
	atomic_long_t packets;
	atomic_t changes;
	u32 dev_gen;			/* its interface's arpproxy_dev_stats.gen */
};

struct arpproxy_cache {
	u32 set_mask;			/* sets - 1 */
	u32 seed;
	u32 mac_seed;
	u32 iface_max;			/* slots one interface's stations may hold */
	atomic_t *mac_held;		/* slots held, by hash of the MAC; one per slot */
	struct arpproxy_station station[];
};

static u64 arpproxy_station_key(int ifindex, __be32 ip)
{
	return (u64)ifindex << 32 | (__force u32)ip;
}

static struct arpproxy_station *arpproxy_cache_set(struct arpproxy_cache *c, u64 key)
{
	u32 hash = jhash_2words((u32)key, (u32)(key >> 32), c->seed);

	return &c->station[(hash & c->set_mask) * ARPPROXY_CACHE_WAYS];
}

static unsigned int arpproxy_cache_slots(const struct arpproxy_cache *c)
{
	return (c->set_mask + 1) * ARPPROXY_CACHE_WAYS;
}

static int arpproxy_station_ifindex(u64 key)
{
	return (key & ~ARPPROXY_STATION_BUSY) >> 32;
}

/* The count of stations that the owner of MAC @mac holds, shared by hash. */
static atomic_t *arpproxy_mac_held(struct arpproxy_cache *c, u64 mac)
{
	return &c->mac_held[jhash_2words((u32)mac, (u32)(mac >> 32), c->mac_seed) &
			    (arpproxy_cache_slots(c) - 1)];
}

static bool arpproxy_station_live(const struct arpproxy_station *s,
				  unsigned long now, unsigned long timeout)
{
	return time_before(now, READ_ONCE(s->last_seen) + timeout);
}

/* Does @s belong to the interface whose counters are @ds? */
static bool arpproxy_station_of(const struct arpproxy_station *s,
				const struct arpproxy_dev_stats *ds)
{
	return ds && READ_ONCE(s->dev_gen) == ds->gen;
}

/* Is @s, holding @key, a station of the interface that now has its ifindex? */
static bool arpproxy_station_current(struct arpproxy_net *an,
				     const struct arpproxy_station *s, u64 key)
{
	bool ours;

	rcu_read_lock();
	ours = arpproxy_station_of(s, xa_load(&an->dev_stats, arpproxy_station_ifindex(key)));
	rcu_read_unlock();
	return ours;
}

/*
 * The slot that holds @key in @set, or NULL; @claimed says whether any
 * slot holds @key, even one still being written. A station's key tells
 * its fields are written: acquire pairs with the release that publishes it.
 */
static struct arpproxy_station *arpproxy_station_find(struct arpproxy_station *set,
						      u64 key, bool *claimed)
{
	unsigned int i;
	u64 k;

	*claimed = false;
	for (i = 0; i < ARPPROXY_CACHE_WAYS; i++) {
		k = atomic64_read_acquire(&set[i].key);
		if (k == key)
			return &set[i];
		if (k == (key | ARPPROXY_STATION_BUSY))
			*claimed = true;
	}
	return NULL;
}

static struct arpproxy_cache *arpproxy_cache_hook(struct arpproxy_net *an)
{
	return rcu_dereference(an->cache);
}

static unsigned long arpproxy_cache_timeout(const struct arpproxy_config *cfg)
{
	return (unsigned long)READ_ONCE(cfg->cache_timeout) * HZ;
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
static bool arpproxy_station_release(struct arpproxy_net *an, struct arpproxy_cache *c,
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

/*
 * Did another CPU take another slot for the same station meanwhile? Then
 * @s gives way; should both give way, the station's next packet learns it.
 */
static bool arpproxy_station_duplicate(struct arpproxy_station *set,
				       struct arpproxy_station *s, u64 key)
{
	unsigned int i;

	for (i = 0; i < ARPPROXY_CACHE_WAYS; i++)
		if (&set[i] != s &&
		    (atomic64_read(&set[i].key) & ~ARPPROXY_STATION_BUSY) == key)
			return true;
	return false;
}

static bool arpproxy_station_pinned(struct arpproxy_config *cfg, u64 key)
{
	struct arpproxy_iface *iface = arpproxy_iface_get(cfg, arpproxy_station_ifindex(key));

	return iface && iface->conf.inspect == ARPPROXY_INSPECT_PIN;
}

/*
 * The slot a new station of the interface with counters @ds takes: a free,
 * expired or departed interface's one, else the least recently seen live
 * one (@evict) not pinned. With @own_only, the interface holding its
 * share, only a slot of its own stations. NULL when none may be taken.
 */
static struct arpproxy_station *arpproxy_station_victim(struct arpproxy_net *an,
							struct arpproxy_config *cfg,
							struct arpproxy_station *set,
							const struct arpproxy_dev_stats *ds,
							bool own_only, unsigned long now,
							unsigned long timeout,
							u64 *victim_key, bool *evict)
{
	struct arpproxy_station *victim = NULL;
	unsigned int i;
	bool own;

	for (i = 0; i < ARPPROXY_CACHE_WAYS; i++) {
		struct arpproxy_station *s = &set[i];
		u64 k = atomic64_read_acquire(&s->key);

		if (k & ARPPROXY_STATION_BUSY || (!k && own_only))
			continue;
		own = k && arpproxy_station_of(s, ds);
		if (own_only && !own)
			continue;
		if (!k || !(own || arpproxy_station_current(an, s, k)) ||
		    !arpproxy_station_live(s, now, timeout)) {
			*victim_key = k;
			*evict = false;
			return s;
		}
		if (arpproxy_station_pinned(cfg, k))
			continue;
		if (!victim || time_before(READ_ONCE(s->last_seen),
					   READ_ONCE(victim->last_seen))) {
			victim = s;
			*victim_key = k;
		}
	}
	*evict = true;
	return victim;
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

static struct arpproxy_cache *arpproxy_cache_writer(struct arpproxy_net *an)
{
	return rcu_dereference_protected(an->cache, lockdep_is_held(&an->lock));
}

/* Half the timeout, within a second and a minute. */
static unsigned long arpproxy_cache_sweep_delay(unsigned int timeout)
{
	return clamp_t(unsigned long, (unsigned long)timeout * HZ / 2, HZ, 60 * HZ);
}

/*
 * Frees the slots of @ifindex's stations (every interface's for 0), or
 * with @only_expired those not seen for @timeout or whose interface went,
 * counting those that had aged out. A slot being written is its writer's
 * alone: that station arrived during the flush, and stays.
 */
static void arpproxy_cache_clear(struct arpproxy_net *an, struct arpproxy_cache *c,
				 int ifindex, bool only_expired, unsigned long timeout)
{
	unsigned long now = jiffies;
	unsigned int i;
	bool live;

	for (i = 0; c && i < arpproxy_cache_slots(c); i++) {
		struct arpproxy_station *s = &c->station[i];
		u64 k = atomic64_read_acquire(&s->key);

		cond_resched();
		if (!k || (k & ARPPROXY_STATION_BUSY) ||
		    (ifindex && arpproxy_station_ifindex(k) != ifindex))
			continue;
		live = arpproxy_station_live(s, now, timeout);
		if ((only_expired && live && arpproxy_station_current(an, s, k)) ||
		    atomic64_cmpxchg(&s->key, k, k | ARPPROXY_STATION_BUSY) != k)
			continue;
		if (arpproxy_station_release(an, c, s, k) && !live)
			arpproxy_count_dev(an, xa_load(&an->dev_stats, arpproxy_station_ifindex(k)),
					   ARPPROXY_STAT_STATIONS_EXPIRED);
		atomic64_set_release(&s->key, 0);
	}
}

/*
 * Without an->lock, which an interface going takes under RTNL: the hook
 * writes the slots without it anyway, and the cache stays until
 * arpproxy_cache_stop() or arpproxy_cache_discard() has cancelled this.
 */
static void arpproxy_cache_sweep(struct work_struct *work)
{
	struct arpproxy_net *an = container_of(to_delayed_work(work),
					       struct arpproxy_net, cache_sweep);
	struct arpproxy_cache *c = rcu_dereference_protected(an->cache, true);
	unsigned int timeout;

	if (!c)
		return;
	rcu_read_lock();
	timeout = READ_ONCE(rcu_dereference(an->config)->cache_timeout);
	rcu_read_unlock();
	arpproxy_cache_clear(an, c, 0, true, (unsigned long)timeout * HZ);
	queue_delayed_work(system_wq, &an->cache_sweep, arpproxy_cache_sweep_delay(timeout));
}

void arpproxy_cache_net_init(struct arpproxy_net *an)
{
	INIT_DELAYED_WORK(&an->cache_sweep, arpproxy_cache_sweep);
}

static void arpproxy_cache_free(struct arpproxy_cache *c)
{
	kvfree(c->mac_held);
	kvfree(c);
	atomic_dec(&arpproxy_objects);
}

/*
 * Before the first interface learns; the cache stays until the netns goes,
 * or arpproxy_cache_discard() when the command it was @created for fails.
 */
int arpproxy_cache_create(struct arpproxy_net *an, bool *created)
{
	unsigned int slots = clamp_t(unsigned int, READ_ONCE(arpproxy_max_stations),
				     ARPPROXY_CACHE_WAYS, ARPPROXY_STATIONS_MAX);
	struct arpproxy_cache *c;

	*created = false;
	if (arpproxy_cache_writer(an))
		return 0;
	slots = roundup_pow_of_two(slots);
	c = kvzalloc(struct_size(c, station, slots), GFP_KERNEL_ACCOUNT);
	if (!c)
		return -ENOMEM;
	atomic_inc(&arpproxy_objects);
	c->mac_held = kvcalloc(slots, sizeof(*c->mac_held), GFP_KERNEL_ACCOUNT);
	if (!c->mac_held) {
		arpproxy_cache_free(c);
		return -ENOMEM;
	}
	c->set_mask = slots / ARPPROXY_CACHE_WAYS - 1;
	c->seed = get_random_u32();
	c->mac_seed = get_random_u32();
	c->iface_max = slots - slots / 4;
	rcu_assign_pointer(an->cache, c);
	queue_delayed_work(system_wq, &an->cache_sweep,
			   arpproxy_cache_sweep_delay(arpproxy_config_live(an)->cache_timeout));
	*created = true;
	return 0;
}

/* A cache just created, that nothing learnt into yet, goes again. */
void arpproxy_cache_discard(struct arpproxy_net *an)
{
	struct arpproxy_cache *c = arpproxy_cache_writer(an);

	RCU_INIT_POINTER(an->cache, NULL);
	cancel_delayed_work_sync(&an->cache_sweep);
	/* Dumps read it under RCU alone. */
	synchronize_rcu();
	arpproxy_cache_free(c);
}

/* Before the netns goes: the sweep must not outlive it. */
void arpproxy_cache_stop(struct arpproxy_net *an)
{
	mutex_lock(&an->lock);
	an->cache_dead = true;
	mutex_unlock(&an->lock);
	cancel_delayed_work_sync(&an->cache_sweep);
}

/* Called once the hook is gone and its readers are done. */
void arpproxy_cache_destroy(struct arpproxy_net *an)
{
	struct arpproxy_cache *c = rcu_dereference_protected(an->cache, true);

	if (c)
		arpproxy_cache_free(c);
}

static unsigned long arpproxy_cache_live_timeout(struct arpproxy_net *an)
{
	return arpproxy_cache_timeout(arpproxy_config_live(an));
}

/*
 * @ifindex is going, under RTNL, with its counters right after this: its
 * stations go with them at once, so that its successor starts clean, and
 * the sweep frees their slots at once, but outside RTNL.
 */
void arpproxy_cache_forget_dev(struct net *net, int ifindex)
{
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_dev_stats *ds = xa_load(&an->dev_stats, ifindex);

	if (!arpproxy_cache_writer(an) || !ds || !atomic_read(&ds->stations))
		return;
	if (!an->cache_dead)
		mod_delayed_work(system_wq, &an->cache_sweep, 0);
	arpproxy_notify_flush(net, ARPPROXY_CMD_STATION_FLUSH, ifindex);
}

/*
 * The timeout goes from @old to @new seconds: stations expired under the
 * old one must not come back under a longer one, and the sweep keeps pace.
 */
void arpproxy_cache_timeout_change(struct arpproxy_net *an, unsigned int old,
				   unsigned int new)
{
	struct arpproxy_cache *c = arpproxy_cache_writer(an);

	if (!c)
		return;
	if (new > old)
		arpproxy_cache_clear(an, c, 0, true, (unsigned long)old * HZ);
	mod_delayed_work(system_wq, &an->cache_sweep, arpproxy_cache_sweep_delay(new));
}

static bool arpproxy_station_read(struct arpproxy_net *an, struct arpproxy_station *s,
				  unsigned long now, unsigned long timeout,
				  struct arpproxy_station_view *v)
{
	u64 key = atomic64_read_acquire(&s->key);

	if (!key || (key & ARPPROXY_STATION_BUSY) ||
	    !arpproxy_station_live(s, now, timeout) ||
	    !arpproxy_station_current(an, s, key))
		return false;
	v->ifindex = arpproxy_station_ifindex(key);
	v->addr = (__force __be32)(u32)key;
	u64_to_ether_addr(atomic64_read(&s->mac), v->mac);
	v->first_seen = READ_ONCE(s->first_seen);
	v->last_seen = READ_ONCE(s->last_seen);
	v->packets = atomic_long_read(&s->packets);
	v->changes = atomic_read(&s->changes);
	/* Taken over while read: skip it rather than mix two stations. */
	smp_rmb();
	return atomic64_read(&s->key) == key;
}

/* The cache's size and the live stations it holds; the caller holds an->lock. */
void arpproxy_cache_count(struct arpproxy_net *an, unsigned int *size,
			  unsigned int *held)
{
	unsigned long timeout = arpproxy_cache_live_timeout(an);
	struct arpproxy_cache *c = arpproxy_cache_writer(an);
	struct arpproxy_station_view v;
	unsigned int i;

	*size = c ? arpproxy_cache_slots(c) : 0;
	*held = 0;
	for (i = 0; i < *size; i++) {
		*held += arpproxy_station_read(an, &c->station[i], jiffies, timeout, &v);
		cond_resched();
	}
}

/* Forgets @ifindex's stations, or every one for 0; the caller holds an->lock. */
void arpproxy_cache_flush(struct arpproxy_net *an, int ifindex)
{
	arpproxy_cache_clear(an, arpproxy_cache_writer(an), ifindex, false,
			     arpproxy_cache_live_timeout(an));
}

/*
 * Under RCU, for dumps: the first live station in a slot from *@pos on,
 * with *@pos moved to its slot; false when there is none. Slot by slot: a
 * station taken over meanwhile shows as it is then.
 */
bool arpproxy_cache_next(struct arpproxy_net *an, unsigned long *pos,
			 unsigned long now, struct arpproxy_station_view *v)
{
	struct arpproxy_cache *c = rcu_dereference(an->cache);
	unsigned long timeout = arpproxy_cache_timeout(rcu_dereference(an->config));

	for (; c && *pos < arpproxy_cache_slots(c); (*pos)++)
		if (arpproxy_station_read(an, &c->station[*pos], now, timeout, v))
			return true;
	return false;
}
