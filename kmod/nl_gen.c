// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/arpproxy.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "nl_gen.h"

#include <uapi/linux/arpproxy.h>

/* Integer value ranges */
static struct netlink_range_validation arpproxy_binding_a_refresh_range = {
	.min	= 1ULL,
	.max	= ARPPROXY_REFRESH_MAX,
};

static struct netlink_range_validation arpproxy_binding_a_lifetime_range = {
	.min	= 1ULL,
	.max	= ARPPROXY_LIFETIME_MAX,
};

static struct netlink_range_validation arpproxy_iface_a_rate_range = {
	.max	= ARPPROXY_RATE_MAX,
};

static struct netlink_range_validation arpproxy_iface_a_rate_burst_range = {
	.min	= 1ULL,
	.max	= ARPPROXY_RATE_MAX,
};

static struct netlink_range_validation arpproxy_iface_a_rate_per_host_range = {
	.max	= ARPPROXY_RATE_MAX,
};

static struct netlink_range_validation arpproxy_announce_a_interval_range = {
	.min	= ARPPROXY_ANNOUNCE_INTERVAL_MIN,
	.max	= ARPPROXY_ANNOUNCE_INTERVAL_MAX,
};

static struct netlink_range_validation arpproxy_cache_a_timeout_range = {
	.min	= 1ULL,
	.max	= ARPPROXY_CACHE_TIMEOUT_MAX,
};

/* Common nested types */
const struct nla_policy arpproxy_acl_nl_policy[ARPPROXY_ACL_A_PREFIX6 + 1] = {
	[ARPPROXY_ACL_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_ACL_A_ACTION] = NLA_POLICY_MAX(NLA_U8, 1),
	[ARPPROXY_ACL_A_PREFIX4] = { .type = NLA_U32, },
	[ARPPROXY_ACL_A_PLEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[ARPPROXY_ACL_A_MAC] = NLA_POLICY_EXACT_LEN(6),
	[ARPPROXY_ACL_A_PREF] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_ACL_A_HITS] = { .type = NLA_U64, },
	[ARPPROXY_ACL_A_PREFIX6] = NLA_POLICY_EXACT_LEN(16),
};

const struct nla_policy arpproxy_announce_nl_policy[ARPPROXY_ANNOUNCE_A_PREFIX6 + 1] = {
	[ARPPROXY_ANNOUNCE_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_ANNOUNCE_A_PREFIX4] = { .type = NLA_U32, },
	[ARPPROXY_ANNOUNCE_A_PLEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[ARPPROXY_ANNOUNCE_A_COUNT] = NLA_POLICY_RANGE(NLA_U32, 1, ARPPROXY_ANNOUNCE_COUNT_MAX),
	[ARPPROXY_ANNOUNCE_A_INTERVAL] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_announce_a_interval_range),
	[ARPPROXY_ANNOUNCE_A_REPLY] = NLA_POLICY_MAX(NLA_U8, 1),
	[ARPPROXY_ANNOUNCE_A_PREFIX6] = NLA_POLICY_EXACT_LEN(16),
};

const struct nla_policy arpproxy_binding_nl_policy[ARPPROXY_BINDING_A_LIFETIME + 1] = {
	[ARPPROXY_BINDING_A_PREFIX4] = { .type = NLA_U32, },
	[ARPPROXY_BINDING_A_PLEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[ARPPROXY_BINDING_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_BINDING_A_MAC] = NLA_POLICY_EXACT_LEN(6),
	[ARPPROXY_BINDING_A_FLAGS] = NLA_POLICY_MASK(NLA_U32, 0x7),
	[ARPPROXY_BINDING_A_GARP] = NLA_POLICY_RANGE(NLA_U8, 1, ARPPROXY_ANNOUNCE_COUNT_MAX),
	[ARPPROXY_BINDING_A_REFRESH] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_binding_a_refresh_range),
	[ARPPROXY_BINDING_A_HITS] = { .type = NLA_U64, },
	[ARPPROXY_BINDING_A_PREFIX6] = NLA_POLICY_EXACT_LEN(16),
	[ARPPROXY_BINDING_A_LIFETIME] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_binding_a_lifetime_range),
};

const struct nla_policy arpproxy_cache_nl_policy[ARPPROXY_CACHE_A_STATIONS + 1] = {
	[ARPPROXY_CACHE_A_TIMEOUT] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_cache_a_timeout_range),
	[ARPPROXY_CACHE_A_SIZE] = { .type = NLA_U32, },
	[ARPPROXY_CACHE_A_STATIONS] = { .type = NLA_U32, },
};

const struct nla_policy arpproxy_iface_nl_policy[ARPPROXY_IFACE_A_TRACK_STATE + 1] = {
	[ARPPROXY_IFACE_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_IFACE_A_PROXY_MODE] = NLA_POLICY_MAX(NLA_U8, 1),
	[ARPPROXY_IFACE_A_INSPECT] = NLA_POLICY_MAX(NLA_U8, 3),
	[ARPPROXY_IFACE_A_RARP] = NLA_POLICY_MAX(NLA_U8, 1),
	[ARPPROXY_IFACE_A_LEARN] = NLA_POLICY_MAX(NLA_U8, 1),
	[ARPPROXY_IFACE_A_RATE] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_iface_a_rate_range),
	[ARPPROXY_IFACE_A_RATE_BURST] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_iface_a_rate_burst_range),
	[ARPPROXY_IFACE_A_RATE_PER_HOST] = NLA_POLICY_FULL_RANGE(NLA_U32, &arpproxy_iface_a_rate_per_host_range),
	[ARPPROXY_IFACE_A_ND_GROUPS] = { .type = NLA_U32, },
	[ARPPROXY_IFACE_A_ND_ALLMULTI] = { .type = NLA_U8, },
	[ARPPROXY_IFACE_A_TRACK4] = { .type = NLA_U32, },
	[ARPPROXY_IFACE_A_TRACK6] = NLA_POLICY_EXACT_LEN(16),
	[ARPPROXY_IFACE_A_TRACK_STATE] = NLA_POLICY_RANGE(NLA_U8, 1, 2),
};

const struct nla_policy arpproxy_station_nl_policy[ARPPROXY_STATION_A_ADDR6 + 1] = {
	[ARPPROXY_STATION_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_STATION_A_ADDR4] = { .type = NLA_U32, },
	[ARPPROXY_STATION_A_PLEN] = NLA_POLICY_MAX(NLA_U8, 128),
	[ARPPROXY_STATION_A_MAC] = NLA_POLICY_EXACT_LEN(6),
	[ARPPROXY_STATION_A_FIRST_SEEN] = { .type = NLA_U64, },
	[ARPPROXY_STATION_A_LAST_SEEN] = { .type = NLA_U64, },
	[ARPPROXY_STATION_A_PACKETS] = { .type = NLA_U64, },
	[ARPPROXY_STATION_A_CHANGES] = { .type = NLA_U32, },
	[ARPPROXY_STATION_A_ADDR6] = NLA_POLICY_EXACT_LEN(16),
};

/* Global operation policy for arpproxy */
const struct nla_policy arpproxy_nl_policy[ARPPROXY_A_CACHE + 1] = {
	[ARPPROXY_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[ARPPROXY_A_BINDING] = NLA_POLICY_NESTED(arpproxy_binding_nl_policy),
	[ARPPROXY_A_IFACE] = NLA_POLICY_NESTED(arpproxy_iface_nl_policy),
	[ARPPROXY_A_ACL] = NLA_POLICY_NESTED(arpproxy_acl_nl_policy),
	[ARPPROXY_A_STATION] = NLA_POLICY_NESTED(arpproxy_station_nl_policy),
	[ARPPROXY_A_ANNOUNCE] = NLA_POLICY_NESTED(arpproxy_announce_nl_policy),
	[ARPPROXY_A_CACHE] = NLA_POLICY_NESTED(arpproxy_cache_nl_policy),
};

/* Ops table for arpproxy */
const struct genl_small_ops arpproxy_nl_ops[22] = {
	{
		.cmd	= ARPPROXY_CMD_VERSION_GET,
		.doit	= arpproxy_nl_version_get_doit,
	},
	{
		.cmd	= ARPPROXY_CMD_BINDING_ADD,
		.doit	= arpproxy_nl_binding_add_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_BINDING_REPLACE,
		.doit	= arpproxy_nl_binding_replace_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_BINDING_DEL,
		.doit	= arpproxy_nl_binding_del_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_BINDING_GET,
		.dumpit	= arpproxy_nl_binding_get_dumpit,
	},
	{
		.cmd	= ARPPROXY_CMD_BINDING_FLUSH,
		.doit	= arpproxy_nl_binding_flush_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_IFACE_SET,
		.doit	= arpproxy_nl_iface_set_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_IFACE_GET,
		.dumpit	= arpproxy_nl_iface_get_dumpit,
	},
	{
		.cmd	= ARPPROXY_CMD_STATS_GET,
		.doit	= arpproxy_nl_stats_get_doit,
		.dumpit	= arpproxy_nl_stats_get_dumpit,
	},
	{
		.cmd	= ARPPROXY_CMD_STATS_RESET,
		.doit	= arpproxy_nl_stats_reset_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_ACL_ADD,
		.doit	= arpproxy_nl_acl_add_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_ACL_DEL,
		.doit	= arpproxy_nl_acl_del_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_ACL_GET,
		.dumpit	= arpproxy_nl_acl_get_dumpit,
	},
	{
		.cmd	= ARPPROXY_CMD_ACL_FLUSH,
		.doit	= arpproxy_nl_acl_flush_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_RESTORE_BEGIN,
		.doit	= arpproxy_nl_restore_begin_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_RESTORE_COMMIT,
		.doit	= arpproxy_nl_restore_commit_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_RESTORE_ABORT,
		.doit	= arpproxy_nl_restore_abort_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_ANNOUNCE,
		.doit	= arpproxy_nl_announce_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_CACHE_SET,
		.doit	= arpproxy_nl_cache_set_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd	= ARPPROXY_CMD_CACHE_GET,
		.doit	= arpproxy_nl_cache_get_doit,
	},
	{
		.cmd	= ARPPROXY_CMD_STATION_GET,
		.dumpit	= arpproxy_nl_station_get_dumpit,
	},
	{
		.cmd	= ARPPROXY_CMD_STATION_FLUSH,
		.doit	= arpproxy_nl_station_flush_doit,
		.flags	= GENL_UNS_ADMIN_PERM,
	},
};

static const struct genl_multicast_group arpproxy_nl_mcgrps[] = {
	[ARPPROXY_NLGRP_EVENTS] = { "events", },
};
