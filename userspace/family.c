// SPDX-License-Identifier: GPL-2.0
/* The arpproxy family as the generic netlink controller describes it */
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/arpproxy.h>

#include "err.h"
#include "nl.h"

/* The id of the group called name in CTRL_ATTR_MCAST_GROUPS, 0 if none is. */
static int nl_group_id(const struct nlattr *groups, const char *name,
		       uint32_t *id)
{
	static const struct spec_attr attrs[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
		[CTRL_ATTR_MCAST_GRP_NAME] = { "name", MNL_TYPE_NUL_STRING, 0, NULL },
		[CTRL_ATTR_MCAST_GRP_ID] = { "id", MNL_TYPE_U32, 0, NULL },
	};
	static const struct spec_set set = { "mcast-group", attrs, CTRL_ATTR_MCAST_GRP_MAX };
	const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];
	const struct nlattr *group;

	*id = 0;
	mnl_attr_for_each_nested(group, groups) {
		memset(tb, 0, sizeof(tb));
		if (nl_parse_nested(group, &set, tb))
			return -EBADMSG;
		if (tb[CTRL_ATTR_MCAST_GRP_NAME] && tb[CTRL_ATTR_MCAST_GRP_ID] &&
		    !strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]), name)) {
			*id = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
			break;
		}
	}
	return 0;
}

int nl_parse_family(const struct nlmsghdr *nlh, struct nl *nl)
{
	static const struct spec_attr attrs[CTRL_ATTR_MAX + 1] = {
		[CTRL_ATTR_FAMILY_ID] = { "family-id", MNL_TYPE_U16, 0, NULL },
		[CTRL_ATTR_VERSION] = { "version", MNL_TYPE_U32, 0, NULL },
		[CTRL_ATTR_MCAST_GROUPS] = { "mcast-groups", MNL_TYPE_NESTED, 0, NULL },
	};
	static const struct spec_set set = { "ctrl", attrs, CTRL_ATTR_MAX };
	const struct nlattr *tb[CTRL_ATTR_MAX + 1] = { NULL };

	if (nl_parse(nlh, GENL_HDRLEN, &set, tb) || !tb[CTRL_ATTR_FAMILY_ID] ||
	    !tb[CTRL_ATTR_VERSION])
		return -EBADMSG;
	nl->family = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	nl->proto = mnl_attr_get_u32(tb[CTRL_ATTR_VERSION]);
	/* A module older than the events has no groups at all. */
	nl->events = 0;
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		return nl_group_id(tb[CTRL_ATTR_MCAST_GROUPS], ARPPROXY_MCGRP_EVENTS,
				   &nl->events);
	return 0;
}

int nl_check_proto(const struct nl *nl)
{
	/* Any other protocol lays its messages out otherwise: none would be understood. */
	if (nl->proto != ARPPROXY_GENL_VERSION)
		return err_set("the arpproxy module speaks protocol %u, arpproxyctl speaks %u: "
			       "install matching versions.", nl->proto, ARPPROXY_GENL_VERSION);
	return 0;
}
