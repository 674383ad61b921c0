// SPDX-License-Identifier: GPL-2.0
/*
 * The IPv6 hook's read of the binding table: as lookup.c, the longest
 * matching prefix with one hash probe per prefix length in use.
 */
#include <net/ipv6.h>

#include "hash.h"

struct arpproxy_binding *
arpproxy_table_lookup6(struct arpproxy_table *t, const struct in6_addr *addr, int ifindex)
{
	int word;

	for (word = ARPPROXY_PLEN6_WORDS - 1; word >= 0; word--) {
		unsigned long lengths = READ_ONCE(t->plen6_mask[word]);

		while (lengths) {
			unsigned int bit = __fls(lengths);
			struct arpproxy_key6 key = {
				.plen = word * BITS_PER_LONG + bit,
			};
			struct arpproxy_binding *b;

			lengths &= ~BIT(bit);
			ipv6_addr_prefix(&key.addr, addr, key.plen);
			b = arpproxy_scoped(rhltable_lookup(&t->hash6, &key, arpproxy_hash6_params),
					    ifindex);
			if (b)
				return b;
		}
	}
	return NULL;
}
