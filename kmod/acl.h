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

#include <linux/in6.h>

/* One ACL rule; from and mac match when not set. */
struct arpproxy_acl_rule {
	u32 pref;
	u8 action;			/* enum arpproxy_acl_action */
	bool match_from;
	bool match_mac;
	bool is6;			/* from is from6, an IPv6 prefix */
	u8 plen;
	u8 mac[ETH_ALEN];
	union {
		__be32 from;
		struct in6_addr from6;
	};
	atomic64_t hits;
};

/* One interface's rules by ascending pref, replaced whole on change. */
struct arpproxy_acl {
	unsigned int count;
	struct rcu_head rcu;
	struct arpproxy_acl_rule rule[];
};

/*
 * Who asks, as the rules see it. A reverse ARP requester and a Duplicate
 * Address Detection prober have no address (family AF_UNSPEC): only rules
 * without a prefix match them.
 */
struct arpproxy_requester {
	u8 family;			/* AF_INET, AF_INET6 or AF_UNSPEC */
	__be32 addr;			/* AF_INET */
	const struct in6_addr *addr6;	/* AF_INET6 */
	const u8 *mac;
};

bool arpproxy_acl_decide(struct arpproxy_acl *acl, const struct arpproxy_requester *req);

#endif /* _ARPPROXY_ACL_H */
