/* SPDX-License-Identifier: GPL-2.0 */
/* How bindings are hashed: shared by the table's writers and its reader. */
#ifndef _ARPPROXY_HASH_H
#define _ARPPROXY_HASH_H

#include "table.h"

/* Static in both users, so the inline rhashtable code sees constants. */
static const struct rhashtable_params arpproxy_hash_params = {
	.head_offset = offsetof(struct arpproxy_binding, hnode),
	.key_offset = offsetof(struct arpproxy_binding, key),
	.key_len = sizeof(struct arpproxy_key),
	.automatic_shrinking = true,
};

#endif /* _ARPPROXY_HASH_H */
