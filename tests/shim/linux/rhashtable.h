/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace model of the kernel's rhltable, for bench/lookup-bench.c: the
 * same bucket layout, jhash2 hashing, key comparison and duplicate lists as
 * lib/rhashtable.c, without RCU, locks or deferred resizing (it grows at 75%
 * load in place). Just what kmod/lookup.c and the benchmark use.
 */
#ifndef _SHIM_LINUX_RHASHTABLE_H
#define _SHIM_LINUX_RHASHTABLE_H

#include <stddef.h>
#include <stdlib.h>
#include <linux/atomic.h>
#include <linux/bits.h>
#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/rcupdate.h>

#define __rcu
#define __maybe_unused __attribute__((unused))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}


struct rhash_head {
	struct rhash_head *next;
};

struct rhlist_head {
	struct rhash_head rhead;
	struct rhlist_head *next;
};

struct rhashtable_params {
	u16 key_len;
	u16 key_offset;
	u16 head_offset;
	bool automatic_shrinking;
};

struct rhltable {
	struct rhash_head **buckets;
	unsigned int size;
	unsigned int nelems;
	u32 seed;
};

/* The MAC index's table: its type only, lookup.c does not read it. */
struct rhashtable {
	struct rhash_head **buckets;
	unsigned int size;
	unsigned int nelems;
	u32 seed;
};

static inline unsigned int rht_bucket(const struct rhltable *t, const void *key,
				      const struct rhashtable_params p)
{
	return jhash2(key, p.key_len / sizeof(u32), t->seed) & (t->size - 1);
}

static inline const void *rht_obj_key(const struct rhash_head *he,
				      const struct rhashtable_params p)
{
	return (const char *)he - p.head_offset + p.key_offset;
}

static inline int rhltable_init(struct rhltable *t, const struct rhashtable_params *p)
{
	(void)p;
	t->size = 16;
	t->nelems = 0;
	t->seed = 0x5eed;
	t->buckets = calloc(t->size, sizeof(*t->buckets));
	return t->buckets ? 0 : -1;
}

static inline struct rhlist_head *
rhltable_lookup(struct rhltable *t, const void *key, const struct rhashtable_params p)
{
	struct rhash_head *he;

	for (he = t->buckets[rht_bucket(t, key, p)]; he; he = he->next)
		if (!memcmp(rht_obj_key(he, p), key, p.key_len))
			return container_of(he, struct rhlist_head, rhead);
	return NULL;
}

static inline void rht_grow(struct rhltable *t, const struct rhashtable_params p)
{
	struct rhash_head **old = t->buckets;
	unsigned int old_size = t->size;

	t->size *= 2;
	t->buckets = calloc(t->size, sizeof(*t->buckets));
	if (!t->buckets)
		abort();
	for (unsigned int i = 0; i < old_size; i++) {
		for (struct rhash_head *he = old[i], *next; he; he = next) {
			unsigned int b = rht_bucket(t, rht_obj_key(he, p), p);

			next = he->next;
			he->next = t->buckets[b];
			t->buckets[b] = he;
		}
	}
	free(old);
}

/* A duplicate key goes first in its list, as the kernel's does. */
static inline int rhltable_insert(struct rhltable *t, struct rhlist_head *obj,
				  const struct rhashtable_params p)
{
	const void *key = rht_obj_key(&obj->rhead, p);
	struct rhash_head **pprev = &t->buckets[rht_bucket(t, key, p)];

	for (; *pprev; pprev = &(*pprev)->next) {
		if (!memcmp(rht_obj_key(*pprev, p), key, p.key_len)) {
			obj->next = container_of(*pprev, struct rhlist_head, rhead);
			obj->rhead.next = (*pprev)->next;
			*pprev = &obj->rhead;
			return 0;
		}
	}
	obj->next = NULL;
	obj->rhead.next = NULL;
	*pprev = &obj->rhead;
	if (++t->nelems > t->size / 4 * 3)
		rht_grow(t, p);
	return 0;
}

#define rhl_for_each_entry_rcu(tpos, pos, list, member)			\
	for (pos = list; pos && ((tpos = container_of(pos, __typeof__(*tpos), member)), 1); \
	     pos = pos->next)

#endif
