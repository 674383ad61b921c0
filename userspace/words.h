/* SPDX-License-Identifier: GPL-2.0 */
/* What each object's replies and events carry, and their printers */
#ifndef ARPPROXYCTL_WORDS_H
#define ARPPROXYCTL_WORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "req.h"

/* What identifies a binding, in its dump and its events: one of the prefixes */
#define BINDING_KEY	(ATTR_BIT(ARPPROXY_BINDING_A_PREFIX4) | \
			 ATTR_BIT(ARPPROXY_BINDING_A_PREFIX6) | ATTR_BIT(ARPPROXY_BINDING_A_PLEN))
/* What an interface's settings are: its dump and its event carry them all. */
#define IFACE_ATTRS	(ATTR_BIT(ARPPROXY_IFACE_A_IFINDEX) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_PROXY_MODE) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_INSPECT) | ATTR_BIT(ARPPROXY_IFACE_A_RARP) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_LEARN) | ATTR_BIT(ARPPROXY_IFACE_A_RATE) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_RATE_BURST) | \
			 ATTR_BIT(ARPPROXY_IFACE_A_RATE_PER_HOST))
/* An interface's tracked address: one of the two */
#define TRACK_KEY	(ATTR_BIT(ARPPROXY_IFACE_A_TRACK4) | ATTR_BIT(ARPPROXY_IFACE_A_TRACK6))
/* What identifies an ACL rule, in its dump and its events */
#define ACL_KEY		(ATTR_BIT(ARPPROXY_ACL_A_IFINDEX) | ATTR_BIT(ARPPROXY_ACL_A_ACTION) | \
			 ATTR_BIT(ARPPROXY_ACL_A_PREF))
/* What every station of the cache's dump carries: addr4 or addr6, and the rest */
#define STATION_ATTRS	(ATTR_BIT(ARPPROXY_STATION_A_ADDR4) | \
			 ATTR_BIT(ARPPROXY_STATION_A_ADDR6) | \
			 ATTR_BIT(ARPPROXY_STATION_A_IFINDEX) | \
			 ATTR_BIT(ARPPROXY_STATION_A_MAC) | \
			 ATTR_BIT(ARPPROXY_STATION_A_FIRST_SEEN) | \
			 ATTR_BIT(ARPPROXY_STATION_A_LAST_SEEN) | \
			 ATTR_BIT(ARPPROXY_STATION_A_PACKETS) | \
			 ATTR_BIT(ARPPROXY_STATION_A_CHANGES))
/* The cache's setting and state, as CACHE_GET replies */
#define CACHE_ATTRS	(ATTR_BIT(ARPPROXY_CACHE_A_TIMEOUT) | ATTR_BIT(ARPPROXY_CACHE_A_SIZE) | \
			 ATTR_BIT(ARPPROXY_CACHE_A_STATIONS))

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
/* Whether a binding, or a binding event, is of the family -4 or -6 asks for */
bool binding_family_match(const struct nlattr *const *tb);
/* A binding's prefix, IPv4 or IPv6, into buf[PREFIX_STRLEN] */
const char *format_binding_prefix(char *buf, const struct nlattr *const *tb);
void iface_print_words(const struct nlattr *const *tb);
void acl_print_words(const struct nlattr *const *tb);
/* "timeout SECONDS", as cache set takes it */
void cache_print_words(const struct nlattr *const *tb);
/* cache show's order: by interface index, then IPv4 before IPv6, then address */
void station_order(const struct nlattr *const *tb, struct order_key *key);

/* "stat_4294967295" */
#define STAT_STRLEN	16
/* Name of an enum arpproxy_stat counter, as stats show prints it */
const char *stat_name(char *buf, uint32_t stat);

#endif
