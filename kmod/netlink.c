// SPDX-License-Identifier: GPL-2.0
/*
 * The "arpproxy" generic netlink family, and its binding and interface
 * commands (acl.c, stats.c and restore.c have the others). Every command
 * works on the netns of the requesting socket; changes take its lock.
 */
#include <linux/netdevice.h>
#include <linux/if_arp.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "arpproxy.h"
#include "proto.h"
#include "version.h"

static struct netlink_range_validation arpproxy_refresh_range = {
	.min = 1,
	.max = ARPPROXY_REFRESH_MAX,
};

static const struct nla_policy arpproxy_binding_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_PREFIX]	= { .type = NLA_BE32 },
	[ARPPROXY_A_PLEN]	= NLA_POLICY_MAX(NLA_U8, 32),
	[ARPPROXY_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_A_MAC]	= NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[ARPPROXY_A_FLAGS]	= NLA_POLICY_MASK(NLA_U32, ARPPROXY_BINDING_F_ALL),
	[ARPPROXY_A_GARP]	= NLA_POLICY_RANGE(NLA_U8, 1, ARPPROXY_ANNOUNCE_COUNT_MAX),
	[ARPPROXY_A_REFRESH]	= NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_refresh_range),
};

/* A binding's key; also what a station dump may be limited to. */
const struct nla_policy arpproxy_prefix_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_PREFIX]	= { .type = NLA_BE32 },
	[ARPPROXY_A_PLEN]	= NLA_POLICY_MAX(NLA_U8, 32),
	[ARPPROXY_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
};

const struct nla_policy arpproxy_ifindex_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
};

static struct netlink_range_validation arpproxy_rate_range = {
	.max = ARPPROXY_RATE_MAX,
};

static struct netlink_range_validation arpproxy_burst_range = {
	.min = 1,
	.max = ARPPROXY_RATE_MAX,
};

static const struct nla_policy arpproxy_iface_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_IFINDEX]	= NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_A_PROXY_MODE]	= NLA_POLICY_MAX(NLA_U8, ARPPROXY_PROXY_MAX),
	[ARPPROXY_A_INSPECT]	= NLA_POLICY_MAX(NLA_U8, ARPPROXY_INSPECT_MAX),
	[ARPPROXY_A_RATE]	= NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_rate_range),
	[ARPPROXY_A_RATE_BURST]	= NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_burst_range),
	[ARPPROXY_A_RATE_PER_HOST] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_rate_range),
	[ARPPROXY_A_RARP]	= NLA_POLICY_MAX(NLA_U8, 1),
	[ARPPROXY_A_LEARN]	= NLA_POLICY_MAX(NLA_U8, 1),
};

static struct netlink_range_validation arpproxy_cache_timeout_range = {
	.min = 1,
	.max = ARPPROXY_CACHE_TIMEOUT_MAX,
};

const struct nla_policy arpproxy_cache_policy[ARPPROXY_A_MAX + 1] = {
	[ARPPROXY_A_CACHE_TIMEOUT] = NLA_POLICY_FULL_RANGE(NLA_U32,
							   &arpproxy_cache_timeout_range),
};

/*
 * Settings may only name an Ethernet interface of this netns. The caller
 * holds an->lock: an interface found here cannot finish unregistering
 * (which takes the lock to drop its bindings) before the caller is done.
 */
int arpproxy_check_ifindex(struct net *net, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[ARPPROXY_A_IFINDEX];
	const struct net_device *dev;
	int err = 0;

	if (!attr)
		return 0;
	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, nla_get_u32(attr));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "no such interface");
		err = -ENODEV;
	} else if (dev->type != ARPHRD_ETHER) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "not an Ethernet interface");
		err = -EOPNOTSUPP;
	}
	rcu_read_unlock();
	return err;
}

static int arpproxy_parse_key(struct genl_info *info,
			      struct arpproxy_binding_spec *spec)
{
	struct nlattr **attrs = info->attrs;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_PREFIX) ||
	    GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_PLEN))
		return -EINVAL;
	memset(spec, 0, sizeof(*spec));
	spec->addr = nla_get_be32(attrs[ARPPROXY_A_PREFIX]);
	spec->plen = nla_get_u8(attrs[ARPPROXY_A_PLEN]);
	if (attrs[ARPPROXY_A_IFINDEX])
		spec->ifindex = nla_get_u32(attrs[ARPPROXY_A_IFINDEX]);
	if (spec->addr & ~arpproxy_prefix_mask(spec->plen)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_PREFIX],
				    "prefix has host bits set");
		return -EINVAL;
	}
	return 0;
}

/* Announcements need an interface, something to say and a bounded size. */
static int arpproxy_parse_announced(struct genl_info *info,
				    const struct arpproxy_binding_spec *spec)
{
	struct nlattr *attr = info->attrs[ARPPROXY_A_GARP] ?: info->attrs[ARPPROXY_A_REFRESH];

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
	if (spec->plen < 16) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "more than "
				    __stringify(ARPPROXY_ANNOUNCE_MAX) " addresses to announce");
		return -E2BIG;
	}
	return 0;
}

static int arpproxy_parse_binding(struct genl_info *info,
				  struct arpproxy_binding_spec *spec)
{
	struct nlattr **attrs = info->attrs;
	int err;

	err = arpproxy_parse_key(info, spec);
	if (err)
		return err;
	if (attrs[ARPPROXY_A_FLAGS])
		spec->flags = nla_get_u32(attrs[ARPPROXY_A_FLAGS]);
	if ((spec->flags & ARPPROXY_BINDING_F_STATIC) && !attrs[ARPPROXY_A_MAC]) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_FLAGS],
				    "a static binding needs a MAC");
		return -EINVAL;
	}
	if (attrs[ARPPROXY_A_MAC]) {
		if (spec->flags & ARPPROXY_BINDING_F_EXCLUDE) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_MAC],
					    "an exclude binding takes no MAC");
			return -EINVAL;
		}
		nla_memcpy(spec->mac, attrs[ARPPROXY_A_MAC], ETH_ALEN);
		if (!is_valid_ether_addr(spec->mac)) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_MAC],
					    "MAC must be unicast and not zero");
			return -EINVAL;
		}
	}
	if (attrs[ARPPROXY_A_GARP])
		spec->garp = nla_get_u8(attrs[ARPPROXY_A_GARP]);
	if (attrs[ARPPROXY_A_REFRESH])
		spec->refresh = nla_get_u32(attrs[ARPPROXY_A_REFRESH]);
	return arpproxy_parse_announced(info, spec);
}

static int arpproxy_binding_set(struct genl_info *info, bool replace)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_announce *job = NULL;
	struct arpproxy_binding_spec spec;
	struct arpproxy_config *cfg;
	bool live;
	int err;

	err = arpproxy_parse_binding(info, &spec);
	if (err)
		return err;
	mutex_lock(&an->lock);
	cfg = arpproxy_config_of(an, info);
	live = cfg != an->staged;
	err = arpproxy_check_ifindex(net, info);
	if (!err)
		err = arpproxy_announce_check(net, &spec, info->extack);
	/* A restore announces its bindings once it is committed. */
	if (!err && live)
		err = arpproxy_announce_prepare(&spec, &job);
	if (!err)
		err = arpproxy_table_insert(&cfg->table, &spec, replace, info->extack);
	if (err) {
		arpproxy_announce_discard(job);
	} else if (live) {
		arpproxy_announce_start(an, &spec, job);
		arpproxy_notify_binding(net, replace ? ARPPROXY_CMD_BINDING_REPLACE :
					ARPPROXY_CMD_BINDING_ADD, &spec);
	}
	mutex_unlock(&an->lock);
	return err;
}

static int arpproxy_cmd_binding_add(struct sk_buff *skb, struct genl_info *info)
{
	return arpproxy_binding_set(info, false);
}

static int arpproxy_cmd_binding_replace(struct sk_buff *skb, struct genl_info *info)
{
	return arpproxy_binding_set(info, true);
}

static int arpproxy_cmd_binding_del(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_binding_spec spec;
	struct arpproxy_config *cfg;
	int err;

	err = arpproxy_parse_key(info, &spec);
	if (err)
		return err;
	mutex_lock(&an->lock);
	cfg = arpproxy_config_of(an, info);
	err = arpproxy_table_delete(&cfg->table, &spec);
	if (!err && cfg != an->staged)
		arpproxy_announce_cancel(an, &spec, 0);
	if (!err && cfg != an->staged)
		arpproxy_notify_binding(net, ARPPROXY_CMD_BINDING_DEL, &spec);
	mutex_unlock(&an->lock);
	if (err)
		NL_SET_ERR_MSG_MOD(info->extack, "no such binding");
	return err;
}

static int arpproxy_cmd_binding_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *attr = info->attrs[ARPPROXY_A_IFINDEX];
	int ifindex = attr ? nla_get_u32(attr) : 0;
	struct arpproxy_config *cfg;
	int err;

	mutex_lock(&an->lock);
	cfg = arpproxy_config_of(an, info);
	err = arpproxy_check_ifindex(net, info);
	if (!err)
		arpproxy_table_flush(&cfg->table, ifindex);
	if (!err && cfg != an->staged) {
		arpproxy_announce_cancel(an, NULL, ifindex);
		arpproxy_notify_flush(net, ARPPROXY_CMD_BINDING_FLUSH, ifindex);
	}
	mutex_unlock(&an->lock);
	return err;
}

/* A binding's attributes, as dumps and events carry them. */
int arpproxy_put_binding(struct sk_buff *skb,
			 const struct arpproxy_binding_spec *spec)
{
	if (nla_put_be32(skb, ARPPROXY_A_PREFIX, spec->addr) ||
	    nla_put_u8(skb, ARPPROXY_A_PLEN, spec->plen) ||
	    (spec->ifindex && nla_put_u32(skb, ARPPROXY_A_IFINDEX, spec->ifindex)) ||
	    (!is_zero_ether_addr(spec->mac) &&
	     nla_put(skb, ARPPROXY_A_MAC, ETH_ALEN, spec->mac)) ||
	    nla_put_u32(skb, ARPPROXY_A_FLAGS, spec->flags) ||
	    (spec->garp && nla_put_u8(skb, ARPPROXY_A_GARP, spec->garp)) ||
	    (spec->refresh && nla_put_u32(skb, ARPPROXY_A_REFRESH, spec->refresh)))
		return -EMSGSIZE;
	return 0;
}

static int arpproxy_fill_binding(struct sk_buff *skb, struct netlink_callback *cb,
				 const struct arpproxy_binding *b)
{
	struct arpproxy_binding_spec spec = {
		.addr = b->key.addr,
		.plen = b->key.plen,
		.ifindex = b->ifindex,
		.flags = b->flags,
		.garp = b->garp,
		.refresh = b->refresh,
	};
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &arpproxy_genl_family, NLM_F_MULTI,
			  ARPPROXY_CMD_BINDING_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	ether_addr_copy(spec.mac, b->mac);
	if (arpproxy_put_binding(skb, &spec) ||
	    nla_put_u64_64bit(skb, ARPPROXY_A_HITS, atomic64_read(&b->hits),
			      ARPPROXY_A_PAD)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * The dump resumes after the last binding it sent (cb->args[1..3], valid
 * once cb->args[0] is set), so it never repeats or skips one that stayed
 * in the table. cb->seq lets the core flag NLM_F_DUMP_INTR on changes.
 */
static int arpproxy_dump_bindings(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	struct arpproxy_binding_spec cursor = {
		.addr = htonl(cb->args[1]),
		.plen = cb->args[2],
		.ifindex = cb->args[3],
	};
	const struct arpproxy_binding *b;
	struct arpproxy_table *t;

	mutex_lock(&an->lock);
	t = &arpproxy_config_live(an)->table;
	cb->seq = t->gen;
	for (b = arpproxy_table_next(t, cb->args[0] ? &cursor : NULL);
	     b; b = arpproxy_table_next(t, &cursor)) {
		if (arpproxy_fill_binding(skb, cb, b))
			break;
		cursor.addr = b->key.addr;
		cursor.plen = b->key.plen;
		cursor.ifindex = b->ifindex;
		cb->args[0] = 1;
	}
	mutex_unlock(&an->lock);
	cb->args[1] = ntohl(cursor.addr);
	cb->args[2] = cursor.plen;
	cb->args[3] = cursor.ifindex;
	return skb->len;
}

/* The rate limit is set whole: what is left out is off, or the default. */
static int arpproxy_parse_rate(struct genl_info *info,
			       struct arpproxy_iface_conf *conf)
{
	struct nlattr **attrs = info->attrs;

	if (!attrs[ARPPROXY_A_RATE] && !attrs[ARPPROXY_A_RATE_BURST] &&
	    !attrs[ARPPROXY_A_RATE_PER_HOST])
		return 0;
	conf->rate = attrs[ARPPROXY_A_RATE] ? nla_get_u32(attrs[ARPPROXY_A_RATE]) : 0;
	conf->per_host = attrs[ARPPROXY_A_RATE_PER_HOST] ?
			 nla_get_u32(attrs[ARPPROXY_A_RATE_PER_HOST]) : 0;
	conf->burst = conf->rate;
	if (attrs[ARPPROXY_A_RATE_BURST]) {
		if (!conf->rate) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[ARPPROXY_A_RATE_BURST],
					    "a burst needs a rate");
			return -EINVAL;
		}
		conf->burst = nla_get_u32(attrs[ARPPROXY_A_RATE_BURST]);
	}
	return 0;
}

static int arpproxy_cmd_iface_set(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_iface_conf conf = {};
	const struct arpproxy_iface *cur;
	struct arpproxy_config *cfg;
	bool created = false;
	int ifindex, err;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_IFINDEX))
		return -EINVAL;
	ifindex = nla_get_u32(info->attrs[ARPPROXY_A_IFINDEX]);

	mutex_lock(&an->lock);
	err = arpproxy_check_ifindex(net, info);
	if (err)
		goto out;
	cfg = arpproxy_config_of(an, info);
	cur = arpproxy_iface_get(cfg, ifindex);
	if (cur)
		conf = cur->conf;
	if (info->attrs[ARPPROXY_A_PROXY_MODE])
		conf.proxy_mode = nla_get_u8(info->attrs[ARPPROXY_A_PROXY_MODE]);
	if (info->attrs[ARPPROXY_A_INSPECT])
		conf.inspect = nla_get_u8(info->attrs[ARPPROXY_A_INSPECT]);
	if (info->attrs[ARPPROXY_A_RARP])
		conf.rarp = nla_get_u8(info->attrs[ARPPROXY_A_RARP]);
	if (info->attrs[ARPPROXY_A_LEARN])
		conf.learn = nla_get_u8(info->attrs[ARPPROXY_A_LEARN]);
	err = arpproxy_parse_rate(info, &conf);
	if (!err && conf.inspect == ARPPROXY_INSPECT_PIN && !conf.learn) {
		NL_SET_ERR_MSG(info->extack, "inspect pin needs learn on");
		err = -EINVAL;
	}
	/* Even for a restore: its commit must not fail for want of memory. */
	if (!err && conf.learn)
		err = arpproxy_cache_create(an, &created);
	if (!err) {
		err = arpproxy_iface_set(cfg, ifindex, &conf);
		/* A command that fails changes nothing, not even that. */
		if (err && created)
			arpproxy_cache_discard(an);
	}
	if (!err && cfg != an->staged)
		arpproxy_notify_iface(net, ifindex, &conf);
out:
	mutex_unlock(&an->lock);
	return err;
}

/* An interface's settings, as dumps and events carry them. */
int arpproxy_put_iface(struct sk_buff *skb, int ifindex,
		       const struct arpproxy_iface_conf *conf)
{
	if (nla_put_u32(skb, ARPPROXY_A_IFINDEX, ifindex) ||
	    nla_put_u8(skb, ARPPROXY_A_PROXY_MODE, conf->proxy_mode) ||
	    nla_put_u8(skb, ARPPROXY_A_INSPECT, conf->inspect) ||
	    nla_put_u8(skb, ARPPROXY_A_RARP, conf->rarp) ||
	    nla_put_u8(skb, ARPPROXY_A_LEARN, conf->learn) ||
	    nla_put_u32(skb, ARPPROXY_A_RATE, conf->rate) ||
	    nla_put_u32(skb, ARPPROXY_A_RATE_BURST, conf->burst) ||
	    nla_put_u32(skb, ARPPROXY_A_RATE_PER_HOST, conf->per_host))
		return -EMSGSIZE;
	return 0;
}

static int arpproxy_fill_iface(struct sk_buff *skb, struct netlink_callback *cb,
			       const struct net_device *dev,
			       const struct arpproxy_iface *iface)
{
	static const struct arpproxy_iface_conf defaults;
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &arpproxy_genl_family, NLM_F_MULTI,
			  ARPPROXY_CMD_IFACE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (arpproxy_put_iface(skb, dev->ifindex, iface ? &iface->conf : &defaults)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* Every Ethernet interface, in the netns's device list order. */
static int arpproxy_dump_ifaces(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_config *cfg;
	struct net_device *dev;
	long idx = 0;

	rcu_read_lock();
	cfg = rcu_dereference(an->config);
	for_each_netdev_rcu(net, dev) {
		if (dev->type != ARPHRD_ETHER)
			continue;
		if (idx++ < cb->args[0])
			continue;
		if (arpproxy_fill_iface(skb, cb, dev,
					arpproxy_iface_get(cfg, dev->ifindex))) {
			idx--;
			break;
		}
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return skb->len;
}

/* A reply to @info with room for @size bytes of attributes. */
struct sk_buff *arpproxy_reply_new(struct genl_info *info, u8 cmd, size_t size,
				   void **hdr)
{
	struct sk_buff *msg = genlmsg_new(size, GFP_KERNEL);

	if (!msg)
		return NULL;
	*hdr = genlmsg_put_reply(msg, info, &arpproxy_genl_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static int arpproxy_cmd_version_get(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = arpproxy_reply_new(info, ARPPROXY_CMD_VERSION_GET,
				 nla_total_size(sizeof(ARPPROXY_VERSION)), &hdr);
	if (!msg)
		return -ENOMEM;
	if (nla_put_string(msg, ARPPROXY_A_VERSION, ARPPROXY_VERSION)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static const struct genl_ops arpproxy_genl_ops[] = {
	{
		.cmd = ARPPROXY_CMD_VERSION_GET,
		.doit = arpproxy_cmd_version_get,
	},
	{
		.cmd = ARPPROXY_CMD_BINDING_ADD,
		.doit = arpproxy_cmd_binding_add,
		.policy = arpproxy_binding_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_BINDING_REPLACE,
		.doit = arpproxy_cmd_binding_replace,
		.policy = arpproxy_binding_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_BINDING_DEL,
		.doit = arpproxy_cmd_binding_del,
		.policy = arpproxy_prefix_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_BINDING_GET,
		.dumpit = arpproxy_dump_bindings,
	},
	{
		.cmd = ARPPROXY_CMD_BINDING_FLUSH,
		.doit = arpproxy_cmd_binding_flush,
		.policy = arpproxy_ifindex_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_IFACE_SET,
		.doit = arpproxy_cmd_iface_set,
		.policy = arpproxy_iface_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_IFACE_GET,
		.dumpit = arpproxy_dump_ifaces,
	},
	{
		.cmd = ARPPROXY_CMD_STATS_GET,
		.doit = arpproxy_cmd_stats_get,
		.dumpit = arpproxy_dump_stats,
		.policy = arpproxy_ifindex_policy,
		.maxattr = ARPPROXY_A_MAX,
	},
	{
		.cmd = ARPPROXY_CMD_STATS_RESET,
		.doit = arpproxy_cmd_stats_reset,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_ACL_ADD,
		.doit = arpproxy_cmd_acl_add,
		.policy = arpproxy_acl_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_ACL_DEL,
		.doit = arpproxy_cmd_acl_del,
		.policy = arpproxy_acl_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_ACL_GET,
		.start = arpproxy_dump_acl_start,
		.dumpit = arpproxy_dump_acl,
		.policy = arpproxy_ifindex_policy,
		.maxattr = ARPPROXY_A_MAX,
	},
	{
		.cmd = ARPPROXY_CMD_RESTORE_BEGIN,
		.doit = arpproxy_cmd_restore_begin,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_RESTORE_COMMIT,
		.doit = arpproxy_cmd_restore_commit,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_RESTORE_ABORT,
		.doit = arpproxy_cmd_restore_abort,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_ANNOUNCE,
		.doit = arpproxy_cmd_announce,
		.policy = arpproxy_announce_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_ACL_FLUSH,
		.doit = arpproxy_cmd_acl_flush,
		.policy = arpproxy_ifindex_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_CACHE_SET,
		.doit = arpproxy_cmd_cache_set,
		.policy = arpproxy_cache_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = ARPPROXY_CMD_CACHE_GET,
		.doit = arpproxy_cmd_cache_get,
	},
	{
		.cmd = ARPPROXY_CMD_STATION_GET,
		.start = arpproxy_dump_stations_start,
		.dumpit = arpproxy_dump_stations,
		.policy = arpproxy_prefix_policy,
		.maxattr = ARPPROXY_A_MAX,
	},
	{
		.cmd = ARPPROXY_CMD_STATION_FLUSH,
		.doit = arpproxy_cmd_station_flush,
		.policy = arpproxy_ifindex_policy,
		.maxattr = ARPPROXY_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

static const struct genl_multicast_group arpproxy_mcgrps[] = {
	[ARPPROXY_MCGRP_EVENTS_ID] = { .name = ARPPROXY_MCGRP_EVENTS },
};

struct genl_family arpproxy_genl_family __ro_after_init = {
	.name = ARPPROXY_GENL_NAME,
	.version = ARPPROXY_GENL_VERSION,
	.netnsok = true,
	/* Writers serialize on their own netns's lock, not on genl_mutex. */
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = arpproxy_genl_ops,
	.n_ops = ARRAY_SIZE(arpproxy_genl_ops),
	.mcgrps = arpproxy_mcgrps,
	.n_mcgrps = ARRAY_SIZE(arpproxy_mcgrps),
	/*
	 * resv_start_op stays 0: every command gets the core's strict checks
	 * (genlmsghdr.reserved zero, no stray nlmsg_flags), and one without a
	 * policy refuses any attribute rather than ignoring it.
	 */
};

int __init arpproxy_genl_init(void)
{
	return genl_register_family(&arpproxy_genl_family);
}

void arpproxy_genl_exit(void)
{
	genl_unregister_family(&arpproxy_genl_family);
}
