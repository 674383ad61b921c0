// SPDX-License-Identifier: GPL-2.0
/*
 * What every handler file uses: request checks, the prefix parser shared
 * by bindings, ACLs, announcements and stations, reply and dump headers;
 * and the version command, which needs nothing else.
 */
#include <linux/if_arp.h>
#include <linux/netdevice.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "nl.h"
#include "proto.h"
#include "version.h"

/*
 * A dump's request attributes, parsed and validated by the core: 6.1
 * keeps them in genl_dumpit_info itself, later kernels in the genl_info
 * that genl_info_dump() finds (Kbuild tells which).
 */
struct nlattr **arpproxy_nl_dump_attrs(struct netlink_callback *cb)
{
#ifdef ARPPROXY_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/*
 * Settings may only name an Ethernet interface of this netns. The caller
 * holds an->lock: an interface found here cannot finish unregistering
 * (which takes the lock to drop its bindings) before the caller is done.
 */
int arpproxy_nl_check_ifindex(struct net *net, const struct nlattr *attr,
			      struct netlink_ext_ack *extack)
{
	const struct net_device *dev;
	int err = 0;

	if (!attr)
		return 0;
	rcu_read_lock();
	dev = dev_get_by_index_rcu(net, nla_get_u32(attr));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "no such interface");
		err = -ENODEV;
	} else if (dev->type != ARPHRD_ETHER) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "not an Ethernet interface");
		err = -EOPNOTSUPP;
	}
	rcu_read_unlock();
	return err;
}

/*
 * The prefix in @tb[@addr_type] and @tb[@plen_type], attributes of @nest:
 * 1 when there is one, 0 when there is none and it is not @required, or
 * an error. Whether half of one is an error is the caller's to say.
 */
int arpproxy_nl_prefix(struct netlink_ext_ack *extack, const struct nlattr *nest,
		       struct nlattr **tb, int addr_type, int plen_type,
		       bool required, __be32 *addr, u8 *plen)
{
	if (required && (NL_REQ_ATTR_CHECK(extack, nest, tb, addr_type) ||
			 NL_REQ_ATTR_CHECK(extack, nest, tb, plen_type)))
		return -EINVAL;
	if (!tb[addr_type] || !tb[plen_type])
		return 0;
	*addr = nla_get_be32(tb[addr_type]);
	*plen = nla_get_u8(tb[plen_type]);
	if (*plen > 32) {
		NL_SET_ERR_MSG_ATTR(extack, tb[plen_type], "IPv4 prefix length above 32");
		return -EINVAL;
	}
	if (*addr & ~arpproxy_prefix_mask(*plen)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[addr_type], "prefix has host bits set");
		return -EINVAL;
	}
	return 1;
}

/*
 * The IPv6 prefix in @tb[@addr_type] and @tb[@plen_type], both there: 0,
 * or an error for host bits set. Unless @any_scope, a link-local or
 * multicast prefix is an error too: no binding may answer for one, while
 * ACLs and station filters must take the link-local addresses solicitors
 * ask from.
 */
int arpproxy_nl_prefix6(struct netlink_ext_ack *extack, struct nlattr **tb,
			int addr_type, int plen_type, bool any_scope,
			struct in6_addr *addr, u8 *plen)
{
	struct in6_addr masked;

	nla_memcpy(addr, tb[addr_type], sizeof(*addr));
	*plen = nla_get_u8(tb[plen_type]);
	ipv6_addr_prefix(&masked, addr, *plen);
	if (!ipv6_addr_equal(&masked, addr)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[addr_type], "prefix has host bits set");
		return -EINVAL;
	}
	if (!any_scope && *plen >= 10 &&
	    (ipv6_addr_type(addr) & (IPV6_ADDR_LINKLOCAL | IPV6_ADDR_MULTICAST))) {
		NL_SET_ERR_MSG_ATTR(extack, tb[addr_type], "link-local or multicast prefix");
		return -EINVAL;
	}
	return 0;
}

/*
 * The prefix of a binding or an announcement: an IPv4 one (@prefix4), or
 * an IPv6 one (@prefix6), with @plen; into @spec's family, address and
 * length.
 */
int arpproxy_nl_prefix_any(struct netlink_ext_ack *extack, const struct nlattr *nest,
			   struct nlattr **tb, int prefix4, int prefix6, int plen,
			   struct arpproxy_binding_spec *spec)
{
	int err;

	if (!tb[prefix6]) {
		spec->family = AF_INET;
		err = arpproxy_nl_prefix(extack, nest, tb, prefix4, plen, true,
					 &spec->addr, &spec->plen);
		return err < 0 ? err : 0;
	}
	if (tb[prefix4]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[prefix6], "prefix4 or prefix6, not both");
		return -EINVAL;
	}
	if (NL_REQ_ATTR_CHECK(extack, nest, tb, plen))
		return -EINVAL;
	spec->family = AF_INET6;
	return arpproxy_nl_prefix6(extack, tb, prefix6, plen, false, &spec->addr6,
				   &spec->plen);
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

/* Sends the reply @msg, with header @hdr, unless writing it failed (@err). */
int arpproxy_reply_send(struct sk_buff *msg, void *hdr, struct genl_info *info, int err)
{
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* The header of one message of the dump @cb. */
void *arpproxy_dump_put(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd)
{
	return genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			   &arpproxy_genl_family, NLM_F_MULTI, cmd);
}

int arpproxy_nl_version_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = arpproxy_reply_new(info, ARPPROXY_CMD_VERSION_GET,
				 nla_total_size(sizeof(ARPPROXY_VERSION)), &hdr);
	if (!msg)
		return -ENOMEM;
	return arpproxy_reply_send(msg, hdr, info,
				   nla_put_string(msg, ARPPROXY_A_VERSION, ARPPROXY_VERSION));
}
