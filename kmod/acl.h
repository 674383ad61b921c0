/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACL rules and which of them decides for a requester (acl_match.c),
 * apart from the kernel's state, so that the unit tests compile the
 * matching in userspace against tests/shim.
 */
#ifndef _ARPPROXY_ACL_H
#define _ARPPROXY_ACL_H

#include <linux/atomic.h>
#include <linux/etherdevice.h>
#include <linux/rcupdate.h>

struct arpproxy_arp;

/* One ACL rule; from and mac match when not set. */
struct arpproxy_acl_rule {
	u32 pref;
	u8 action;			/* enum arpproxy_acl_action */
	bool match_from;
	bool match_mac;
	u8 plen;
	__be32 from;
	u8 mac[ETH_ALEN];
	atomic64_t hits;
};

/* One interface's rules by ascending pref, replaced whole on change. */
struct arpproxy_acl {
	unsigned int count;
	struct rcu_head rcu;
	struct arpproxy_acl_rule rule[];
};

bool arpproxy_acl_decide(struct arpproxy_acl *acl, const struct arpproxy_arp *arp,
			 bool rarp);

#endif /* _ARPPROXY_ACL_H */
