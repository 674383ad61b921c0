// SPDX-License-Identifier: GPL-2.0
/*
 * Making announcements: a command's, of the addresses bindings answer for
 * in a prefix, and a binding's own (garp, refresh), which go with it;
 * announce.c sends them.
 */
#include <linux/inetdevice.h>
#include <linux/slab.h>
#include <net/addrconf.h>

#include "announce.h"
#include "proto.h"

/*
 * The ranges @spec's prefix asks for, in @a if it is there, else only
 * counted; the number of distinct addresses in them goes to @addrs. The
 * table walk is in address order, so each range starts at or after the
 * one before it.
 */
static unsigned int arpproxy_announce_ranges(struct arpproxy_config *cfg,
					     const struct arpproxy_binding_spec *spec,
					     struct arpproxy_announce *a, u64 *addrs)
{
	u32 first = ntohl(spec->addr);
	u64 end = (u64)first + (1ULL << (32 - spec->plen));
	struct arpproxy_binding_spec cursor = {};
	const struct arpproxy_binding *b;
	u64 covered = first;
	unsigned int n = 0;

	*addrs = 0;
	for (b = arpproxy_table_next(&cfg->table, NULL); b;
	     b = arpproxy_table_next(&cfg->table, &cursor)) {
		u32 bfirst = ntohl(b->key.addr);
		u64 bend = (u64)bfirst + (1ULL << (32 - b->key.plen));
		int ifindex = b->ifindex ?: spec->ifindex;

		cond_resched();
		cursor.addr = b->key.addr;
		cursor.plen = b->key.plen;
		cursor.ifindex = b->ifindex;
		if ((b->flags & ARPPROXY_BINDING_F_EXCLUDE) || !ifindex ||
		    (spec->ifindex && ifindex != spec->ifindex) ||
		    bend <= first || bfirst >= end)
			continue;
		if (a)
			a->r[n] = (struct arpproxy_announce_range) {
				.prefix = b->key.addr,
				.plen = b->key.plen,
				.binding_ifindex = b->ifindex,
				.ifindex = ifindex,
				.first = max_t(u64, first, bfirst),
				.len = min(end, bend) - max_t(u64, first, bfirst),
			};
		if (min(end, bend) > covered) {
			*addrs += min(end, bend) - max_t(u64, covered, bfirst);
			covered = min(end, bend);
		}
		n++;
	}
	return n;
}

/*
 * The same for an IPv6 @spec. A range is the longer of the two prefixes,
 * as two prefixes either nest or do not meet. Only a range of at most
 * ARPPROXY_ANNOUNCE_MAX addresses (a /112) is built; a longer one makes
 * @addrs U64_MAX, which the caller refuses. So a range lies in one /96,
 * where the last 32 bits of its addresses count it and its overlaps.
 */
static unsigned int arpproxy_announce_ranges6(struct arpproxy_config *cfg,
					      const struct arpproxy_binding_spec *spec,
					      struct arpproxy_announce *a, u64 *addrs)
{
	struct arpproxy_binding_spec cursor = {};
	const struct arpproxy_binding *b;
	struct in6_addr block = {};
	unsigned int n = 0;
	u64 covered = 0;

	*addrs = 0;
	for (b = arpproxy_table_next6(&cfg->table, NULL); b;
	     b = arpproxy_table_next6(&cfg->table, &cursor)) {
		unsigned int longer = max_t(unsigned int, b->key6.plen, spec->plen);
		const struct in6_addr *range = b->key6.plen >= spec->plen ?
					       &b->key6.addr : &spec->addr6;
		int ifindex = b->ifindex ?: spec->ifindex;
		u64 rfirst, rend;

		cond_resched();
		arpproxy_binding_spec_of(b, &cursor);
		if ((b->flags & ARPPROXY_BINDING_F_EXCLUDE) || !ifindex ||
		    (spec->ifindex && ifindex != spec->ifindex) ||
		    !ipv6_prefix_equal(&b->key6.addr, &spec->addr6,
				       min_t(unsigned int, b->key6.plen, spec->plen)))
			continue;
		n++;
		if (longer < 128 - ilog2(ARPPROXY_ANNOUNCE_MAX) || *addrs == U64_MAX) {
			*addrs = U64_MAX;
			continue;
		}
		rfirst = ntohl(range->s6_addr32[3]);
		rend = rfirst + (1U << (128 - longer));
		if (a)
			a->r[n - 1] = (struct arpproxy_announce_range) {
				.prefix6 = b->key6.addr,
				.plen = b->key6.plen,
				.is6 = true,
				.binding_ifindex = b->ifindex,
				.ifindex = ifindex,
				.first = rfirst,
				.len = rend - rfirst,
			};
		if (memcmp(range, &block, 12)) {
			memcpy(&block, range, 12);
			covered = 0;
		}
		if (rend > covered) {
			*addrs += rend - max(covered, rfirst);
			covered = rend;
		}
	}
	return n;
}

/*
 * A command's announcement of what bindings answer for in @spec's prefix,
 * not queued yet; the caller holds an->lock. -ENOENT when no binding
 * covers the prefix, -E2BIG for more than ARPPROXY_ANNOUNCE_MAX addresses.
 */
int arpproxy_announce_build(struct arpproxy_config *cfg,
			    const struct arpproxy_binding_spec *spec,
			    struct arpproxy_announce **job)
{
	bool is6 = spec->family == AF_INET6;
	struct arpproxy_announce *a;
	unsigned int n;
	u64 addrs;

	n = is6 ? arpproxy_announce_ranges6(cfg, spec, NULL, &addrs) :
		  arpproxy_announce_ranges(cfg, spec, NULL, &addrs);
	if (!n)
		return -ENOENT;
	if (addrs > ARPPROXY_ANNOUNCE_MAX)
		return -E2BIG;
	a = kvzalloc(struct_size(a, r, n), GFP_KERNEL_ACCOUNT);
	if (!a)
		return -ENOMEM;
	atomic_inc(&arpproxy_objects);
	if (is6) {
		a->in6 = spec->addr6;
		a->nranges = arpproxy_announce_ranges6(cfg, spec, a, &addrs);
	} else {
		a->nranges = arpproxy_announce_ranges(cfg, spec, a, &addrs);
	}
	*job = a;
	return 0;
}

/*
 * Queues @a, built above, for @count rounds @interval ms apart; -EBUSY,
 * and @a freed, with ARPPROXY_ANNOUNCE_JOBS_MAX running.
 */
int arpproxy_announce_queue(struct arpproxy_net *an, struct arpproxy_announce *a,
			    unsigned int count, unsigned int interval, bool reply)
{
	a->rounds = count;
	a->interval = max(msecs_to_jiffies(interval), 1UL);
	a->reply = reply;
	mutex_lock(&an->announce_lock);
	if (an->announce_jobs >= ARPPROXY_ANNOUNCE_JOBS_MAX || an->announce_dead) {
		mutex_unlock(&an->announce_lock);
		arpproxy_announce_free(a);
		return -EBUSY;
	}
	list_add_tail(&a->node, &an->announces);
	an->announce_jobs++;
	arpproxy_announce_due_at(an, a, jiffies);
	mod_delayed_work(system_wq, &an->announce_work, 0);
	mutex_unlock(&an->announce_lock);
	return 0;
}

/* The key of the binding @spec's own announcement. */
static struct arpproxy_announce_owner
arpproxy_announce_owner_of(const struct arpproxy_binding_spec *spec)
{
	struct arpproxy_announce_owner owner = {
		.family = spec->family == AF_INET6 ? AF_INET6 : AF_INET,
		.plen = spec->plen,
		.ifindex = spec->ifindex,
	};

	if (owner.family == AF_INET6)
		owner.addr = spec->addr6;
	else
		owner.addr.s6_addr32[0] = spec->addr;
	return owner;
}

/*
 * Stops the announcements of the binding @key, or with a NULL @key those
 * of every binding on @ifindex (0: every binding).
 */
void arpproxy_announce_cancel(struct arpproxy_net *an,
			      const struct arpproxy_binding_spec *key, int ifindex)
{
	struct arpproxy_announce_owner owner;
	struct arpproxy_announce *a;
	struct rb_node *node, *next;

	mutex_lock(&an->announce_lock);
	if (an->announce_dead) {
		mutex_unlock(&an->announce_lock);
		return;
	}
	if (key) {
		owner = arpproxy_announce_owner_of(key);
		a = rhashtable_lookup_fast(&an->announce_owned, &owner,
					   arpproxy_announce_owned_params);
		if (a)
			arpproxy_announce_drop(an, a);
		mutex_unlock(&an->announce_lock);
		return;
	}
	/* Once per flush or interface gone: the lock is a sleeping one. */
	for (node = rb_first_cached(&an->announce_due); node; node = next) {
		next = rb_next(node);
		a = rb_entry(node, struct arpproxy_announce, due_node);
		if (a->owned && (!ifindex || a->owner.ifindex == ifindex))
			arpproxy_announce_drop(an, a);
		cond_resched();
	}
	mutex_unlock(&an->announce_lock);
}

/*
 * A garp or refresh binding that can only lie is refused: one whose every
 * address the guards above would hold back on its interface as things
 * are. That is all of it inside a subnet of the interface without onlink,
 * or addresses no host has (loopback, multicast, ...), or the one address
 * of a /32 or /128 that is the host's own. Addresses that change later
 * are held back one by one, as they are sent.
 */
enum arpproxy_announce_refusal
arpproxy_announce_refused(struct net *net, const struct arpproxy_binding_spec *spec)
{
	bool is6 = spec->family == AF_INET6, own_subnet, own_addr;
	const struct net_device *dev;

	if (!spec->garp && !spec->refresh)
		return ARPPROXY_ANNOUNCE_OK;
	if (is6 ? !arpproxy_addr6_announceable(&spec->addr6) : !arpproxy_addr_usable(spec->addr))
		return ARPPROXY_ANNOUNCE_UNUSABLE;
	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, spec->ifindex);
	if (is6) {
		own_addr = spec->plen == 128 && ipv6_chk_addr(net, &spec->addr6, NULL, 0);
		own_subnet = dev && arpproxy_on_link6(dev, &spec->addr6, spec->plen);
	} else {
		own_addr = spec->plen == 32 && __ip_dev_find(net, spec->addr, false);
		own_subnet = dev && arpproxy_on_link(dev, spec->addr, spec->plen);
	}
	rcu_read_unlock();
	if (own_addr)
		return ARPPROXY_ANNOUNCE_OWN_ADDR;
	if (own_subnet && !(spec->flags & ARPPROXY_BINDING_F_ONLINK))
		return ARPPROXY_ANNOUNCE_OWN_SUBNET;
	return ARPPROXY_ANNOUNCE_OK;
}

/*
 * What the binding @spec announces, not queued yet: @spec->garp rounds
 * 1 s apart, then a round every @spec->refresh seconds if it has one.
 * NULL in *@job when it announces nothing.
 */
int arpproxy_announce_prepare(const struct arpproxy_binding_spec *spec,
			      struct arpproxy_announce **job)
{
	struct arpproxy_announce *a;

	*job = NULL;
	if (!spec->garp && !spec->refresh)
		return 0;
	a = kzalloc(struct_size(a, r, 1), GFP_KERNEL_ACCOUNT);
	if (!a)
		return -ENOMEM;
	atomic_inc(&arpproxy_objects);
	a->owned = true;
	a->owner = arpproxy_announce_owner_of(spec);
	a->garp = spec->garp;
	a->rounds = spec->garp;
	a->interval = HZ;
	a->refresh = spec->refresh * HZ;
	a->nranges = 1;
	a->r[0] = (struct arpproxy_announce_range) {
		.plen = spec->plen,
		.binding_ifindex = spec->ifindex,
		.ifindex = spec->ifindex,
	};
	if (spec->family == AF_INET6) {
		a->in6 = spec->addr6;
		a->r[0].prefix6 = spec->addr6;
		a->r[0].is6 = true;
		a->r[0].first = ntohl(spec->addr6.s6_addr32[3]);
		a->r[0].len = 1U << (128 - spec->plen);
	} else {
		a->r[0].prefix = spec->addr;
		a->r[0].first = ntohl(spec->addr);
		a->r[0].len = 1U << (32 - spec->plen);
	}
	*job = a;
	return 0;
}

void arpproxy_announce_discard(struct arpproxy_announce *job)
{
	if (job)
		arpproxy_announce_free(job);
}

static void arpproxy_announce_nomem(const struct arpproxy_binding_spec *spec)
{
	if (spec->family == AF_INET6)
		net_warn_ratelimited("arpproxy: no memory to announce %pI6c/%u\n",
				     &spec->addr6, spec->plen);
	else
		net_warn_ratelimited("arpproxy: no memory to announce %pI4/%u\n",
				     &spec->addr, spec->plen);
}

/*
 * The binding @spec is in: its announcement, if it had one, gives way to
 * @job, if it has one. The garp rounds say it now; without them the
 * refresh says it first after one period. The hash's insert may fail
 * (no memory for a bigger table): that binding is then not announced.
 */
void arpproxy_announce_start(struct arpproxy_net *an,
			     const struct arpproxy_binding_spec *spec,
			     struct arpproxy_announce *job)
{
	struct arpproxy_announce *old;
	int err = 0;

	if (!job) {
		arpproxy_announce_cancel(an, spec, 0);
		return;
	}
	mutex_lock(&an->announce_lock);
	if (an->announce_dead) {
		mutex_unlock(&an->announce_lock);
		arpproxy_announce_free(job);
		return;
	}
	old = rhashtable_lookup_fast(&an->announce_owned, &job->owner,
				     arpproxy_announce_owned_params);
	if (old) {
		rb_erase_cached(&old->due_node, &an->announce_due);
		err = rhashtable_replace_fast(&an->announce_owned, &old->owner_node,
					      &job->owner_node,
					      arpproxy_announce_owned_params);
		arpproxy_announce_free(old);
	} else {
		err = rhashtable_insert_fast(&an->announce_owned, &job->owner_node,
					     arpproxy_announce_owned_params);
	}
	if (err) {
		mutex_unlock(&an->announce_lock);
		arpproxy_announce_nomem(spec);
		arpproxy_announce_free(job);
		return;
	}
	arpproxy_announce_due_at(an, job, jiffies + (job->rounds ? 0 : job->refresh));
	mod_delayed_work(system_wq, &an->announce_work, 0);
	mutex_unlock(&an->announce_lock);
}

/*
 * The binding @spec's interface came up or regained carrier: its garp
 * rounds go again from now, and its refresh goes on after them. False
 * when it has no announcement to go again.
 */
static bool arpproxy_announce_again(struct arpproxy_net *an,
				    const struct arpproxy_binding_spec *spec)
{
	struct arpproxy_announce_owner owner = arpproxy_announce_owner_of(spec);
	struct arpproxy_announce *a;
	bool dead;

	mutex_lock(&an->announce_lock);
	dead = an->announce_dead;
	a = dead ? NULL : rhashtable_lookup_fast(&an->announce_owned, &owner,
						 arpproxy_announce_owned_params);
	if (a) {
		rb_erase_cached(&a->due_node, &an->announce_due);
		a->rounds = a->garp;
		a->range = 0;
		a->offset = 0;
		arpproxy_announce_due_at(an, a, jiffies);
		mod_delayed_work(system_wq, &an->announce_work, 0);
	}
	mutex_unlock(&an->announce_lock);
	return a || dead;
}

/*
 * With @fresh, starts the announcements of every garp or refresh binding
 * of @cfg on @ifindex (0: everywhere) anew, as a restore does. Without,
 * as carrier coming back does: the garp rounds go again and refreshes go
 * on. Called with an->lock held; a binding that gets no memory for it is
 * logged.
 */
void arpproxy_announce_config(struct arpproxy_net *an, struct arpproxy_config *cfg,
			      int ifindex, bool fresh)
{
	struct arpproxy_binding_spec spec = {};
	const struct arpproxy_binding *b;

	for (b = arpproxy_table_next_any(&cfg->table, NULL); b;
	     b = arpproxy_table_next_any(&cfg->table, &spec)) {
		struct arpproxy_announce *job;

		cond_resched();
		arpproxy_binding_spec_of(b, &spec);
		if (!b->ifindex || (ifindex && b->ifindex != ifindex) ||
		    !(fresh ? spec.garp || spec.refresh : spec.garp))
			continue;
		if (!fresh && arpproxy_announce_again(an, &spec))
			continue;
		if (arpproxy_announce_prepare(&spec, &job))
			arpproxy_announce_nomem(&spec);
		else
			arpproxy_announce_start(an, &spec, job);
	}
}

/*
 * @ifindex is going: nothing more is sent on it, whatever reuses it. The
 * bindings' own announcements go with the bindings, under the same RTNL
 * hold, so only the commands' (a few) are looked at.
 */
void arpproxy_announce_forget_dev(struct arpproxy_net *an, int ifindex)
{
	struct arpproxy_announce *a;
	unsigned int i;

	mutex_lock(&an->announce_lock);
	if (!an->announce_dead)
		list_for_each_entry(a, &an->announces, node)
			for (i = 0; i < a->nranges; i++)
				if (a->r[i].ifindex == ifindex)
					a->r[i].ifindex = 0;
	mutex_unlock(&an->announce_lock);
}
