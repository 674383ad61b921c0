// SPDX-License-Identifier: GPL-2.0
#include "cmd.h"
#include "ifname.h"
#include "parse.h"
#include "print.h"

static const struct cmd iface_cmds[] = {
	{ .name = "set", .id = ARPPROXY_CMD_IFACE_SET, .kind = REQ_CHANGE,
	  .arg = KW_DEV, .required = KW_DEV, .keywords = KW_PROXY | KW_INSPECT,
	  .any = KW_PROXY | KW_INSPECT, .any_words = "proxy or inspect" },
	{ .name = "show", .id = ARPPROXY_CMD_IFACE_GET, .kind = REQ_DUMP,
	  .arg = KW_DEV,
	  .reply = REQ_ATTR(IFINDEX) | REQ_ATTR(PROXY_MODE) | REQ_ATTR(INSPECT),
	  .print = iface_print },
};

const struct object iface_object = {
	.name = "iface",
	.usage = "arpproxyctl iface set IFNAME [proxy off|route] [inspect off|log|enforce]\n"
		 "arpproxyctl iface show [IFNAME]\n",
	.cmds = iface_cmds,
	.ncmds = MNL_ARRAY_SIZE(iface_cmds),
};

void iface_print_words(const struct nlattr *const *tb)
{
	char dev[IF_NAMESIZE], mode[MODE_STRLEN];

	print_string(PRINT_ANY, "dev", "%s",
		     ifname_of(mnl_attr_get_u32(tb[ARPPROXY_A_IFINDEX]), dev));
	print_string(PRINT_ANY, "proxy", " proxy %s",
		     format_proxy_mode(mode, mnl_attr_get_u8(tb[ARPPROXY_A_PROXY_MODE])));
	print_string(PRINT_ANY, "inspect", " inspect %s",
		     format_inspect_mode(mode, mnl_attr_get_u8(tb[ARPPROXY_A_INSPECT])));
}

void iface_print(const struct req *req, const struct nlattr *const *tb)
{
	if ((req->attrs & REQ_ATTR(IFINDEX)) &&
	    mnl_attr_get_u32(tb[ARPPROXY_A_IFINDEX]) != req->ifindex)
		return;
	open_json_object(NULL);
	iface_print_words(tb);
	close_json_object();
	print_nl();
}
