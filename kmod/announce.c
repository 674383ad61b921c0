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
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <net/arp.h>
#include <net/genetlink.h>

#include "arpproxy.h"
#include "proto.h"

static unsigned int arpproxy_garp_rate = 1000;
module_param_named(garp_rate, arpproxy_garp_rate, uint, 0644);
MODULE_PARM_DESC(garp_rate, "Most gratuitous ARP frames sent per second on one interface (default 1000)");

/* Addresses looked at per tick, sent or not, so a tick stays short. */
#define ARPPROXY_ANNOUNCE_WORK	4096
/* Interfaces one tick keeps a budget for; more wait for the next tick. */
#define ARPPROXY_ANNOUNCE_DEVS	8

/* The part of one binding's prefix that an announcement covers. */
struct arpproxy_announce_range {
	__be32 prefix;			/* the binding's key, to find it again */
	u8 plen;
	int binding_ifindex;
	int ifindex;			/* where to send; 0 once it is gone */
	u32 first;			/* host order */
	u32 len;
};

struct arpproxy_announce {
	struct list_head node;
	bool owned;			/* by the binding owner names */
	bool forever;			/* a refresh: rounds until cancelled */
	struct arpproxy_binding_spec owner;
	unsigned int rounds;		/* left, the current one included */
	unsigned long interval;		/* jiffies between rounds */
	unsigned long next;		/* jiffies: the current round may go on */
	bool reply;
	unsigned int range, offset;	/* where the current round is */
	unsigned int nranges;
	struct arpproxy_announce_range r[];
};

struct arpproxy_announce_budget {
	int ifindex;
	unsigned int left;
};

static struct netlink_range_validation arpproxy_count_range = {
	.min = 1,
	.max = ARPPROXY_ANNOUNCE_COUNT_MAX,
};

static struct netlink_range_validation arpproxy_interval_range = {
	.min = ARPPROXY_ANNOUNCE_INTERVAL_MIN,
	.max = ARPPROXY_ANNOUNCE_INTERVAL_MAX,
};

const struct nla_policy arpproxy_announce_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_PREFIX]	= { .type = NLA_BE32 },
	[ARPPROXY_A_PLEN]	= NLA_POLICY_MAX(NLA_U8, 32),
	[ARPPROXY_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_A_COUNT]	= NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_count_range),
	[ARPPROXY_A_INTERVAL]	= NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_interval_range),
	[ARPPROXY_A_REPLY]	= NLA_POLICY_MAX(NLA_U8, 1),
};

static void arpproxy_announce_free(struct arpproxy_announce *a)
{
	kvfree(a);
	atomic_dec(&arpproxy_objects);
}

/*
 * One frame for @addr, if the binding @r came from still answers for it
 * on @dev: not gone, not shadowed by a longer or better scoped binding
 * (which has its own range) and not an exclude.
 */
static bool arpproxy_announce_one(struct arpproxy_config *cfg,
				  const struct arpproxy_announce_range *r,
				  struct net_device *dev, __be32 addr, bool reply)
{
	const struct arpproxy_binding *b;
	struct sk_buff *skb;
	const u8 *mac;

	b = arpproxy_table_lookup(&cfg->table, addr, dev->ifindex);
	if (!b || b->key.addr != r->prefix || b->key.plen != r->plen ||
	    b->ifindex != r->binding_ifindex || (b->flags & ARPPROXY_BINDING_F_EXCLUDE))
		return false;
	mac = is_zero_ether_addr(b->mac) ? dev->dev_addr : b->mac;
	/* RFC 5227 announcement: sender IP = target IP, target MAC zero. */
	skb = arp_create(reply ? ARPOP_REPLY : ARPOP_REQUEST, ETH_P_ARP, addr, dev,
			 addr, NULL, dev->dev_addr, reply ? mac : NULL);
	if (!skb)
		return false;
	ether_addr_copy(skb_network_header(skb) + sizeof(struct arphdr), mac);
	arp_xmit(skb);
	return true;
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

			(*work)--;
			if (arpproxy_announce_one(cfg, r, dev, addr, a->reply)) {
				(*left)--;
				arpproxy_count_dev(an, xa_load(&an->dev_stats, dev->ifindex),
						   ARPPROXY_STAT_GARP_SENT);
			}
		}
		if (a->offset < r->len)
			return false;
		a->range++;
		a->offset = 0;
	}
	return true;
}

static void arpproxy_announce_work(struct work_struct *work)
{
	struct arpproxy_net *an = container_of(to_delayed_work(work),
					       struct arpproxy_net, announce_work);
	struct arpproxy_announce_budget budget[ARPPROXY_ANNOUNCE_DEVS] = {};
	unsigned long now = jiffies, delay = ULONG_MAX;
	unsigned int left = ARPPROXY_ANNOUNCE_WORK;
	struct arpproxy_announce *a, *tmp;
	LIST_HEAD(done);

	spin_lock_bh(&an->announce_lock);
	rcu_read_lock();
	list_for_each_entry_safe(a, tmp, &an->announces, node) {
		if (time_before(now, a->next)) {
			delay = min(delay, a->next - now);
			continue;
		}
		if (!arpproxy_announce_step(an, rcu_dereference(an->config), a,
					    budget, &left)) {
			delay = arpproxy_announce_tick();
			continue;
		}
		if (!a->forever && !--a->rounds) {
			list_move(&a->node, &done);
			if (!a->owned)
				an->announce_jobs--;
			continue;
		}
		a->range = 0;
		a->offset = 0;
		a->next = now + a->interval;
		delay = min(delay, max(a->interval, 1UL));
	}
	rcu_read_unlock();
	if (delay != ULONG_MAX && !an->announce_dead)
		queue_delayed_work(system_wq, &an->announce_work, delay);
	spin_unlock_bh(&an->announce_lock);

	list_for_each_entry_safe(a, tmp, &done, node)
		arpproxy_announce_free(a);
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

int arpproxy_cmd_announce(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr **attrs = info->attrs;
	struct arpproxy_binding_spec spec = {};
	struct arpproxy_announce *a = NULL;
	struct arpproxy_config *cfg;
	unsigned int n;
	u64 addrs;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_PREFIX) ||
	    GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_PLEN))
		return -EINVAL;
	spec.addr = nla_get_be32(attrs[ARPPROXY_A_PREFIX]);
	spec.plen = nla_get_u8(attrs[ARPPROXY_A_PLEN]);
	if (attrs[ARPPROXY_A_IFINDEX])
		spec.ifindex = nla_get_u32(attrs[ARPPROXY_A_IFINDEX]);
	if (spec.addr & ~arpproxy_prefix_mask(spec.plen)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_PREFIX],
				    "prefix has host bits set");
		return -EINVAL;
	}

	mutex_lock(&an->lock);
	err = arpproxy_check_ifindex(net, info);
	if (err)
		goto out;
	cfg = arpproxy_config_live(an);
	n = arpproxy_announce_ranges(cfg, &spec, NULL, &addrs);
	err = -ENOENT;
	if (!n) {
		NL_SET_ERR_MSG_MOD(info->extack, "no binding to announce in this prefix");
		goto out;
	}
	err = -E2BIG;
	if (addrs > ARPPROXY_ANNOUNCE_MAX) {
		NL_SET_ERR_MSG_MOD(info->extack, "more than "
				   __stringify(ARPPROXY_ANNOUNCE_MAX) " addresses to announce");
		goto out;
	}
	err = -ENOMEM;
	a = kvzalloc(struct_size(a, r, n), GFP_KERNEL_ACCOUNT);
	if (!a)
		goto out;
	atomic_inc(&arpproxy_objects);
	a->nranges = arpproxy_announce_ranges(cfg, &spec, a, &addrs);
	err = 0;
out:
	mutex_unlock(&an->lock);
	if (err)
		return err;

	a->rounds = attrs[ARPPROXY_A_COUNT] ? nla_get_u32(attrs[ARPPROXY_A_COUNT]) : 2;
	a->interval = msecs_to_jiffies(attrs[ARPPROXY_A_INTERVAL] ?
				       nla_get_u32(attrs[ARPPROXY_A_INTERVAL]) : 2000);
	a->reply = attrs[ARPPROXY_A_REPLY] && nla_get_u8(attrs[ARPPROXY_A_REPLY]);
	a->next = jiffies;
	spin_lock_bh(&an->announce_lock);
	if (an->announce_jobs >= ARPPROXY_ANNOUNCE_JOBS_MAX || an->announce_dead) {
		spin_unlock_bh(&an->announce_lock);
		arpproxy_announce_free(a);
		NL_SET_ERR_MSG_MOD(info->extack, "too many announcements running");
		return -EBUSY;
	}
	list_add_tail(&a->node, &an->announces);
	an->announce_jobs++;
	mod_delayed_work(system_wq, &an->announce_work, 0);
	spin_unlock_bh(&an->announce_lock);
	return 0;
}

/* Does @a belong to the binding @key, or to any binding on @ifindex (0: any)? */
static bool arpproxy_announce_owned_by(const struct arpproxy_announce *a,
				       const struct arpproxy_binding_spec *key,
				       int ifindex)
{
	if (!a->owned)
		return false;
	if (key)
		return a->owner.addr == key->addr && a->owner.plen == key->plen &&
		       a->owner.ifindex == key->ifindex;
	return !ifindex || a->owner.ifindex == ifindex;
}

/*
 * Stops the announcements of the binding @key, or with a NULL @key those
 * of every binding on @ifindex (0: every binding).
 */
void arpproxy_announce_cancel(struct arpproxy_net *an,
			      const struct arpproxy_binding_spec *key, int ifindex)
{
	struct arpproxy_announce *a, *tmp;
	LIST_HEAD(gone);

	spin_lock_bh(&an->announce_lock);
	list_for_each_entry_safe(a, tmp, &an->announces, node)
		if (arpproxy_announce_owned_by(a, key, ifindex))
			list_move(&a->node, &gone);
	spin_unlock_bh(&an->announce_lock);
	list_for_each_entry_safe(a, tmp, &gone, node)
		arpproxy_announce_free(a);
}

/* An announcement of one binding's addresses on its interface, not queued. */
static struct arpproxy_announce *
arpproxy_announce_of(const struct arpproxy_binding_spec *spec, unsigned int rounds,
		     unsigned long interval, bool forever, gfp_t gfp)
{
	struct arpproxy_announce *a = kzalloc(struct_size(a, r, 1), gfp | __GFP_ACCOUNT);

	if (!a)
		return NULL;
	atomic_inc(&arpproxy_objects);
	a->owned = true;
	a->forever = forever;
	a->owner = *spec;
	a->rounds = rounds;
	a->interval = interval;
	a->nranges = 1;
	a->r[0] = (struct arpproxy_announce_range) {
		.prefix = spec->addr,
		.plen = spec->plen,
		.binding_ifindex = spec->ifindex,
		.ifindex = spec->ifindex,
		.first = ntohl(spec->addr),
		.len = 1U << (32 - spec->plen),
	};
	return a;
}

void arpproxy_announce_discard(struct arpproxy_announce **jobs)
{
	if (jobs[0])
		arpproxy_announce_free(jobs[0]);
	if (jobs[1])
		arpproxy_announce_free(jobs[1]);
}

/*
 * What a binding being added or replaced announces: @jobs[0] its garp
 * rounds, @jobs[1] its refresh. Prepared before the binding goes in, so
 * that a binding is never in without its announcements.
 */
int arpproxy_announce_prepare(const struct arpproxy_binding_spec *spec,
			      struct arpproxy_announce **jobs)
{
	jobs[0] = NULL;
	jobs[1] = NULL;
	if (spec->garp) {
		jobs[0] = arpproxy_announce_of(spec, spec->garp, HZ, false, GFP_KERNEL);
		if (!jobs[0])
			return -ENOMEM;
	}
	if (spec->refresh) {
		jobs[1] = arpproxy_announce_of(spec, 1, spec->refresh * HZ, true, GFP_KERNEL);
		if (!jobs[1]) {
			arpproxy_announce_discard(jobs);
			return -ENOMEM;
		}
	}
	return 0;
}

static void arpproxy_announce_queue(struct arpproxy_net *an, struct arpproxy_announce *a,
				    unsigned long delay)
{
	a->next = jiffies + delay;
	spin_lock_bh(&an->announce_lock);
	if (an->announce_dead) {
		spin_unlock_bh(&an->announce_lock);
		arpproxy_announce_free(a);
		return;
	}
	list_add_tail(&a->node, &an->announces);
	mod_delayed_work(system_wq, &an->announce_work, 0);
	spin_unlock_bh(&an->announce_lock);
}

/* The binding @spec is in: its old announcements stop, its new ones start. */
void arpproxy_announce_start(struct arpproxy_net *an,
			     const struct arpproxy_binding_spec *spec,
			     struct arpproxy_announce **jobs)
{
	arpproxy_announce_cancel(an, spec, 0);
	if (jobs[0])
		arpproxy_announce_queue(an, jobs[0], 0);
	/* The garp rounds say it now; the refresh says it again later. */
	if (jobs[1])
		arpproxy_announce_queue(an, jobs[1], jobs[1]->interval);
}

/*
 * Announces the garp bindings of @cfg on @ifindex (0: everywhere), and
 * with @refresh starts their refreshes too. Called with an->lock held; a
 * binding that gets no memory for it is logged.
 */
void arpproxy_announce_config(struct arpproxy_net *an, struct arpproxy_config *cfg,
			      int ifindex, bool refresh)
{
	struct arpproxy_binding_spec spec = {};
	const struct arpproxy_binding *b;

	for (b = arpproxy_table_next(&cfg->table, NULL); b;
	     b = arpproxy_table_next(&cfg->table, &spec)) {
		struct arpproxy_announce *jobs[2] = {};

		spec = (struct arpproxy_binding_spec) {
			.addr = b->key.addr,
			.plen = b->key.plen,
			.ifindex = b->ifindex,
			.garp = b->garp,
			.refresh = refresh ? b->refresh : 0,
		};
		if (!b->ifindex || (ifindex && b->ifindex != ifindex) ||
		    (!spec.garp && !spec.refresh))
			continue;
		if (arpproxy_announce_prepare(&spec, jobs))
			net_warn_ratelimited("arpproxy: no memory to announce %pI4/%u\n",
					     &spec.addr, spec.plen);
		else
			arpproxy_announce_start(an, &spec, jobs);
		cond_resched();
	}
}

/* @ifindex is going: nothing more is sent on it, whatever reuses it. */
void arpproxy_announce_forget_dev(struct arpproxy_net *an, int ifindex)
{
	struct arpproxy_announce *a;
	unsigned int i;

	spin_lock_bh(&an->announce_lock);
	list_for_each_entry(a, &an->announces, node)
		for (i = 0; i < a->nranges; i++)
			if (a->r[i].ifindex == ifindex)
				a->r[i].ifindex = 0;
	spin_unlock_bh(&an->announce_lock);
}

void arpproxy_announce_init(struct arpproxy_net *an, struct net *net)
{
	an->net = net;
	INIT_LIST_HEAD(&an->announces);
	spin_lock_init(&an->announce_lock);
	INIT_DELAYED_WORK(&an->announce_work, arpproxy_announce_work);
}

/* The netns is going: stop the worker for good and drop what is left. */
void arpproxy_announce_stop(struct arpproxy_net *an)
{
	struct arpproxy_announce *a, *tmp;

	spin_lock_bh(&an->announce_lock);
	an->announce_dead = true;
	spin_unlock_bh(&an->announce_lock);
	cancel_delayed_work_sync(&an->announce_work);
	list_for_each_entry_safe(a, tmp, &an->announces, node)
		arpproxy_announce_free(a);
	INIT_LIST_HEAD(&an->announces);
	an->announce_jobs = 0;
}
