// SPDX-License-Identifier: GPL-2.0
/*
 * The binding table's lifetimes: for each binding added with one (a DHCP
 * lease, say), when it runs out. They live beside the bindings, not in
 * them, so that a table of permanent bindings pays one bit each; a
 * binding's is found by its address, since bindings are replaced, never
 * changed. expire.c removes them once they run out.
 */
#include <linux/slab.h>

#include "table_index.h"

struct arpproxy_lifetime {
	struct rb_node by_binding;	/* in table->lifetimes, by binding address */
	struct rb_node by_expiry;	/* in table->expiries, by expires */
	u64 expires;			/* jiffies64 */
	struct arpproxy_binding *b;
};

void arpproxy_lifetimes_init(struct arpproxy_table *t)
{
	t->lifetimes = RB_ROOT;
	t->expiries = RB_ROOT_CACHED;
}

/* With the table's bindings: nothing else points at them any more. */
void arpproxy_lifetimes_destroy(struct arpproxy_table *t)
{
	struct arpproxy_lifetime *lt, *next;

	rbtree_postorder_for_each_entry_safe(lt, next, &t->lifetimes, by_binding)
		kfree(lt);
}

struct arpproxy_lifetime *arpproxy_lifetime_alloc(void)
{
	return kzalloc(sizeof(struct arpproxy_lifetime), GFP_KERNEL_ACCOUNT);
}

void arpproxy_lifetime_free(struct arpproxy_lifetime *lt)
{
	kfree(lt);
}

/* @b, which is in the table, runs out @seconds from now; @lt is its record. */
void arpproxy_lifetime_link(struct arpproxy_table *t, struct arpproxy_binding *b,
			    struct arpproxy_lifetime *lt, u32 seconds)
{
	struct rb_node **link = &t->lifetimes.rb_node, *parent = NULL;
	bool leftmost = true;

	lt->b = b;
	lt->expires = get_jiffies_64() + (u64)seconds * HZ;
	while (*link) {
		parent = *link;
		link = b < rb_entry(parent, struct arpproxy_lifetime, by_binding)->b ?
		       &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&lt->by_binding, parent, link);
	rb_insert_color(&lt->by_binding, &t->lifetimes);

	link = &t->expiries.rb_root.rb_node;
	parent = NULL;
	while (*link) {
		parent = *link;
		if (lt->expires < rb_entry(parent, struct arpproxy_lifetime, by_expiry)->expires) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&lt->by_expiry, parent, link);
	rb_insert_color_cached(&lt->by_expiry, &t->expiries, leftmost);
	b->timed = 1;
}

static struct arpproxy_lifetime *arpproxy_lifetime_find(const struct arpproxy_table *t,
							const struct arpproxy_binding *b)
{
	struct rb_node *n = t->lifetimes.rb_node;

	while (n) {
		struct arpproxy_lifetime *lt = rb_entry(n, struct arpproxy_lifetime, by_binding);

		if (b == lt->b)
			return lt;
		n = b < lt->b ? n->rb_left : n->rb_right;
	}
	return NULL;
}

/* @b, which has a lifetime, leaves the table. */
void arpproxy_lifetime_unlink(struct arpproxy_table *t, struct arpproxy_binding *b)
{
	struct arpproxy_lifetime *lt = arpproxy_lifetime_find(t, b);

	if (WARN_ON(!lt))
		return;
	rb_erase(&lt->by_binding, &t->lifetimes);
	rb_erase_cached(&lt->by_expiry, &t->expiries);
	kfree(lt);
}

/* Seconds left of @b's lifetime, at least 1 while it is here; 0: it has none. */
u32 arpproxy_table_lifetime_left(const struct arpproxy_table *t,
				 const struct arpproxy_binding *b)
{
	const struct arpproxy_lifetime *lt;
	u64 now = get_jiffies_64();

	if (!b->timed)
		return 0;
	lt = arpproxy_lifetime_find(t, b);
	if (WARN_ON(!lt))
		return 0;
	if (lt->expires <= now)
		return 1;
	return max_t(u64, div_u64(lt->expires - now + HZ - 1, HZ), 1);
}

/* When the first binding runs out (jiffies64), or 0 if none has a lifetime. */
u64 arpproxy_table_next_expiry(const struct arpproxy_table *t)
{
	struct rb_node *n = rb_first_cached(&t->expiries);

	return n ? rb_entry(n, struct arpproxy_lifetime, by_expiry)->expires : 0;
}

/*
 * Removes a binding whose lifetime ran out by @now and fills @spec from it,
 * as arpproxy_table_delete() does; false if none has.
 */
bool arpproxy_table_expire(struct arpproxy_table *t, u64 now,
			   struct arpproxy_binding_spec *spec)
{
	struct rb_node *n = rb_first_cached(&t->expiries);
	struct arpproxy_lifetime *lt;

	if (!n)
		return false;
	lt = rb_entry(n, struct arpproxy_lifetime, by_expiry);
	if (lt->expires > now)
		return false;
	arpproxy_binding_spec_of(lt->b, spec);
	return !arpproxy_table_delete(t, spec);
}
