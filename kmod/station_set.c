// SPDX-License-Identifier: GPL-2.0
/*
 * One set of the station cache: ARPPROXY_CACHE_WAYS slots that CPUs take
 * over without a lock (cache.c says how). Nothing here touches more than
 * the set it is given.
 */
#include <linux/jiffies.h>

#include "station_set.h"

/*
 * The slot that holds @key in @set, or NULL; @claimed says whether any
 * slot holds @key, even one still being written. A station's key tells
 * its fields are written: acquire pairs with the release that publishes it.
 */
struct arpproxy_station *arpproxy_station_find(struct arpproxy_station *set,
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

/*
 * An IPv6 station's address, or :: for @addr6 NULL (IPv4), written by the
 * one that marked the slot busy. Readers check the key after reading it:
 * a word at a time, never torn, each as its writer left it.
 */
void arpproxy_station_set_addr6(struct arpproxy_station *s, const struct in6_addr *addr6)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		WRITE_ONCE(s->addr6.s6_addr32[i], addr6 ? addr6->s6_addr32[i] : 0);
}

/* What @s holds in addr6, as a reader may see it (see above). */
void arpproxy_station_get_addr6(const struct arpproxy_station *s, struct in6_addr *addr6)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		addr6->s6_addr32[i] = READ_ONCE(s->addr6.s6_addr32[i]);
}

/*
 * Whether @s holds @addr6 (NULL: an IPv4 station), as far as a reader can
 * tell before it checks that the key is still the one it found.
 */
bool arpproxy_station_has_addr6(const struct arpproxy_station *s,
				const struct in6_addr *addr6)
{
	struct in6_addr held;

	arpproxy_station_get_addr6(s, &held);
	return !memcmp(&held, addr6 ? addr6 : &in6addr_any, sizeof(held));
}

/*
 * Did another CPU take another slot for the same station meanwhile? Then
 * @s gives way; should both give way, the station's next packet learns it.
 */
bool arpproxy_station_duplicate(struct arpproxy_station *set,
				const struct arpproxy_station *s, u64 key)
{
	unsigned int i;

	for (i = 0; i < ARPPROXY_CACHE_WAYS; i++)
		if (&set[i] != s &&
		    (atomic64_read(&set[i].key) & ~ARPPROXY_STATION_BUSY) == key)
			return true;
	return false;
}

/*
 * The slot of @view a new station takes: a free, expired or departed
 * interface's one (@evict false), else the least recently seen live one
 * not pinned (@evict true). With @own_only, the learning interface holding
 * its share, only a slot of its own stations. -1 when none may be taken.
 */
int arpproxy_station_pick(const struct arpproxy_slot_view *view, bool own_only,
			  bool *evict)
{
	int victim = -1;
	unsigned int i;

	for (i = 0; i < ARPPROXY_CACHE_WAYS; i++) {
		const struct arpproxy_slot_view *v = &view[i];

		if (v->key & ARPPROXY_STATION_BUSY || (own_only && !(v->key && v->own)))
			continue;
		if (!v->key || !(v->own || v->present) || !v->live) {
			*evict = false;
			return i;
		}
		if (v->pinned)
			continue;
		if (victim < 0 || time_before(v->last_seen, view[victim].last_seen))
			victim = i;
	}
	*evict = true;
	return victim;
}
