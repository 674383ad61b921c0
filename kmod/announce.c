// SPDX-License-Identifier: GPL-2.0
/*
 * Gratuitous ARP announcements, and for IPv6 unsolicited Neighbor
 * Advertisements: for every address of a prefix that a binding answers
 * for, frames that tell the segment which MAC the address is at, so that
 * neighbours and switches learn a change without asking.
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

#include "announce.h"
#include "proto.h"

static unsigned int arpproxy_garp_rate = 1000;
module_param_named(garp_rate, arpproxy_garp_rate, uint, 0644);
MODULE_PARM_DESC(garp_rate, "Most announcements (gratuitous ARP or unsolicited NA) sent per second on one interface (default 1000)");

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

const struct rhashtable_params arpproxy_announce_owned_params = {
	.key_len = sizeof(struct arpproxy_announce_owner),
	.key_offset = offsetof(struct arpproxy_announce, owner),
	.head_offset = offsetof(struct arpproxy_announce, owner_node),
	.automatic_shrinking = true,
};

struct arpproxy_announce_budget {
	int ifindex;
	unsigned int left;
};

void arpproxy_announce_free(struct arpproxy_announce *a)
{
	kvfree(a);
	atomic_dec(&arpproxy_objects);
}

/* Whether @b is still the binding the range @r was made from. */
static bool arpproxy_announce_from(const struct arpproxy_binding *b,
				   const struct arpproxy_announce_range *r)
{
	if (!b || arpproxy_binding_is6(b) != r->is6 || arpproxy_binding_plen(b) != r->plen ||
	    b->ifindex != r->binding_ifindex)
		return false;
	return r->is6 ? ipv6_addr_equal(&b->key6.addr, &r->prefix6) : b->key.addr == r->prefix;
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
	if (!arpproxy_announce_from(b, r))
		return 0;
	if (!arpproxy_addr_usable(addr))
		return ARPPROXY_STAT_GARP_SKIPPED;
	arpproxy_facts_get(an->net, NULL, dev, b, 0, addr, &facts);
	if (arpproxy_verdict(&facts) != ARPPROXY_STAT_REPLIES ||
	    arpproxy_standby(an->net, dev, arpproxy_iface_get(cfg, dev->ifindex)))
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
 * The same for the IPv6 address of @a's range @r that ends in @host: an
 * unsolicited Neighbor Advertisement to all-nodes, Override set (RFC 4861
 * 7.2.6), as the kernel sends for its own addresses when they change.
 */
static enum arpproxy_stat arpproxy_announce_one6(struct arpproxy_net *an,
						 struct arpproxy_config *cfg,
						 const struct arpproxy_announce *a,
						 const struct arpproxy_announce_range *r,
						 struct net_device *dev, u32 host)
{
	const struct arpproxy_binding *b;
	struct arpproxy_facts facts;
	struct in6_addr addr;
	unsigned int i;

	for (i = 0; i < 3; i++)
		addr.s6_addr32[i] = r->prefix6.s6_addr32[i] | a->in6.s6_addr32[i];
	addr.s6_addr32[3] = htonl(host);
	b = arpproxy_table_lookup6(&cfg->table, &addr, dev->ifindex);
	if (b && (b->flags & ARPPROXY_BINDING_F_EXCLUDE))
		return ARPPROXY_STAT_ND_GARP_SKIPPED;
	if (!arpproxy_announce_from(b, r))
		return 0;
	if (!arpproxy_addr6_announceable(&addr))
		return ARPPROXY_STAT_ND_GARP_SKIPPED;
	arpproxy_facts6_get(an->net, NULL, dev, b, &in6addr_any, &addr, &facts);
	if (arpproxy_verdict(&facts) != ARPPROXY_STAT_REPLIES ||
	    arpproxy_standby(an->net, dev, arpproxy_iface_get(cfg, dev->ifindex)))
		return ARPPROXY_STAT_ND_GARP_SKIPPED;
	if (!arpproxy_send_na(dev, &in6addr_linklocal_allnodes, &addr,
			      is_zero_ether_addr(b->mac) ? dev->dev_addr : b->mac,
			      facts.forwarding, false, true))
		return 0;
	return ARPPROXY_STAT_ND_GARP_SENT;
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
			u32 host = r->first + a->offset++;
			enum arpproxy_stat counted;

			(*work)--;
			if (r->is6)
				counted = arpproxy_announce_one6(an, cfg, a, r, dev, host);
			else
				counted = arpproxy_announce_one(an, cfg, r, dev, htonl(host),
								a->reply);
			if (counted == ARPPROXY_STAT_GARP_SENT ||
			    counted == ARPPROXY_STAT_ND_GARP_SENT)
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
void arpproxy_announce_due_at(struct arpproxy_net *an, struct arpproxy_announce *a,
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

void arpproxy_announce_drop(struct arpproxy_net *an, struct arpproxy_announce *a)
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
