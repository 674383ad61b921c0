// SPDX-License-Identifier: GPL-2.0
/* The ACL commands: add, del, get (dump) and flush. */
#include <net/ipv6.h>
#include <net/sock.h>

#include "nl.h"
#include "proto.h"

/* A rule added without a pref goes this far after the last one. */
#define ARPPROXY_ACL_PREF_STEP	10

/* The ACL nest of a request, parsed into @tb; all NULL if absent. */
static int arpproxy_acl_attrs(struct nlattr *nest, struct nlattr **tb,
			      struct netlink_ext_ack *extack)
{
	if (!nest) {
		memset(tb, 0, sizeof(*tb) * (ARPPROXY_ACL_A_MAX + 1));
		return 0;
	}
	return nla_parse_nested(tb, ARPPROXY_ACL_A_MAX, nest, arpproxy_acl_nl_policy,
				extack);
}

static int arpproxy_acl_parse(struct genl_info *info, struct nlattr **tb,
			      struct arpproxy_acl_rule *r)
{
	int err;

	memset(r, 0, sizeof(*r));
	if (tb[ARPPROXY_ACL_A_PREF])
		r->pref = nla_get_u32(tb[ARPPROXY_ACL_A_PREF]);
	if (tb[ARPPROXY_ACL_A_ACTION])
		r->action = nla_get_u8(tb[ARPPROXY_ACL_A_ACTION]);
	if (tb[ARPPROXY_ACL_A_PREFIX4] && tb[ARPPROXY_ACL_A_PREFIX6]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_ACL_A_PREFIX6],
				    "a rule has one prefix, IPv4 or IPv6");
		return -EINVAL;
	}
	if (!(tb[ARPPROXY_ACL_A_PREFIX4] || tb[ARPPROXY_ACL_A_PREFIX6]) !=
	    !tb[ARPPROXY_ACL_A_PLEN]) {
		NL_SET_ERR_MSG(info->extack, "a prefix needs its length and a length its prefix");
		return -EINVAL;
	}
	if (tb[ARPPROXY_ACL_A_PREFIX6]) {
		/* Link-local too: solicitors often ask from theirs. */
		err = arpproxy_nl_prefix6(info->extack, tb, ARPPROXY_ACL_A_PREFIX6,
					  ARPPROXY_ACL_A_PLEN, true, &r->from6, &r->plen);
		if (err)
			return err;
		r->is6 = true;
		r->match_from = true;
	} else {
		err = arpproxy_nl_prefix(info->extack, info->attrs[ARPPROXY_A_ACL], tb,
					 ARPPROXY_ACL_A_PREFIX4, ARPPROXY_ACL_A_PLEN, false,
					 &r->from, &r->plen);
		if (err < 0)
			return err;
		r->match_from = err;
	}
	if (tb[ARPPROXY_ACL_A_MAC]) {
		r->match_mac = true;
		nla_memcpy(r->mac, tb[ARPPROXY_ACL_A_MAC], ETH_ALEN);
		if (!is_valid_ether_addr(r->mac)) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_ACL_A_MAC],
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
					       struct nlattr **tb,
					       struct arpproxy_acl_rule *r,
					       int *ifindex,
					       struct arpproxy_config **cfg,
					       int *err)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);

	if (NL_REQ_ATTR_CHECK(info->extack, info->attrs[ARPPROXY_A_ACL], tb,
			      ARPPROXY_ACL_A_IFINDEX)) {
		*err = -EINVAL;
		return NULL;
	}
	*ifindex = nla_get_u32(tb[ARPPROXY_ACL_A_IFINDEX]);
	*err = arpproxy_acl_parse(info, tb, r);
	if (*err)
		return NULL;
	mutex_lock(&an->lock);
	*err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_ACL_A_IFINDEX], info->extack);
	if (*err) {
		mutex_unlock(&an->lock);
		return NULL;
	}
	*cfg = arpproxy_config_of(an, info);
	return an;
}

/* The ACL nest a change needs, parsed into @tb. */
static int arpproxy_acl_request(struct genl_info *info, struct nlattr **tb)
{
	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_ACL))
		return -EINVAL;
	return arpproxy_acl_attrs(info->attrs[ARPPROXY_A_ACL], tb, info->extack);
}

int arpproxy_nl_acl_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ARPPROXY_ACL_A_MAX + 1];
	struct arpproxy_acl_rule rule;
	struct arpproxy_config *cfg;
	struct arpproxy_acl *old;
	struct arpproxy_net *an;
	unsigned int i;
	int ifindex, err;

	err = arpproxy_acl_request(info, tb);
	if (err)
		return err;
	if (NL_REQ_ATTR_CHECK(info->extack, info->attrs[ARPPROXY_A_ACL], tb,
			      ARPPROXY_ACL_A_ACTION))
		return -EINVAL;
	an = arpproxy_acl_begin(info, tb, &rule, &ifindex, &cfg, &err);
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

/* The rule a request names: by pref if given, and by what it does and matches. */
static bool arpproxy_acl_named(struct nlattr **tb, const struct arpproxy_acl_rule *want,
			       const struct arpproxy_acl_rule *r)
{
	if (tb[ARPPROXY_ACL_A_PREF] && r->pref != want->pref)
		return false;
	if (tb[ARPPROXY_ACL_A_ACTION] && r->action != want->action)
		return false;
	if (!tb[ARPPROXY_ACL_A_PREF] &&
	    (r->match_from != want->match_from || r->match_mac != want->match_mac))
		return false;
	if (tb[ARPPROXY_ACL_A_PREFIX4] && (!r->match_from || r->is6 || r->from != want->from ||
					   r->plen != want->plen))
		return false;
	if (tb[ARPPROXY_ACL_A_PREFIX6] && (!r->match_from || !r->is6 || r->plen != want->plen ||
					   !ipv6_addr_equal(&r->from6, &want->from6)))
		return false;
	return !tb[ARPPROXY_ACL_A_MAC] ||
	       (r->match_mac && ether_addr_equal(r->mac, want->mac));
}

int arpproxy_nl_acl_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[ARPPROXY_ACL_A_MAX + 1];
	struct arpproxy_acl_rule rule;
	struct arpproxy_config *cfg;
	struct arpproxy_acl *old;
	struct arpproxy_net *an;
	unsigned int i;
	int ifindex, err;

	err = arpproxy_acl_attrs(info->attrs[ARPPROXY_A_ACL], tb, info->extack);
	if (err)
		return err;
	if (!tb[ARPPROXY_ACL_A_PREF] && !tb[ARPPROXY_ACL_A_ACTION]) {
		NL_SET_ERR_MSG_MOD(info->extack, "name the rule by its pref or its action");
		return -EINVAL;
	}
	an = arpproxy_acl_begin(info, tb, &rule, &ifindex, &cfg, &err);
	if (!an)
		return err;
	old = xa_load(&cfg->acls, ifindex);
	for (i = 0; old && i < old->count; i++)
		if (arpproxy_acl_named(tb, &rule, &old->rule[i]))
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

int arpproxy_nl_acl_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *tb[ARPPROXY_ACL_A_MAX + 1];
	struct arpproxy_config *cfg;
	struct arpproxy_acl *acl;
	unsigned long ifindex;
	int only, err;

	err = arpproxy_acl_attrs(info->attrs[ARPPROXY_A_ACL], tb, info->extack);
	if (err)
		return err;
	only = tb[ARPPROXY_ACL_A_IFINDEX] ? nla_get_u32(tb[ARPPROXY_ACL_A_IFINDEX]) : 0;
	mutex_lock(&an->lock);
	err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_ACL_A_IFINDEX], info->extack);
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

/* A rule's nest, as dumps (with @hits) and events carry it. */
int arpproxy_put_acl_rule(struct sk_buff *skb, int ifindex,
			  const struct arpproxy_acl_rule *r, bool hits)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_ACL);

	if (!nest ||
	    nla_put_u32(skb, ARPPROXY_ACL_A_IFINDEX, ifindex) ||
	    nla_put_u32(skb, ARPPROXY_ACL_A_PREF, r->pref) ||
	    nla_put_u8(skb, ARPPROXY_ACL_A_ACTION, r->action) ||
	    (r->match_from && r->is6 && nla_put_in6_addr(skb, ARPPROXY_ACL_A_PREFIX6, &r->from6)) ||
	    (r->match_from && !r->is6 && nla_put_be32(skb, ARPPROXY_ACL_A_PREFIX4, r->from)) ||
	    (r->match_from && nla_put_u8(skb, ARPPROXY_ACL_A_PLEN, r->plen)) ||
	    (r->match_mac && nla_put(skb, ARPPROXY_ACL_A_MAC, ETH_ALEN, r->mac)) ||
	    (hits && nla_put_u64_64bit(skb, ARPPROXY_ACL_A_HITS, atomic64_read(&r->hits),
				       ARPPROXY_ACL_A_PAD)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int arpproxy_fill_acl_rule(struct sk_buff *skb, struct netlink_callback *cb,
				  int ifindex, const struct arpproxy_acl_rule *r)
{
	void *hdr;

	hdr = arpproxy_dump_put(skb, cb, ARPPROXY_CMD_ACL_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (arpproxy_put_acl_rule(skb, ifindex, r, true)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * Resumes after the last rule sent, so none is repeated or skipped:
 * cb->args[1] is its ifindex, from the one asked for on, [2] its pref.
 */
int arpproxy_nl_acl_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	struct nlattr *tb[ARPPROXY_ACL_A_MAX + 1];
	struct arpproxy_config *cfg;
	struct arpproxy_acl *acl;
	unsigned long ifindex, only;
	unsigned int i;
	int err;

	err = arpproxy_nl_dump_check(cb);
	if (!err)
		err = arpproxy_acl_attrs(arpproxy_nl_dump_attrs(cb)[ARPPROXY_A_ACL], tb,
					 cb->extack);
	if (err)
		return err;
	only = tb[ARPPROXY_ACL_A_IFINDEX] ? nla_get_u32(tb[ARPPROXY_ACL_A_IFINDEX]) : 0;
	if (!cb->args[1])
		cb->args[1] = only;
	ifindex = cb->args[1];
	mutex_lock(&an->lock);
	cfg = arpproxy_config_live(an);
	cb->seq = cfg->acl_gen;
	xa_for_each_start(&cfg->acls, ifindex, acl, cb->args[1]) {
		if (only && ifindex != only)
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
