// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ifname.h"

/*
 * A batch names the same few interfaces on thousands of lines, a dump
 * prints them on thousands: one syscall per name, not one per line.
 */
#define IFNAME_BUCKETS	256

struct ifname {
	struct ifname *next_name;
	struct ifname *next_index;
	uint32_t index;
	char name[IF_NAMESIZE];
};

static struct ifname *by_name[IFNAME_BUCKETS];
static struct ifname *by_index[IFNAME_BUCKETS];

static unsigned int name_hash(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h % IFNAME_BUCKETS;
}

/* The cache only saves syscalls: without memory, just go without it. */
static void ifname_add(const char *name, uint32_t index)
{
	struct ifname *e = calloc(1, sizeof(*e));
	unsigned int h = name_hash(name);

	if (!e)
		return;
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->index = index;
	e->next_name = by_name[h];
	by_name[h] = e;
	e->next_index = by_index[index % IFNAME_BUCKETS];
	by_index[index % IFNAME_BUCKETS] = e;
}

int ifname_to_index(const char *name, uint32_t *index)
{
	const struct ifname *e;

	for (e = by_name[name_hash(name)]; e; e = e->next_name) {
		if (!strcmp(e->name, name)) {
			*index = e->index;
			return 0;
		}
	}
	*index = if_nametoindex(name);
	if (!*index)
		return err_set("cannot find device \"%s\"", name);
	ifname_add(name, *index);
	return 0;
}

const char *ifname_of(uint32_t index, char *buf)
{
	const struct ifname *e;

	for (e = by_index[index % IFNAME_BUCKETS]; e; e = e->next_index)
		if (e->index == index)
			return e->name;
	if (!if_indextoname(index, buf)) {
		snprintf(buf, IF_NAMESIZE, "if%u", index);
		return buf;
	}
	ifname_add(buf, index);
	return buf;
}
