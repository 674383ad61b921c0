// SPDX-License-Identifier: GPL-2.0
#include "cmd.h"
#include "print.h"

static const struct cmd version_cmds[] = {
	{ .id = ARPPROXY_CMD_VERSION_GET, .kind = REQ_GET,
	  .reply = ATTR_BIT(ARPPROXY_A_VERSION), .print = version_print },
};

const struct object version_object = {
	.name = "version",
	.usage = "arpproxyctl version\n",
	.cmds = version_cmds,
	.ncmds = MNL_ARRAY_SIZE(version_cmds),
};

void version_print(const struct req *req, const struct nlattr *const *tb)
{
	(void)req;
	open_json_object(NULL);
	print_string(PRINT_ANY, "arpproxyctl", "arpproxyctl %s\n", ARPPROXY_VERSION);
	print_string(PRINT_ANY, "module", "module %s\n",
		     mnl_attr_get_str(tb[ARPPROXY_A_VERSION]));
	close_json_object();
}
