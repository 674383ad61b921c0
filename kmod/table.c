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
#include "table_index.h"

unsigned int arpproxy_max_bindings = 1U << 20;
module_param_named(max_bindings, arpproxy_max_bindings, uint, 0644);
MODULE_PARM_DESC(max_bindings, "Most bindings one network namespace may hold (default 1048576)");

static struct kmem_cache *arpproxy_binding_cache;
static struct kmem_cache *arpproxy_binding6_cache;

/* The slabs of IPv4 and IPv6 bindings, and the MAC index's. */
int arpproxy_binding_slab_init(void)
{
	arpproxy_binding_cache = kmem_cache_create("arpproxy_binding", ARPPROXY_BINDING4_SIZE,
						   __alignof__(struct arpproxy_binding),
						   SLAB_ACCOUNT, NULL);
	if (!arpproxy_binding_cache)
		return -ENOMEM;
	arpproxy_binding6_cache = kmem_cache_create("arpproxy_binding6",
						    sizeof(struct arpproxy_binding),
						    __alignof__(struct arpproxy_binding),
						    SLAB_ACCOUNT, NULL);
	if (!arpproxy_binding6_cache)
		goto err_binding;
	if (arpproxy_mac_slab_init())
		goto err_binding6;
	return 0;

err_binding6:
	kmem_cache_destroy(arpproxy_binding6_cache);
err_binding:
	kmem_cache_destroy(arpproxy_binding_cache);
	return -ENOMEM;
}

void arpproxy_binding_slab_exit(void)
{
	/* Objects retired by call_rcu() must be freed before their cache. */
	rcu_barrier();
	arpproxy_mac_slab_exit();
	kmem_cache_destroy(arpproxy_binding6_cache);
	kmem_cache_destroy(arpproxy_binding_cache);
}

static struct kmem_cache *arpproxy_binding_slab(bool is6)
{
	return is6 ? arpproxy_binding6_cache : arpproxy_binding_cache;
}

static void arpproxy_binding_free(struct arpproxy_binding *b)
{
	kmem_cache_free(arpproxy_binding_slab(arpproxy_binding_is6(b)), b);
}

static void arpproxy_binding_free_rcu(struct rcu_head *head)
{
	arpproxy_binding_free(container_of(head, struct arpproxy_binding, rcu));
}

int arpproxy_table_init(struct arpproxy_table *t)
{
	int err;

	BUILD_BUG_ON(ARPPROXY_BINDING_F_MASK > 127);	/* flags' 7 bits */
	BUILD_BUG_ON(ARPPROXY_ANNOUNCE_COUNT_MAX > 127);	/* garp's 7 bits */
	t->tree = RB_ROOT;
	t->tree6 = RB_ROOT;
	arpproxy_v6_count_init(t);
	arpproxy_lifetimes_init(t);
	err = rhltable_init(&t->hash, &arpproxy_hash_params);
	if (err)
		return err;
	err = rhltable_init(&t->hash6, &arpproxy_hash6_params);
	if (err)
		goto err_hash;
	err = arpproxy_mac_index_init(t);
	if (err)
		goto err_hash6;
	return 0;

err_hash6:
	rhltable_destroy(&t->hash6);
err_hash:
	rhltable_destroy(&t->hash);
	return err;
}

static void arpproxy_binding_free_now(void *ptr, void *arg)
{
	arpproxy_binding_free(ptr);
}

/* Called once no reader can see the table any more. */
void arpproxy_table_destroy(struct arpproxy_table *t)
{
	arpproxy_lifetimes_destroy(t);
	arpproxy_mac_index_destroy(t);
	arpproxy_v6_count_destroy(t);
	rhltable_free_and_destroy(&t->hash6, arpproxy_binding_free_now, NULL);
	rhltable_free_and_destroy(&t->hash, arpproxy_binding_free_now, NULL);
}

static bool arpproxy_spec_is6(const struct arpproxy_binding_spec *spec)
{
	return spec->family == AF_INET6;
}

/*
 * Ascending prefix (as a number), then length, then interface; between
 * bindings of one family, since each has its tree.
 */
static int arpproxy_spec_cmp(const struct arpproxy_binding_spec *s,
			     const struct arpproxy_binding *b)
{
	int cmp;

	if (arpproxy_spec_is6(s))
		cmp = memcmp(&s->addr6, &b->key6.addr, sizeof(s->addr6));
	else
		cmp = ntohl(s->addr) < ntohl(b->key.addr) ? -1 :
		      ntohl(s->addr) > ntohl(b->key.addr);
	if (cmp)
		return cmp;
	if (s->plen != arpproxy_binding_plen(b))
		return s->plen < arpproxy_binding_plen(b) ? -1 : 1;
	if (s->ifindex != b->ifindex)
		return s->ifindex < b->ifindex ? -1 : 1;
	return 0;
}

static struct rb_root *arpproxy_tree(struct arpproxy_table *t, bool is6)
{
	return is6 ? &t->tree6 : &t->tree;
}

static struct arpproxy_binding *
arpproxy_tree_find(struct arpproxy_table *t,
		   const struct arpproxy_binding_spec *spec)
{
	struct rb_node *n = arpproxy_tree(t, arpproxy_spec_is6(spec))->rb_node;

	while (n) {
		struct arpproxy_binding *b = rb_entry(n, struct arpproxy_binding, tnode);
		int cmp = arpproxy_spec_cmp(spec, b);

		if (!cmp)
			return b;
		n = cmp < 0 ? n->rb_left : n->rb_right;
	}
	return NULL;
}

/* The binding whose key @spec gives, or NULL; writers only. */
const struct arpproxy_binding *arpproxy_table_find(struct arpproxy_table *t,
						   const struct arpproxy_binding_spec *spec)
{
	return arpproxy_tree_find(t, spec);
}

static void arpproxy_tree_insert(struct arpproxy_table *t,
				 struct arpproxy_binding *nb,
				 const struct arpproxy_binding_spec *spec)
{
	struct rb_root *root = arpproxy_tree(t, arpproxy_spec_is6(spec));
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct arpproxy_binding *b = rb_entry(*link, struct arpproxy_binding, tnode);

		parent = *link;
		link = arpproxy_spec_cmp(spec, b) < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&nb->tnode, parent, link);
	rb_insert_color(&nb->tnode, root);
}

/* The binding of @root after @after (of the same family), or the first. */
static const struct arpproxy_binding *
arpproxy_tree_next(const struct rb_root *root, const struct arpproxy_binding_spec *after)
{
	struct rb_node *n = root->rb_node;
	const struct arpproxy_binding *next = NULL;

	if (!after) {
		n = rb_first(root);
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

/* The IPv4 bindings in order: the one after @after, or the first. */
const struct arpproxy_binding *
arpproxy_table_next(const struct arpproxy_table *t,
		    const struct arpproxy_binding_spec *after)
{
	return arpproxy_tree_next(&t->tree, after);
}

const struct arpproxy_binding *
arpproxy_table_next6(const struct arpproxy_table *t,
		     const struct arpproxy_binding_spec *after)
{
	return arpproxy_tree_next(&t->tree6, after);
}

/* The binding after @after of either family: the IPv4 ones, then the IPv6 ones. */
const struct arpproxy_binding *
arpproxy_table_next_any(const struct arpproxy_table *t,
			const struct arpproxy_binding_spec *after)
{
	const struct arpproxy_binding *b;

	if (after && arpproxy_spec_is6(after))
		return arpproxy_table_next6(t, after);
	b = arpproxy_table_next(t, after);
	return b ?: arpproxy_table_next6(t, NULL);
}

/* What identifies @b and what it says, as a request would put it. */
void arpproxy_binding_spec_of(const struct arpproxy_binding *b,
			      struct arpproxy_binding_spec *spec)
{
	*spec = (struct arpproxy_binding_spec) {
		.family = arpproxy_binding_is6(b) ? AF_INET6 : AF_INET,
		.plen = arpproxy_binding_plen(b),
		.ifindex = b->ifindex,
		.flags = b->flags,
		.garp = b->garp,
		.refresh = b->refresh,
	};
	if (arpproxy_binding_is6(b))
		spec->addr6 = b->key6.addr;
	else
		spec->addr = b->key.addr;
	ether_addr_copy(spec->mac, b->mac);
}

/* The lookup probes the lengths in use: readers see each bit change whole. */
static void arpproxy_plen_get(struct arpproxy_table *t, bool is6, unsigned int plen)
{
	unsigned long *word = &t->plen6_mask[BIT_WORD(plen)];

	if (!is6) {
		if (!t->plen_count[plen]++)
			WRITE_ONCE(t->plen_mask, t->plen_mask | BIT_ULL(plen));
	} else if (!t->plen6_count[plen]++) {
		WRITE_ONCE(*word, *word | BIT_MASK(plen));
	}
}

static void arpproxy_plen_put(struct arpproxy_table *t, bool is6, unsigned int plen)
{
	unsigned long *word = &t->plen6_mask[BIT_WORD(plen)];

	if (!is6) {
		if (!--t->plen_count[plen])
			WRITE_ONCE(t->plen_mask, t->plen_mask & ~BIT_ULL(plen));
	} else if (!--t->plen6_count[plen]) {
		WRITE_ONCE(*word, *word & ~BIT_MASK(plen));
	}
}

static int arpproxy_hash_insert(struct arpproxy_table *t, struct arpproxy_binding *b)
{
	if (arpproxy_binding_is6(b))
		return rhltable_insert(&t->hash6, &b->hnode, arpproxy_hash6_params);
	return rhltable_insert(&t->hash, &b->hnode, arpproxy_hash_params);
}

static void arpproxy_unlink(struct arpproxy_table *t, struct arpproxy_binding *b)
{
	bool is6 = arpproxy_binding_is6(b);

	/* Removal only fails for an object that is not in the table. */
	if (is6)
		WARN_ON(rhltable_remove(&t->hash6, &b->hnode, arpproxy_hash6_params));
	else
		WARN_ON(rhltable_remove(&t->hash, &b->hnode, arpproxy_hash_params));
	if (arpproxy_mac_indexed(b))
		arpproxy_mac_unlink(t, b);
	if (b->timed)
		arpproxy_lifetime_unlink(t, b);
	rb_erase(&b->tnode, arpproxy_tree(t, is6));
	arpproxy_plen_put(t, is6, arpproxy_binding_plen(b));
	arpproxy_v6_dev_put(t, b);
	t->count--;
	t->gen++;
	call_rcu(&b->rcu, arpproxy_binding_free_rcu);
}

int arpproxy_table_insert(struct arpproxy_table *t,
			  const struct arpproxy_binding_spec *spec,
			  bool replace)
{
	bool is6 = arpproxy_spec_is6(spec);
	struct arpproxy_lifetime *lt = NULL;
	struct arpproxy_binding *old, *nb;
	int err;

	old = arpproxy_tree_find(t, spec);
	if (old && !replace)
		return -EEXIST;
	if (!old && t->count >= READ_ONCE(arpproxy_max_bindings))
		return -ENOSPC;

	if (spec->lifetime) {
		lt = arpproxy_lifetime_alloc();
		if (!lt)
			return -ENOMEM;
	}
	nb = kmem_cache_zalloc(arpproxy_binding_slab(is6), GFP_KERNEL_ACCOUNT);
	if (!nb) {
		arpproxy_lifetime_free(lt);
		return -ENOMEM;
	}
	nb->is6 = is6;
	if (is6) {
		nb->key6.addr = spec->addr6;
		nb->key6.plen = spec->plen;
	} else {
		nb->key.addr = spec->addr;
		nb->key.plen = spec->plen;
	}
	nb->ifindex = spec->ifindex;
	nb->flags = spec->flags;
	nb->garp = spec->garp;
	nb->refresh = spec->refresh;
	ether_addr_copy(nb->mac, spec->mac);
	if (old)
		atomic64_set(&nb->hits, atomic64_read(&old->hits));

	/* The MAC index is IPv4's, the interfaces' count IPv6's. */
	err = is6 ? arpproxy_v6_dev_get(t, nb) :
		    arpproxy_mac_indexed(nb) ? arpproxy_mac_link(t, nb) : 0;
	if (err) {
		arpproxy_binding_free(nb);
		arpproxy_lifetime_free(lt);
		return err;
	}
	/* Readers see the old binding, both, or the new one: never a mix. */
	err = arpproxy_hash_insert(t, nb);
	if (err) {
		if (is6) {
			arpproxy_v6_dev_put(t, nb);
			arpproxy_binding_free(nb);
		} else if (arpproxy_mac_indexed(nb)) {
			arpproxy_mac_unlink(t, nb);
			/* RARP may have seen it. */
			call_rcu(&nb->rcu, arpproxy_binding_free_rcu);
		} else {
			arpproxy_binding_free(nb);
		}
		arpproxy_lifetime_free(lt);
		return err;
	}
	arpproxy_tree_insert(t, nb, spec);
	arpproxy_plen_get(t, is6, spec->plen);
	t->count++;
	t->gen++;
	/* The old one's lifetime goes with it, then the new one's starts. */
	if (old)
		arpproxy_unlink(t, old);
	if (lt)
		arpproxy_lifetime_link(t, nb, lt, spec->lifetime);
	return 0;
}

/* Delete the binding @spec identifies, and fill in the rest of @spec from it. */
int arpproxy_table_delete(struct arpproxy_table *t,
			  struct arpproxy_binding_spec *spec)
{
	struct arpproxy_binding *b = arpproxy_tree_find(t, spec);

	if (!b)
		return -ENOENT;
	arpproxy_binding_spec_of(b, spec);
	arpproxy_unlink(t, b);
	return 0;
}

static unsigned int arpproxy_tree_flush(struct arpproxy_table *t, struct rb_root *root,
					int ifindex)
{
	struct rb_node *n = rb_first(root);
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

/* Remove the bindings scoped to @ifindex, or all of them for 0; how many. */
unsigned int arpproxy_table_flush(struct arpproxy_table *t, int ifindex)
{
	return arpproxy_tree_flush(t, &t->tree, ifindex) +
	       arpproxy_tree_flush(t, &t->tree6, ifindex);
}
