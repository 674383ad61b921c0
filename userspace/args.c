// SPDX-License-Identifier: GPL-2.0
/* The words of a command line after its command, into struct req */
#include <stdbool.h>
#include <string.h>
#include <libmnl/libmnl.h>

#include "err.h"
#include "ifname.h"
#include "parse.h"

struct keyword {
	const char *name;	/* NULL: only the word without keyword */
	unsigned int id;	/* KW_* */
	const char *arg;	/* the value's name; NULL for a word alone */
	/* The value into req; a word alone without .flag gets its own name. */
	int (*parse)(const char *word, struct req *req);
	uint32_t flag;		/* ARPPROXY_BINDING_F_* of a flag word */
	unsigned int conflicts;	/* KW_* it cannot go with */
	unsigned int needs;	/* KW_* it cannot go without */
};

/* KW_* whose value may be left out: the next word is then another keyword. */
#define KW_VALUE_OPTIONAL	KW_GARP

/* What bindings answer for is never link-local; ACLs and stations may be. */
static int kw_prefix(const char *word, struct req *req)
{
	int af;

	if (req->cmd->nest == ARPPROXY_A_BINDING || req->cmd->nest == ARPPROXY_A_ANNOUNCE)
		af = parse_binding_prefix(word, &req->prefix, req->prefix6, &req->plen);
	else
		af = parse_prefix_any(word, &req->prefix, req->prefix6, &req->plen);
	if (af < 0)
		return -1;
	req->attrs |= (af == AF_INET6 ? REQ_ATTR(PREFIX6) : REQ_ATTR(PREFIX)) | REQ_ATTR(PLEN);
	return 0;
}

static int kw_dev(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(IFINDEX);
	return ifname_to_index(word, &req->ifindex);
}

static int kw_from_mac(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(MAC);
	return parse_mac(word, req->mac);
}

static int kw_mac(const char *word, struct req *req)
{
	/* "auto": no MAC attribute, replies use the device's own address */
	if (!strcmp(word, "auto"))
		return 0;
	return kw_from_mac(word, req);
}

static int kw_proxy(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(PROXY_MODE);
	return parse_proxy_mode(word, &req->proxy_mode);
}

static int kw_inspect(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(INSPECT);
	return parse_inspect_mode(word, &req->inspect_mode);
}

static int kw_rarp(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(RARP);
	return parse_rarp(word, &req->rarp);
}

static int kw_learn(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(LEARN);
	return parse_learn(word, &req->learn);
}

/* One address of either family, or "off": 0.0.0.0, which tracks nothing */
static int kw_track(const char *word, struct req *req)
{
	if (!strcmp(word, "off")) {
		req->prefix = 0;
		req->attrs |= REQ_ATTR(PREFIX);
	} else if (inet_pton(AF_INET, word, &req->prefix) == 1) {
		req->attrs |= REQ_ATTR(PREFIX);
	} else if (inet_pton(AF_INET6, word, req->prefix6) == 1) {
		req->attrs |= REQ_ATTR(PREFIX6);
	} else {
		return err_set("invalid track address \"%s\": expected an IPv4 or IPv6 address, or off",
			       word);
	}
	return 0;
}

static int kw_timeout(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(CACHE_TIMEOUT);
	return parse_number(word, "timeout", 1, ARPPROXY_CACHE_TIMEOUT_MAX, &req->cache_timeout);
}

static int kw_action(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(ACTION);
	return parse_acl_action(word, &req->action);
}

static int kw_pref(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(PREF);
	return parse_number(word, "pref", 1, UINT32_MAX, &req->pref);
}

/* The rate limit is set whole: a rate alone also clears the per-host one. */
static int kw_rate(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(RATE) | REQ_ATTR(RATE_PER_HOST);
	return parse_number(word, "rate", 0, ARPPROXY_RATE_MAX, &req->rate);
}

static int kw_burst(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(RATE_BURST);
	return parse_number(word, "burst", 1, ARPPROXY_RATE_MAX, &req->rate_burst);
}

static int kw_per_host(const char *word, struct req *req)
{
	return parse_number(word, "per-host rate", 0, ARPPROXY_RATE_MAX,
			    &req->rate_per_host);
}

static int kw_count(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(COUNT);
	return parse_number(word, "count", 1, ARPPROXY_ANNOUNCE_COUNT_MAX, &req->count);
}

static int kw_interval(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(INTERVAL);
	return parse_number(word, "interval", ARPPROXY_ANNOUNCE_INTERVAL_MIN,
			    ARPPROXY_ANNOUNCE_INTERVAL_MAX, &req->interval);
}

static int kw_reply(const char *word, struct req *req)
{
	(void)word;
	req->attrs |= REQ_ATTR(REPLY);
	req->reply = 1;
	return 0;
}

/* "garp" alone: the rounds failover users expect */
static int kw_garp(const char *word, struct req *req)
{
	uint32_t n = BINDING_GARP_DEFAULT;

	req->attrs |= REQ_ATTR(GARP);
	if (word && parse_number(word, "garp count", 1, ARPPROXY_ANNOUNCE_COUNT_MAX, &n))
		return -1;
	req->garp = n;
	return 0;
}

static int kw_refresh(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(REFRESH);
	return parse_number(word, "refresh", 1, ARPPROXY_REFRESH_MAX, &req->refresh);
}

static int kw_lifetime(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(LIFETIME);
	return parse_number(word, "lifetime", 1, ARPPROXY_LIFETIME_MAX, &req->lifetime);
}

static int kw_file(const char *word, struct req *req)
{
	/* A misspelt option, not a file: "./-x" names that one. */
	if (word[0] == '-' && word[1])
		return err_set("unknown word \"%s\"", word);
	req->file = word;
	return 0;
}

static int kw_check(const char *word, struct req *req)
{
	(void)word;
	req->check = true;
	return 0;
}

static int kw_format(const char *word, struct req *req)
{
	if (strcmp(word, "prometheus"))
		return err_set("invalid format \"%s\": expected prometheus", word);
	req->prometheus = true;
	return 0;
}

static int kw_bindings(const char *word, struct req *req)
{
	(void)word;
	req->bindings = true;
	return 0;
}

static const struct keyword keywords[] = {
	{ NULL, KW_PREFIX, "PREFIX", kw_prefix, 0, 0, 0 },
	{ "dev", KW_DEV, "IFNAME", kw_dev, 0, KW_FORMAT, 0 },
	{ "mac", KW_MAC, "MAC", kw_mac, 0, KW_EXCLUDE, 0 },
	{ "onlink", KW_ONLINK, NULL, NULL, ARPPROXY_BINDING_F_ONLINK, 0, 0 },
	{ "exclude", KW_EXCLUDE, NULL, NULL, ARPPROXY_BINDING_F_EXCLUDE,
	  KW_MAC | KW_STATIC | KW_GARP | KW_REFRESH, 0 },
	{ "static", KW_STATIC, NULL, NULL, ARPPROXY_BINDING_F_STATIC,
	  KW_EXCLUDE, KW_MAC },
	{ "proxy", KW_PROXY, "off|route", kw_proxy, 0, 0, 0 },
	{ "inspect", KW_INSPECT, "off|log|enforce|pin", kw_inspect, 0, 0, 0 },
	{ "rarp", KW_RARP, "on|off", kw_rarp, 0, 0, 0 },
	{ "learn", KW_LEARN, "on|off", kw_learn, 0, 0, 0 },
	{ "track", KW_TRACK, "ADDR|off", kw_track, 0, 0, 0 },
	{ "allow", KW_ALLOW, NULL, kw_action, 0, KW_DENY, 0 },
	{ "deny", KW_DENY, NULL, kw_action, 0, KW_ALLOW, 0 },
	{ "from", KW_FROM, "PREFIX", kw_prefix, 0, 0, 0 },
	{ "mac", KW_FROM_MAC, "MAC", kw_from_mac, 0, 0, 0 },
	{ "pref", KW_PREF, "N", kw_pref, 0, 0, 0 },
	{ "rate", KW_RATE, "PPS", kw_rate, 0, 0, 0 },
	{ "burst", KW_BURST, "N", kw_burst, 0, 0, KW_RATE },
	{ "per-host", KW_PER_HOST, "PPS", kw_per_host, 0, 0, KW_RATE },
	{ "count", KW_COUNT, "N", kw_count, 0, 0, 0 },
	{ "interval", KW_INTERVAL, "MS", kw_interval, 0, 0, 0 },
	{ "reply", KW_REPLY, NULL, kw_reply, 0, 0, 0 },
	/* A binding's announcements; "garp" alone is BINDING_GARP_DEFAULT rounds */
	{ "garp", KW_GARP, "N", kw_garp, 0, KW_EXCLUDE, KW_DEV },
	{ "refresh", KW_REFRESH, "SECONDS", kw_refresh, 0, KW_EXCLUDE, KW_DEV },
	{ "lifetime", KW_LIFETIME, "SECONDS", kw_lifetime, 0, 0, 0 },
	{ "timeout", KW_TIMEOUT, "SECONDS", kw_timeout, 0, 0, 0 },
	{ NULL, KW_FILE, "FILE", kw_file, 0, 0, 0 },
	{ "--check", KW_CHECK, NULL, kw_check, 0, 0, 0 },
	/* Prometheus wants every interface, and tells them apart itself. */
	{ "--format", KW_FORMAT, "prometheus", kw_format, 0, KW_DEV, 0 },
	{ "--bindings", KW_BINDINGS, NULL, kw_bindings, 0, 0, KW_FORMAT },
};

/* The keyword of the lowest KW_* bit in ids */
static const struct keyword *keyword_by_id(unsigned int ids)
{
	size_t i;

	for (i = 0; !(keywords[i].id & ids); i++)
		;
	return &keywords[i];
}

static const struct keyword *keyword_by_name(const char *name, unsigned int allowed)
{
	size_t i;

	for (i = 0; i < MNL_ARRAY_SIZE(keywords); i++)
		if ((keywords[i].id & allowed) && keywords[i].name &&
		    !strcmp(keywords[i].name, name))
			return &keywords[i];
	return NULL;
}

/* The KW_* that kw cannot go with in cmd */
static unsigned int keyword_conflicts(const struct cmd *cmd, const struct keyword *kw)
{
	unsigned int others = cmd->keywords & ~cmd->required & ~cmd->alone;

	if (kw->id & cmd->alone)
		return kw->conflicts | others;
	if (kw->id & others)
		return kw->conflicts | cmd->alone;
	return kw->conflicts;
}

static int parse_keyword(const struct cmd *cmd, const struct keyword *kw,
			 unsigned int *seen, const char *value, struct req *req)
{
	unsigned int conflicts = keyword_conflicts(cmd, kw);

	if (*seen & kw->id)
		return err_set("\"%s\" given twice", kw->name);
	if (*seen & conflicts)
		return err_set("\"%s\" cannot be used with \"%s\"", kw->name,
			    keyword_by_id(*seen & conflicts)->name);
	*seen |= kw->id;
	if (kw->flag) {
		req->flags |= kw->flag;
		req->attrs |= REQ_ATTR(FLAGS);
		return 0;
	}
	if (!kw->arg)
		return kw->parse(kw->name, req);
	if (!value && !(kw->id & KW_VALUE_OPTIONAL))
		return err_set("missing %s after \"%s\"", kw->arg, kw->name);
	return kw->parse(value, req);
}

static int parse_check(const struct cmd *cmd, unsigned int seen,
		       const struct req *req)
{
	unsigned int missing = cmd->required & ~seen;
	const struct keyword *kw;
	size_t i;

	if (missing) {
		kw = keyword_by_id(missing);
		if (missing & cmd->arg)
			return err_set("missing %s", kw->arg);
		return err_set("missing \"%s %s\"", kw->name, kw->arg);
	}
	for (i = 0; i < MNL_ARRAY_SIZE(keywords); i++)
		if ((seen & keywords[i].id) && (keywords[i].needs & ~seen))
			return err_set("\"%s\" needs \"%s\"", keywords[i].name,
				       keyword_by_id(keywords[i].needs & ~seen)->name);
	if (cmd->any && !(seen & cmd->any))
		return err_set("missing %s", cmd->any_words);
	return cmd->check ? cmd->check(req) : 0;
}

/*
 * Whether word i, keyword kw or none, is the word without keyword. An
 * optional first word gives way to a keyword: "show dev e0".
 */
static bool is_arg(const struct cmd *cmd, int i, const struct keyword *kw,
		   unsigned int seen)
{
	if (!cmd->arg || (seen & cmd->arg))
		return false;
	if (!i && (cmd->required & cmd->arg))
		return true;
	return !kw && (!i || cmd->arg_anywhere);
}

int parse_args(const struct cmd *cmd, int argc, char **argv, struct req *req)
{
	unsigned int seen = 0;
	const struct keyword *kw;
	const char *value;
	int i;

	req->cmd = cmd;
	req->attrs = cmd->attrs;
	for (i = 0; i < argc; i++) {
		kw = keyword_by_name(argv[i], cmd->keywords);
		if (is_arg(cmd, i, kw, seen)) {
			if (keyword_by_id(cmd->arg)->parse(argv[i], req))
				return -1;
			seen |= cmd->arg;
			continue;
		}
		if (!kw)
			return err_set("unknown word \"%s\"", argv[i]);
		value = NULL;
		if (kw->arg && i + 1 < argc &&
		    !((kw->id & KW_VALUE_OPTIONAL) && keyword_by_name(argv[i + 1], cmd->keywords)))
			value = argv[++i];
		if (parse_keyword(cmd, kw, &seen, value, req))
			return -1;
	}
	return parse_check(cmd, seen, req);
}

const char *binding_flag_name(uint32_t flag)
{
	size_t i;

	for (i = 0; i < MNL_ARRAY_SIZE(keywords); i++)
		if (keywords[i].flag == flag)
			return keywords[i].name;
	return NULL;
}
