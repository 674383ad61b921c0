/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The binding table's MAC index (table_mac.c), for reverse ARP: the table's
 * writers keep it, under the netns's lock.
 */
#ifndef _ARPPROXY_TABLE_MAC_H
#define _ARPPROXY_TABLE_MAC_H

#include "table.h"

int arpproxy_mac_slab_init(void);
void arpproxy_mac_slab_exit(void);
int arpproxy_mac_index_init(struct arpproxy_table *t);
void arpproxy_mac_index_destroy(struct arpproxy_table *t);
bool arpproxy_mac_indexed(const struct arpproxy_binding *b);
int arpproxy_mac_link(struct arpproxy_table *t, struct arpproxy_binding *nb);
void arpproxy_mac_unlink(struct arpproxy_table *t, struct arpproxy_binding *b);

#endif /* _ARPPROXY_TABLE_MAC_H */
