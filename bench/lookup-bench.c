// SPDX-License-Identifier: GPL-2.0
/*
 * Instructions per binding lookup, for callgrind: kmod/lookup.c as the
 * module compiles it, over tables built in the kernel's layout (see
 * tests/shim/linux/rhashtable.h for how rhltable is modelled).
 *
 * usage: lookup-bench host|prefix BINDINGS LOOKUPS
 *   host:   BINDINGS /32 bindings; lookups of bound addresses
 *   prefix: BINDINGS /24 bindings; lookups of addresses inside them
 * callgrind --toggle-collect=run_lookups counts only the lookups.
 */
#include <stdio.h>

#include "hash.h"
#include "proto.h"

static struct arpproxy_table table;

static void add(__be32 addr, unsigned int plen)
{
	struct arpproxy_binding *b = calloc(1, sizeof(*b));

	if (!b)
		abort();
	b->key.addr = addr;
	b->key.plen = plen;
	rhltable_insert(&table.hash, &b->hnode, arpproxy_hash_params);
	table.plen_mask |= BIT_ULL(plen);
}

/*
 * The i-th bound prefix: hosts spread over 10.0.0.0/8, /24s over the whole
 * space, scattered rather than in sequence. The multiplier is odd, so no
 * two i below 2^24 collide.
 */
static u32 nth(u32 i, unsigned int plen)
{
	u32 spread = (i * 2654435761u) & 0x00ffffff;

	return plen == 32 ? 0x0a000000 | spread : spread << 8;
}

static __attribute__((noinline)) unsigned long run_lookups(const __be32 *addrs, unsigned int n)
{
	unsigned long found = 0;

	for (unsigned int i = 0; i < n; i++)
		found += !!arpproxy_table_lookup(&table, addrs[i], 1);
	return found;
}

int main(int argc, char **argv)
{
	unsigned int plen, bindings, lookups;
	unsigned long found;
	__be32 *addrs;

	if (argc != 4 || (strcmp(argv[1], "host") && strcmp(argv[1], "prefix"))) {
		fprintf(stderr, "usage: lookup-bench host|prefix BINDINGS LOOKUPS\n");
		return 1;
	}
	plen = strcmp(argv[1], "host") ? 24 : 32;
	bindings = strtoul(argv[2], NULL, 0);
	lookups = strtoul(argv[3], NULL, 0);
	if (!bindings || bindings > 1U << 24 || rhltable_init(&table.hash, NULL))
		return 1;
	addrs = calloc(lookups, sizeof(*addrs));
	if (!addrs)
		return 1;
	for (unsigned int i = 0; i < bindings; i++)
		add(htonl(nth(i, plen)), plen);
	for (unsigned int i = 0; i < lookups; i++)
		addrs[i] = htonl(nth(i % bindings, plen) | (plen == 24 ? (i * 7 + 1) % 254 + 1 : 0));

	found = run_lookups(addrs, lookups);
	if (found != lookups) {
		fprintf(stderr, "lookup-bench: %lu of %u lookups found their binding\n", found, lookups);
		return 1;
	}
	printf("%s %u bindings: %u lookups found\n", argv[1], bindings, lookups);
	return 0;
}
