// SPDX-License-Identifier: GPL-2.0
/*
 * Which interfaces the IPv6 bindings that answer apply to, counted as the
 * table's writers add and remove them, so that the interfaces' multicast
 * filters follow (nd_multi.c) without walking the table: a prefix binding
 * needs the interface in allmulti, a host binding its address's
 * solicited-node group. An exclude binding answers nothing and needs
 * neither.
 */
#include <linux/arpproxy.h>

#include "table_index.h"

void arpproxy_v6_count_init(struct arpproxy_table *t)
{
	xa_init(&t->v6_prefixes.dev);
	xa_init(&t->v6_hosts.dev);
}

void arpproxy_v6_count_destroy(struct arpproxy_table *t)
{
	xa_destroy(&t->v6_prefixes.dev);
	xa_destroy(&t->v6_hosts.dev);
}

/* The count @b is in, if any. */
static struct arpproxy_v6_count *arpproxy_v6_count_of(struct arpproxy_table *t,
						      const struct arpproxy_binding *b)
{
	if (!arpproxy_binding_is6(b) || (b->flags & ARPPROXY_BINDING_F_EXCLUDE))
		return NULL;
	return arpproxy_binding_plen(b) == 128 ? &t->v6_hosts : &t->v6_prefixes;
}

/* One more binding, @b, applies to its interface (or to all of them). */
int arpproxy_v6_dev_get(struct arpproxy_table *t, const struct arpproxy_binding *b)
{
	struct arpproxy_v6_count *c = arpproxy_v6_count_of(t, b);
	void *n;

	if (!c)
		return 0;
	if (!b->ifindex) {
		c->any++;
		return 0;
	}
	n = xa_load(&c->dev, b->ifindex);
	return xa_err(xa_store(&c->dev, b->ifindex,
			       xa_mk_value(n ? xa_to_value(n) + 1 : 1), GFP_KERNEL_ACCOUNT));
}

void arpproxy_v6_dev_put(struct arpproxy_table *t, const struct arpproxy_binding *b)
{
	struct arpproxy_v6_count *c = arpproxy_v6_count_of(t, b);
	unsigned long n;

	if (!c)
		return;
	if (!b->ifindex) {
		c->any--;
		return;
	}
	n = xa_to_value(xa_load(&c->dev, b->ifindex));
	/* Replacing a value never allocates, so never fails. */
	if (n > 1)
		xa_store(&c->dev, b->ifindex, xa_mk_value(n - 1), GFP_KERNEL);
	else
		xa_erase(&c->dev, b->ifindex);
}

static unsigned int arpproxy_v6_count_read(struct arpproxy_v6_count *c, int ifindex)
{
	return c->any + xa_to_value(xa_load(&c->dev, ifindex) ?: xa_mk_value(0));
}

/* How many IPv6 prefix bindings that answer apply to the interface @ifindex. */
unsigned int arpproxy_table_prefixes6(struct arpproxy_table *t, int ifindex)
{
	return arpproxy_v6_count_read(&t->v6_prefixes, ifindex);
}

/* How many IPv6 host bindings that answer apply to the interface @ifindex. */
unsigned int arpproxy_table_hosts6(struct arpproxy_table *t, int ifindex)
{
	return arpproxy_v6_count_read(&t->v6_hosts, ifindex);
}
