// SPDX-License-Identifier: GPL-2.0
/*
 * Access control: per interface, ordered rules decide which requesters the
 * module answers. The hook walks an immutable array under RCU; writers
 * build a new array and swap it in.
 */
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "arpproxy.h"
#include "proto.h"

/* A rule added without a pref goes this far after the last one. */
#define ARPPROXY_ACL_PREF_STEP	10

static struct netlink_range_validation arpproxy_pref_range = {
	.min = 1,
	.max = U32_MAX,
};

const struct nla_policy arpproxy_acl_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_A_ACTION]	= NLA_POLICY_MAX(NLA_U8, ARPPROXY_ACL_MAX),
	[ARPPROXY_A_PREFIX]	= { .type = NLA_BE32 },
	[ARPPROXY_A_PLEN]	= NLA_POLICY_MAX(NLA_U8, 32),
	[ARPPROXY_A_MAC]	= NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[ARPPROXY_A_PREF]	= NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_pref_range),
};

/* A reverse ARP requester has no address: a rule with "from" never matches it. */
static bool arpproxy_acl_match(const struct arpproxy_acl_rule *r,
			       const struct arpproxy_arp *arp, bool rarp)
{
	return (!r->match_from ||
		(!rarp && (arp->sip & arpproxy_prefix_mask(r->plen)) == r->from)) &&
	       (!r->match_mac || ether_addr_equal(r->mac, arp->sha));
}

static bool arpproxy_acl_check(struct arpproxy_config *cfg, int ifindex,
			       const struct arpproxy_arp *arp, bool rarp)
{
	struct arpproxy_acl *acl = xa_load(&cfg->acls, ifindex);
	unsigned int i;

	if (!acl)
		return false;
	for (i = 0; i < acl->count; i++) {
		struct arpproxy_acl_rule *r = &acl->rule[i];

		if (arpproxy_acl_match(r, arp, rarp)) {
			atomic64_inc(&r->hits);
			return r->action == ARPPROXY_ACL_DENY;
		}
	}
	return false;
}

bool arpproxy_acl_denies(struct arpproxy_config *cfg, int ifindex,
			 const struct arpproxy_arp *arp)
{
	return arpproxy_acl_check(cfg, ifindex, arp, false);
}

/* The same rules for a reverse ARP request, whose requester is its sender MAC. */
bool arpproxy_acl_denies_rarp(struct arpproxy_config *cfg, int ifindex,
			      const struct arpproxy_arp *req)
{
	return arpproxy_acl_check(cfg, ifindex, req, true);
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
static int arpproxy_acl_change(struct arpproxy_config *cfg, int ifindex,
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

static int arpproxy_acl_parse(struct genl_info *info, struct arpproxy_acl_rule *r)
{
	struct nlattr **attrs = info->attrs;

	memset(r, 0, sizeof(*r));
	if (attrs[ARPPROXY_A_PREF])
		r->pref = nla_get_u32(attrs[ARPPROXY_A_PREF]);
	if (attrs[ARPPROXY_A_ACTION])
		r->action = nla_get_u8(attrs[ARPPROXY_A_ACTION]);
	if (!attrs[ARPPROXY_A_PREFIX] != !attrs[ARPPROXY_A_PLEN]) {
		NL_SET_ERR_MSG(info->extack, "a prefix needs its length and a length its prefix");
		return -EINVAL;
	}
	if (attrs[ARPPROXY_A_PREFIX]) {
		r->match_from = true;
		r->from = nla_get_be32(attrs[ARPPROXY_A_PREFIX]);
		r->plen = nla_get_u8(attrs[ARPPROXY_A_PLEN]);
		if (r->from & ~arpproxy_prefix_mask(r->plen)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_PREFIX],
					    "prefix has host bits set");
			return -EINVAL;
		}
	}
	if (attrs[ARPPROXY_A_MAC]) {
		r->match_mac = true;
		nla_memcpy(r->mac, attrs[ARPPROXY_A_MAC], ETH_ALEN);
		if (!is_valid_ether_addr(r->mac)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_MAC],
					    "MAC must be unicast and not zero");
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * Shared start of every ACL change: checks, then takes an->lock and picks
 * the configuration to change.
 */
static struct arpproxy_net *arpproxy_acl_begin(struct genl_info *info,
					       struct arpproxy_acl_rule *r,
					       int *ifindex,
					       struct arpproxy_config **cfg,
					       int *err)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_IFINDEX)) {
		*err = -EINVAL;
		return NULL;
	}
	*ifindex = nla_get_u32(info->attrs[ARPPROXY_A_IFINDEX]);
	*err = arpproxy_acl_parse(info, r);
	if (*err)
		return NULL;
	mutex_lock(&an->lock);
	*err = arpproxy_check_ifindex(net, info);
	if (*err) {
		mutex_unlock(&an->lock);
		return NULL;
	}
	*cfg = arpproxy_config_of(an, info);
	return an;
}

int arpproxy_cmd_acl_add(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_acl *old;
	struct arpproxy_acl_rule rule;
	struct arpproxy_config *cfg;
	struct arpproxy_net *an;
	unsigned int i;
	int ifindex, err;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_ACTION))
		return -EINVAL;
	an = arpproxy_acl_begin(info, &rule, &ifindex, &cfg, &err);
	if (!an)
		return err;
	old = xa_load(&cfg->acls, ifindex);
	if (old && old->count >= ARPPROXY_ACL_RULES_MAX) {
		NL_SET_ERR_MSG_MOD(info->extack, "an interface has at most "
				   __stringify(ARPPROXY_ACL_RULES_MAX) " rules");
		err = -ENOSPC;
		goto out;
	}
	if (!rule.pref) {
		u32 last = old ? old->rule[old->count - 1].pref : 0;

		if (last > U32_MAX - ARPPROXY_ACL_PREF_STEP) {
			NL_SET_ERR_MSG_MOD(info->extack,
					   "no pref left after the last rule: give one");
			err = -ERANGE;
			goto out;
		}
		rule.pref = last + ARPPROXY_ACL_PREF_STEP;
	}
	for (i = 0; old && i < old->count; i++) {
		if (old->rule[i].pref == rule.pref) {
			NL_SET_ERR_MSG_MOD(info->extack, "a rule with this pref exists");
			err = -EEXIST;
			goto out;
		}
	}
	err = arpproxy_acl_change(cfg, ifindex, old, &rule, 0);
	if (!err && cfg != an->staged)
		arpproxy_notify_acl(genl_info_net(info), ARPPROXY_CMD_ACL_ADD, ifindex, &rule);
out:
	mutex_unlock(&an->lock);
	return err;
}

/* The rule @info names: by pref if given, and by what it does and matches. */
static bool arpproxy_acl_named(const struct genl_info *info,
			       const struct arpproxy_acl_rule *want,
			       const struct arpproxy_acl_rule *r)
{
	struct nlattr *const *attrs = info->attrs;

	if (attrs[ARPPROXY_A_PREF] && r->pref != want->pref)
		return false;
	if (attrs[ARPPROXY_A_ACTION] && r->action != want->action)
		return false;
	if (!attrs[ARPPROXY_A_PREF] &&
	    (r->match_from != want->match_from || r->match_mac != want->match_mac))
		return false;
	if (attrs[ARPPROXY_A_PREFIX] && (!r->match_from || r->from != want->from ||
					 r->plen != want->plen))
		return false;
	return !attrs[ARPPROXY_A_MAC] ||
	       (r->match_mac && ether_addr_equal(r->mac, want->mac));
}

int arpproxy_cmd_acl_del(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_acl *old;
	struct arpproxy_acl_rule rule;
	struct arpproxy_config *cfg;
	struct arpproxy_net *an;
	unsigned int i;
	int ifindex, err;

	if (!info->attrs[ARPPROXY_A_PREF] && !info->attrs[ARPPROXY_A_ACTION]) {
		NL_SET_ERR_MSG_MOD(info->extack, "name the rule by its pref or its action");
		return -EINVAL;
	}
	an = arpproxy_acl_begin(info, &rule, &ifindex, &cfg, &err);
	if (!an)
		return err;
	old = xa_load(&cfg->acls, ifindex);
	for (i = 0; old && i < old->count; i++)
		if (arpproxy_acl_named(info, &rule, &old->rule[i]))
			break;
	if (!old || i == old->count) {
		NL_SET_ERR_MSG_MOD(info->extack, "no such rule");
		err = -ENOENT;
		goto out;
	}
	rule = old->rule[i];
	err = arpproxy_acl_change(cfg, ifindex, old, NULL, i);
	if (!err && cfg != an->staged)
		arpproxy_notify_acl(genl_info_net(info), ARPPROXY_CMD_ACL_DEL, ifindex, &rule);
out:
	mutex_unlock(&an->lock);
	return err;
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

int arpproxy_cmd_acl_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *attr = info->attrs[ARPPROXY_A_IFINDEX];
	int only = attr ? nla_get_u32(attr) : 0;
	struct arpproxy_config *cfg;
	struct arpproxy_acl *acl;
	unsigned long ifindex;
	int err;

	mutex_lock(&an->lock);
	err = arpproxy_check_ifindex(net, info);
	if (err)
		goto out;
	cfg = arpproxy_config_of(an, info);
	xa_for_each(&cfg->acls, ifindex, acl)
		if (!only || ifindex == only)
			arpproxy_acl_forget(cfg, ifindex);
	cfg->acl_gen++;
	if (cfg != an->staged)
		arpproxy_notify_flush(net, ARPPROXY_CMD_ACL_FLUSH, only);
out:
	mutex_unlock(&an->lock);
	return err;
}

int arpproxy_put_acl_rule(struct sk_buff *skb, int ifindex,
			  const struct arpproxy_acl_rule *r)
{
	if (nla_put_u32(skb, ARPPROXY_A_IFINDEX, ifindex) ||
	    nla_put_u32(skb, ARPPROXY_A_PREF, r->pref) ||
	    nla_put_u8(skb, ARPPROXY_A_ACTION, r->action) ||
	    (r->match_from && (nla_put_be32(skb, ARPPROXY_A_PREFIX, r->from) ||
			       nla_put_u8(skb, ARPPROXY_A_PLEN, r->plen))) ||
	    (r->match_mac && nla_put(skb, ARPPROXY_A_MAC, ETH_ALEN, r->mac)))
		return -EMSGSIZE;
	return 0;
}

static int arpproxy_fill_acl_rule(struct sk_buff *skb, struct netlink_callback *cb,
				  int ifindex, struct arpproxy_acl_rule *r)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &arpproxy_genl_family, NLM_F_MULTI, ARPPROXY_CMD_ACL_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (arpproxy_put_acl_rule(skb, ifindex, r) ||
	    nla_put_u64_64bit(skb, ARPPROXY_A_HITS, atomic64_read(&r->hits),
			      ARPPROXY_A_PAD)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* cb->args: [0] only this interface (0: all), [1] ifindex, [2] pref sent last. */
int arpproxy_dump_acl_start(struct netlink_callback *cb)
{
	struct nlattr *tb[ARPPROXY_A_MAX + 1];
	int err;

	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, ARPPROXY_A_MAX,
			  arpproxy_ifindex_policy, cb->extack);
	if (err)
		return err;
	cb->args[0] = tb[ARPPROXY_A_IFINDEX] ? nla_get_u32(tb[ARPPROXY_A_IFINDEX]) : 0;
	cb->args[1] = cb->args[0];
	return 0;
}

/* Resumes after the last rule sent, so none is repeated or skipped. */
int arpproxy_dump_acl(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	unsigned long ifindex = cb->args[1];
	struct arpproxy_config *cfg;
	struct arpproxy_acl *acl;
	unsigned int i;

	mutex_lock(&an->lock);
	cfg = arpproxy_config_live(an);
	cb->seq = cfg->acl_gen;
	xa_for_each_start(&cfg->acls, ifindex, acl, cb->args[1]) {
		if (cb->args[0] && ifindex != cb->args[0])
			break;
		for (i = 0; i < acl->count; i++) {
			if (ifindex == cb->args[1] && acl->rule[i].pref <= cb->args[2])
				continue;
			if (arpproxy_fill_acl_rule(skb, cb, ifindex, &acl->rule[i]))
				goto out;
			cb->args[1] = ifindex;
			cb->args[2] = acl->rule[i].pref;
		}
	}
out:
	mutex_unlock(&an->lock);
	return skb->len;
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
