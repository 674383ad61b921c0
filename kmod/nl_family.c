// SPDX-License-Identifier: GPL-2.0
/*
 * The "arpproxy" generic netlink family, around what ynl-gen-c generates
 * from Documentation/netlink/specs/arpproxy.yaml (nl_gen.c): its policies,
 * its ops table and its multicast group.
 *
 * Why this file includes nl_gen.c rather than linking it: ynl-gen-c writes
 * the family struct itself only for split ops, which 6.1 lacks (they came
 * in 6.2), so the family is defined here from the generated small ops; and
 * the generated group array is static, so only a file that includes
 * nl_gen.c can point the family at it. Kbuild builds this file, never
 * nl_gen.c on its own.
 */
#include "nl_gen.c"
#include "nl.h"
#include "nl_ops_gen.h"

/*
 * Every request must speak this module's protocol: the attribute layout
 * of another version would be misread, not refused.
 */
static int arpproxy_nl_version_check(u8 version, struct netlink_ext_ack *extack)
{
	if (version == ARPPROXY_GENL_VERSION)
		return 0;
	if (version == 1)
		NL_SET_ERR_MSG(extack, "arpproxyctl speaks protocol 1, this module speaks "
			       __stringify(ARPPROXY_GENL_VERSION)
			       ": install the matching arpproxyctl");
	else
		NL_SET_ERR_MSG(extack, "arpproxyctl speaks another protocol, this module speaks "
			       __stringify(ARPPROXY_GENL_VERSION)
			       ": install the matching arpproxyctl");
	return -EPROTO;
}

/*
 * With one policy for the whole family, a command would take every nest
 * the policy knows: hold it to the top-level attributes its request has
 * in the spec (@takes, from nl_ops_gen.h), none for most reads.
 */
static int arpproxy_nl_takes_check(struct nlattr **attrs, u32 takes,
				   struct netlink_ext_ack *extack)
{
	int type;

	for (type = 1; type < ARRAY_SIZE(arpproxy_nl_policy); type++) {
		if (attrs[type] && !(takes & BIT(type))) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[type],
					    "attribute not taken by this command");
			return -EINVAL;
		}
	}
	return 0;
}

/* Dumps skip pre_doit: each checks its version and attributes itself. */
int arpproxy_nl_dump_check(struct netlink_callback *cb)
{
	const struct genlmsghdr *gh = nlmsg_data(cb->nlh);

	return arpproxy_nl_version_check(gh->version, cb->extack) ?:
	       arpproxy_nl_takes_check(arpproxy_nl_dump_attrs(cb),
				       arpproxy_nl_dump_takes[gh->cmd], cb->extack);
}

/*
 * The ops the core passes to pre_doit are genl_split_ops since split ops
 * came (6.2), genl_ops on 6.1: Kbuild tells which.
 */
#ifdef ARPPROXY_GENL_SPLIT_OPS
static int arpproxy_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
				struct genl_info *info)
#else
static int arpproxy_nl_pre_doit(const struct genl_ops *ops, struct sk_buff *skb,
				struct genl_info *info)
#endif
{
	return arpproxy_nl_version_check(info->genlhdr->version, info->extack) ?:
	       arpproxy_nl_takes_check(info->attrs, arpproxy_nl_do_takes[info->genlhdr->cmd],
				       info->extack);
}

struct genl_family arpproxy_genl_family __ro_after_init = {
	.name = ARPPROXY_GENL_NAME,
	.version = ARPPROXY_GENL_VERSION,
	.netnsok = true,
	/* Writers serialize on their own netns's lock, not on genl_mutex. */
	.parallel_ops = true,
	.module = THIS_MODULE,
	.pre_doit = arpproxy_nl_pre_doit,
	.small_ops = arpproxy_nl_ops,
	.n_small_ops = ARRAY_SIZE(arpproxy_nl_ops),
	.policy = arpproxy_nl_policy,
	/*
	 * Not ARPPROXY_A_MAX: requests never carry the stats and event nests,
	 * so the generated policy ends before them, and the core must not
	 * read past it.
	 */
	.maxattr = ARRAY_SIZE(arpproxy_nl_policy) - 1,
	.mcgrps = arpproxy_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(arpproxy_nl_mcgrps),
	/*
	 * resv_start_op stays 0: every command gets the core's strict checks
	 * (genlmsghdr.reserved zero, no stray nlmsg_flags).
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
