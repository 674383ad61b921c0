// SPDX-License-Identifier: GPL-2.0
/*
 * The binding table's MAC index: one entry per MAC and scope of the IPv4
 * host bindings with a MAC, each with its bindings by address, so that
 * reverse ARP reads the one it answers with in one step.
 */
#include <linux/slab.h>

#include "hash.h"
#include "table_index.h"

static struct kmem_cache *arpproxy_mac_entry_cache;

int arpproxy_mac_slab_init(void)
{
	arpproxy_mac_entry_cache = KMEM_CACHE(arpproxy_mac_entry, SLAB_ACCOUNT);
	return arpproxy_mac_entry_cache ? 0 : -ENOMEM;
}

/* After rcu_barrier(): no entry is still waiting to be freed. */
void arpproxy_mac_slab_exit(void)
{
	kmem_cache_destroy(arpproxy_mac_entry_cache);
}

static void arpproxy_mac_entry_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(arpproxy_mac_entry_cache,
			container_of(head, struct arpproxy_mac_entry, rcu));
}

static void arpproxy_mac_entry_free_now(void *ptr, void *arg)
{
	kmem_cache_free(arpproxy_mac_entry_cache, ptr);
}

int arpproxy_mac_index_init(struct arpproxy_table *t)
{
	return rhashtable_init(&t->by_mac, &arpproxy_mac_params);
}

void arpproxy_mac_index_destroy(struct arpproxy_table *t)
{
	rhashtable_free_and_destroy(&t->by_mac, arpproxy_mac_entry_free_now, NULL);
}

/* Only an IPv4 host binding names the one address RARP can hand out. */
bool arpproxy_mac_indexed(const struct arpproxy_binding *b)
{
	return !arpproxy_binding_is6(b) && b->key.plen == 32 && !is_zero_ether_addr(b->mac);
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
int arpproxy_mac_link(struct arpproxy_table *t, struct arpproxy_binding *nb)
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
void arpproxy_mac_unlink(struct arpproxy_table *t, struct arpproxy_binding *b)
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
