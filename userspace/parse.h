/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_PARSE_H
#define ARPPROXYCTL_PARSE_H

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdint.h>

#include "req.h"

/* "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128", or IPv4's */
#define PREFIX_STRLEN	(INET6_ADDRSTRLEN + 4)
/* "xx:xx:xx:xx:xx:xx" */
#define MAC_STRLEN	18
/* "mode_255", "action_255" */
#define MODE_STRLEN	16

/* Rounds of "garp" without a count */
#define BINDING_GARP_DEFAULT	3

/* Word to value; on error err_set() names the word and -1 is returned. */
/* Whether @addr lies in @prefix/@plen, both in network byte order. */
bool prefix_contains(const void *prefix, uint8_t plen, const void *addr);
/*
 * A prefix of either family, IPv4 into addr or IPv6 (16 bytes) into addr6:
 * AF_INET or AF_INET6, or -1 after err_set(). No length is a host's.
 */
int parse_prefix_any(const char *word, uint32_t *addr, uint8_t *addr6, uint8_t *plen);
/* The same, for a binding: no link-local or multicast IPv6 prefix. */
int parse_binding_prefix(const char *word, uint32_t *addr, uint8_t *addr6, uint8_t *plen);
int parse_mac(const char *word, uint8_t *mac);
int parse_proxy_mode(const char *word, uint8_t *mode);
int parse_inspect_mode(const char *word, uint8_t *mode);
int parse_rarp(const char *word, uint8_t *on);
int parse_learn(const char *word, uint8_t *on);
int parse_acl_action(const char *word, uint8_t *action);
/* A decimal number from min to max; what names it in the error. */
int parse_number(const char *word, const char *what, uint32_t min, uint32_t max,
		 uint32_t *val);
/* The words after cmd's name, into req. */
int parse_args(const struct cmd *cmd, int argc, char **argv, struct req *req);

/* Value to the word the parsers take. */
const char *format_prefix(char *buf, uint32_t addr, unsigned int plen);
/* addr: 16 bytes; RFC 5952 text, as inet_ntop gives it */
const char *format_prefix6(char *buf, const uint8_t *addr, unsigned int plen);
const char *format_mac(char *buf, const uint8_t *mac);
const char *format_proxy_mode(char *buf, uint8_t mode);
const char *format_inspect_mode(char *buf, uint8_t mode);
/* A setting of 0 or 1, as rarp and learn take it */
const char *format_on_off(char *buf, uint8_t on);
const char *format_acl_action(char *buf, uint8_t action);
/* An interface's enum arpproxy_track_state: active or standby */
const char *format_track_state(char *buf, uint8_t state);
/* Keyword of one ARPPROXY_BINDING_F_* bit, NULL if this tool has none. */
const char *binding_flag_name(uint32_t flag);

#endif
