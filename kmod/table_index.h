/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the binding table's writers keep beside its hashes and trees, under
 * the netns's lock: the MAC index for reverse ARP (table_mac.c), the
 * counts of IPv6 bindings per interface (table_v6dev.c) and the bindings'
 * lifetimes (table_lifetime.c).
 */
#ifndef _ARPPROXY_TABLE_INDEX_H
#define _ARPPROXY_TABLE_INDEX_H

#include "table.h"

int arpproxy_mac_slab_init(void);
void arpproxy_mac_slab_exit(void);
int arpproxy_mac_index_init(struct arpproxy_table *t);
void arpproxy_mac_index_destroy(struct arpproxy_table *t);
bool arpproxy_mac_indexed(const struct arpproxy_binding *b);
int arpproxy_mac_link(struct arpproxy_table *t, struct arpproxy_binding *nb);
void arpproxy_mac_unlink(struct arpproxy_table *t, struct arpproxy_binding *b);
void arpproxy_v6_count_init(struct arpproxy_table *t);
void arpproxy_v6_count_destroy(struct arpproxy_table *t);
int arpproxy_v6_dev_get(struct arpproxy_table *t, const struct arpproxy_binding *b);
void arpproxy_v6_dev_put(struct arpproxy_table *t, const struct arpproxy_binding *b);
struct arpproxy_lifetime;
void arpproxy_lifetimes_init(struct arpproxy_table *t);
void arpproxy_lifetimes_destroy(struct arpproxy_table *t);
struct arpproxy_lifetime *arpproxy_lifetime_alloc(void);
void arpproxy_lifetime_free(struct arpproxy_lifetime *lt);
void arpproxy_lifetime_link(struct arpproxy_table *t, struct arpproxy_binding *b,
			    struct arpproxy_lifetime *lt, u32 seconds);
void arpproxy_lifetime_unlink(struct arpproxy_table *t, struct arpproxy_binding *b);

#endif /* _ARPPROXY_TABLE_INDEX_H */
