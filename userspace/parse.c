// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>

#include "err.h"
#include "parse.h"

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

/* 0 is no state: the interface tracks nothing */
static const char *const track_states[] = {
	[ARPPROXY_TRACK_ACTIVE] = "active",
	[ARPPROXY_TRACK_STANDBY] = "standby",
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

/*
 * The address part of word, before any "/", into ip[INET6_ADDRSTRLEN]; a
 * part too long to be an address leaves ip empty, which inet_pton rejects.
 */
static const char *prefix_split(const char *word, char *ip)
{
	const char *slash = strchr(word, '/');
	size_t len = slash ? (size_t)(slash - word) : strlen(word);

	ip[0] = '\0';
	if (len < INET6_ADDRSTRLEN) {
		memcpy(ip, word, len);
		ip[len] = '\0';
	}
	return slash;
}

/* Clear the bits of the len bytes at addr past plen; whether any was set. */
static bool clear_host_bits(uint8_t *addr, size_t len, unsigned int plen)
{
	bool set = false;
	unsigned int i, keep;
	uint8_t mask;

	for (i = 0; i < len; i++) {
		keep = plen > 8 * i ? plen - 8 * i : 0;
		mask = keep >= 8 ? 0xff : (uint8_t)(0xff00 >> keep);
		set |= addr[i] & ~mask;
		addr[i] &= mask;
	}
	return set;
}

static const char *format_af_prefix(char *buf, int af, const void *addr,
				    unsigned int plen)
{
	size_t len;

	inet_ntop(af, addr, buf, INET6_ADDRSTRLEN);
	len = strlen(buf);
	snprintf(buf + len, PREFIX_STRLEN - len, "/%u", plen);
	return buf;
}

/* The length after slash, a host's if none, of a prefix of family af at addr */
static int parse_plen(const char *word, const char *slash, int af, void *addr,
		      uint8_t *plen)
{
	unsigned int max = af == AF_INET6 ? 128 : 32;
	char buf[PREFIX_STRLEN];
	unsigned long n = max;

	if (slash && parse_uint(slash + 1, max, &n))
		return err_set("invalid prefix length in \"%s\": expected 0..%u", word, max);
	if (clear_host_bits(addr, max / 8, n))
		return err_set("prefix \"%s\" has host bits set (did you mean %s?)",
			    word, format_af_prefix(buf, af, addr, n));
	*plen = n;
	return 0;
}

bool prefix_contains(const void *prefix, uint8_t plen, const void *addr)
{
	const uint8_t *p = prefix, *a = addr;
	unsigned int bytes = plen / 8, bits = plen % 8;

	if (memcmp(p, a, bytes))
		return false;
	return !bits || !((p[bytes] ^ a[bytes]) & (0xff << (8 - bits)));
}

int parse_prefix_any(const char *word, uint32_t *addr, uint8_t *addr6, uint8_t *plen)
{
	char ip[INET6_ADDRSTRLEN];
	const char *slash = prefix_split(word, ip);

	if (inet_pton(AF_INET, ip, addr) == 1)
		return parse_plen(word, slash, AF_INET, addr, plen) ? -1 : AF_INET;
	if (inet_pton(AF_INET6, ip, addr6) == 1)
		return parse_plen(word, slash, AF_INET6, addr6, plen) ? -1 : AF_INET6;
	return err_set("invalid prefix \"%s\": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]",
		       word);
}

int parse_binding_prefix(const char *word, uint32_t *addr, uint8_t *addr6, uint8_t *plen)
{
	int af = parse_prefix_any(word, addr, addr6, plen);

	if (af != AF_INET6)
		return af;
	/* What the module refuses, refused offline too: restore --check sees it. */
	if (addr6[0] == 0xfe && (addr6[1] & 0xc0) == 0x80)
		return err_set("prefix \"%s\" is link-local (fe80::/10): not for bindings", word);
	if (addr6[0] == 0xff)
		return err_set("prefix \"%s\" is multicast (ff00::/8): not for bindings", word);
	return af;
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

const char *format_prefix(char *buf, uint32_t addr, unsigned int plen)
{
	return format_af_prefix(buf, AF_INET, &addr, plen);
}

const char *format_prefix6(char *buf, const uint8_t *addr, unsigned int plen)
{
	return format_af_prefix(buf, AF_INET6, addr, plen);
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
	if (mode < n && names[mode])
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

const char *format_track_state(char *buf, uint8_t state)
{
	return format_mode(buf, track_states, MNL_ARRAY_SIZE(track_states), "state", state);
}

const char *format_acl_action(char *buf, uint8_t action)
{
	return format_mode(buf, acl_actions, MNL_ARRAY_SIZE(acl_actions), "action", action);
}
