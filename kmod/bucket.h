/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rate-limit buckets (bucket.c), apart from the kernel's state, so that
 * the unit tests compile them in userspace against tests/shim.
 */
#ifndef _ARPPROXY_BUCKET_H
#define _ARPPROXY_BUCKET_H

#include <linux/atomic.h>
#include <linux/etherdevice.h>

/*
 * A token bucket kept as its theoretical arrival time (GCRA): one atomic
 * timestamp, so the hook updates it without a lock.
 */
struct arpproxy_bucket {
	atomic64_t tat;			/* ns: the bucket is full again then */
	atomic_t limiting;		/* dropped since it last let one through */
};

struct arpproxy_host_bucket {
	struct arpproxy_bucket bucket;
	__be32 addr;			/* the requester it belongs to */
};

bool arpproxy_bucket_take(struct arpproxy_bucket *b, u64 now, u32 rate, u32 burst);
struct arpproxy_bucket *arpproxy_host_bucket(struct arpproxy_host_bucket *host,
					     u32 mask, u32 seed, __be32 addr,
					     u64 now, bool *evicted);

#endif /* _ARPPROXY_BUCKET_H */
