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
 * max_stations_per_mac slots (counted approximately: mac_share.c), an
 * interface at most three quarters of the cache (at its share, a new
 * station may only take the slot of one of the interface's own), and the
 * live stations of an interface under inspect pin are never evicted. A new
 * station that finds no slot it may take is refused and counted.
 */
#include <linux/log2.h>
#include <linux/moduleparam.h>
#include <linux/random.h>
#include <linux/slab.h>

#include "cache.h"

static unsigned int arpproxy_max_stations = 65536;
module_param_named(max_stations, arpproxy_max_stations, uint, 0644);
MODULE_PARM_DESC(max_stations, "Stations one network namespace's ARP cache holds, 8..1048576, rounded up to a power of two, read when the cache is created (default 65536)");

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
	kvfree(c->mac_share.held);
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
	c->mac_share.held = kvcalloc(slots, sizeof(*c->mac_share.held), GFP_KERNEL_ACCOUNT);
	if (!c->mac_share.held) {
		arpproxy_cache_free(c);
		return -ENOMEM;
	}
	c->set_mask = slots / ARPPROXY_CACHE_WAYS - 1;
	c->seed = get_random_u32();
	c->mac_share.mask = slots - 1;
	c->mac_share.seed[0] = get_random_u32();
	c->mac_share.seed[1] = get_random_u32();
	get_random_bytes(&c->addr6_key, sizeof(c->addr6_key));
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
	arpproxy_station_get_addr6(s, &v->addr6);
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
