/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the netlink handler files (nl_*.c) share: the family, the request
 * helpers and the attribute writers that both replies and events use.
 * Only the netlink layer includes this; the layers below it include
 * arpproxy.h and events.h alone.
 */
#ifndef _ARPPROXY_NL_H
#define _ARPPROXY_NL_H

#include "nl_gen.h"
#include "arpproxy.h"

extern struct genl_family arpproxy_genl_family;

int arpproxy_genl_init(void);
void arpproxy_genl_exit(void);
int arpproxy_restore_init(void);
void arpproxy_restore_exit(void);

struct nlattr **arpproxy_nl_dump_attrs(struct netlink_callback *cb);
int arpproxy_nl_dump_check(struct netlink_callback *cb);
int arpproxy_nl_check_ifindex(struct net *net, const struct nlattr *attr,
			      struct netlink_ext_ack *extack);
int arpproxy_nl_prefix(struct netlink_ext_ack *extack, const struct nlattr *nest,
		       struct nlattr **tb, int addr_type, int plen_type,
		       bool required, __be32 *addr, u8 *plen);
int arpproxy_nl_prefix6(struct netlink_ext_ack *extack, struct nlattr **tb,
			int addr_type, int plen_type, bool any_scope,
			struct in6_addr *addr, u8 *plen);
int arpproxy_nl_prefix_any(struct netlink_ext_ack *extack, const struct nlattr *nest,
			   struct nlattr **tb, int prefix4, int prefix6, int plen,
			   struct arpproxy_binding_spec *spec);
struct sk_buff *arpproxy_reply_new(struct genl_info *info, u8 cmd, size_t size,
				   void **hdr);
int arpproxy_reply_send(struct sk_buff *msg, void *hdr, struct genl_info *info, int err);
void *arpproxy_dump_put(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd);
struct arpproxy_config *arpproxy_config_of(struct arpproxy_net *an,
					   const struct genl_info *info);

/* Each writes its object's nest; @hits adds what dumps add to events. */
int arpproxy_put_binding(struct sk_buff *skb,
			 const struct arpproxy_binding_spec *spec, const atomic64_t *hits);
int arpproxy_put_iface(struct sk_buff *skb, int ifindex,
		       const struct arpproxy_iface_conf *conf,
		       const struct arpproxy_dev_stats *ds, u8 track_state);
int arpproxy_put_acl_rule(struct sk_buff *skb, int ifindex,
			  const struct arpproxy_acl_rule *rule, bool hits);

void arpproxy_notify_acl(struct net *net, u8 cmd, int ifindex,
			 const struct arpproxy_acl_rule *rule);
void arpproxy_notify_cache(struct net *net, unsigned int timeout);
void arpproxy_notify_restore(struct net *net);

#endif /* _ARPPROXY_NL_H */
