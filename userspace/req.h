/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_REQ_H
#define ARPPROXYCTL_REQ_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/if_ether.h>
#include <linux/arpproxy.h>

struct nlattr;
struct nlmsghdr;
struct object;

/*
 * The fields of struct req a command line sets. Which attribute each one
 * goes out as depends on the nest of the object the command is about.
 */
enum req_field {
	REQ_F_PREFIX,
	REQ_F_PREFIX6,
	REQ_F_PLEN,
	REQ_F_IFINDEX,
	REQ_F_MAC,
	REQ_F_FLAGS,
	REQ_F_PROXY_MODE,
	REQ_F_INSPECT,
	REQ_F_ACTION,
	REQ_F_PREF,
	REQ_F_RATE,
	REQ_F_RATE_BURST,
	REQ_F_RATE_PER_HOST,
	REQ_F_RARP,
	REQ_F_COUNT,
	REQ_F_INTERVAL,
	REQ_F_REPLY,
	REQ_F_GARP,
	REQ_F_REFRESH,
	REQ_F_LEARN,
	REQ_F_CACHE_TIMEOUT,
	REQ_F_LIFETIME,
	REQ_F_MAX
};

/* Bit of a REQ_F_* field in struct req .attrs and struct cmd .attrs */
#define REQ_ATTR(name)	(UINT64_C(1) << REQ_F_##name)
/* Bit of an attribute type of one set, in masks of what a message must carry */
#define ATTR_BIT(type)	(UINT64_C(1) << (type))
/*
 * Room in a tb for the attributes of any set but stats, whose counters are
 * walked instead.
 */
#define REQ_TB_LEN	16

enum req_kind {
	REQ_LOCAL,	/* help, or a .run that opens the socket itself if it needs it */
	REQ_CHANGE,	/* do, acked */
	REQ_GET,	/* do, one reply to print */
	REQ_DUMP,	/* dump, replies printed as an array */
	REQ_MONITOR,	/* nothing sent: events printed until killed */
	REQ_SAVE,	/* dumps of the whole configuration, printed as commands */
	REQ_RESTORE,	/* a file of changes, applied all at once or not at all */
};

/* Words a command takes; KW_PREFIX and KW_FILE only as its word without keyword. */
enum {
	KW_PREFIX = 1 << 0,
	KW_DEV = 1 << 1,
	KW_MAC = 1 << 2,
	KW_ONLINK = 1 << 3,
	KW_EXCLUDE = 1 << 4,
	KW_PROXY = 1 << 5,
	KW_INSPECT = 1 << 6,
	KW_STATIC = 1 << 7,
	KW_ALLOW = 1 << 8,
	KW_DENY = 1 << 9,
	KW_FROM = 1 << 10,
	KW_FROM_MAC = 1 << 11,	/* "mac" of an ACL rule: no auto */
	KW_PREF = 1 << 12,
	KW_RATE = 1 << 13,
	KW_BURST = 1 << 14,
	KW_PER_HOST = 1 << 15,
	KW_FILE = 1 << 16,
	KW_CHECK = 1 << 17,
	KW_FORMAT = 1 << 18,
	KW_BINDINGS = 1 << 19,
	KW_RARP = 1 << 20,
	KW_COUNT = 1 << 21,
	KW_INTERVAL = 1 << 22,
	KW_REPLY = 1 << 23,
	KW_GARP = 1 << 24,
	KW_REFRESH = 1 << 25,
	KW_LEARN = 1 << 26,
	KW_TIMEOUT = 1 << 27,
	KW_TRACK = 1 << 28,
	KW_LIFETIME = 1 << 29,
};

struct req;
struct nl;

/* Print one reply, its cmd's nest parsed into tb by req_parse_reply(). */
typedef void (*req_print_fn)(const struct req *req,
			     const struct nlattr *const *tb);

/* A dump reply's place in its listing, compared word by word */
struct order_key {
	uint64_t word[3];
};

struct cmd {
	const char *name;	/* NULL: the object takes no command word */
	uint8_t id;		/* ARPPROXY_CMD_* */
	uint8_t kind;		/* enum req_kind */
	unsigned int arg;	/* KW_* given by the first word, without keyword */
	bool arg_anywhere;	/* or by any word that is not a keyword */
	unsigned int keywords;	/* KW_* that may follow */
	unsigned int required;	/* KW_* that must be given */
	unsigned int any;	/* KW_* of which at least one must be given */
	const char *any_words;	/* what "missing " then goes on with */
	unsigned int alone;	/* KW_* that goes with none but .required */
	/* ARPPROXY_A_* nest of its object, its fields' and replies'; 0: top level */
	uint16_t nest;
	uint64_t attrs;		/* REQ_ATTR()s sent even when not given */
	uint64_t reply;		/* ATTR_BIT()s of the nest every reply must carry */
	bool config;		/* changes the configuration: a restore may have it */
	bool filter;		/* a dump that sends its words: the kernel filters */
	req_print_fn print;
	/* A dump printed sorted by this key of its replies; NULL: as received */
	void (*order)(const struct nlattr *const *tb, struct order_key *key);
	/* What the words cannot say alone: err_set() and -1 if req is wrong. */
	int (*check)(const struct req *req);
	/*
	 * Runs the command in place of sending its request, on nl open unless
	 * kind is REQ_LOCAL; NULL: cmd_send(). err_set() and -1 on error.
	 */
	int (*run)(struct nl *nl, const struct req *req);
};

/* A command line, parsed: everything needed to send it and show the answer. */
struct req {
	const struct cmd *cmd;
	const struct object *help;	/* REQ_LOCAL: NULL means all objects */
	uint64_t attrs;			/* REQ_ATTR()s of the fields set below */
	uint32_t prefix;		/* network byte order */
	uint32_t ifindex;
	uint32_t flags;			/* ARPPROXY_BINDING_F_* */
	uint32_t pref;
	uint32_t rate;
	uint32_t rate_burst;
	uint32_t rate_per_host;
	uint32_t count;			/* announce: rounds */
	uint32_t interval;		/* announce: ms between rounds */
	uint32_t refresh;		/* binding: s between announcements */
	uint32_t lifetime;		/* binding: s until the kernel removes it */
	uint32_t cache_timeout;		/* cache set: s a station lives unseen */
	uint8_t plen;
	uint8_t proxy_mode;
	uint8_t inspect_mode;
	uint8_t rarp;			/* 0 or 1 */
	uint8_t learn;			/* 0 or 1 */
	uint8_t reply;			/* announce: 1, with ARP replies */
	uint8_t garp;			/* binding: rounds when it starts answering */
	uint8_t action;			/* enum arpproxy_acl_action */
	uint8_t mac[ETH_ALEN];
	uint8_t prefix6[16];		/* network byte order */
	bool check;			/* REQ_RESTORE: abort instead of commit */
	bool prometheus;		/* stats show: all counters, for Prometheus */
	bool bindings;			/* and the hits of the bindings */
	const char *file;		/* REQ_RESTORE: a word of the command line */
};

struct nlmsghdr *req_build(const struct req *req, void *buf, uint16_t family,
			   uint32_t seq);
/*
 * Parse the nest (ARPPROXY_A_*, 0: the top level) of an arpproxy message
 * into tb[REQ_TB_LEN]; -EBADMSG if malformed or without any of the
 * ATTR_BIT()s in need, of which those that stand for each other (a binding's
 * prefix4 and prefix6) it must carry exactly one of. A message without the
 * nest has none of its attributes.
 */
int req_parse_msg(const struct nlmsghdr *nlh, uint16_t nest, uint64_t need,
		  const struct nlattr **tb);
/* Parse an arpproxy reply into tb; -EBADMSG if malformed or incomplete. */
int req_parse_reply(const struct req *req, const struct nlmsghdr *nlh,
		    const struct nlattr **tb);
/*
 * What to tell the user when the kernel failed req with errno err: its own
 * message extack if it gave one, naming the attribute of req's request at
 * offset off if not 0.
 */
const char *req_strerror(const struct req *req, int err, const char *extack,
			 uint32_t off);

#endif
