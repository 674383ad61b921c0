/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the announcements: announce.c sends them, announce_job.c makes
 * them, for commands and for bindings, and takes them back.
 */
#ifndef _ARPPROXY_ANNOUNCE_H
#define _ARPPROXY_ANNOUNCE_H

#include <net/ipv6.h>

#include "arpproxy.h"

/*
 * The part of one binding's prefix that an announcement covers: the
 * addresses first to first + len - 1, or for IPv6 their last 32 bits
 * (the announcement's in6 says the rest).
 */
struct arpproxy_announce_range {
	union {				/* the binding's key, to find it again */
		__be32 prefix;
		struct in6_addr prefix6;
	};
	u8 plen;
	bool is6;
	int binding_ifindex;
	int ifindex;			/* where to send; 0 once it is gone */
	u32 first;			/* host order */
	u32 len;
};

/* Who owns an announcement: a binding's key, padding-free for the hash. */
struct arpproxy_announce_owner {
	struct in6_addr addr;		/* IPv4: the first four bytes, the rest zero */
	u32 family;
	u32 plen;
	u32 ifindex;
};

/*
 * One announcement: a command's (counted against the job limit, on
 * an->announces) or a binding's own (one per binding with garp or refresh,
 * in an->announce_owned by its key). Either waits in an->announce_due
 * until its next round is due.
 */
struct arpproxy_announce {
	struct rb_node due_node;
	union {
		struct list_head node;		/* a command's */
		struct rhash_head owner_node;	/* a binding's */
	};
	bool owned;
	struct arpproxy_announce_owner owner;
	unsigned int garp;		/* rounds a carrier-up starts again */
	unsigned int rounds;		/* left, the current one included */
	unsigned long interval;		/* jiffies between those rounds */
	unsigned long refresh;		/* jiffies between refreshes after them */
	unsigned long next;		/* jiffies: the current round may go on */
	bool reply;
	unsigned int range, offset;	/* where the current round is */
	/*
	 * IPv6: the prefix asked for. Each range's binding lies in it or
	 * contains it, so the two OR-ed give the first 96 bits of the range.
	 */
	struct in6_addr in6;
	unsigned int nranges;
	struct arpproxy_announce_range r[];
};

extern const struct rhashtable_params arpproxy_announce_owned_params;

/*
 * An IPv6 address some host may have: one an announcement may name.
 * Bindings are never link-local or multicast, but may cover :: or ::1.
 */
static inline bool arpproxy_addr6_announceable(const struct in6_addr *addr)
{
	int type = ipv6_addr_type(addr);

	return (type & IPV6_ADDR_UNICAST) &&
	       !(type & (IPV6_ADDR_LINKLOCAL | IPV6_ADDR_LOOPBACK | IPV6_ADDR_MAPPED));
}

/* Called with an->announce_lock held, but for the first. */
void arpproxy_announce_free(struct arpproxy_announce *a);
void arpproxy_announce_due_at(struct arpproxy_net *an, struct arpproxy_announce *a,
			      unsigned long next);
void arpproxy_announce_drop(struct arpproxy_net *an, struct arpproxy_announce *a);

#endif /* _ARPPROXY_ANNOUNCE_H */
