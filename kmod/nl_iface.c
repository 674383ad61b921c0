// SPDX-License-Identifier: GPL-2.0
/* The interface commands: set and get (dump). */
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "nl.h"

/* The rate limit is set whole: what is left out is off, or the default. */
static int arpproxy_parse_rate(struct genl_info *info, struct nlattr **tb,
			       struct arpproxy_iface_conf *conf)
{
	if (!tb[ARPPROXY_IFACE_A_RATE] && !tb[ARPPROXY_IFACE_A_RATE_BURST] &&
	    !tb[ARPPROXY_IFACE_A_RATE_PER_HOST])
		return 0;
	conf->rate = tb[ARPPROXY_IFACE_A_RATE] ? nla_get_u32(tb[ARPPROXY_IFACE_A_RATE]) : 0;
	conf->per_host = tb[ARPPROXY_IFACE_A_RATE_PER_HOST] ?
			 nla_get_u32(tb[ARPPROXY_IFACE_A_RATE_PER_HOST]) : 0;
	conf->burst = conf->rate;
	if (tb[ARPPROXY_IFACE_A_RATE_BURST]) {
		if (!conf->rate) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[ARPPROXY_IFACE_A_RATE_BURST],
					    "a burst needs a rate");
			return -EINVAL;
		}
		conf->burst = nla_get_u32(tb[ARPPROXY_IFACE_A_RATE_BURST]);
	}
	return 0;
}

/*
 * One address or none: track4 0.0.0.0 stops tracking. What is tracked must
 * be an address an interface can have.
 */
static int arpproxy_parse_track(struct genl_info *info, struct nlattr **tb,
				struct arpproxy_iface_conf *conf)
{
	struct nlattr *t4 = tb[ARPPROXY_IFACE_A_TRACK4], *t6 = tb[ARPPROXY_IFACE_A_TRACK6];
	struct in6_addr addr6;
	__be32 addr;

	if (t4 && t6) {
		NL_SET_ERR_MSG_ATTR(info->extack, t6, "track takes one address");
		return -EINVAL;
	}
	if (t4) {
		addr = nla_get_in_addr(t4);
		if (ipv4_is_multicast(addr) || ipv4_is_lbcast(addr) ||
		    (ipv4_is_zeronet(addr) && addr)) {
			NL_SET_ERR_MSG_ATTR(info->extack, t4, "track needs a unicast address");
			return -EINVAL;
		}
		conf->track4 = addr;
		conf->track6 = in6addr_any;
	}
	if (t6) {
		addr6 = nla_get_in6_addr(t6);
		if (ipv6_addr_any(&addr6) || ipv6_addr_is_multicast(&addr6)) {
			NL_SET_ERR_MSG_ATTR(info->extack, t6, "track needs a unicast address");
			return -EINVAL;
		}
		conf->track4 = 0;
		conf->track6 = addr6;
	}
	return 0;
}

/* The track state @conf gives interface @ifindex now, or 0. */
static u8 arpproxy_iface_track_state(struct net *net, int ifindex,
				     const struct arpproxy_iface_conf *conf)
{
	struct net_device *dev;
	u8 state = 0;

	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, ifindex);
	if (dev)
		state = arpproxy_track_state(net, dev, conf);
	rcu_read_unlock();
	return state;
}

int arpproxy_nl_iface_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *nest = info->attrs[ARPPROXY_A_IFACE];
	struct nlattr *tb[ARPPROXY_IFACE_A_MAX + 1];
	struct arpproxy_iface_conf conf = {};
	const struct arpproxy_iface *cur;
	struct arpproxy_dev_stats *ds;
	struct arpproxy_config *cfg;
	bool created = false;
	int ifindex, err;
	u8 state;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_IFACE))
		return -EINVAL;
	err = nla_parse_nested(tb, ARPPROXY_IFACE_A_MAX, nest, arpproxy_iface_nl_policy,
			       info->extack);
	if (err)
		return err;
	if (NL_REQ_ATTR_CHECK(info->extack, nest, tb, ARPPROXY_IFACE_A_IFINDEX))
		return -EINVAL;
	ifindex = nla_get_u32(tb[ARPPROXY_IFACE_A_IFINDEX]);

	mutex_lock(&an->lock);
	err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_IFACE_A_IFINDEX], info->extack);
	if (err)
		goto out;
	cfg = arpproxy_config_of(an, info);
	cur = arpproxy_iface_get(cfg, ifindex);
	if (cur)
		conf = cur->conf;
	if (tb[ARPPROXY_IFACE_A_PROXY_MODE])
		conf.proxy_mode = nla_get_u8(tb[ARPPROXY_IFACE_A_PROXY_MODE]);
	if (tb[ARPPROXY_IFACE_A_INSPECT])
		conf.inspect = nla_get_u8(tb[ARPPROXY_IFACE_A_INSPECT]);
	if (tb[ARPPROXY_IFACE_A_RARP])
		conf.rarp = nla_get_u8(tb[ARPPROXY_IFACE_A_RARP]);
	if (tb[ARPPROXY_IFACE_A_LEARN])
		conf.learn = nla_get_u8(tb[ARPPROXY_IFACE_A_LEARN]);
	err = arpproxy_parse_rate(info, tb, &conf);
	if (!err)
		err = arpproxy_parse_track(info, tb, &conf);
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
	if (!err && cfg != an->staged) {
		/* A setting is no transition: the event says where it starts. */
		state = arpproxy_iface_track_state(net, ifindex, &conf);
		ds = xa_load(&an->dev_stats, ifindex);
		if (ds)
			ds->track_state = state;
		arpproxy_notify_iface(net, ARPPROXY_CMD_IFACE_SET, ifindex, &conf, state);
	}
out:
	mutex_unlock(&an->lock);
	return err;
}

/*
 * An interface's settings nest, as dumps and events carry it, with the
 * state its track setting gives it (0: none); dumps also say, from its
 * counters @ds, where the module stands with its multicast filter
 * (nd_multi.c).
 */
int arpproxy_put_iface(struct sk_buff *skb, int ifindex,
		       const struct arpproxy_iface_conf *conf,
		       const struct arpproxy_dev_stats *ds, u8 track_state)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_IFACE);

	if (!nest ||
	    nla_put_u32(skb, ARPPROXY_IFACE_A_IFINDEX, ifindex) ||
	    nla_put_u8(skb, ARPPROXY_IFACE_A_PROXY_MODE, conf->proxy_mode) ||
	    nla_put_u8(skb, ARPPROXY_IFACE_A_INSPECT, conf->inspect) ||
	    nla_put_u8(skb, ARPPROXY_IFACE_A_RARP, conf->rarp) ||
	    nla_put_u8(skb, ARPPROXY_IFACE_A_LEARN, conf->learn) ||
	    nla_put_u32(skb, ARPPROXY_IFACE_A_RATE, conf->rate) ||
	    nla_put_u32(skb, ARPPROXY_IFACE_A_RATE_BURST, conf->burst) ||
	    nla_put_u32(skb, ARPPROXY_IFACE_A_RATE_PER_HOST, conf->per_host) ||
	    (ds && (nla_put_u32(skb, ARPPROXY_IFACE_A_ND_GROUPS, READ_ONCE(ds->nd_joined)) ||
		    nla_put_u8(skb, ARPPROXY_IFACE_A_ND_ALLMULTI, READ_ONCE(ds->allmulti)))) ||
	    (conf->track4 && nla_put_in_addr(skb, ARPPROXY_IFACE_A_TRACK4, conf->track4)) ||
	    (!ipv6_addr_any(&conf->track6) &&
	     nla_put_in6_addr(skb, ARPPROXY_IFACE_A_TRACK6, &conf->track6)) ||
	    (track_state && nla_put_u8(skb, ARPPROXY_IFACE_A_TRACK_STATE, track_state)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int arpproxy_fill_iface(struct sk_buff *skb, struct netlink_callback *cb,
			       const struct net_device *dev,
			       const struct arpproxy_iface *iface,
			       const struct arpproxy_dev_stats *ds)
{
	static const struct arpproxy_iface_conf defaults;
	const struct arpproxy_iface_conf *conf = iface ? &iface->conf : &defaults;
	void *hdr;

	hdr = arpproxy_dump_put(skb, cb, ARPPROXY_CMD_IFACE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (arpproxy_put_iface(skb, dev->ifindex, conf, ds,
			       arpproxy_track_state(dev_net(dev), dev, conf))) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* Every Ethernet interface, in the netns's device list order. */
int arpproxy_nl_iface_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct arpproxy_config *cfg;
	struct net_device *dev;
	long idx = 0;
	int err;

	err = arpproxy_nl_dump_check(cb);
	if (err)
		return err;
	rcu_read_lock();
	cfg = rcu_dereference(an->config);
	for_each_netdev_rcu(net, dev) {
		if (dev->type != ARPHRD_ETHER)
			continue;
		if (idx++ < cb->args[0])
			continue;
		if (arpproxy_fill_iface(skb, cb, dev, arpproxy_iface_get(cfg, dev->ifindex),
					xa_load(&an->dev_stats, dev->ifindex))) {
			idx--;
			break;
		}
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return skb->len;
}
