// SPDX-License-Identifier: GPL-2.0
#include <inttypes.h>

#include "cmd.h"
#include "parse.h"
#include "print.h"
#include "words.h"

#define ACL_RULE_KW	(KW_DEV | KW_ALLOW | KW_DENY | KW_FROM | KW_FROM_MAC)

static const struct cmd acl_cmds[] = {
	{ .name = "add", .nest = ARPPROXY_A_ACL, .id = ARPPROXY_CMD_ACL_ADD, .kind = REQ_CHANGE,
	  .keywords = ACL_RULE_KW | KW_PREF, .required = KW_DEV,
	  .any = KW_ALLOW | KW_DENY, .any_words = "allow or deny", .config = true },
	/* By its pref alone, or by what it does to whom. */
	{ .name = "del", .nest = ARPPROXY_A_ACL, .id = ARPPROXY_CMD_ACL_DEL, .kind = REQ_CHANGE,
	  .keywords = ACL_RULE_KW | KW_PREF, .required = KW_DEV,
	  .any = KW_PREF | KW_ALLOW | KW_DENY, .any_words = "pref, allow or deny",
	  .alone = KW_PREF, .config = true },
	{ .name = "show", .nest = ARPPROXY_A_ACL, .id = ARPPROXY_CMD_ACL_GET, .kind = REQ_DUMP,
	  .keywords = KW_DEV, .reply = ACL_KEY, .print = acl_print },
	{ .name = "flush", .nest = ARPPROXY_A_ACL, .id = ARPPROXY_CMD_ACL_FLUSH, .kind = REQ_CHANGE,
	  .keywords = KW_DEV, .config = true },
};

const struct object acl_object = {
	.name = "acl",
	.usage = "arpproxyctl acl add dev IFNAME allow|deny [from PREFIX] [mac MAC] [pref N]\n"
		 "arpproxyctl acl del dev IFNAME pref N\n"
		 "arpproxyctl acl del dev IFNAME allow|deny [from PREFIX] [mac MAC]\n"
		 "arpproxyctl acl show [dev IFNAME]\n"
		 "arpproxyctl acl flush [dev IFNAME]\n",
	.cmds = acl_cmds,
	.ncmds = MNL_ARRAY_SIZE(acl_cmds),
};

void acl_print_words(const struct nlattr *const *tb)
{
	char action[MODE_STRLEN], prefix[PREFIX_STRLEN];

	print_dev("dev %s", tb[ARPPROXY_ACL_A_IFINDEX]);
	print_u64(PRINT_ANY, "pref", " pref %" PRIu64, mnl_attr_get_u32(tb[ARPPROXY_ACL_A_PREF]));
	print_string(PRINT_ANY, "action", " %s",
		     format_acl_action(action, mnl_attr_get_u8(tb[ARPPROXY_ACL_A_ACTION])));
	if (tb[ARPPROXY_ACL_A_PREFIX4] && tb[ARPPROXY_ACL_A_PLEN])
		print_string(PRINT_ANY, "from", " from %s",
			     format_prefix(prefix, mnl_attr_get_u32(tb[ARPPROXY_ACL_A_PREFIX4]),
					   mnl_attr_get_u8(tb[ARPPROXY_ACL_A_PLEN])));
	else if (tb[ARPPROXY_ACL_A_PREFIX6] && tb[ARPPROXY_ACL_A_PLEN])
		print_string(PRINT_ANY, "from", " from %s",
			     format_prefix6(prefix, mnl_attr_get_payload(tb[ARPPROXY_ACL_A_PREFIX6]),
					    mnl_attr_get_u8(tb[ARPPROXY_ACL_A_PLEN])));
	print_mac("mac", " mac %s", tb[ARPPROXY_ACL_A_MAC]);
}

void acl_print(const struct req *req, const struct nlattr *const *tb)
{
	if (!dev_match(req, tb[ARPPROXY_ACL_A_IFINDEX]))
		return;
	open_json_object(NULL);
	acl_print_words(tb);
	print_hits(tb[ARPPROXY_ACL_A_HITS]);
	close_json_object();
	print_nl();
}
