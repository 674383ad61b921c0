/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXY_LEASE_PLAN_H
#define ARPPROXY_LEASE_PLAN_H

/*
 * The DHCP lease hook's logic, without I/O: a DHCP server's call (its
 * arguments and environment) to the arpproxyctl commands it asks for.
 *
 * dnsmasq (--dhcp-script):   lease-hook add|old|del MAC|DUID IP [HOSTNAME]
 *                            with DNSMASQ_* in the environment
 * Kea (libdhcp_run_script):  lease-hook HOOK_POINT
 *                            with LEASE4_*, LEASES4_AT<i>_*, QUERY4_* ...
 */

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The arpproxyctl the hook runs unless $ARPPROXYCTL names another (Kea
 * passes no variable of ours): PREFIX/sbin/arpproxyctl beside
 * PREFIX/LEASE_HOOK_PATH, wherever make install put both, else this one.
 */
#define LEASE_CTL_DEFAULT	"/usr/sbin/arpproxyctl"
#define LEASE_HOOK_PATH		"/lib/arpproxy/lease-hook"
#define LEASE_CTL_PATH		"/sbin/arpproxyctl"

/* arpproxyctl's lifetime: 1..INT32_MAX seconds. */
#define LEASE_LIFETIME_MAX	2147483647u
/* Leases one Kea call may carry in each of its lists, to bound the plan. */
#define LEASE_LIST_MAX		4096

enum lease_kind {
	LEASE_REPLACE,		/* the client holds the address: bind it */
	LEASE_DEL,		/* the address is no one's any more */
	LEASE_SKIP,		/* not for arpproxy: say why, do nothing */
};

struct lease_action {
	enum lease_kind kind;
	int family;			/* AF_INET or AF_INET6 */
	uint8_t addr[16];		/* network order; IPv4 in the first 4 */
	uint8_t mac[6];			/* LEASE_REPLACE only */
	char ifname[IF_NAMESIZE];	/* "": the route to addr decides */
	uint32_t lifetime;		/* seconds, LEASE_REPLACE; 0: infinite */
	char reason[128];		/* LEASE_SKIP: why, for standard error */
};

struct lease_plan {
	struct lease_action *actions;	/* in the order to carry them out */
	size_t n, alloc;
	char error[256];		/* after lease_plan() < 0: the one line */
};

/* An environment variable's value, NULL if it is unset. */
typedef const char *(*lease_env_fn)(const char *name);

/*
 * Plan what argv (argv[0] the program) and env ask for. Returns 0, with
 * plan->n actions (none for a call to ignore), or -1 with plan->error set
 * if an argument or variable is bad: then nothing at all is to be done.
 * Call lease_plan_free() either way.
 */
int lease_plan(struct lease_plan *plan, int argc, char *const argv[], lease_env_fn env);
void lease_plan_free(struct lease_plan *plan);

/* "IP/32" or "IP/128" */
#define LEASE_PREFIX_STRLEN	(46 + 4)
/* ctl binding replace P dev IF mac M static lifetime S NULL */
#define LEASE_ARGV_MAX		12

/* The argv of one action's arpproxyctl command, and the words it points to. */
struct lease_argv {
	char *argv[LEASE_ARGV_MAX];
	char prefix[LEASE_PREFIX_STRLEN];
	char ifname[IF_NAMESIZE];
	char mac[18];
	char lifetime[11];
};

/*
 * Fill out with the command that carries a out: a is LEASE_REPLACE or
 * LEASE_DEL and has its interface. ctl is argv[0], the program to run.
 */
void lease_argv(struct lease_argv *out, const struct lease_action *a, const char *ctl);

#endif
