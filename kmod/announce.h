/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the announcements: announce.c sends them, announce_job.c makes
 * them, for commands and for bindings, and takes them back.
 */
#ifndef _ARPPROXY_ANNOUNCE_H
#define _ARPPROXY_ANNOUNCE_H

#include "arpproxy.h"

/* The part of one binding's prefix that an announcement covers. */
struct arpproxy_announce_range {
	__be32 prefix;			/* the binding's key, to find it again */
	u8 plen;
	int binding_ifindex;
	int ifindex;			/* where to send; 0 once it is gone */
	u32 first;			/* host order */
	u32 len;
};

/* Who owns an announcement: a binding's key, padding-free for the hash. */
struct arpproxy_announce_owner {
	__be32 addr;
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
	unsigned int nranges;
	struct arpproxy_announce_range r[];
};

extern const struct rhashtable_params arpproxy_announce_owned_params;

/* Called with an->announce_lock held, but for the first. */
void arpproxy_announce_free(struct arpproxy_announce *a);
void arpproxy_announce_due_at(struct arpproxy_net *an, struct arpproxy_announce *a,
			      unsigned long next);
void arpproxy_announce_drop(struct arpproxy_net *an, struct arpproxy_announce *a);

#endif /* _ARPPROXY_ANNOUNCE_H */
