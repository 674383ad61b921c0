// SPDX-License-Identifier: GPL-2.0
/* The binding commands: add, replace, del, get (dump) and flush. */
#include <linux/rtnetlink.h>
#include <net/sock.h>

#include "nl.h"
#include "proto.h"

/* The binding nest of @info, parsed into @tb; NULL @tb[] entries if absent. */
static int arpproxy_binding_attrs(struct genl_info *info, struct nlattr **tb)
{
	struct nlattr *nest = info->attrs[ARPPROXY_A_BINDING];

	if (!nest) {
		memset(tb, 0, sizeof(*tb) * (ARPPROXY_BINDING_A_MAX + 1));
		return 0;
	}
	return nla_parse_nested(tb, ARPPROXY_BINDING_A_MAX, nest,
				arpproxy_binding_nl_policy, info->extack);
}

/* The prefix of a binding: an IPv4 one, or an IPv6 one (prefix6). */
static int arpproxy_parse_prefix(struct genl_info *info, struct nlattr **tb,
				 struct arpproxy_binding_spec *spec)
{
	return arpproxy_nl_prefix_any(info->extack, info->attrs[ARPPROXY_A_BINDING], tb,
				      ARPPROXY_BINDING_A_PREFIX4, ARPPROXY_BINDING_A_PREFIX6,
				      ARPPROXY_BINDING_A_PLEN, spec);
}

static bool arpproxy_spec_is6(const struct arpproxy_binding_spec *spec)
{
	return spec->family == AF_INET6;
}

static int arpproxy_parse_key(struct genl_info *info, struct nlattr **tb,
			      struct arpproxy_binding_spec *spec)
{
	int err;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_BINDING))
		return -EINVAL;
	err = arpproxy_binding_attrs(info, tb);
	if (err)
		return err;
	memset(spec, 0, sizeof(*spec));
	err = arpproxy_parse_prefix(info, tb, spec);
	if (err)
		return err;
	if (tb[ARPPROXY_BINDING_A_IFINDEX])
		spec->ifindex = nla_get_u32(tb[ARPPROXY_BINDING_A_IFINDEX]);
	return 0;
}

/* Announcements need an interface, something to say and a bounded size. */
static int arpproxy_parse_announced(struct genl_info *info, struct nlattr **tb,
				    const struct arpproxy_binding_spec *spec)
{
	struct nlattr *attr = tb[ARPPROXY_BINDING_A_GARP] ?: tb[ARPPROXY_BINDING_A_REFRESH];

	if (!attr)
		return 0;
	if (!spec->ifindex) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "announcements need a dev");
		return -EINVAL;
	}
	if (spec->flags & ARPPROXY_BINDING_F_EXCLUDE) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "an exclude binding is not announced");
		return -EINVAL;
	}
	if ((arpproxy_spec_is6(spec) ? 128 : 32) - spec->plen > ilog2(ARPPROXY_ANNOUNCE_MAX)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "more than "
				    __stringify(ARPPROXY_ANNOUNCE_MAX) " addresses to announce");
		return -E2BIG;
	}
	return 0;
}

static int arpproxy_parse_binding(struct genl_info *info, struct nlattr **tb,
				  struct arpproxy_binding_spec *spec)
{
	int err;

	err = arpproxy_parse_key(info, tb, spec);
	if (err)
		return err;
	if (tb[ARPPROXY_BINDING_A_FLAGS])
		spec->flags = nla_get_u32(tb[ARPPROXY_BINDING_A_FLAGS]);
	if ((spec->flags & ARPPROXY_BINDING_F_STATIC) && !tb[ARPPROXY_BINDING_A_MAC]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_BINDING_A_FLAGS],
				    "a static binding needs a MAC");
		return -EINVAL;
	}
	if (tb[ARPPROXY_BINDING_A_MAC]) {
		if (spec->flags & ARPPROXY_BINDING_F_EXCLUDE) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_BINDING_A_MAC],
					    "an exclude binding takes no MAC");
			return -EINVAL;
		}
		nla_memcpy(spec->mac, tb[ARPPROXY_BINDING_A_MAC], ETH_ALEN);
		if (!is_valid_ether_addr(spec->mac)) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_BINDING_A_MAC],
					    "MAC must be unicast and not zero");
			return -EINVAL;
		}
	}
	if (tb[ARPPROXY_BINDING_A_GARP])
		spec->garp = nla_get_u8(tb[ARPPROXY_BINDING_A_GARP]);
	if (tb[ARPPROXY_BINDING_A_REFRESH])
		spec->refresh = nla_get_u32(tb[ARPPROXY_BINDING_A_REFRESH]);
	if (tb[ARPPROXY_BINDING_A_LIFETIME])
		spec->lifetime = nla_get_u32(tb[ARPPROXY_BINDING_A_LIFETIME]);
	return arpproxy_parse_announced(info, tb, spec);
}

/* A garp or refresh binding that can only lie is refused. */
static int arpproxy_binding_announceable(struct net *net,
					 const struct arpproxy_binding_spec *spec,
					 struct netlink_ext_ack *extack)
{
	switch (arpproxy_announce_refused(net, spec)) {
	case ARPPROXY_ANNOUNCE_OK:
		return 0;
	case ARPPROXY_ANNOUNCE_UNUSABLE:
		NL_SET_ERR_MSG_MOD(extack, "announcements of addresses no host has");
		break;
	case ARPPROXY_ANNOUNCE_OWN_ADDR:
		NL_SET_ERR_MSG_MOD(extack, "announcement of one of this host's own addresses");
		break;
	case ARPPROXY_ANNOUNCE_OWN_SUBNET:
		NL_SET_ERR_MSG_MOD(extack,
				   "announcements of the interface's own subnet (onlink if meant)");
		break;
	}
	return -EINVAL;
}

/*
 * The netns's lock, with RTNL first when IPv6 bindings may change: the
 * interfaces' multicast filters follow them (nd_multi.c), and the netdev
 * notifier holds RTNL when it takes the netns's lock.
 */
static void arpproxy_binding_lock(struct arpproxy_net *an, bool v6)
{
	if (v6)
		rtnl_lock();
	mutex_lock(&an->lock);
}

/*
 * ... and once the live table's IPv6 bindings have @changed, the filters,
 * with the binding @added, or NULL, and whether any binding may have @gone.
 */
static void arpproxy_binding_unlock(struct net *net, struct arpproxy_net *an, bool v6,
				    bool changed, const struct arpproxy_binding_spec *added,
				    bool gone)
{
	if (v6 && changed)
		arpproxy_nd_multi_sync(net, an, added, gone);
	mutex_unlock(&an->lock);
	if (v6)
		rtnl_unlock();
}

static int arpproxy_binding_insert(struct arpproxy_table *t,
				   const struct arpproxy_binding_spec *spec,
				   bool replace, struct netlink_ext_ack *extack)
{
	int err = arpproxy_table_insert(t, spec, replace);

	if (err == -EEXIST)
		NL_SET_ERR_MSG_MOD(extack, "binding exists");
	else if (err == -ENOSPC)
		NL_SET_ERR_MSG_MOD(extack, "binding limit reached (module parameter max_bindings)");
	return err;
}

static int arpproxy_binding_set(struct genl_info *info, bool replace)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *tb[ARPPROXY_BINDING_A_MAX + 1];
	struct arpproxy_announce *job = NULL;
	struct arpproxy_binding_spec spec;
	struct arpproxy_config *cfg;
	bool live;
	int err;

	err = arpproxy_parse_binding(info, tb, &spec);
	if (err)
		return err;
	arpproxy_binding_lock(an, arpproxy_spec_is6(&spec));
	cfg = arpproxy_config_of(an, info);
	/* A restore announces its bindings once it is committed. */
	live = cfg != an->staged;
	err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_BINDING_A_IFINDEX], info->extack);
	if (!err && live)
		err = arpproxy_binding_announceable(net, &spec, info->extack);
	if (!err && live)
		err = arpproxy_announce_prepare(&spec, &job);
	if (!err)
		err = arpproxy_binding_insert(&cfg->table, &spec, replace, info->extack);
	if (err) {
		arpproxy_announce_discard(job);
	} else if (live) {
		arpproxy_announce_start(an, &spec, job);
		arpproxy_notify_binding(net, replace ? ARPPROXY_CMD_BINDING_REPLACE :
					ARPPROXY_CMD_BINDING_ADD, &spec);
		arpproxy_expire_schedule(an);
	}
	/* An add that succeeded replaced nothing. */
	arpproxy_binding_unlock(net, an, arpproxy_spec_is6(&spec), !err && live, &spec,
				replace);
	return err;
}

int arpproxy_nl_binding_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	return arpproxy_binding_set(info, false);
}

int arpproxy_nl_binding_replace_doit(struct sk_buff *skb, struct genl_info *info)
{
	return arpproxy_binding_set(info, true);
}

int arpproxy_nl_binding_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *tb[ARPPROXY_BINDING_A_MAX + 1];
	struct arpproxy_binding_spec spec;
	struct arpproxy_config *cfg;
	int err;

	err = arpproxy_parse_key(info, tb, &spec);
	if (err)
		return err;
	arpproxy_binding_lock(an, arpproxy_spec_is6(&spec));
	cfg = arpproxy_config_of(an, info);
	err = arpproxy_table_delete(&cfg->table, &spec);
	if (!err && cfg != an->staged)
		arpproxy_announce_cancel(an, &spec, 0);
	if (!err && cfg != an->staged)
		arpproxy_notify_binding(net, ARPPROXY_CMD_BINDING_DEL, &spec);
	arpproxy_binding_unlock(net, an, arpproxy_spec_is6(&spec), !err && cfg != an->staged,
				NULL, true);
	if (err)
		NL_SET_ERR_MSG_MOD(info->extack, "no such binding");
	return err;
}

int arpproxy_nl_binding_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *tb[ARPPROXY_BINDING_A_MAX + 1];
	struct arpproxy_config *cfg;
	int ifindex, err;

	err = arpproxy_binding_attrs(info, tb);
	if (err)
		return err;
	ifindex = tb[ARPPROXY_BINDING_A_IFINDEX] ?
		  nla_get_u32(tb[ARPPROXY_BINDING_A_IFINDEX]) : 0;
	arpproxy_binding_lock(an, true);
	cfg = arpproxy_config_of(an, info);
	err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_BINDING_A_IFINDEX], info->extack);
	if (!err)
		arpproxy_table_flush(&cfg->table, ifindex);
	if (!err && cfg != an->staged) {
		arpproxy_announce_cancel(an, NULL, ifindex);
		arpproxy_notify_flush(net, ARPPROXY_CMD_BINDING_FLUSH, ifindex);
	}
	arpproxy_binding_unlock(net, an, true, !err && cfg != an->staged, NULL, true);
	return err;
}

/* A binding's nest, as dumps (with @hits) and events carry it. */
int arpproxy_put_binding(struct sk_buff *skb,
			 const struct arpproxy_binding_spec *spec, const atomic64_t *hits)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_BINDING);

	if (!nest ||
	    (arpproxy_spec_is6(spec) ?
	     nla_put_in6_addr(skb, ARPPROXY_BINDING_A_PREFIX6, &spec->addr6) :
	     nla_put_be32(skb, ARPPROXY_BINDING_A_PREFIX4, spec->addr)) ||
	    nla_put_u8(skb, ARPPROXY_BINDING_A_PLEN, spec->plen) ||
	    (spec->ifindex && nla_put_u32(skb, ARPPROXY_BINDING_A_IFINDEX, spec->ifindex)) ||
	    (!is_zero_ether_addr(spec->mac) &&
	     nla_put(skb, ARPPROXY_BINDING_A_MAC, ETH_ALEN, spec->mac)) ||
	    nla_put_u32(skb, ARPPROXY_BINDING_A_FLAGS, spec->flags) ||
	    (spec->garp && nla_put_u8(skb, ARPPROXY_BINDING_A_GARP, spec->garp)) ||
	    (spec->refresh && nla_put_u32(skb, ARPPROXY_BINDING_A_REFRESH, spec->refresh)) ||
	    (spec->lifetime && nla_put_u32(skb, ARPPROXY_BINDING_A_LIFETIME, spec->lifetime)) ||
	    (hits && nla_put_u64_64bit(skb, ARPPROXY_BINDING_A_HITS, atomic64_read(hits),
				       ARPPROXY_BINDING_A_PAD)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int arpproxy_fill_binding(struct sk_buff *skb, struct netlink_callback *cb,
				 const struct arpproxy_table *t,
				 const struct arpproxy_binding *b)
{
	struct arpproxy_binding_spec spec;
	void *hdr;

	hdr = arpproxy_dump_put(skb, cb, ARPPROXY_CMD_BINDING_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	arpproxy_binding_spec_of(b, &spec);
	spec.lifetime = arpproxy_table_lifetime_left(t, b);
	if (arpproxy_put_binding(skb, &spec, &b->hits)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* Where a binding dump stands, kept in its callback between messages. */
struct arpproxy_binding_dump {
	struct arpproxy_binding_spec cursor;	/* the last binding sent; family 0: none */
};

/*
 * The dump resumes after the last binding it sent, so it never repeats or
 * skips one that stayed in the table. cb->seq lets the core flag
 * NLM_F_DUMP_INTR on changes.
 */
int arpproxy_nl_binding_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	struct arpproxy_binding_dump *d = (void *)cb->ctx;
	const struct arpproxy_binding *b;
	struct arpproxy_table *t;
	int err;

	BUILD_BUG_ON(sizeof(*d) > sizeof(cb->ctx));
	err = arpproxy_nl_dump_check(cb);
	if (err)
		return err;
	mutex_lock(&an->lock);
	t = &arpproxy_config_live(an)->table;
	cb->seq = t->gen;
	for (b = arpproxy_table_next_any(t, d->cursor.family ? &d->cursor : NULL);
	     b; b = arpproxy_table_next_any(t, &d->cursor)) {
		if (arpproxy_fill_binding(skb, cb, t, b))
			break;
		arpproxy_binding_spec_of(b, &d->cursor);
	}
	mutex_unlock(&an->lock);
	return skb->len;
}
