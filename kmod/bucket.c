// SPDX-License-Identifier: GPL-2.0
/*
 * The token buckets of the rate limits (ratelimit.c), apart from the
 * kernel's state, so that the unit tests compile this file in userspace
 * against tests/shim.
 */
#include <linux/jhash.h>
#include <linux/minmax.h>
#include <linux/time64.h>

#include "bucket.h"

/*
 * GCRA: each reply moves the bucket's "full again" time one interval on;
 * when that lies more than @burst intervals ahead, the bucket is empty.
 */
bool arpproxy_bucket_take(struct arpproxy_bucket *b, u64 now, u32 rate, u32 burst)
{
	u64 interval = NSEC_PER_SEC / rate;
	s64 tat = atomic64_read(&b->tat);
	u64 next;

	do {
		next = max_t(u64, tat, now) + interval;
		if (next - now > (u64)burst * interval)
			return false;
	} while (!atomic64_try_cmpxchg(&b->tat, &tat, next));
	return true;
}

/*
 * The requester's slot in @host (@mask + 1 slots, hashed with @seed): one
 * of two for its hash value. A new requester takes the slot that has been
 * idle longer; if that slot's bucket was not full yet, another requester
 * loses its state, which *@evicted tells. Concurrent requesters may share
 * a slot for a moment: that only blurs their limits.
 */
struct arpproxy_bucket *arpproxy_host_bucket(struct arpproxy_host_bucket *host,
					     u32 mask, u32 seed, __be32 addr,
					     u64 now, bool *evicted)
{
	u32 hash = jhash_1word((__force u32)addr, seed);
	struct arpproxy_host_bucket *h = &host[hash & mask & ~1U];
	struct arpproxy_host_bucket *victim;

	*evicted = false;
	if (READ_ONCE(h[0].addr) == addr)
		return &h[0].bucket;
	if (READ_ONCE(h[1].addr) == addr)
		return &h[1].bucket;
	victim = atomic64_read(&h[0].bucket.tat) <= atomic64_read(&h[1].bucket.tat) ?
		 &h[0] : &h[1];
	*evicted = (u64)atomic64_read(&victim->bucket.tat) > now;
	WRITE_ONCE(victim->addr, addr);
	atomic64_set(&victim->bucket.tat, 0);
	atomic_set(&victim->bucket.limiting, 0);
	return &victim->bucket;
}
