// SPDX-License-Identifier: GPL-2.0
/* The station cache's commands: cache set and get, station get (dump) and flush. */
#include <linux/jiffies.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "nl.h"
#include "proto.h"

int arpproxy_nl_cache_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *nest = info->attrs[ARPPROXY_A_CACHE];
	struct nlattr *tb[ARPPROXY_CACHE_A_MAX + 1];
	struct arpproxy_config *cfg;
	unsigned int old;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, ARPPROXY_A_CACHE))
		return -EINVAL;
	err = nla_parse_nested(tb, ARPPROXY_CACHE_A_MAX, nest, arpproxy_cache_nl_policy,
			       info->extack);
	if (err)
		return err;
	if (NL_REQ_ATTR_CHECK(info->extack, nest, tb, ARPPROXY_CACHE_A_TIMEOUT))
		return -EINVAL;
	mutex_lock(&an->lock);
	cfg = arpproxy_config_of(an, info);
	old = cfg->cache_timeout;
	WRITE_ONCE(cfg->cache_timeout, nla_get_u32(tb[ARPPROXY_CACHE_A_TIMEOUT]));
	if (cfg != an->staged) {
		arpproxy_cache_timeout_change(an, old, cfg->cache_timeout);
		arpproxy_notify_cache(net, cfg->cache_timeout);
	}
	mutex_unlock(&an->lock);
	return 0;
}

static int arpproxy_put_cache(struct sk_buff *skb, unsigned int timeout,
			      unsigned int size, unsigned int held)
{
	struct nlattr *nest = nla_nest_start(skb, ARPPROXY_A_CACHE);

	if (!nest ||
	    nla_put_u32(skb, ARPPROXY_CACHE_A_TIMEOUT, timeout) ||
	    nla_put_u32(skb, ARPPROXY_CACHE_A_SIZE, size) ||
	    nla_put_u32(skb, ARPPROXY_CACHE_A_STATIONS, held))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

int arpproxy_nl_cache_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct arpproxy_net *an = arpproxy_pernet(genl_info_net(info));
	unsigned int size, held;
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = arpproxy_reply_new(info, ARPPROXY_CMD_CACHE_GET,
				 nla_total_size(0) + 3 * nla_total_size(sizeof(u32)), &hdr);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&an->lock);
	arpproxy_cache_count(an, &size, &held);
	err = arpproxy_put_cache(msg, arpproxy_config_live(an)->cache_timeout, size, held);
	mutex_unlock(&an->lock);
	return arpproxy_reply_send(msg, hdr, info, err);
}

/* The station nest of a request, parsed into @tb; all NULL if absent. */
static int arpproxy_station_attrs(struct nlattr *nest, struct nlattr **tb,
				  struct netlink_ext_ack *extack)
{
	if (!nest) {
		memset(tb, 0, sizeof(*tb) * (ARPPROXY_STATION_A_MAX + 1));
		return 0;
	}
	return nla_parse_nested(tb, ARPPROXY_STATION_A_MAX, nest,
				arpproxy_station_nl_policy, extack);
}

int arpproxy_nl_station_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct arpproxy_net *an = arpproxy_pernet(net);
	struct nlattr *tb[ARPPROXY_STATION_A_MAX + 1];
	int ifindex, err;

	err = arpproxy_station_attrs(info->attrs[ARPPROXY_A_STATION], tb, info->extack);
	if (err)
		return err;
	ifindex = tb[ARPPROXY_STATION_A_IFINDEX] ?
		  nla_get_u32(tb[ARPPROXY_STATION_A_IFINDEX]) : 0;
	mutex_lock(&an->lock);
	err = arpproxy_nl_check_ifindex(net, tb[ARPPROXY_STATION_A_IFINDEX], info->extack);
	if (!err) {
		arpproxy_cache_flush(an, ifindex);
		arpproxy_notify_flush(net, ARPPROXY_CMD_STATION_FLUSH, ifindex);
	}
	mutex_unlock(&an->lock);
	return err;
}

/*
 * Which stations a dump is limited to: an interface (0: all) and a prefix
 * of one family (AF_UNSPEC: both).
 */
struct arpproxy_station_filter {
	int ifindex;
	int family;
	__be32 prefix;
	__be32 mask;
	struct in6_addr prefix6;
	u8 plen;
};

/* The IPv6 prefix of a dump, link-local ones included. */
static int arpproxy_station_filter6(struct netlink_ext_ack *extack, struct nlattr **tb,
				    struct arpproxy_station_filter *f)
{
	if (tb[ARPPROXY_STATION_A_ADDR4]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[ARPPROXY_STATION_A_ADDR6],
				    "addr4 or addr6, not both");
		return -EINVAL;
	}
	f->family = AF_INET6;
	return arpproxy_nl_prefix6(extack, tb, ARPPROXY_STATION_A_ADDR6,
				   ARPPROXY_STATION_A_PLEN, true, &f->prefix6, &f->plen);
}

static int arpproxy_station_filter(struct netlink_callback *cb,
				   struct arpproxy_station_filter *f)
{
	struct nlattr *nest = arpproxy_nl_dump_attrs(cb)[ARPPROXY_A_STATION];
	struct nlattr *tb[ARPPROXY_STATION_A_MAX + 1];
	u8 plen = 0;
	int err;

	memset(f, 0, sizeof(*f));
	err = arpproxy_station_attrs(nest, tb, cb->extack);
	if (err)
		return err;
	if (!(tb[ARPPROXY_STATION_A_ADDR4] || tb[ARPPROXY_STATION_A_ADDR6]) !=
	    !tb[ARPPROXY_STATION_A_PLEN]) {
		NL_SET_ERR_MSG(cb->extack, "a prefix needs its length");
		return -EINVAL;
	}
	if (tb[ARPPROXY_STATION_A_ADDR6]) {
		err = arpproxy_station_filter6(cb->extack, tb, f);
		if (err)
			return err;
	}
	err = arpproxy_nl_prefix(cb->extack, nest, tb, ARPPROXY_STATION_A_ADDR4,
				 ARPPROXY_STATION_A_PLEN, false, &f->prefix, &plen);
	if (err < 0)
		return err;
	if (err) {
		f->family = AF_INET;
		f->mask = arpproxy_prefix_mask(plen);
	}
	if (tb[ARPPROXY_STATION_A_IFINDEX])
		f->ifindex = nla_get_u32(tb[ARPPROXY_STATION_A_IFINDEX]);
	return 0;
}

static bool arpproxy_station_match(const struct arpproxy_station_filter *f,
				   const struct arpproxy_station_view *v)
{
	bool is6 = !ipv6_addr_any(&v->addr6);

	switch (f->family) {
	case AF_INET:
		return !is6 && !((v->addr ^ f->prefix) & f->mask);
	case AF_INET6:
		return is6 && ipv6_prefix_equal(&v->addr6, &f->prefix6, f->plen);
	}
	return true;
}

static int arpproxy_fill_station(struct sk_buff *skb, struct netlink_callback *cb,
				 const struct arpproxy_station_view *v,
				 unsigned long now)
{
	struct nlattr *nest;
	void *hdr;

	hdr = arpproxy_dump_put(skb, cb, ARPPROXY_CMD_STATION_GET);
	if (!hdr)
		return -EMSGSIZE;
	nest = nla_nest_start(skb, ARPPROXY_A_STATION);
	if (!nest ||
	    (ipv6_addr_any(&v->addr6) ?
	     nla_put_be32(skb, ARPPROXY_STATION_A_ADDR4, v->addr) :
	     nla_put_in6_addr(skb, ARPPROXY_STATION_A_ADDR6, &v->addr6)) ||
	    nla_put_u32(skb, ARPPROXY_STATION_A_IFINDEX, v->ifindex) ||
	    nla_put(skb, ARPPROXY_STATION_A_MAC, ETH_ALEN, v->mac) ||
	    nla_put_u64_64bit(skb, ARPPROXY_STATION_A_FIRST_SEEN,
			      jiffies64_to_msecs(now - v->first_seen),
			      ARPPROXY_STATION_A_PAD) ||
	    nla_put_u64_64bit(skb, ARPPROXY_STATION_A_LAST_SEEN,
			      jiffies64_to_msecs(now - v->last_seen),
			      ARPPROXY_STATION_A_PAD) ||
	    nla_put_u64_64bit(skb, ARPPROXY_STATION_A_PACKETS, v->packets,
			      ARPPROXY_STATION_A_PAD) ||
	    nla_put_u32(skb, ARPPROXY_STATION_A_CHANGES, v->changes)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	genlmsg_end(skb, hdr);
	return 0;
}

/* cb->args[0]: the slot to go on from. */
int arpproxy_nl_station_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct arpproxy_net *an = arpproxy_pernet(sock_net(skb->sk));
	struct arpproxy_station_filter f;
	struct arpproxy_station_view v;
	unsigned long now = jiffies;
	unsigned long pos;
	int err;

	err = arpproxy_nl_dump_check(cb);
	if (!err)
		err = arpproxy_station_filter(cb, &f);
	if (err)
		return err;
	rcu_read_lock();
	for (pos = cb->args[0]; arpproxy_cache_next(an, &pos, now, &v); pos++) {
		if ((f.ifindex && v.ifindex != f.ifindex) || !arpproxy_station_match(&f, &v))
			continue;
		if (arpproxy_fill_station(skb, cb, &v, now))
			break;
	}
	rcu_read_unlock();
	cb->args[0] = pos;
	return skb->len;
}
