/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ARPPROXY_H
#define _ARPPROXY_H

#include <linux/mutex.h>
#include <linux/netfilter.h>
#include <linux/percpu.h>
#include <linux/xarray.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <linux/arpproxy.h>

#include "acl.h"
#include "bucket.h"
#include "events.h"
#include "table.h"

struct arpproxy_stats {
	u64 count[ARPPROXY_STAT_MAX + 1];
};

/*
 * A whole configuration: what "restore" builds aside and swaps in at once,
 * so that the hook answers from the old one or the new one, never a mix.
 */
struct arpproxy_config {
	struct arpproxy_table table;
	struct xarray ifaces;		/* ifindex -> struct arpproxy_iface */
	struct xarray acls;		/* ifindex -> struct arpproxy_acl */
	unsigned int acl_gen;		/* bumped on every ACL change, for dumps */
	unsigned int cache_timeout;	/* s: stations age out after it */
};

struct arpproxy_cache;

/* Everything arpproxy keeps for one network namespace. */
struct arpproxy_net {
	struct mutex lock;		/* serializes every writer below */
	struct arpproxy_config __rcu *config;	/* the one in use */
	/* Both written under lock, read without it by the netlink notifier. */
	struct arpproxy_config *staged;	/* being restored, or NULL */
	u32 staged_portid;		/* by this netlink socket */
	struct arpproxy_stats __percpu *stats;
	struct arpproxy_stats stats_base; /* what "stats reset" subtracts */
	struct xarray dev_stats;	/* ifindex -> struct arpproxy_dev_stats */
	unsigned long event_window;	/* jiffies: start of this second's events */
	atomic_t event_count;		/* events in it */
	struct nf_hook_ops hook_ops[2];	/* ARP in, IPv6 prerouting */
	struct net *net;		/* the netns this belongs to */
	/*
	 * Gratuitous ARP announcements being sent, by announce_work. Lock
	 * order: lock, then announce_lock (the worker takes only the latter).
	 */
	struct mutex announce_lock;	/* guards the six below */
	struct rb_root_cached announce_due;	/* all, by next due time */
	struct list_head announces;	/* the announce commands' */
	unsigned int announce_jobs;	/* on it, at most ARPPROXY_ANNOUNCE_JOBS_MAX */
	struct rhashtable announce_owned;	/* the bindings', by binding key */
	bool announce_dead;		/* the netns is going: no more work */
	struct delayed_work announce_work;
	struct arpproxy_cache __rcu *cache;	/* stations, once something learns */
	struct delayed_work cache_sweep;	/* counts and frees aged-out stations */
	bool cache_dead;		/* the netns is going: no more sweeps */
	u32 dev_gen;			/* the last arpproxy_dev_stats.gen given */
	struct work_struct track_work;	/* tells the interfaces' track transitions */
	spinlock_t track_lock;		/* guards track_dead against address events */
	bool track_dead;		/* the netns is going: no more track work */
	struct delayed_work expire_work;	/* removes bindings whose lifetime ran out */
	bool expire_dead;		/* the netns is going: no more expiries */
};

/* The counters of one Ethernet interface, while it is in the netns. */
struct arpproxy_dev_stats {
	struct arpproxy_stats __percpu *pcpu;
	struct arpproxy_stats base;	/* what "stats reset" subtracts */
	bool carrier;			/* last seen operationally up, for garp */
	bool allmulti;			/* holds a reference on its allmulti (nd_multi.c) */
	u8 nd_joined;			/* solicited-node groups it joined, ... */
	struct in6_addr *nd_groups;	/* ... for these host bindings' addresses */
	u32 gen;			/* this interface's, unlike any before it */
	atomic_t stations;		/* slots its stations hold in the cache */
	u8 track_state;			/* as last told (track.c); 0: no track */
	struct rcu_head rcu;
};

/* What an administrator sets on one interface. */
struct arpproxy_iface_conf {
	u8 proxy_mode;			/* enum arpproxy_proxy_mode */
	u8 inspect;			/* enum arpproxy_inspect_mode */
	bool rarp;			/* answer reverse ARP requests */
	bool learn;			/* record stations in the cache */
	u32 rate;			/* replies per second, 0: no limit */
	u32 burst;			/* replies at once after a quiet time */
	u32 per_host;			/* replies per second to one requester */
	__be32 track4;			/* answer only while it is here (track.c), ... */
	struct in6_addr track6;		/* ... or this; neither: always */
};

/*
 * One interface's settings and its rate-limit state, replaced whole on
 * every change (the buckets start full again); absent when all are
 * defaults. Requesters share host[] two slots per hash value.
 */
struct arpproxy_iface {
	struct arpproxy_iface_conf conf;
	struct rcu_head rcu;
	struct arpproxy_bucket bucket;
	u32 host_seed;
	u32 host_mask;			/* slots - 1; no slots: no per-host limit */
	struct arpproxy_host_bucket host[];
};

extern unsigned int arpproxy_net_id;
extern atomic_t arpproxy_objects;

static inline struct arpproxy_net *arpproxy_pernet(const struct net *net)
{
	return net_generic(net, arpproxy_net_id);
}

static inline void arpproxy_count(struct arpproxy_net *an, enum arpproxy_stat s)
{
	this_cpu_inc(an->stats->count[s]);
}

/* Counts for the netns and, when it has counters, the interface. */
static inline void arpproxy_count_dev(struct arpproxy_net *an,
				      struct arpproxy_dev_stats *ds,
				      enum arpproxy_stat s)
{
	this_cpu_inc(an->stats->count[s]);
	if (ds)
		this_cpu_inc(ds->pcpu->count[s]);
}

void arpproxy_stats_read(struct arpproxy_stats __percpu *pcpu,
			 const struct arpproxy_stats *base,
			 struct arpproxy_stats *sum);
void arpproxy_stats_reset(struct arpproxy_net *an);
void arpproxy_dev_stats_add(struct arpproxy_net *an, const struct net_device *dev);
void arpproxy_dev_stats_del(struct arpproxy_net *an, int ifindex);
void arpproxy_dev_stats_destroy(struct arpproxy_net *an);

int arpproxy_netns_init(void);
void arpproxy_netns_exit(void);
int arpproxy_netdev_init(void);
void arpproxy_netdev_exit(void);

struct arpproxy_facts;
struct in_ifaddr;
const struct in_ifaddr *arpproxy_on_link(const struct net_device *dev, __be32 addr,
					 unsigned int plen);
bool arpproxy_on_link6(const struct net_device *dev, const struct in6_addr *addr,
		       unsigned int plen);
void arpproxy_facts_get(struct net *net, const struct sk_buff *skb,
			const struct net_device *dev,
			const struct arpproxy_binding *b, __be32 saddr,
			__be32 daddr, struct arpproxy_facts *f);
void arpproxy_facts6_get(struct net *net, const struct sk_buff *skb,
			 const struct net_device *dev,
			 const struct arpproxy_binding *b,
			 const struct in6_addr *saddr,
			 const struct in6_addr *target, struct arpproxy_facts *f);
bool arpproxy_send_na(struct net_device *dev, const struct in6_addr *daddr,
		      const struct in6_addr *target, const u8 *mac,
		      bool router, bool solicited, bool override);
unsigned int arpproxy_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state);
unsigned int arpproxy_hook6(void *priv, struct sk_buff *skb,
			    const struct nf_hook_state *state);

/* Configurations. Writers hold an->lock; the hook reads under RCU. */
struct arpproxy_config *arpproxy_config_new(void);
void arpproxy_config_free(struct arpproxy_config *cfg);
void arpproxy_config_forget_dev(struct net *net, struct arpproxy_config *cfg,
				int ifindex, bool live);
struct arpproxy_config *arpproxy_config_live(struct arpproxy_net *an);
struct arpproxy_config *arpproxy_config_swap(struct arpproxy_net *an,
					     struct arpproxy_config *cfg);
void arpproxy_staged_drop(struct arpproxy_net *an);
void arpproxy_restore_abort(struct arpproxy_net *an);

struct arpproxy_iface *arpproxy_iface_get(struct arpproxy_config *cfg, int ifindex);
int arpproxy_iface_set(struct arpproxy_config *cfg, int ifindex,
		       const struct arpproxy_iface_conf *conf);
void arpproxy_iface_forget(struct arpproxy_config *cfg, int ifindex);
void arpproxy_ifaces_destroy(struct arpproxy_config *cfg);

int arpproxy_announce_init(struct arpproxy_net *an, struct net *net);
void arpproxy_announce_forget_dev(struct arpproxy_net *an, int ifindex);
struct arpproxy_announce;
/* Why a binding's own announcements are refused, or 0. */
enum arpproxy_announce_refusal {
	ARPPROXY_ANNOUNCE_OK,
	ARPPROXY_ANNOUNCE_UNUSABLE,	/* addresses no host has */
	ARPPROXY_ANNOUNCE_OWN_ADDR,	/* the host's own address */
	ARPPROXY_ANNOUNCE_OWN_SUBNET,	/* the interface's own subnet */
};

enum arpproxy_announce_refusal
arpproxy_announce_refused(struct net *net, const struct arpproxy_binding_spec *spec);
int arpproxy_announce_build(struct arpproxy_config *cfg,
			    const struct arpproxy_binding_spec *spec,
			    struct arpproxy_announce **job);
int arpproxy_announce_queue(struct arpproxy_net *an, struct arpproxy_announce *job,
			    unsigned int count, unsigned int interval, bool reply);
int arpproxy_announce_prepare(const struct arpproxy_binding_spec *spec,
			      struct arpproxy_announce **job);
void arpproxy_announce_discard(struct arpproxy_announce *job);
void arpproxy_announce_start(struct arpproxy_net *an,
			     const struct arpproxy_binding_spec *spec,
			     struct arpproxy_announce *job);
void arpproxy_announce_cancel(struct arpproxy_net *an,
			      const struct arpproxy_binding_spec *key, int ifindex);
void arpproxy_announce_config(struct arpproxy_net *an, struct arpproxy_config *cfg,
			      int ifindex, bool fresh);
void arpproxy_announce_stop(struct arpproxy_net *an);

/* The learned ARP cache. Writers hold an->lock; the hook needs none. */
void arpproxy_cache_net_init(struct arpproxy_net *an);
int arpproxy_cache_create(struct arpproxy_net *an, bool *created);
void arpproxy_cache_discard(struct arpproxy_net *an);
void arpproxy_cache_stop(struct arpproxy_net *an);
void arpproxy_cache_destroy(struct arpproxy_net *an);
void arpproxy_cache_forget_dev(struct net *net, int ifindex);
void arpproxy_cache_timeout_change(struct arpproxy_net *an, unsigned int old,
				   unsigned int new);
/* Who a packet says is at @mac: @ip, or @addr6 when that is not NULL. */
struct arpproxy_claim {
	__be32 ip;
	const struct in6_addr *addr6;
	const u8 *mac;
};

bool arpproxy_cache_pinned(struct arpproxy_net *an, struct arpproxy_config *cfg,
			   int ifindex, const struct arpproxy_claim *cl, u8 *pinned);
void arpproxy_cache_learn(struct net *net, struct arpproxy_config *cfg,
			  struct arpproxy_dev_stats *ds,
			  const struct net_device *dev, const struct arpproxy_claim *cl);
void arpproxy_cache_flush(struct arpproxy_net *an, int ifindex);
void arpproxy_cache_count(struct arpproxy_net *an, unsigned int *size,
			  unsigned int *held);

/* What a dump reads of a station, consistent with its key. */
struct arpproxy_station_view {
	int ifindex;
	__be32 addr;
	struct in6_addr addr6;		/* an IPv6 station's, else :: */
	u8 mac[ETH_ALEN];
	unsigned long first_seen;	/* jiffies */
	unsigned long last_seen;	/* jiffies */
	unsigned long packets;
	u32 changes;
};

bool arpproxy_cache_next(struct arpproxy_net *an, unsigned long *pos,
			 unsigned long now, struct arpproxy_station_view *v);

void arpproxy_rarp_init(void);
void arpproxy_rarp_exit(void);

/* Solicited-node groups an interface joins for host bindings, at most. */
#define ARPPROXY_ND_GROUPS_MAX	64

void arpproxy_nd_multi_sync(struct net *net, struct arpproxy_net *an,
			    const struct arpproxy_binding_spec *added, bool gone);
void arpproxy_nd_multi_restore(struct net *net, struct arpproxy_net *an);
void arpproxy_nd_multi_dev_add(struct arpproxy_net *an, struct net_device *dev);
void arpproxy_nd_multi_dev_del(struct arpproxy_net *an, struct net_device *dev);

/* Interfaces that answer only while an address is here (track.c). */
bool arpproxy_tracks(const struct arpproxy_iface_conf *conf);
u8 arpproxy_track_state(struct net *net, const struct net_device *dev,
			const struct arpproxy_iface_conf *conf);
bool arpproxy_standby(struct net *net, const struct net_device *dev,
		      const struct arpproxy_iface *iface);
void arpproxy_track_update(struct arpproxy_net *an, bool tell);
void arpproxy_track_changed(struct net *net);
void arpproxy_track_net_init(struct arpproxy_net *an);
void arpproxy_track_stop(struct arpproxy_net *an);
int arpproxy_track_init(void);
void arpproxy_track_exit(void);

/* Bindings whose lifetime ran out (expire.c). */
void arpproxy_expire_schedule(struct arpproxy_net *an);
void arpproxy_expire_net_init(struct arpproxy_net *an);
void arpproxy_expire_stop(struct arpproxy_net *an);

unsigned int arpproxy_rate_host_slots(void);
/* Rate limits, from the hook: true when @arp's reply must be dropped. */
bool arpproxy_rate_limited(struct net *net, struct arpproxy_iface *iface,
			   const struct net_device *dev,
			   const struct arpproxy_arp *arp);
bool arpproxy_rate_limited_rarp(struct net *net, struct arpproxy_iface *iface,
				const struct net_device *dev,
				const struct arpproxy_arp *req);
bool arpproxy_rate_limited6(struct net *net, struct arpproxy_iface *iface,
			    const struct net_device *dev, const struct in6_addr *saddr,
			    const u8 *mac);

/* ACLs. Writers hold an->lock; the hook reads under RCU. */
bool arpproxy_acl_denies(struct arpproxy_config *cfg, int ifindex,
			 const struct arpproxy_requester *req);
bool arpproxy_acl_forget(struct arpproxy_config *cfg, int ifindex);
void arpproxy_acls_destroy(struct arpproxy_config *cfg);
int arpproxy_acl_change(struct arpproxy_config *cfg, int ifindex,
			struct arpproxy_acl *old,
			const struct arpproxy_acl_rule *add, unsigned int del);

#endif /* _ARPPROXY_H */
