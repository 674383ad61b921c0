// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxyctl announce: gratuitous ARP, or for IPv6 unsolicited Neighbor
 * Advertisements, for the addresses bindings answer for, which the kernel
 * sends after the command returns. Not a change of
 * the configuration: a restore does not take it.
 */
#include "cmd.h"

static const struct cmd announce_cmds[] = {
	{ .nest = ARPPROXY_A_ANNOUNCE, .id = ARPPROXY_CMD_ANNOUNCE, .kind = REQ_CHANGE, .arg = KW_PREFIX,
	  .required = KW_PREFIX, .keywords = KW_DEV | KW_COUNT | KW_INTERVAL | KW_REPLY },
};

const struct object announce_object = {
	.name = "announce",
	.usage = "arpproxyctl announce PREFIX [dev IFNAME] [count N] [interval MS] [reply]\n",
	.cmds = announce_cmds,
	.ncmds = MNL_ARRAY_SIZE(announce_cmds),
};
