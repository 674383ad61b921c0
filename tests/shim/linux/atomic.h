/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for the kernel's <linux/atomic.h>, and the
 * READ_ONCE()/WRITE_ONCE() it brings along: what the module's pure parts
 * use, single-threaded, for the unit tests and the lookup benchmark.
 */
#ifndef _SHIM_LINUX_ATOMIC_H
#define _SHIM_LINUX_ATOMIC_H

#include <stdbool.h>

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

typedef struct { int counter; } atomic_t;
typedef struct { long long counter; } atomic64_t;
typedef struct { long counter; } atomic_long_t;

static inline int atomic_read(const atomic_t *v)
{
	return v->counter;
}

static inline void atomic_set(atomic_t *v, int i)
{
	v->counter = i;
}

static inline void atomic_add(int i, atomic_t *v)
{
	v->counter += i;
}

static inline long long atomic64_read(const atomic64_t *v)
{
	return v->counter;
}

static inline long long atomic64_read_acquire(const atomic64_t *v)
{
	return v->counter;
}

static inline void atomic64_set(atomic64_t *v, long long i)
{
	v->counter = i;
}

static inline void atomic64_inc(atomic64_t *v)
{
	v->counter++;
}

static inline bool atomic64_try_cmpxchg(atomic64_t *v, long long *old, long long new)
{
	if (v->counter != *old) {
		*old = v->counter;
		return false;
	}
	v->counter = new;
	return true;
}

#endif
