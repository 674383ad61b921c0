// SPDX-License-Identifier: GPL-2.0
/*
 * Which ACL rule decides for a requester. Pure, apart from the kernel's
 * state, so that the unit tests compile this file in userspace against
 * tests/shim.
 */
#include <net/ipv6.h>

#include "acl.h"
#include "proto.h"

/* A rule with a prefix matches requesters of its family only. */
static bool arpproxy_acl_match_from(const struct arpproxy_acl_rule *r,
				    const struct arpproxy_requester *req)
{
	if (!r->match_from)
		return true;
	if (r->is6)
		return req->family == AF_INET6 &&
		       ipv6_prefix_equal(req->addr6, &r->from6, r->plen);
	return req->family == AF_INET &&
	       (req->addr & arpproxy_prefix_mask(r->plen)) == r->from;
}

/*
 * Whether @acl denies @req: the first rule that matches decides, and
 * counts a hit; no match allows.
 */
bool arpproxy_acl_decide(struct arpproxy_acl *acl, const struct arpproxy_requester *req)
{
	unsigned int i;

	for (i = 0; i < acl->count; i++) {
		struct arpproxy_acl_rule *r = &acl->rule[i];

		if (arpproxy_acl_match_from(r, req) &&
		    (!r->match_mac || ether_addr_equal(r->mac, req->mac))) {
			atomic64_inc(&r->hits);
			return r->action == ARPPROXY_ACL_DENY;
		}
	}
	return false;
}
