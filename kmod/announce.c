// SPDX-License-Identifier: GPL-2.0
/*
 * Gratuitous ARP announcements: for every address of a prefix that a
 * binding answers for, frames that tell the segment which MAC the address
 * is at, so that neighbours and switches learn a change without asking.
 * The command only queues the announcement; a per-netns worker sends it,
 * paced per interface, and checks each address against the table as it
 * goes, so a binding that changed or went meanwhile is not announced.
 * Bindings with garp or refresh own announcements, which go with them.
 */
#include <linux/etherdevice.h>
#include <linux/inetdevice.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <net/arp.h>

#include "arpproxy.h"
#include "proto.h"

static unsigned int arpproxy_garp_rate = 1000;
module_param_named(garp_rate, arpproxy_garp_rate, uint, 0644);
MODULE_PARM_DESC(garp_rate, "Most gratuitous ARP frames sent per second on one interface (default 1000)");

/* Addresses looked at per tick, sent or not, so a tick stays short. */
#define ARPPROXY_ANNOUNCE_WORK	4096
/* Interfaces one tick keeps a budget for; more wait for the next tick. */
#define ARPPROXY_ANNOUNCE_DEVS	8
/*
 * Announcements a tick sends to the back of the queue for want of budget:
 * when one interface has more due than garp_rate lets out, the others'
 * wait behind its backlog for (backlog / this) ticks at most.
 */
#define ARPPROXY_ANNOUNCE_DEFER	64

/* The part of one binding's prefix that an announcement covers. */
struct arpproxy_announce_range {
	__be32 prefix;			/* the binding's key, to find it again */
	u8 plen;
	int binding_ifindex;
	int ifindex;			/* where to send; 0 once it is gone */
	u32 first;			/* host order */
	u32 len;
};

/* Who owns an announcement: a binding's key, padding-free for the hash. */
struct arpproxy_announce_owner {
	__be32 addr;
	u32 plen;
	u32 ifindex;
};

/*
 * One announcement: a command's (counted against the job limit, on
 * an->announces) or a binding's own (one per binding with garp or refresh,
 * in an->announce_owned by its key). Either waits in an->announce_due
 * until its next round is due.
 */
struct arpproxy_announce {
	struct rb_node due_node;
	union {
		struct list_head node;		/* a command's */
		struct rhash_head owner_node;	/* a binding's */
	};
	bool owned;
	struct arpproxy_announce_owner owner;
	unsigned int garp;		/* rounds a carrier-up starts again */
	unsigned int rounds;		/* left, the current one included */
	unsigned long interval;		/* jiffies between those rounds */
	unsigned long refresh;		/* jiffies between refreshes after them */
	unsigned long next;		/* jiffies: the current round may go on */
	bool reply;
	unsigned int range, offset;	/* where the current round is */
	unsigned int nranges;
	struct arpproxy_announce_range r[];
};

static const struct rhashtable_params arpproxy_announce_owned_params = {
	.key_len = sizeof(struct arpproxy_announce_owner),
	.key_offset = offsetof(struct arpproxy_announce, owner),
	.head_offset = offsetof(struct arpproxy_announce, owner_node),
	.automatic_shrinking = true,
};

struct arpproxy_announce_budget {
	int ifindex;
	unsigned int left;
};

static void arpproxy_announce_free(struct arpproxy_announce *a)
{
	kvfree(a);
	atomic_dec(&arpproxy_objects);
}

/*
 * The frame for @addr, if the binding @r came from still answers for it
 * on @dev (not gone, not shadowed by a longer or better scoped binding,
 * which has its own range) and a reply for it would pass the responder's
 * guards: what the responder would not say, an announcement does not say
 * either. Returns the counter it goes to, or 0.
 */
static enum arpproxy_stat arpproxy_announce_one(struct arpproxy_net *an,
						struct arpproxy_config *cfg,
						const struct arpproxy_announce_range *r,
						struct net_device *dev, __be32 addr,
						bool reply)
{
	const struct arpproxy_binding *b;
	struct arpproxy_facts facts;
	const struct in_ifaddr *ifa;
	struct sk_buff *skb;
	const u8 *mac;

	b = arpproxy_table_lookup(&cfg->table, addr, dev->ifindex);
	if (b && (b->flags & ARPPROXY_BINDING_F_EXCLUDE))
		return ARPPROXY_STAT_GARP_SKIPPED;
	if (!b || b->key.addr != r->prefix || b->key.plen != r->plen ||
	    b->ifindex != r->binding_ifindex)
		return 0;
	if (!arpproxy_addr_usable(addr))
		return ARPPROXY_STAT_GARP_SKIPPED;
	arpproxy_facts_get(an->net, NULL, dev, b, 0, addr, &facts);
	if (arpproxy_verdict(&facts) != ARPPROXY_STAT_REPLIES)
		return ARPPROXY_STAT_GARP_SKIPPED;
	/* No host is at a subnet's network or broadcast address, onlink or not. */
	ifa = arpproxy_on_link(dev, addr, 32);
	if (ifa && ifa->ifa_prefixlen < 31 &&
	    (!(addr & ~ifa->ifa_mask) || (addr | ifa->ifa_mask) == htonl(~0U)))
		return ARPPROXY_STAT_GARP_SKIPPED;
	mac = is_zero_ether_addr(b->mac) ? dev->dev_addr : b->mac;
	/* RFC 5227 announcement: sender IP = target IP, target MAC zero. */
	skb = arp_create(reply ? ARPOP_REPLY : ARPOP_REQUEST, ETH_P_ARP, addr, dev,
			 addr, NULL, dev->dev_addr, reply ? mac : NULL);
	if (!skb)
		return 0;
	ether_addr_copy(skb_network_header(skb) + sizeof(struct arphdr), mac);
	arp_xmit(skb);
	return ARPPROXY_STAT_GARP_SENT;
}

/*
 * The worker's period while frames are due: 10 ms, or longer for rates
 * under one frame per 10 ms, so that a tick's budget is a whole frame.
 */
static unsigned long arpproxy_announce_tick(void)
{
	unsigned int rate = max(READ_ONCE(arpproxy_garp_rate), 1U);

	return max3(HZ / 100, DIV_ROUND_UP(HZ, rate), 1);
}

static unsigned int *arpproxy_announce_budget(struct arpproxy_announce_budget *budget,
					      int ifindex)
{
	unsigned int i, per_tick = max(READ_ONCE(arpproxy_garp_rate) *
				       arpproxy_announce_tick() / HZ, 1UL);

	for (i = 0; i < ARPPROXY_ANNOUNCE_DEVS && budget[i].ifindex; i++)
		if (budget[i].ifindex == ifindex)
			return &budget[i].left;
	if (i == ARPPROXY_ANNOUNCE_DEVS)
		return NULL;
	budget[i].ifindex = ifindex;
	budget[i].left = per_tick;
	return &budget[i].left;
}

/* Goes on with @a's round: true once the round is complete. */
static bool arpproxy_announce_step(struct arpproxy_net *an, struct arpproxy_config *cfg,
				   struct arpproxy_announce *a,
				   struct arpproxy_announce_budget *budget,
				   unsigned int *work)
{
	while (a->range < a->nranges) {
		const struct arpproxy_announce_range *r = &a->r[a->range];
		struct net_device *dev = r->ifindex ?
			dev_get_by_index_rcu(an->net, r->ifindex) : NULL;
		unsigned int *left;

		if (!dev || !netif_running(dev)) {
			a->range++;
			a->offset = 0;
			continue;
		}
		left = arpproxy_announce_budget(budget, dev->ifindex);
		if (!left)
			return false;
		while (a->offset < r->len && *left && *work) {
			__be32 addr = htonl(r->first + a->offset++);
			enum arpproxy_stat counted;

			(*work)--;
			counted = arpproxy_announce_one(an, cfg, r, dev, addr, a->reply);
			if (counted == ARPPROXY_STAT_GARP_SENT)
				(*left)--;
			if (counted)
				arpproxy_count_dev(an, xa_load(&an->dev_stats, dev->ifindex),
						   counted);
		}
		if (a->offset < r->len)
			return false;
		a->range++;
		a->offset = 0;
	}
	return true;
}

static bool arpproxy_announce_due_before(struct rb_node *node, const struct rb_node *other)
{
	return time_before(rb_entry(node, struct arpproxy_announce, due_node)->next,
			   rb_entry(other, struct arpproxy_announce, due_node)->next);
}

/* @a waits for its next round at @next; an->announce_lock is held. */
static void arpproxy_announce_due_at(struct arpproxy_net *an, struct arpproxy_announce *a,
				     unsigned long next)
{
	a->next = next;
	rb_add_cached(&a->due_node, &an->announce_due, arpproxy_announce_due_before);
}

static struct arpproxy_announce *arpproxy_announce_first(struct arpproxy_net *an)
{
	struct rb_node *node = rb_first_cached(&an->announce_due);

	return node ? rb_entry(node, struct arpproxy_announce, due_node) : NULL;
}

/* @a, out of the queue, ends; an->announce_lock is held. */
static void arpproxy_announce_end(struct arpproxy_net *an, struct arpproxy_announce *a)
{
	if (a->owned) {
		rhashtable_remove_fast(&an->announce_owned, &a->owner_node,
				       arpproxy_announce_owned_params);
	} else {
		list_del(&a->node);
		an->announce_jobs--;
	}
	arpproxy_announce_free(a);
}

static void arpproxy_announce_drop(struct arpproxy_net *an, struct arpproxy_announce *a)
{
	rb_erase_cached(&a->due_node, &an->announce_due);
	arpproxy_announce_end(an, a);
}

/* A round of @a is complete at @now: when the next one is due, or false. */
static bool arpproxy_announce_round_done(struct arpproxy_announce *a, unsigned long now,
					 unsigned long *next)
{
	a->range = 0;
	a->offset = 0;
	if (a->rounds && --a->rounds) {
		*next = now + a->interval;
		return true;
	}
	if (!a->refresh)
		return false;
	*next = now + a->refresh;
	return true;
}

/*
 * Works on the announcements that are due, earliest first, taking each
 * out of the queue and putting it back at its next due time: a tick only
 * ever looks at due ones, at most ARPPROXY_ANNOUNCE_WORK addresses in
 * all, and lets the lock go between them. An interface whose budget is
 * spent sends its announcement to the back of the queue; after
 * ARPPROXY_ANNOUNCE_DEFER of those the tick ends.
 */
static void arpproxy_announce_work(struct work_struct *work)
{
	struct arpproxy_net *an = container_of(to_delayed_work(work),
					       struct arpproxy_net, announce_work);
	struct arpproxy_announce_budget budget[ARPPROXY_ANNOUNCE_DEVS] = {};
	unsigned int left = ARPPROXY_ANNOUNCE_WORK, deferred = 0;
	unsigned long now = jiffies, next;
	struct arpproxy_announce *a;
	bool complete;

	mutex_lock(&an->announce_lock);
	while ((a = arpproxy_announce_first(an)) && !time_before(now, a->next) &&
	       left && deferred < ARPPROXY_ANNOUNCE_DEFER) {
		rb_erase_cached(&a->due_node, &an->announce_due);
		/* Every announcement looked at costs, even one with nothing to send. */
		left--;
		rcu_read_lock();
		complete = arpproxy_announce_step(an, rcu_dereference(an->config), a,
						  budget, &left);
		rcu_read_unlock();
		if (!complete) {
			deferred++;
			arpproxy_announce_due_at(an, a, now + arpproxy_announce_tick());
		} else if (arpproxy_announce_round_done(a, now, &next)) {
			arpproxy_announce_due_at(an, a, next);
		} else {
			arpproxy_announce_end(an, a);
		}
		mutex_unlock(&an->announce_lock);
		cond_resched();
		mutex_lock(&an->announce_lock);
	}
	now = jiffies;
	if (a && !an->announce_dead)
		queue_delayed_work(system_wq, &an->announce_work,
				   time_before(now, a->next) ? a->next - now :
				   arpproxy_announce_tick());
	mutex_unlock(&an->announce_lock);
}

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
		cond_resched();
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
	struct arpproxy_announce *a;
	unsigned int n;
	u64 addrs;

	n = arpproxy_announce_ranges(cfg, spec, NULL, &addrs);
	if (!n)
		return -ENOENT;
	if (addrs > ARPPROXY_ANNOUNCE_MAX)
		return -E2BIG;
	a = kvzalloc(struct_size(a, r, n), GFP_KERNEL_ACCOUNT);
	if (!a)
		return -ENOMEM;
	atomic_inc(&arpproxy_objects);
	a->nranges = arpproxy_announce_ranges(cfg, spec, a, &addrs);
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
		owner = (struct arpproxy_announce_owner) {
			.addr = key->addr,
			.plen = key->plen,
			.ifindex = key->ifindex,
		};
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
 * of a /32 that is the host's own. Addresses that change later are held
 * back one by one, as they are sent.
 */
enum arpproxy_announce_refusal
arpproxy_announce_refused(struct net *net, const struct arpproxy_binding_spec *spec)
{
	const struct net_device *dev;
	bool own_subnet, own_addr;

	if (!spec->garp && !spec->refresh)
		return ARPPROXY_ANNOUNCE_OK;
	if (!arpproxy_addr_usable(spec->addr))
		return ARPPROXY_ANNOUNCE_UNUSABLE;
	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, spec->ifindex);
	own_addr = spec->plen == 32 && __ip_dev_find(net, spec->addr, false);
	own_subnet = dev && !(spec->flags & ARPPROXY_BINDING_F_ONLINK) &&
		     arpproxy_on_link(dev, spec->addr, spec->plen);
	rcu_read_unlock();
	if (own_addr)
		return ARPPROXY_ANNOUNCE_OWN_ADDR;
	if (own_subnet)
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
	a->owner = (struct arpproxy_announce_owner) {
		.addr = spec->addr,
		.plen = spec->plen,
		.ifindex = spec->ifindex,
	};
	a->garp = spec->garp;
	a->rounds = spec->garp;
	a->interval = HZ;
	a->refresh = spec->refresh * HZ;
	a->nranges = 1;
	a->r[0] = (struct arpproxy_announce_range) {
		.prefix = spec->addr,
		.plen = spec->plen,
		.binding_ifindex = spec->ifindex,
		.ifindex = spec->ifindex,
		.first = ntohl(spec->addr),
		.len = 1U << (32 - spec->plen),
	};
	*job = a;
	return 0;
}

void arpproxy_announce_discard(struct arpproxy_announce *job)
{
	if (job)
		arpproxy_announce_free(job);
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
		net_warn_ratelimited("arpproxy: no memory to announce %pI4/%u\n",
				     &spec->addr, spec->plen);
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
	struct arpproxy_announce_owner owner = {
		.addr = spec->addr,
		.plen = spec->plen,
		.ifindex = spec->ifindex,
	};
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

	for (b = arpproxy_table_next(&cfg->table, NULL); b;
	     b = arpproxy_table_next(&cfg->table, &spec)) {
		struct arpproxy_announce *job;

		spec = (struct arpproxy_binding_spec) {
			.addr = b->key.addr,
			.plen = b->key.plen,
			.ifindex = b->ifindex,
			.garp = b->garp,
			.refresh = b->refresh,
		};
		if (!b->ifindex || (ifindex && b->ifindex != ifindex) ||
		    !(fresh ? spec.garp || spec.refresh : spec.garp))
			continue;
		if (!fresh && arpproxy_announce_again(an, &spec))
			continue;
		if (arpproxy_announce_prepare(&spec, &job))
			net_warn_ratelimited("arpproxy: no memory to announce %pI4/%u\n",
					     &spec.addr, spec.plen);
		else
			arpproxy_announce_start(an, &spec, job);
		cond_resched();
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

int arpproxy_announce_init(struct arpproxy_net *an, struct net *net)
{
	an->net = net;
	INIT_LIST_HEAD(&an->announces);
	an->announce_due = RB_ROOT_CACHED;
	mutex_init(&an->announce_lock);
	INIT_DELAYED_WORK(&an->announce_work, arpproxy_announce_work);
	return rhashtable_init(&an->announce_owned, &arpproxy_announce_owned_params);
}

/*
 * The netns is going: stop the worker for good and drop what is left.
 * Its interfaces' events still come (they unregister after this), so
 * everything above looks at announce_dead first, under the lock.
 */
void arpproxy_announce_stop(struct arpproxy_net *an)
{
	struct arpproxy_announce *a, *tmp;
	struct rb_root_cached due;

	mutex_lock(&an->announce_lock);
	an->announce_dead = true;
	due = an->announce_due;
	an->announce_due = RB_ROOT_CACHED;
	INIT_LIST_HEAD(&an->announces);
	an->announce_jobs = 0;
	mutex_unlock(&an->announce_lock);
	cancel_delayed_work_sync(&an->announce_work);
	rbtree_postorder_for_each_entry_safe(a, tmp, &due.rb_root, due_node) {
		arpproxy_announce_free(a);
		cond_resched();
	}
	rhashtable_destroy(&an->announce_owned);
}
