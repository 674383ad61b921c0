// SPDX-License-Identifier: GPL-2.0
/*
 * Writing the binding table of one network namespace (lookup.c reads it).
 *
 * Writers hold the netns's lock. Besides the hash the hook reads, they keep
 * every binding in an ordered tree so that a dump can resume after the last
 * binding it returned, whatever changed in between.
 */
#include <linux/slab.h>
#include <linux/moduleparam.h>
#include <linux/inetdevice.h>

#include "hash.h"
#include "proto.h"

unsigned int arpproxy_max_bindings = 1U << 20;
module_param_named(max_bindings, arpproxy_max_bindings, uint, 0644);
MODULE_PARM_DESC(max_bindings, "Most bindings one network namespace may hold (default 1048576)");

static struct kmem_cache *arpproxy_binding_cache;
static struct kmem_cache *arpproxy_mac_entry_cache;

/* The slabs of bindings and of the MAC index's entries. */
int arpproxy_binding_slab_init(void)
{
	arpproxy_binding_cache = KMEM_CACHE(arpproxy_binding, SLAB_ACCOUNT);
	if (!arpproxy_binding_cache)
		return -ENOMEM;
	arpproxy_mac_entry_cache = KMEM_CACHE(arpproxy_mac_entry, SLAB_ACCOUNT);
	if (!arpproxy_mac_entry_cache) {
		kmem_cache_destroy(arpproxy_binding_cache);
		return -ENOMEM;
	}
	return 0;
}

void arpproxy_binding_slab_exit(void)
{
	/* Objects retired by call_rcu() must be freed before their cache. */
	rcu_barrier();
	kmem_cache_destroy(arpproxy_mac_entry_cache);
	kmem_cache_destroy(arpproxy_binding_cache);
}

static void arpproxy_binding_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(arpproxy_binding_cache,
			container_of(head, struct arpproxy_binding, rcu));
}

static void arpproxy_mac_entry_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(arpproxy_mac_entry_cache,
			container_of(head, struct arpproxy_mac_entry, rcu));
}

int arpproxy_table_init(struct arpproxy_table *t)
{
	int err;

	BUILD_BUG_ON(ARPPROXY_BINDING_F_MASK > U8_MAX);
	t->tree = RB_ROOT;
	err = rhltable_init(&t->hash, &arpproxy_hash_params);
	if (err)
		return err;
	err = rhashtable_init(&t->by_mac, &arpproxy_mac_params);
	if (err)
		rhltable_destroy(&t->hash);
	return err;
}

static void arpproxy_binding_free_now(void *ptr, void *arg)
{
	kmem_cache_free(arpproxy_binding_cache, ptr);
}

static void arpproxy_mac_entry_free_now(void *ptr, void *arg)
{
	kmem_cache_free(arpproxy_mac_entry_cache, ptr);
}

/* Called once no reader can see the table any more. */
void arpproxy_table_destroy(struct arpproxy_table *t)
{
	rhashtable_free_and_destroy(&t->by_mac, arpproxy_mac_entry_free_now, NULL);
	rhltable_free_and_destroy(&t->hash, arpproxy_binding_free_now, NULL);
}

/* Only a host binding names the one address RARP can hand out. */
static bool arpproxy_mac_indexed(const struct arpproxy_binding *b)
{
	return b->key.plen == 32 && !is_zero_ether_addr(b->mac);
}

static struct arpproxy_mac_entry *
arpproxy_mac_entry_find(struct arpproxy_table *t, const struct arpproxy_binding *b)
{
	struct arpproxy_mac_key key = { .ifindex = b->ifindex };

	ether_addr_copy(key.mac, b->mac);
	return rhashtable_lookup_fast(&t->by_mac, &key, arpproxy_mac_params);
}

/*
 * Into the entry of its MAC and scope, after any binding with the same
 * address (the one it replaces); it becomes what RARP answers with if it
 * has the lowest address.
 */
static int arpproxy_mac_link(struct arpproxy_table *t, struct arpproxy_binding *nb)
{
	struct arpproxy_mac_entry *e = arpproxy_mac_entry_find(t, nb);
	struct rb_node **link, *parent = NULL;
	bool leftmost = true;
	int err;

	if (!e) {
		e = kmem_cache_zalloc(arpproxy_mac_entry_cache, GFP_KERNEL_ACCOUNT);
		if (!e)
			return -ENOMEM;
		ether_addr_copy(e->key.mac, nb->mac);
		e->key.ifindex = nb->ifindex;
		e->bindings = RB_ROOT_CACHED;
		rb_link_node(&nb->mnode, NULL, &e->bindings.rb_root.rb_node);
		rb_insert_color_cached(&nb->mnode, &e->bindings, true);
		/* Published with the entry, by the insert. */
		RCU_INIT_POINTER(e->best, nb);
		err = rhashtable_insert_fast(&t->by_mac, &e->node, arpproxy_mac_params);
		if (err)
			kmem_cache_free(arpproxy_mac_entry_cache, e);
		return err;
	}
	link = &e->bindings.rb_root.rb_node;
	while (*link) {
		const struct arpproxy_binding *b;

		parent = *link;
		b = rb_entry(parent, struct arpproxy_binding, mnode);
		if (ntohl(nb->key.addr) < ntohl(b->key.addr)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&nb->mnode, parent, link);
	rb_insert_color_cached(&nb->mnode, &e->bindings, leftmost);
	if (leftmost)
		rcu_assign_pointer(e->best, nb);
	return 0;
}

/* RARP may still read @b, or its entry, until a grace period has passed. */
static void arpproxy_mac_unlink(struct arpproxy_table *t, struct arpproxy_binding *b)
{
	struct arpproxy_mac_entry *e = arpproxy_mac_entry_find(t, b);
	struct rb_node *first;

	/* Every indexed binding is in its entry. */
	if (WARN_ON(!e))
		return;
	rb_erase_cached(&b->mnode, &e->bindings);
	first = rb_first_cached(&e->bindings);
	if (!first) {
		WARN_ON(rhashtable_remove_fast(&t->by_mac, &e->node, arpproxy_mac_params));
		call_rcu(&e->rcu, arpproxy_mac_entry_free_rcu);
	} else if (rcu_access_pointer(e->best) == b) {
		rcu_assign_pointer(e->best, rb_entry(first, struct arpproxy_binding, mnode));
	}
}

/* Ascending prefix (as a number), then length, then interface. */
static int arpproxy_spec_cmp(const struct arpproxy_binding_spec *s,
			     const struct arpproxy_binding *b)
{
	u32 a = ntohl(s->addr), c = ntohl(b->key.addr);

	if (a != c)
		return a < c ? -1 : 1;
	if (s->plen != b->key.plen)
		return s->plen < b->key.plen ? -1 : 1;
	if (s->ifindex != b->ifindex)
		return s->ifindex < b->ifindex ? -1 : 1;
	return 0;
}

static struct arpproxy_binding *
arpproxy_tree_find(const struct arpproxy_table *t,
		   const struct arpproxy_binding_spec *spec)
{
	struct rb_node *n = t->tree.rb_node;

	while (n) {
		struct arpproxy_binding *b = rb_entry(n, struct arpproxy_binding, tnode);
		int cmp = arpproxy_spec_cmp(spec, b);

		if (!cmp)
			return b;
		n = cmp < 0 ? n->rb_left : n->rb_right;
	}
	return NULL;
}

static void arpproxy_tree_insert(struct arpproxy_table *t,
				 struct arpproxy_binding *nb,
				 const struct arpproxy_binding_spec *spec)
{
	struct rb_node **link = &t->tree.rb_node, *parent = NULL;

	while (*link) {
		struct arpproxy_binding *b = rb_entry(*link, struct arpproxy_binding, tnode);

		parent = *link;
		link = arpproxy_spec_cmp(spec, b) < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&nb->tnode, parent, link);
	rb_insert_color(&nb->tnode, &t->tree);
}

const struct arpproxy_binding *
arpproxy_table_next(const struct arpproxy_table *t,
		    const struct arpproxy_binding_spec *after)
{
	struct rb_node *n = t->tree.rb_node;
	const struct arpproxy_binding *next = NULL;

	if (!after) {
		n = rb_first(&t->tree);
		return n ? rb_entry(n, struct arpproxy_binding, tnode) : NULL;
	}
	while (n) {
		const struct arpproxy_binding *b = rb_entry(n, struct arpproxy_binding, tnode);

		if (arpproxy_spec_cmp(after, b) < 0) {
			next = b;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return next;
}

static void arpproxy_plen_get(struct arpproxy_table *t, unsigned int plen)
{
	if (!t->plen_count[plen]++)
		WRITE_ONCE(t->plen_mask, t->plen_mask | BIT_ULL(plen));
}

static void arpproxy_plen_put(struct arpproxy_table *t, unsigned int plen)
{
	if (!--t->plen_count[plen])
		WRITE_ONCE(t->plen_mask, t->plen_mask & ~BIT_ULL(plen));
}

static void arpproxy_unlink(struct arpproxy_table *t, struct arpproxy_binding *b)
{
	/* Removal only fails for an object that is not in the table. */
	WARN_ON(rhltable_remove(&t->hash, &b->hnode, arpproxy_hash_params));
	if (arpproxy_mac_indexed(b))
		arpproxy_mac_unlink(t, b);
	rb_erase(&b->tnode, &t->tree);
	arpproxy_plen_put(t, b->key.plen);
	t->count--;
	t->gen++;
	call_rcu(&b->rcu, arpproxy_binding_free_rcu);
}

int arpproxy_table_insert(struct arpproxy_table *t,
			  const struct arpproxy_binding_spec *spec,
			  bool replace)
{
	struct arpproxy_binding *old, *nb;
	int err;

	old = arpproxy_tree_find(t, spec);
	if (old && !replace)
		return -EEXIST;
	if (!old && t->count >= READ_ONCE(arpproxy_max_bindings))
		return -ENOSPC;

	nb = kmem_cache_zalloc(arpproxy_binding_cache, GFP_KERNEL_ACCOUNT);
	if (!nb)
		return -ENOMEM;
	nb->key.addr = spec->addr;
	nb->key.plen = spec->plen;
	nb->ifindex = spec->ifindex;
	nb->flags = spec->flags;
	nb->garp = spec->garp;
	nb->refresh = spec->refresh;
	ether_addr_copy(nb->mac, spec->mac);
	if (old)
		atomic64_set(&nb->hits, atomic64_read(&old->hits));

	if (arpproxy_mac_indexed(nb)) {
		err = arpproxy_mac_link(t, nb);
		if (err) {
			kmem_cache_free(arpproxy_binding_cache, nb);
			return err;
		}
	}
	/* Readers see the old binding, both, or the new one: never a mix. */
	err = rhltable_insert(&t->hash, &nb->hnode, arpproxy_hash_params);
	if (err) {
		if (arpproxy_mac_indexed(nb)) {
			arpproxy_mac_unlink(t, nb);
			/* RARP may have seen it. */
			call_rcu(&nb->rcu, arpproxy_binding_free_rcu);
		} else {
			kmem_cache_free(arpproxy_binding_cache, nb);
		}
		return err;
	}
	arpproxy_tree_insert(t, nb, spec);
	arpproxy_plen_get(t, spec->plen);
	t->count++;
	t->gen++;
	if (old)
		arpproxy_unlink(t, old);
	return 0;
}

/* Delete the binding @spec identifies, and fill in the rest of @spec from it. */
int arpproxy_table_delete(struct arpproxy_table *t,
			  struct arpproxy_binding_spec *spec)
{
	struct arpproxy_binding *b = arpproxy_tree_find(t, spec);

	if (!b)
		return -ENOENT;
	spec->flags = b->flags;
	spec->garp = b->garp;
	spec->refresh = b->refresh;
	ether_addr_copy(spec->mac, b->mac);
	arpproxy_unlink(t, b);
	return 0;
}

/* Remove the bindings scoped to @ifindex, or all of them for 0; how many. */
unsigned int arpproxy_table_flush(struct arpproxy_table *t, int ifindex)
{
	struct rb_node *n = rb_first(&t->tree);
	unsigned int removed = 0;

	while (n) {
		struct arpproxy_binding *b = rb_entry(n, struct arpproxy_binding, tnode);

		n = rb_next(n);
		if (!ifindex || b->ifindex == ifindex) {
			arpproxy_unlink(t, b);
			removed++;
			cond_resched();
		}
	}
	return removed;
}
