/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ARPPROXY_TABLE_H
#define _ARPPROXY_TABLE_H

#include <linux/rhashtable.h>
#include <linux/rbtree.h>
#include <linux/etherdevice.h>
#include <linux/in6.h>
#include <linux/xarray.h>

/* Hash keys: the prefix, host bits clear, and its length. */
struct arpproxy_key {
	__be32 addr;
	u8 plen;
	u8 pad[3];	/* always zero: the key is hashed as bytes */
};

struct arpproxy_key6 {
	struct in6_addr addr;
	u8 plen;
	u8 pad[3];	/* always zero */
};

/*
 * One binding. Bindings are never changed once they are visible to the
 * hook; replacing one inserts a new object and retires the old one.
 */
struct arpproxy_binding {
	struct rhlist_head hnode;	/* in table->hash, RCU readers */
	struct rb_node tnode;		/* in table->tree, writers and dumps */
	/*
	 * Only writers walk a MAC entry's tree, and only while the binding
	 * is in the table; rcu is used only once it has left: they can share.
	 */
	union {
		struct rb_node mnode;	/* in its MAC entry, if a host with a MAC */
		struct rcu_head rcu;
	};
	int ifindex;			/* 0: any interface */
	u8 flags:7;			/* ARPPROXY_BINDING_F_*, all below 1 << 7 */
	u8 timed:1;			/* it has a lifetime (table_lifetime.c) */
	u8 garp:7;			/* announcement rounds, 0: none */
	u8 is6:1;			/* its key is key6: an IPv6 binding */
	u8 mac[ETH_ALEN];		/* zero: the ingress interface's MAC */
	u32 refresh;			/* seconds between announcements, 0: none */
	/* Not per-CPU: that would cost more than the whole binding. */
	atomic64_t hits;
	/*
	 * Last: an IPv4 binding is allocated without the rest of key6, and
	 * only an IPv6 one's key6 may be read.
	 */
	union {
		struct arpproxy_key key;
		struct arpproxy_key6 key6;
	};
};

/* The size of an IPv4 binding, which has no IPv6 address. */
#define ARPPROXY_BINDING4_SIZE	(offsetof(struct arpproxy_binding, key) + \
				 sizeof(struct arpproxy_key))

static inline bool arpproxy_binding_is6(const struct arpproxy_binding *b)
{
	return b->is6;
}

static inline unsigned int arpproxy_binding_plen(const struct arpproxy_binding *b)
{
	return b->is6 ? b->key6.plen : b->key.plen;
}

/* The MAC index's key: a MAC and the interface its bindings are scoped to. */
struct arpproxy_mac_key {
	u8 mac[ETH_ALEN];
	u8 pad[2];	/* always zero: the key is hashed as bytes */
	int ifindex;	/* 0: bindings without an interface */
};

/*
 * The host bindings with one MAC and one scope, by address, so that reverse
 * ARP reads the one it answers with in one step however many share the MAC,
 * and a writer finds the next one in O(log n) when that one goes.
 */
struct arpproxy_mac_entry {
	struct rhash_head node;		/* in table->by_mac */
	struct arpproxy_mac_key key;
	struct arpproxy_binding __rcu *best;	/* the lowest address */
	struct rb_root_cached bindings;	/* by address, writers only */
	struct rcu_head rcu;
};

#define ARPPROXY_PLEN6_WORDS	BITS_TO_LONGS(129)

/* How many bindings of a kind apply to each interface. */
struct arpproxy_v6_count {
	unsigned int any;		/* with no interface: to all of them */
	struct xarray dev;		/* ifindex -> how many name it, a value */
};

/* Each family's bindings apart: IPv4's walkers never meet an IPv6 one. */
struct arpproxy_table {
	struct rhltable hash;
	struct rhashtable by_mac;	/* struct arpproxy_mac_entry, for RARP */
	struct rb_root tree;		/* ordered by arpproxy_spec_cmp() */
	u64 plen_mask;			/* bit N set: some binding is a /N */
	unsigned int plen_count[33];
	struct rhltable hash6;		/* the IPv6 bindings */
	struct rb_root tree6;
	unsigned long plen6_mask[ARPPROXY_PLEN6_WORDS];
	unsigned int plen6_count[129];
	/*
	 * Which interfaces the IPv6 bindings that answer apply to, for the
	 * multicast filters (nd_multi.c): prefixes need allmulti, host
	 * bindings their solicited-node groups.
	 */
	struct arpproxy_v6_count v6_prefixes;
	struct arpproxy_v6_count v6_hosts;
	struct rb_root lifetimes;	/* of the bindings that have one, ... */
	struct rb_root_cached expiries;	/* ... and by when they run out */
	unsigned int count;		/* of both families */
	unsigned int gen;		/* bumped on every change, for dumps */
};

/*
 * What a netlink request asks for; the key fields identify a binding.
 * family is AF_INET6 for an IPv6 one (addr6), else it is IPv4 (addr).
 */
struct arpproxy_binding_spec {
	u8 family;
	u8 plen;
	u8 garp;
	u8 mac[ETH_ALEN];
	__be32 addr;
	struct in6_addr addr6;
	int ifindex;
	u32 flags;
	u32 refresh;
	u32 lifetime;			/* s: to live, or left in a dump; 0: for ever */
};

extern unsigned int arpproxy_max_bindings;

int arpproxy_binding_slab_init(void);
void arpproxy_binding_slab_exit(void);

int arpproxy_table_init(struct arpproxy_table *t);
void arpproxy_table_destroy(struct arpproxy_table *t);

struct arpproxy_binding *
arpproxy_table_lookup(struct arpproxy_table *t, __be32 addr, int ifindex);
struct arpproxy_binding *
arpproxy_table_lookup6(struct arpproxy_table *t, const struct in6_addr *addr, int ifindex);
struct arpproxy_binding *
arpproxy_table_lookup_mac(struct arpproxy_table *t, const u8 *mac, int ifindex);

/*
 * Writers: the caller holds the netns's lock. Insert fails with -EEXIST
 * for a binding that is there and not to be replaced, -ENOSPC at the
 * max_bindings limit.
 */
int arpproxy_table_insert(struct arpproxy_table *t,
			  const struct arpproxy_binding_spec *spec, bool replace);
int arpproxy_table_delete(struct arpproxy_table *t,
			  struct arpproxy_binding_spec *spec);
unsigned int arpproxy_table_flush(struct arpproxy_table *t, int ifindex);
const struct arpproxy_binding *arpproxy_table_find(struct arpproxy_table *t,
						   const struct arpproxy_binding_spec *spec);
const struct arpproxy_binding *
arpproxy_table_next(const struct arpproxy_table *t,
		    const struct arpproxy_binding_spec *after);
const struct arpproxy_binding *
arpproxy_table_next6(const struct arpproxy_table *t,
		     const struct arpproxy_binding_spec *after);
const struct arpproxy_binding *
arpproxy_table_next_any(const struct arpproxy_table *t,
			const struct arpproxy_binding_spec *after);
u32 arpproxy_table_lifetime_left(const struct arpproxy_table *t,
				 const struct arpproxy_binding *b);
u64 arpproxy_table_next_expiry(const struct arpproxy_table *t);
bool arpproxy_table_expire(struct arpproxy_table *t, u64 now,
			   struct arpproxy_binding_spec *spec);
unsigned int arpproxy_table_prefixes6(struct arpproxy_table *t, int ifindex);
unsigned int arpproxy_table_hosts6(struct arpproxy_table *t, int ifindex);
void arpproxy_binding_spec_of(const struct arpproxy_binding *b,
			      struct arpproxy_binding_spec *spec);

#endif /* _ARPPROXY_TABLE_H */
