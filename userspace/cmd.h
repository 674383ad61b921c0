/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_CMD_H
#define ARPPROXYCTL_CMD_H

#include <stddef.h>
#include <stdio.h>

#include "nl.h"
#include "req.h"

struct object {
	const char *name;
	const char *usage;	/* its lines of the grammar */
	const struct cmd *cmds;
	size_t ncmds;
};

extern const struct object binding_object;
extern const struct object iface_object;
extern const struct object stats_object;
extern const struct object version_object;

/* OBJECT COMMAND ARGS... into req; err_set() and -1 on bad words. */
int cmd_parse(int argc, char **argv, struct req *req);
/* Send req and print the answer; err_set() and -1 on error. */
int cmd_run(struct nl *nl, const struct req *req);
/* Print a dump's messages in buf; 0, or -EBADMSG with nothing printed. */
int cmd_print_dump(const struct req *req, const void *buf, size_t len);
/* The grammar of obj, or all of it for NULL. */
void cmd_help(FILE *fp, const struct object *obj);

/* Printers of one reply (req_print_fn); show filters apply here. */
void binding_print(const struct req *req, const struct nlattr *const *tb);
void iface_print(const struct req *req, const struct nlattr *const *tb);
void stats_print(const struct req *req, const struct nlattr *const *tb);
void version_print(const struct req *req, const struct nlattr *const *tb);

#endif
