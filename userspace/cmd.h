/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_CMD_H
#define ARPPROXYCTL_CMD_H

#include <stdbool.h>
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
extern const struct object acl_object;
extern const struct object iface_object;
extern const struct object cache_object;
extern const struct object announce_object;
extern const struct object stats_object;
extern const struct object monitor_object;
extern const struct object version_object;
extern const struct object save_object;
extern const struct object restore_object;

/*
 * -4 or -6: AF_INET or AF_INET6 lists only the bindings of that family
 * (binding show, and monitor's binding events); AF_UNSPEC, both.
 */
extern int preferred_family;

/* OBJECT COMMAND ARGS... into req; err_set() and -1 on bad words. */
int cmd_parse(int argc, char **argv, struct req *req);
/* Run req: its cmd's .run, the help, or cmd_send(); err_set() and -1 on error. */
int cmd_run(struct nl *nl, const struct req *req);
/* Send req and print the answer; err_set() and -1 on error. */
int cmd_send(struct nl *nl, const struct req *req);
/* Receive the dump req asks for: 0 or a negative errno. */
int cmd_dump(struct nl *nl, const struct req *req, struct nl_dump *dump);
/* Print a dump's messages in buf; 0, or -EBADMSG with nothing printed. */
int cmd_print_dump(const struct req *req, const void *buf, size_t len);
/* cmd_print_dump() in two: check (0 or -EBADMSG), print (as JSON key) */
int cmd_check_dump(const struct req *req, const void *buf, size_t len);
void cmd_print_array(const struct req *req, const char *key, const void *buf,
		     size_t len);
/* Whether req goes with -f: err_set() and -1 if not. */
int cmd_check_force(const struct req *req);
/* The grammar of obj, or all of it for NULL. */
void cmd_help(FILE *fp, const struct object *obj);
/* Whether a reply's interface index is the interface show asks for */
bool dev_match(const struct req *req, const struct nlattr *ifindex);

#endif
