/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXY_TEST_HELPERS_H
#define ARPPROXY_TEST_HELPERS_H

#include <stdbool.h>
#include <stdint.h>

#include "req.h"

#define N(array)	(sizeof(array) / sizeof((array)[0]))

/* Parse a command line as a batch line is: word split, then cmd_parse(). */
int parse_line(const char *line, struct req *req);
/* Like parse_line(), failing the test if the line is rejected. */
struct req parse_ok(const char *line);
struct nlmsghdr;

/* The nest the requests, replies and events of cmd carry their object in; 0: none */
uint16_t object_nest(uint8_t cmd);
/* These put an object's attributes: inside its nest. */
/* Put a binding's key: prefix (IPv6 if it has a ':'), length and, unless 0, interface. */
void put_binding_key(struct nlmsghdr *nlh, const char *prefix, uint8_t plen,
		     uint32_t ifindex);
/* An interface's settings, as its dump and its events carry them. */
struct iface_settings {
	uint8_t proxy, inspect, rarp;
	uint32_t rate, burst, per_host;
	uint8_t learn;
};
void put_iface(struct nlmsghdr *nlh, uint32_t ifindex, const struct iface_settings *s);
/* An ACL rule; prefix NULL and mac NULL for a rule without them. */
void put_acl_rule(struct nlmsghdr *nlh, uint32_t ifindex, uint32_t pref,
		  uint8_t action, const char *prefix, uint8_t plen, const uint8_t *mac);
/* Index of "lo", the one interface every netns has. */
uint32_t lo_index(void);

struct nl;
/*
 * Run text as a batch file on nl, as batch_run() does; *ret is its result.
 * Returns what it wrote to standard error, FILE being "BATCH".
 */
const char *run_batch(const char *text, struct nl *nl, int *ret);
/* The same for restore_run(), --check or not */
const char *run_restore(const char *text, bool check, struct nl *nl, int *ret);

/* Send print_*() output to memory until capture_end(), which returns it. */
void capture_start(bool json, bool pretty);
const char *capture_end(void);

#endif
