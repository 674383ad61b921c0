/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the binding table's writers keep beside its hashes and trees, under
 * the netns's lock: the MAC index for reverse ARP (table_mac.c) and the
 * counts of IPv6 bindings per interface (table_v6dev.c).
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

#endif /* _ARPPROXY_TABLE_INDEX_H */
