// SPDX-License-Identifier: GPL-2.0
/*
 * The hook's read of the binding table: the longest matching prefix with one
 * hash probe per prefix length in use, under RCU only. Kept apart from the
 * writers so that bench/ can count its instructions in userspace.
 */
#include "hash.h"
#include "proto.h"

struct arpproxy_binding *
arpproxy_table_lookup(struct arpproxy_table *t, __be32 addr, int ifindex)
{
	u64 lengths = READ_ONCE(t->plen_mask);

	while (lengths) {
		unsigned int plen = fls64(lengths) - 1;
		struct arpproxy_key key = {
			.addr = addr & arpproxy_prefix_mask(plen),
			.plen = plen,
		};
		struct arpproxy_binding *b;

		lengths &= ~BIT_ULL(plen);
		b = arpproxy_scoped(rhltable_lookup(&t->hash, &key, arpproxy_hash_params),
				    ifindex);
		if (b)
			return b;
	}
	return NULL;
}

