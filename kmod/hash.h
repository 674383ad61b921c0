/* SPDX-License-Identifier: GPL-2.0 */
/* How bindings are hashed: shared by the table's writers and its reader. */
#ifndef _ARPPROXY_HASH_H
#define _ARPPROXY_HASH_H

#include "table.h"

/*
 * Static in every user, so the inline rhashtable code sees constants; not
 * every user needs both.
 */
static const struct rhashtable_params arpproxy_hash_params __maybe_unused = {
	.head_offset = offsetof(struct arpproxy_binding, hnode),
	.key_offset = offsetof(struct arpproxy_binding, key),
	.key_len = sizeof(struct arpproxy_key),
	.automatic_shrinking = true,
};

static const struct rhashtable_params arpproxy_hash6_params __maybe_unused = {
	.head_offset = offsetof(struct arpproxy_binding, hnode),
	.key_offset = offsetof(struct arpproxy_binding, key6),
	.key_len = sizeof(struct arpproxy_key6),
	.automatic_shrinking = true,
};

/*
 * Of the bindings of one prefix, in @list: the one scoped to the ingress
 * interface @ifindex, which beats an unscoped one, else the unscoped one.
 */
static inline struct arpproxy_binding *arpproxy_scoped(struct rhlist_head *list, int ifindex)
{
	struct arpproxy_binding *b, *any = NULL;
	struct rhlist_head *pos;

	rhl_for_each_entry_rcu(b, pos, list, hnode) {
		if (b->ifindex == ifindex)
			return b;
		if (!b->ifindex)
			any = b;
	}
	return any;
}

/*
 * The MAC index: one entry per MAC and scope of the host bindings with a
 * MAC, for reverse ARP.
 */
static const struct rhashtable_params arpproxy_mac_params __maybe_unused = {
	.head_offset = offsetof(struct arpproxy_mac_entry, node),
	.key_offset = offsetof(struct arpproxy_mac_entry, key),
	.key_len = sizeof(struct arpproxy_mac_key),
	.automatic_shrinking = true,
};

#endif /* _ARPPROXY_HASH_H */
