// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxyctl save: the whole configuration, in the commands that make it,
 * and the words of restore, which batch.c runs to put such a file back.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "err.h"
#include "print.h"
#include "save.h"
#include "words.h"

static int save_run(struct nl *nl, const struct req *save);

static const struct cmd save_cmds[] = {
	{ .kind = REQ_SAVE, .run = save_run },
};

const struct object save_object = {
	.name = "save",
	.usage = "arpproxyctl save\n",
	.cmds = save_cmds,
	.ncmds = MNL_ARRAY_SIZE(save_cmds),
};

static const struct cmd restore_cmds[] = {
	{ .kind = REQ_RESTORE, .arg = KW_FILE, .arg_anywhere = true, .keywords = KW_CHECK,
	  .any = KW_FILE, .any_words = "FILE" },
};

const struct object restore_object = {
	.name = "restore",
	.usage = "arpproxyctl restore [--check] FILE|-\n",
	.cmds = restore_cmds,
	.ncmds = MNL_ARRAY_SIZE(restore_cmds),
};

/* One line: the command's words (the dump's .name), then the reply's. */
static void save_line(const struct req *req, const struct nlattr *const *tb,
		      void (*words)(const struct nlattr *const *tb))
{
	open_json_object(NULL);
	print_string(PRINT_FP, NULL, "%s ", req->cmd->name);
	words(tb);
	close_json_object();
	print_nl();
}

/* Without "mac auto": the default needs no word. */
static void save_binding_words(const struct nlattr *const *tb)
{
	binding_print_words(tb, false);
}

static void save_binding(const struct req *req, const struct nlattr *const *tb)
{
	save_line(req, tb, save_binding_words);
}

/*
 * Only an interface whose settings are not those it starts with, and only
 * its settings: whether its tracked address is here now is not one.
 */
static void save_iface(const struct req *req, const struct nlattr *const *tb)
{
	const struct nlattr *setting[REQ_TB_LEN];

	memcpy(setting, tb, sizeof(setting));
	setting[ARPPROXY_IFACE_A_TRACK_STATE] = NULL;
	if (mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_PROXY_MODE]) != ARPPROXY_PROXY_OFF ||
	    mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_INSPECT]) != ARPPROXY_INSPECT_OFF ||
	    mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_RARP]) ||
	    mnl_attr_get_u8(tb[ARPPROXY_IFACE_A_LEARN]) ||
	    mnl_attr_get_u32(tb[ARPPROXY_IFACE_A_RATE]) ||
	    mnl_attr_get_u32(tb[ARPPROXY_IFACE_A_RATE_PER_HOST]) ||
	    tb[ARPPROXY_IFACE_A_TRACK4] || tb[ARPPROXY_IFACE_A_TRACK6])
		save_line(req, setting, iface_print_words);
}

static void save_acl(const struct req *req, const struct nlattr *const *tb)
{
	save_line(req, tb, acl_print_words);
}

/* Only a timeout that is not the one a restore starts with; no stations */
static void save_cache(const struct req *req, const struct nlattr *const *tb)
{
	if (mnl_attr_get_u32(tb[ARPPROXY_CACHE_A_TIMEOUT]) != ARPPROXY_CACHE_TIMEOUT_DEFAULT)
		save_line(req, tb, cache_print_words);
}

/* Indexed by SAVE_BINDINGS, SAVE_IFACES, SAVE_ACLS, SAVE_CACHE */
static const struct {
	const char *key;	/* JSON: the array of its lines */
	struct cmd dump;	/* a dump, or a get of one reply */
} parts[SAVE_PARTS] = {
	[SAVE_BINDINGS] = { "binding", {
		.name = "binding add", .nest = ARPPROXY_A_BINDING,
		.id = ARPPROXY_CMD_BINDING_GET, .kind = REQ_DUMP,
		.reply = BINDING_KEY, .print = save_binding } },
	[SAVE_IFACES] = { "iface", {
		.name = "iface set", .nest = ARPPROXY_A_IFACE,
		.id = ARPPROXY_CMD_IFACE_GET, .kind = REQ_DUMP,
		.reply = IFACE_ATTRS, .print = save_iface } },
	[SAVE_ACLS] = { "acl", {
		.name = "acl add", .nest = ARPPROXY_A_ACL, .id = ARPPROXY_CMD_ACL_GET, .kind = REQ_DUMP,
		.reply = ACL_KEY, .print = save_acl } },
	[SAVE_CACHE] = { "cache", {
		.name = "cache set", .nest = ARPPROXY_A_CACHE,
		.id = ARPPROXY_CMD_CACHE_GET, .kind = REQ_GET,
		.reply = CACHE_ATTRS, .print = save_cache } },
};

int save_print(const struct nl_dump *dumps)
{
	struct req reqs[SAVE_PARTS] = { { NULL } };
	size_t i;

	for (i = 0; i < SAVE_PARTS; i++) {
		reqs[i].cmd = &parts[i].dump;
		if (cmd_check_dump(&reqs[i], dumps[i].buf, dumps[i].len))
			return -EBADMSG;
	}
	/* No date: the same configuration saves as the same text. */
	print_string(PRINT_FP, NULL, "%s\n", "# arpproxyctl " ARPPROXY_VERSION " save");
	open_json_object(NULL);
	for (i = 0; i < SAVE_PARTS; i++)
		cmd_print_array(&reqs[i], parts[i].key, dumps[i].buf, dumps[i].len);
	close_json_object();
	return 0;
}

/* Print the whole configuration as commands; err_set() and -1 on error. */
static int save_run(struct nl *nl, const struct req *save)
{
	struct nl_dump dumps[SAVE_PARTS] = { { NULL, 0, 0 } };
	struct req req = { NULL };
	size_t i;
	int ret = 0;

	(void)save;
	/* Every part whole: nothing is printed before all are in. */
	for (i = 0; i < SAVE_PARTS && !ret; i++) {
		req.cmd = &parts[i].dump;
		ret = cmd_dump(nl, &req, &dumps[i]);
	}
	if (!ret)
		ret = save_print(dumps);
	for (i = 0; i < SAVE_PARTS; i++)
		free(dumps[i].buf);
	if (ret)
		return err_set("%s", req_strerror(&req, -ret, nl->extack, nl->extack_off));
	return 0;
}
