// SPDX-License-Identifier: GPL-2.0
/*
 * Which interfaces the IPv6 bindings apply to, counted as the table's
 * writers add and remove them, so that the interfaces' multicast filters
 * follow (nd_multi.c) without walking the table.
 */
#include "table_index.h"

/* One more IPv6 binding applies to @ifindex (0: to every interface). */
int arpproxy_v6_dev_get(struct arpproxy_table *t, int ifindex)
{
	void *n;

	if (!ifindex) {
		t->v6_any++;
		return 0;
	}
	n = xa_load(&t->v6_dev, ifindex);
	return xa_err(xa_store(&t->v6_dev, ifindex,
			       xa_mk_value(n ? xa_to_value(n) + 1 : 1), GFP_KERNEL_ACCOUNT));
}

void arpproxy_v6_dev_put(struct arpproxy_table *t, int ifindex)
{
	unsigned long n;

	if (!ifindex) {
		t->v6_any--;
		return;
	}
	n = xa_to_value(xa_load(&t->v6_dev, ifindex));
	/* Replacing a value never allocates, so never fails. */
	if (n > 1)
		xa_store(&t->v6_dev, ifindex, xa_mk_value(n - 1), GFP_KERNEL);
	else
		xa_erase(&t->v6_dev, ifindex);
}

/* Whether an IPv6 binding applies to the interface @ifindex. */
bool arpproxy_table_has6(struct arpproxy_table *t, int ifindex)
{
	return t->v6_any || xa_load(&t->v6_dev, ifindex);
}
