/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/arpproxy.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_ARPPROXY_GEN_H
#define _LINUX_ARPPROXY_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/arpproxy.h>

/* Common nested types */
extern const struct nla_policy arpproxy_acl_nl_policy[ARPPROXY_ACL_A_PREFIX6 + 1];
extern const struct nla_policy arpproxy_announce_nl_policy[ARPPROXY_ANNOUNCE_A_PREFIX6 + 1];
extern const struct nla_policy arpproxy_binding_nl_policy[ARPPROXY_BINDING_A_LIFETIME + 1];
extern const struct nla_policy arpproxy_cache_nl_policy[ARPPROXY_CACHE_A_STATIONS + 1];
extern const struct nla_policy arpproxy_iface_nl_policy[ARPPROXY_IFACE_A_TRACK_STATE + 1];
extern const struct nla_policy arpproxy_station_nl_policy[ARPPROXY_STATION_A_ADDR6 + 1];

/* Global operation policy for arpproxy */
extern const struct nla_policy arpproxy_nl_policy[ARPPROXY_A_CACHE + 1];

/* Ops table for arpproxy */
extern const struct genl_small_ops arpproxy_nl_ops[22];

int arpproxy_nl_version_get_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_binding_add_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_binding_replace_doit(struct sk_buff *skb,
				     struct genl_info *info);
int arpproxy_nl_binding_del_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_binding_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);
int arpproxy_nl_binding_flush_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_iface_set_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_iface_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int arpproxy_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_stats_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int arpproxy_nl_stats_reset_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_acl_add_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_acl_del_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_acl_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int arpproxy_nl_acl_flush_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_restore_begin_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_restore_commit_doit(struct sk_buff *skb,
				    struct genl_info *info);
int arpproxy_nl_restore_abort_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_announce_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_cache_set_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_cache_get_doit(struct sk_buff *skb, struct genl_info *info);
int arpproxy_nl_station_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);
int arpproxy_nl_station_flush_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	ARPPROXY_NLGRP_EVENTS,
};

#endif /* _LINUX_ARPPROXY_GEN_H */
