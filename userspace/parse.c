// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

static const char *const proxy_modes[] = {
	[ARPPROXY_PROXY_OFF] = "off",
	[ARPPROXY_PROXY_ROUTE] = "route",
};

static const char *const inspect_modes[] = {
	[ARPPROXY_INSPECT_OFF] = "off",
	[ARPPROXY_INSPECT_LOG] = "log",
	[ARPPROXY_INSPECT_ENFORCE] = "enforce",
	[ARPPROXY_INSPECT_PIN] = "pin",
};

static const char *const on_off[] = {
	[0] = "off",
	[1] = "on",
};

static const char *const acl_actions[] = {
	[ARPPROXY_ACL_ALLOW] = "allow",
	[ARPPROXY_ACL_DENY] = "deny",
};

/* Digits only: strtoul alone would take blanks, signs and "0x". */
static int parse_uint(const char *s, unsigned long max, unsigned long *val)
{
	char *end;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	*val = strtoul(s, &end, 10);
	return *end || errno || *val > max ? -1 : 0;
}

int parse_number(const char *word, const char *what, uint32_t min, uint32_t max,
		 uint32_t *val)
{
	unsigned long n;

	if (parse_uint(word, max, &n) || n < min)
		return err_set("invalid %s \"%s\": expected %u..%u", what, word, min, max);
	*val = n;
	return 0;
}

int parse_prefix(const char *word, uint32_t *addr, uint8_t *plen)
{
	const char *slash = strchr(word, '/');
	size_t len = slash ? (size_t)(slash - word) : strlen(word);
	char ip[INET_ADDRSTRLEN] = "", buf[PREFIX_STRLEN];
	unsigned long n = 32;
	uint32_t mask;

	/* Too long to be an address: leave ip empty, which inet_pton rejects. */
	if (len < sizeof(ip))
		memcpy(ip, word, len);
	/* inet_pton, unlike inet_aton, takes only four plain decimal octets */
	if (inet_pton(AF_INET, ip, addr) != 1)
		return err_set("invalid prefix \"%s\": expected A.B.C.D[/LEN]", word);
	if (slash && parse_uint(slash + 1, 32, &n))
		return err_set("invalid prefix length in \"%s\": expected 0..32", word);
	mask = n ? htonl(~0U << (32 - n)) : 0;
	if (*addr & ~mask)
		return err_set("prefix \"%s\" has host bits set (did you mean %s?)",
			    word, format_prefix(buf, *addr & mask, n));
	*plen = n;
	return 0;
}

static unsigned int hex_value(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

int parse_mac(const char *word, uint8_t *mac)
{
	static const uint8_t zero[ETH_ALEN];
	static const uint8_t bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	const char *p;
	int i;

	/* Stops at the first bad character, so never reads past the NUL. */
	for (i = 0, p = word; i < ETH_ALEN; i++, p += 3) {
		if (!isxdigit((unsigned char)p[0]) || !isxdigit((unsigned char)p[1]) ||
		    p[2] != (i < ETH_ALEN - 1 ? ':' : '\0'))
			return err_set("invalid MAC \"%s\": expected six colon-separated hex pairs",
				    word);
		mac[i] = hex_value(p[0]) << 4 | hex_value(p[1]);
	}
	if (!memcmp(mac, bcast, ETH_ALEN))
		return err_set("MAC \"%s\" is the broadcast address", word);
	if (mac[0] & 1)
		return err_set("MAC \"%s\" is a multicast address", word);
	if (!memcmp(mac, zero, ETH_ALEN))
		return err_set("MAC \"%s\" is all zeros", word);
	return 0;
}

static int parse_mode(const char *word, const char *const *names, uint8_t n,
		      const char *what, const char *expected, uint8_t *mode)
{
	uint8_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(word, names[i])) {
			*mode = i;
			return 0;
		}
	}
	return err_set("invalid %s \"%s\": expected %s", what, word, expected);
}

int parse_proxy_mode(const char *word, uint8_t *mode)
{
	return parse_mode(word, proxy_modes, MNL_ARRAY_SIZE(proxy_modes),
			  "proxy mode", "off or route", mode);
}

int parse_inspect_mode(const char *word, uint8_t *mode)
{
	return parse_mode(word, inspect_modes, MNL_ARRAY_SIZE(inspect_modes),
			  "inspect mode", "off, log, enforce or pin", mode);
}

int parse_rarp(const char *word, uint8_t *on)
{
	return parse_mode(word, on_off, MNL_ARRAY_SIZE(on_off), "rarp setting", "on or off", on);
}

int parse_learn(const char *word, uint8_t *on)
{
	return parse_mode(word, on_off, MNL_ARRAY_SIZE(on_off), "learn setting", "on or off", on);
}

int parse_acl_action(const char *word, uint8_t *action)
{
	return parse_mode(word, acl_actions, MNL_ARRAY_SIZE(acl_actions),
			  "ACL action", "allow or deny", action);
}

static int kw_prefix(const char *word, struct req *req)
{
	req->attrs |= REQ_ATTR(PREFIX) | REQ_ATTR(PLEN);
	return parse_prefix(word, &req->prefix, &req->plen);
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

const char *format_prefix(char *buf, uint32_t addr, unsigned int plen)
{
	size_t len;

	inet_ntop(AF_INET, &addr, buf, INET_ADDRSTRLEN);
	len = strlen(buf);
	snprintf(buf + len, PREFIX_STRLEN - len, "/%u", plen);
	return buf;
}

const char *format_mac(char *buf, const uint8_t *mac)
{
	snprintf(buf, MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

/* A newer module's mode still prints, as what_NUMBER. */
static const char *format_mode(char *buf, const char *const *names, uint8_t n,
			       const char *what, uint8_t mode)
{
	if (mode < n)
		return names[mode];
	snprintf(buf, MODE_STRLEN, "%s_%u", what, mode);
	return buf;
}

const char *format_proxy_mode(char *buf, uint8_t mode)
{
	return format_mode(buf, proxy_modes, MNL_ARRAY_SIZE(proxy_modes), "mode", mode);
}

const char *format_inspect_mode(char *buf, uint8_t mode)
{
	return format_mode(buf, inspect_modes, MNL_ARRAY_SIZE(inspect_modes), "mode", mode);
}

const char *format_on_off(char *buf, uint8_t on)
{
	return format_mode(buf, on_off, MNL_ARRAY_SIZE(on_off), "mode", on);
}

const char *format_acl_action(char *buf, uint8_t action)
{
	return format_mode(buf, acl_actions, MNL_ARRAY_SIZE(acl_actions), "action", action);
}

const char *binding_flag_name(uint32_t flag)
{
	size_t i;

	for (i = 0; i < MNL_ARRAY_SIZE(keywords); i++)
		if (keywords[i].flag == flag)
			return keywords[i].name;
	return NULL;
}
