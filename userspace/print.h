/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_PRINT_H
#define ARPPROXYCTL_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct nlattr;

/*
 * iproute2-style output: one print_*() call gives both the text (fmt, for
 * PRINT_FP) and the JSON (key, for PRINT_JSON) form of a value, so the two
 * never disagree. A JSON document ends when its outermost container closes.
 */
enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = PRINT_FP | PRINT_JSON,
};

void print_init(FILE *fp, bool json, bool pretty);
/* Whether output is JSON (-j) */
bool is_json_context(void);

void open_json_object(const char *key);
void close_json_object(void);
void open_json_array(const char *key);
void close_json_array(void);

void print_string(enum output_type type, const char *key, const char *fmt,
		  const char *value);
void print_u64(enum output_type type, const char *key, const char *fmt,
	       uint64_t value);
void print_null(enum output_type type, const char *key, const char *fmt,
		const char *value);
/* Attributes of the arpproxy family, in the words of its commands */
/* " hits N" of a binding or an ACL rule */
void print_hits(const struct nlattr *hits);
/* A MAC attribute under key, in text by fmt; nothing if mac is NULL. */
void print_mac(const char *key, const char *fmt, const struct nlattr *mac);
/* An IPv4 address attribute (be32) likewise */
void print_ip(const char *key, const char *fmt, const struct nlattr *ip);
void print_ip6(const char *key, const char *fmt, const struct nlattr *ip);
/* An interface index attribute's name under key "dev", in text by fmt */
void print_dev(const char *fmt, const struct nlattr *ifindex);
/* " dev IFNAME", or a JSON null for every interface */
void print_dev_scope(const struct nlattr *ifindex);

/* Ends a text line; JSON needs none. */
void print_nl(void);
/* Write out what is buffered now; 0, or EOF if writing failed. */
int print_flush(void);

#endif
