// SPDX-License-Identifier: GPL-2.0
/*
 * Which ACL rule decides for a requester. Pure, apart from the kernel's
 * state, so that the unit tests compile this file in userspace against
 * tests/shim.
 */
#include "acl.h"
#include "proto.h"

/* A reverse ARP requester has no address: a rule with "from" never matches it. */
static bool arpproxy_acl_match(const struct arpproxy_acl_rule *r,
			       const struct arpproxy_arp *arp, bool rarp)
{
	return (!r->match_from ||
		(!rarp && (arp->sip & arpproxy_prefix_mask(r->plen)) == r->from)) &&
	       (!r->match_mac || ether_addr_equal(r->mac, arp->sha));
}

/*
 * Whether @acl denies @arp's sender (@rarp: the requester of a reverse ARP
 * request, known by its MAC alone): the first rule that matches decides,
 * and counts a hit; no match allows.
 */
bool arpproxy_acl_decide(struct arpproxy_acl *acl, const struct arpproxy_arp *arp,
			 bool rarp)
{
	unsigned int i;

	for (i = 0; i < acl->count; i++) {
		struct arpproxy_acl_rule *r = &acl->rule[i];

		if (arpproxy_acl_match(r, arp, rarp)) {
			atomic64_inc(&r->hits);
			return r->action == ARPPROXY_ACL_DENY;
		}
	}
	return false;
}
