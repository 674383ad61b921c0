// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxyctl version: the tool's version and protocol, the module's
 * version when it is loaded and speaks the same protocol, and the protocol
 * it speaks when not.
 */
#include <inttypes.h>

#include "cmd.h"
#include "print.h"
#include "words.h"

static int version_run(struct nl *nl, const struct req *req);

static const struct cmd version_cmds[] = {
	/* Local: it still tells the tool's version when the module cannot answer. */
	{ .id = ARPPROXY_CMD_VERSION_GET, .kind = REQ_LOCAL,
	  .reply = ATTR_BIT(ARPPROXY_A_VERSION), .print = version_print, .run = version_run },
};

const struct object version_object = {
	.name = "version",
	.usage = "arpproxyctl version | -V | --version\n",
	.cmds = version_cmds,
	.ncmds = MNL_ARRAY_SIZE(version_cmds),
};

void version_print_tool(const char *module, uint32_t module_proto)
{
	open_json_object(NULL);
	print_string(PRINT_ANY, "arpproxyctl", "arpproxyctl %s\n", ARPPROXY_VERSION);
	if (module)
		print_string(PRINT_ANY, "module", "module %s\n", module);
	print_u64(PRINT_ANY, "protocol", "protocol %" PRIu64 "\n", ARPPROXY_GENL_VERSION);
	if (module_proto && module_proto != ARPPROXY_GENL_VERSION)
		print_u64(PRINT_ANY, "module_protocol", "module protocol %" PRIu64 "\n",
			  module_proto);
	close_json_object();
}

void version_print(const struct req *req, const struct nlattr *const *tb)
{
	(void)req;
	version_print_tool(mnl_attr_get_str(tb[ARPPROXY_A_VERSION]), ARPPROXY_GENL_VERSION);
}

/* What is known is printed before the error that stops there: nl_open()'s. */
static int version_run(struct nl *nl, const struct req *req)
{
	if (!nl->sk && nl_open(nl)) {
		version_print_tool(NULL, nl->proto);
		return -1;
	}
	return cmd_send(nl, req);
}
