// SPDX-License-Identifier: GPL-2.0
/*
 * Each MAC has two of the counters and holds what the lesser says. One
 * counter each would take a host for a MAC at its limit, and refuse it,
 * whenever its counter is that MAC's: one host in as many as there are
 * counters, with one flooding MAC. With two, both must be a flooding
 * MAC's, about one host in (counters / 2)^2.
 */
#include <linux/jhash.h>
#include <linux/minmax.h>

#include "mac_share.h"

static void arpproxy_mac_share_counters(const struct arpproxy_mac_share *ms, u64 mac,
					u32 *counter)
{
	counter[0] = jhash_2words((u32)mac, (u32)(mac >> 32), ms->seed[0]) & ms->mask;
	counter[1] = jhash_2words((u32)mac, (u32)(mac >> 32), ms->seed[1]) & ms->mask;
	/* Twice the same one would count each station twice. */
	if (counter[1] == counter[0])
		counter[1] ^= 1;
}

/* @mac holds @stations more (or fewer, negative) stations. */
void arpproxy_mac_share_add(const struct arpproxy_mac_share *ms, u64 mac, int stations)
{
	u32 counter[2];

	arpproxy_mac_share_counters(ms, mac, counter);
	atomic_add(stations, &ms->held[counter[0]]);
	atomic_add(stations, &ms->held[counter[1]]);
}

/* The stations @mac holds: never fewer, now and then more. */
int arpproxy_mac_share_held(const struct arpproxy_mac_share *ms, u64 mac)
{
	u32 counter[2];

	arpproxy_mac_share_counters(ms, mac, counter);
	return min(atomic_read(&ms->held[counter[0]]), atomic_read(&ms->held[counter[1]]));
}
