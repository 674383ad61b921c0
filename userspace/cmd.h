/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_CMD_H
#define ARPPROXYCTL_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "nl.h"
#include "req.h"

struct object {
	const char *name;
	const char *usage;	/* its lines of the grammar */
	const struct cmd *cmds;
	size_t ncmds;
};

/* What identifies a binding, in its dump and its events */
#define BINDING_KEY	(ATTR_BIT(ARPPROXY_BINDING_A_PREFIX4) | ATTR_BIT(ARPPROXY_BINDING_A_PLEN))
/* What an interface's settings are: its dump and its event carry them all. */
#define IFACE_ATTRS	(ATTR_BIT(ARPPROXY_IFACE_A_IFINDEX) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_PROXY_MODE) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_INSPECT) | ATTR_BIT(ARPPROXY_IFACE_A_RARP) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_LEARN) | ATTR_BIT(ARPPROXY_IFACE_A_RATE) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_RATE_BURST) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_RATE_PER_HOST))
/* What identifies an ACL rule, in its dump and its events */
#define ACL_KEY		(ATTR_BIT(ARPPROXY_ACL_A_IFINDEX) | ATTR_BIT(ARPPROXY_ACL_A_ACTION) | \
			 ATTR_BIT(ARPPROXY_ACL_A_PREF))
/* What every station of the cache's dump carries */
#define STATION_ATTRS	(ATTR_BIT(ARPPROXY_STATION_A_ADDR4) | \
			 ATTR_BIT(ARPPROXY_STATION_A_IFINDEX) | \
			 ATTR_BIT(ARPPROXY_STATION_A_MAC) | \
			 ATTR_BIT(ARPPROXY_STATION_A_FIRST_SEEN) | \
			 ATTR_BIT(ARPPROXY_STATION_A_LAST_SEEN) | \
			 ATTR_BIT(ARPPROXY_STATION_A_PACKETS) | \
			 ATTR_BIT(ARPPROXY_STATION_A_CHANGES))
/* The cache's setting and state, as CACHE_GET replies */
#define CACHE_ATTRS	(ATTR_BIT(ARPPROXY_CACHE_A_TIMEOUT) | ATTR_BIT(ARPPROXY_CACHE_A_SIZE) | \
			 ATTR_BIT(ARPPROXY_CACHE_A_STATIONS))

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

/* Printers of one reply (req_print_fn); show filters apply here. */
void binding_print(const struct req *req, const struct nlattr *const *tb);
void acl_print(const struct req *req, const struct nlattr *const *tb);
void iface_print(const struct req *req, const struct nlattr *const *tb);
void stats_print(const struct req *req, const struct nlattr *const *tb);
void station_print(const struct req *req, const struct nlattr *const *tb);
void cache_status_print(const struct req *req, const struct nlattr *const *tb);
void version_print(const struct req *req, const struct nlattr *const *tb);
/*
 * The tool's version and protocol, the module's version if known (NULL if
 * not), and the protocol it speaks if known (0 if not) and not the tool's
 */
void version_print_tool(const char *module, uint32_t module_proto);

/*
 * The words of a reply without the line around it and without hits, for
 * events and save too; mac_auto: "mac auto" for a binding without a MAC.
 */
void binding_print_words(const struct nlattr *const *tb, bool mac_auto);
/* " hits N" of a binding or an ACL rule */
void print_hits(const struct nlattr *hits);
/* A MAC attribute under key, in text by fmt; nothing if mac is NULL. */
void print_mac(const char *key, const char *fmt, const struct nlattr *mac);
/* An IPv4 address attribute (be32) likewise */
void print_ip(const char *key, const char *fmt, const struct nlattr *ip);
/* An interface index attribute's name under key "dev", in text by fmt */
void print_dev(const char *fmt, const struct nlattr *ifindex);
/* " dev IFNAME", or a JSON null for every interface */
void binding_print_dev(const struct nlattr *ifindex);
void iface_print_words(const struct nlattr *const *tb);
void acl_print_words(const struct nlattr *const *tb);
/* "timeout SECONDS", as cache set takes it */
void cache_print_words(const struct nlattr *const *tb);
/* cache show's order: by interface index, then address */
uint64_t station_order(const struct nlattr *const *tb);
/* Whether a reply's interface index is the interface show asks for */
bool dev_match(const struct req *req, const struct nlattr *ifindex);

/* "stat_4294967295" */
#define STAT_STRLEN	16
/* Name of an enum arpproxy_stat counter, as stats show prints it */
const char *stat_name(char *buf, uint32_t stat);

/* Print the whole configuration as commands; err_set() and -1 on error. */
int save_run(struct nl *nl, const struct req *req);
/* The replies save prints, in this order */
enum { SAVE_BINDINGS, SAVE_IFACES, SAVE_ACLS, SAVE_CACHE, SAVE_PARTS };
/* Print dumps[SAVE_PARTS] as save does; 0, or -EBADMSG with nothing printed. */
int save_print(const struct nl_dump *dumps);

/* stats show --format prometheus: the counters, and the hits if bindings */
int metrics_run(struct nl *nl, const struct req *req);
/* The requests of its parts, in the order it prints them */
enum { METRICS_NETNS, METRICS_IFACES, METRICS_BINDINGS, METRICS_PARTS };
extern const struct cmd metrics_cmds[METRICS_PARTS];
/*
 * Print the replies to metrics_cmds, those of METRICS_BINDINGS only if
 * bindings; 0, or -EBADMSG with nothing printed.
 */
int metrics_print(const struct nl_dump *dumps, bool bindings);
/* prefix="...",dev="...", every character of the values escaped */
#define METRICS_LABELS_STRLEN	(sizeof("prefix=\"\",dev=\"\"") + \
				 2 * (PREFIX_STRLEN + IF_NAMESIZE))
/* Append name="value" to labels, escaping \\, " and newline as the format wants. */
void metrics_label_add(char *labels, const char *name, const char *value);

/* Print the events of nl's family until killed; err_set() and -1 on error. */
int monitor_run(struct nl *nl, const struct req *req);
/* Print one event as received at when; -EBADMSG, printing nothing, if malformed. */
int monitor_print(const struct nlmsghdr *nlh, const struct timespec *when);

#endif
