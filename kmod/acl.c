// SPDX-License-Identifier: GPL-2.0
/*
 * Access control: per interface, ordered rules decide which requesters the
 * module answers. The hook walks an immutable array under RCU; writers
 * build a new array and swap it in.
 */
#include <linux/slab.h>

#include "arpproxy.h"

/* Whether @ifindex's rules deny @req; the hook calls this under RCU. */
bool arpproxy_acl_denies(struct arpproxy_config *cfg, int ifindex,
			 const struct arpproxy_requester *req)
{
	struct arpproxy_acl *acl = xa_load(&cfg->acls, ifindex);

	return acl && arpproxy_acl_decide(acl, req);
}

static void arpproxy_acl_free(struct arpproxy_acl *acl)
{
	kvfree(acl);
	atomic_dec(&arpproxy_objects);
}

static void arpproxy_acl_free_rcu(struct rcu_head *head)
{
	arpproxy_acl_free(container_of(head, struct arpproxy_acl, rcu));
}

/*
 * A copy of @old with @add inserted or the rule at @del left out. Hits
 * that land on @old while readers still use it are not carried over.
 */
static struct arpproxy_acl *arpproxy_acl_copy(const struct arpproxy_acl *old,
					      const struct arpproxy_acl_rule *add,
					      unsigned int del)
{
	unsigned int n = old ? old->count : 0, i, j = 0;
	struct arpproxy_acl *acl;

	acl = kvzalloc(struct_size(acl, rule, n + !!add), GFP_KERNEL_ACCOUNT);
	if (!acl)
		return NULL;
	atomic_inc(&arpproxy_objects);
	for (i = 0; i < n; i++) {
		const struct arpproxy_acl_rule *r = &old->rule[i];

		if (!add && i == del)
			continue;
		if (add && add->pref < r->pref && j == i)
			acl->rule[j++] = *add;
		acl->rule[j] = *r;
		atomic64_set(&acl->rule[j++].hits, atomic64_read(&r->hits));
	}
	if (add && j == n)
		acl->rule[j++] = *add;
	acl->count = j;
	return acl;
}

/*
 * Installs a copy of @old, @ifindex's rules, with @add inserted or the rule
 * at @del left out, and retires @old.
 */
int arpproxy_acl_change(struct arpproxy_config *cfg, int ifindex,
			struct arpproxy_acl *old,
			const struct arpproxy_acl_rule *add, unsigned int del)
{
	struct arpproxy_acl *acl = arpproxy_acl_copy(old, add, del);
	void *prev;

	if (!acl)
		return -ENOMEM;
	if (acl->count)
		prev = xa_store(&cfg->acls, ifindex, acl, GFP_KERNEL_ACCOUNT);
	else
		prev = xa_erase(&cfg->acls, ifindex);
	if (xa_is_err(prev)) {
		arpproxy_acl_free(acl);
		return xa_err(prev);
	}
	if (!acl->count)
		arpproxy_acl_free(acl);
	if (old)
		call_rcu(&old->rcu, arpproxy_acl_free_rcu);
	cfg->acl_gen++;
	return 0;
}

/* Called with an->lock held as the interface goes: had it any rules? */
bool arpproxy_acl_forget(struct arpproxy_config *cfg, int ifindex)
{
	struct arpproxy_acl *old = xa_erase(&cfg->acls, ifindex);

	if (!old)
		return false;
	call_rcu(&old->rcu, arpproxy_acl_free_rcu);
	cfg->acl_gen++;
	return true;
}

/* Called once no reader can see the rules any more. */
void arpproxy_acls_destroy(struct arpproxy_config *cfg)
{
	struct arpproxy_acl *acl;
	unsigned long ifindex;

	xa_for_each(&cfg->acls, ifindex, acl)
		arpproxy_acl_free(acl);
	xa_destroy(&cfg->acls);
}
