// SPDX-License-Identifier: GPL-2.0
/*
 * Rate limits on proxy replies: one token bucket per interface and, when
 * asked, one per requester. Requester state is a fixed table per
 * interface, so a flood of new senders costs no memory: it only reuses
 * slots, and reusing one still in use is counted.
 */
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/moduleparam.h>
#include <linux/ktime.h>

#include "arpproxy.h"
#include "proto.h"

static unsigned int arpproxy_rate_hosts = 1024;
module_param_named(rate_hosts, arpproxy_rate_hosts, uint, 0644);
MODULE_PARM_DESC(rate_hosts, "Requesters each interface tracks for per-host rate limits, 2..65536, rounded up to a power of two (default 1024)");

#define ARPPROXY_RATE_HOSTS_MAX	65536

unsigned int arpproxy_rate_host_slots(void)
{
	unsigned int n = clamp(READ_ONCE(arpproxy_rate_hosts), 2U,
			       ARPPROXY_RATE_HOSTS_MAX);

	return roundup_pow_of_two(n);
}

/*
 * GCRA: each reply moves the bucket's "full again" time one interval on;
 * when that lies more than @burst intervals ahead, the bucket is empty.
 */
static bool arpproxy_bucket_take(struct arpproxy_bucket *b, u64 now,
				 u32 rate, u32 burst)
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

/* Only the first drop after a reply raises an event: the limit's onset. */
static bool arpproxy_bucket_pass(struct net *net, struct arpproxy_bucket *b,
				 u64 now, u32 rate, u32 burst,
				 const struct net_device *dev,
				 const struct arpproxy_arp *arp, bool per_host)
{
	if (arpproxy_bucket_take(b, now, rate, burst)) {
		if (atomic_read(&b->limiting))
			atomic_set(&b->limiting, 0);
		return true;
	}
	if (!atomic_xchg(&b->limiting, 1))
		arpproxy_notify_rate_limit(net, dev, arp, per_host, rate);
	return false;
}

/*
 * The requester's slot: one of two for its hash value. A new requester
 * takes the slot that has been idle longer; if that slot's bucket was not
 * full yet, another requester loses its state, which is counted.
 * Concurrent requesters may share a slot for a moment: that only blurs
 * their limits.
 */
static struct arpproxy_bucket *arpproxy_host_bucket(struct arpproxy_net *an,
						    struct arpproxy_iface *iface,
						    __be32 addr, u64 now)
{
	u32 hash = jhash_1word((__force u32)addr, iface->host_seed);
	struct arpproxy_host_bucket *h = &iface->host[hash & iface->host_mask & ~1U];
	struct arpproxy_host_bucket *victim;

	if (READ_ONCE(h[0].addr) == addr)
		return &h[0].bucket;
	if (READ_ONCE(h[1].addr) == addr)
		return &h[1].bucket;
	victim = atomic64_read(&h[0].bucket.tat) <= atomic64_read(&h[1].bucket.tat) ?
		 &h[0] : &h[1];
	if (atomic64_read(&victim->bucket.tat) > now)
		arpproxy_count(an, ARPPROXY_STAT_RATE_EVICTED);
	WRITE_ONCE(victim->addr, addr);
	atomic64_set(&victim->bucket.tat, 0);
	atomic_set(&victim->bucket.limiting, 0);
	return &victim->bucket;
}

/*
 * Per host first: one loud requester must not drain the interface's bucket.
 * @host names the requester's per-host bucket.
 */
static bool arpproxy_rate_check(struct net *net, struct arpproxy_iface *iface,
				const struct net_device *dev,
				const struct arpproxy_arp *arp, __be32 host)
{
	const struct arpproxy_iface_conf *conf = &iface->conf;
	u64 now = ktime_get_ns();

	if (conf->per_host &&
	    !arpproxy_bucket_pass(net, arpproxy_host_bucket(arpproxy_pernet(net), iface,
							    host, now),
				  now, conf->per_host, conf->per_host, dev, arp,
				  true))
		return true;
	return conf->rate &&
	       !arpproxy_bucket_pass(net, &iface->bucket, now, conf->rate,
				     conf->burst, dev, arp, false);
}

bool arpproxy_rate_limited(struct net *net, struct arpproxy_iface *iface,
			   const struct net_device *dev,
			   const struct arpproxy_arp *arp)
{
	return arpproxy_rate_check(net, iface, dev, arp, arp->sip);
}

/*
 * A reverse ARP requester has no address, so its per-host bucket is named
 * by its MAC, hashed into 0.0.0.0/8: ARP requesters there are never
 * answered, so they never share it. Two MACs may share one, which only
 * blurs their limits, as sharing a slot does.
 */
bool arpproxy_rate_limited_rarp(struct net *net, struct arpproxy_iface *iface,
				const struct net_device *dev,
				const struct arpproxy_arp *req)
{
	u32 host = jhash(req->sha, ETH_ALEN, iface->host_seed) & 0x00ffffff;

	return arpproxy_rate_check(net, iface, dev, req, htonl(host));
}
