// SPDX-License-Identifier: GPL-2.0
/*
 * Rate limits on proxy replies, ARP and Neighbor Discovery alike: one token
 * bucket per interface and, when asked, one per requester. Requester state is a fixed table per
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

/* Which limit a request ran into, if any. */
enum arpproxy_rate_hit {
	ARPPROXY_RATE_PASS,
	ARPPROXY_RATE_PER_HOST,
	ARPPROXY_RATE_IFACE,
};

/* Only the first drop after a reply is the limit's onset, which raises an event. */
static bool arpproxy_bucket_pass(struct arpproxy_bucket *b, u64 now, u32 rate,
				 u32 burst, bool *onset)
{
	if (arpproxy_bucket_take(b, now, rate, burst)) {
		if (atomic_read(&b->limiting))
			atomic_set(&b->limiting, 0);
		return true;
	}
	*onset = !atomic_xchg(&b->limiting, 1);
	return false;
}

/* The requester's bucket; another requester losing its state is counted. */
static struct arpproxy_bucket *arpproxy_rate_host(struct arpproxy_net *an,
						  struct arpproxy_iface *iface,
						  __be32 addr, u64 now)
{
	struct arpproxy_bucket *b;
	bool evicted;

	b = arpproxy_host_bucket(iface->host, iface->host_mask, iface->host_seed,
				 addr, now, &evicted);
	if (evicted)
		arpproxy_count(an, ARPPROXY_STAT_RATE_EVICTED);
	return b;
}

/*
 * Per host first: one loud requester must not drain the interface's bucket.
 * @host names the requester's per-host bucket; *@limit is the one hit.
 */
static enum arpproxy_rate_hit arpproxy_rate_check(struct net *net,
						  struct arpproxy_iface *iface,
						  __be32 host, bool *onset, u32 *limit)
{
	const struct arpproxy_iface_conf *conf = &iface->conf;
	u64 now = ktime_get_ns();

	*onset = false;
	if (conf->per_host &&
	    !arpproxy_bucket_pass(arpproxy_rate_host(arpproxy_pernet(net), iface, host, now),
				  now, conf->per_host, conf->per_host, onset)) {
		*limit = conf->per_host;
		return ARPPROXY_RATE_PER_HOST;
	}
	if (conf->rate &&
	    !arpproxy_bucket_pass(&iface->bucket, now, conf->rate, conf->burst, onset)) {
		*limit = conf->rate;
		return ARPPROXY_RATE_IFACE;
	}
	return ARPPROXY_RATE_PASS;
}

static bool arpproxy_rate_limited_as(struct net *net, struct arpproxy_iface *iface,
				     const struct net_device *dev,
				     const struct arpproxy_arp *arp, __be32 host)
{
	enum arpproxy_rate_hit hit;
	bool onset;
	u32 limit;

	hit = arpproxy_rate_check(net, iface, host, &onset, &limit);
	if (onset)
		arpproxy_notify_rate_limit(net, dev, arp, hit == ARPPROXY_RATE_PER_HOST, limit);
	return hit != ARPPROXY_RATE_PASS;
}

bool arpproxy_rate_limited(struct net *net, struct arpproxy_iface *iface,
			   const struct net_device *dev,
			   const struct arpproxy_arp *arp)
{
	return arpproxy_rate_limited_as(net, iface, dev, arp, arp->sip);
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

	return arpproxy_rate_limited_as(net, iface, dev, req, htonl(host));
}

/*
 * A Neighbor Solicitation's limits are the interface's, as ARP's: its
 * per-host bucket is named by the solicitor's address hashed into
 * 127.0.0.0/8, which no ARP requester that is answered has.
 */
bool arpproxy_rate_limited6(struct net *net, struct arpproxy_iface *iface,
			    const struct net_device *dev, const struct in6_addr *saddr,
			    const u8 *mac)
{
	u32 host = jhash(saddr, sizeof(*saddr), iface->host_seed) & 0x00ffffff;
	enum arpproxy_rate_hit hit;
	bool onset;
	u32 limit;

	hit = arpproxy_rate_check(net, iface, htonl(0x7f000000 | host), &onset, &limit);
	if (onset)
		arpproxy_notify_rate_limit6(net, dev, saddr, mac,
					    hit == ARPPROXY_RATE_PER_HOST, limit);
	return hit != ARPPROXY_RATE_PASS;
}
