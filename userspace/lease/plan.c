// SPDX-License-Identifier: GPL-2.0
/*
 * The DHCP lease hook's logic: from a DHCP server's call to the arpproxyctl
 * commands that keep a static binding per lease, without I/O so that the
 * unit tests can hand it any environment.
 *
 * What the servers pass (dnsmasq 2.90's src/helper.c, Kea 2.2's
 * src/hooks/dhcp/run_script/):
 *  - dnsmasq: "add", "old" or "del", then the client's MAC (its DUID for
 *    DHCPv6, whose MAC is DNSMASQ_MAC when known), then the address. The
 *    time left is DNSMASQ_TIME_REMAINING, unset for an infinite lease,
 *    which has DNSMASQ_LEASE_EXPIRES (or, built with HAVE_BROKEN_RTC,
 *    DNSMASQ_LEASE_LENGTH) 0. Other actions ("init", "tftp", "arp-add",
 *    "arp-del", "relay-snoop", more to come) are not about leases.
 *  - Kea: the hook point alone, and the lease in LEASE4_* or LEASE6_*, or
 *    lists of them in LEASES4_AT<i>_* and DELETED_LEASES4_AT<i>_* (and 6).
 *    A value Kea does not have is set, but empty.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "plan.h"

/* Kea's Lease::INFINITY_LFT: a lease that never ends */
#define KEA_INFINITY_LFT	0xffffffffu
/* Kea's HWAddr::HTYPE_ETHER, and dnsmasq's ARPHRD_ETHER */
#define HTYPE_ETHER		"1"

/* Kea exports what it does not know as "": that is unset too. */
static const char *var(lease_env_fn env, const char *name)
{
	const char *v = env(name);

	return v && *v ? v : NULL;
}

static int __attribute__((format(printf, 2, 3)))
plan_error(struct lease_plan *plan, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(plan->error, sizeof(plan->error), fmt, ap);
	va_end(ap);
	return -1;
}

/* Append a copy of a to the plan; -1 (plan->error set) without memory. */
static int add_action(struct lease_plan *plan, const struct lease_action *a)
{
	if (plan->n == plan->alloc) {
		size_t alloc = plan->alloc ? 2 * plan->alloc : 4;
		struct lease_action *actions = realloc(plan->actions, alloc * sizeof(*a));

		if (!actions)
			return plan_error(plan, "out of memory");
		plan->actions = actions;
		plan->alloc = alloc;
	}
	plan->actions[plan->n++] = *a;
	return 0;
}

/* Not for arpproxy, and not an error: carried out as a line on stderr */
static void __attribute__((format(printf, 2, 3)))
skip(struct lease_action *a, const char *fmt, ...)
{
	va_list ap;

	a->kind = LEASE_SKIP;
	va_start(ap, fmt);
	vsnprintf(a->reason, sizeof(a->reason), fmt, ap);
	va_end(ap);
}

/*
 * A decimal number and nothing else: no sign, no blanks, no base prefix
 * (strtoull would take all three), at most 2^64 - 1.
 */
static bool parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return true;
}

static int parse_seconds(struct lease_plan *plan, const char *s, const char *where,
			 uint64_t *out)
{
	if (!parse_u64(s, out))
		return plan_error(plan, "invalid lifetime \"%s\" in %s: expected seconds", s, where);
	return 0;
}

/*
 * A lease's seconds as arpproxyctl's lifetime: one that is already at its
 * end still gets a second (the server's delete follows), and one longer
 * than arpproxyctl takes, 68 years, is as good as its maximum.
 */
static uint32_t lifetime_of(uint64_t seconds)
{
	if (!seconds)
		return 1;
	return seconds > LEASE_LIFETIME_MAX ? LEASE_LIFETIME_MAX : (uint32_t)seconds;
}

/* family AF_UNSPEC: whichever the text is (dnsmasq passes both in one place) */
static int parse_addr(struct lease_plan *plan, const char *s, int family, const char *where,
		      struct lease_action *a)
{
	if (!s)
		return plan_error(plan, "%s is not set", where);
	if (family == AF_UNSPEC)
		family = strchr(s, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(family, s, a->addr) != 1)
		return plan_error(plan, "invalid %s address \"%s\" in %s",
				  family == AF_INET ? "IPv4" : "IPv6", s, where);
	a->family = family;
	return 0;
}

static int hex_value(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

static bool hex_pair(const char *s)
{
	return isxdigit((unsigned char)s[0]) && isxdigit((unsigned char)s[1]);
}

/* dnsmasq's "TYPE-" then the address's hex pairs, colon-separated, if any */
static bool typed_hwaddr(const char *s)
{
	if (!hex_pair(s) || s[2] != '-')
		return false;
	for (s += 3; *s; s += 3) {
		if (!hex_pair(s) || (s[2] != ':' && s[2] != '\0'))
			return false;
		if (!s[2])
			break;
	}
	return true;
}

/*
 * A client's MAC as both servers print it, six colon-separated hex pairs.
 * dnsmasq puts "TYPE-" before an address of another network type (as
 * "06-01:23:45:67:89:ab" for token ring) or of none: those are skipped,
 * since arpproxy answers for Ethernet. Returns 0, 1 (a skipped) or -1.
 */
static int parse_mac(struct lease_plan *plan, const char *s, const char *where,
		     struct lease_action *a)
{
	static const uint8_t zero[6];
	const char *p;
	int i;

	if (typed_hwaddr(s)) {
		skip(a, "hardware address \"%.40s\" in %s is not Ethernet's", s, where);
		return 1;
	}
	/* Stops at the first bad character, so never reads past the NUL. */
	for (i = 0, p = s; i < 6; i++, p += 3) {
		if (!hex_pair(p) || p[2] != (i < 5 ? ':' : '\0'))
			return plan_error(plan, "invalid MAC \"%s\" in %s: expected six colon-separated hex pairs",
					  s, where);
		a->mac[i] = hex_value(p[0]) << 4 | hex_value(p[1]);
	}
	/* arpproxyctl would refuse them; say so here, naming where it came from */
	if (a->mac[0] & 1)
		return plan_error(plan, "invalid MAC \"%s\" in %s: not a unicast address", s, where);
	if (!memcmp(a->mac, zero, sizeof(zero)))
		return plan_error(plan, "invalid MAC \"%s\" in %s: all zeros", s, where);
	return 0;
}

/* The kernel's dev_valid_name(): what arpproxyctl's "dev" may be given */
static int parse_ifname(struct lease_plan *plan, const char *s, const char *where, char *out)
{
	const char *p;

	if (strlen(s) >= IF_NAMESIZE || !strcmp(s, ".") || !strcmp(s, ".."))
		goto bad;
	for (p = s; *p; p++)
		if (*p == '/' || *p == ':' || isspace((unsigned char)*p))
			goto bad;
	strcpy(out, s);
	return 0;
bad:
	return plan_error(plan, "invalid interface name \"%s\" in %s", s, where);
}

/* dnsmasq --------------------------------------------------------------- */

/*
 * The seconds a dnsmasq lease has left; 0 for an infinite one, which has
 * DNSMASQ_LEASE_EXPIRES 0 (DNSMASQ_LEASE_LENGTH 0 with HAVE_BROKEN_RTC).
 * dnsmasq leaves DNSMASQ_TIME_REMAINING out when it is 0 too: a lease at
 * its very end.
 */
static int dnsmasq_lifetime(struct lease_plan *plan, lease_env_fn env, uint32_t *lifetime)
{
	const char *expires = var(env, "DNSMASQ_LEASE_EXPIRES");
	const char *length = var(env, "DNSMASQ_LEASE_LENGTH");
	const char *remaining = var(env, "DNSMASQ_TIME_REMAINING");
	uint64_t v;

	if (expires) {
		if (parse_seconds(plan, expires, "DNSMASQ_LEASE_EXPIRES", &v) < 0)
			return -1;
		if (!v) {
			*lifetime = 0;
			return 0;
		}
	} else if (length) {
		if (parse_seconds(plan, length, "DNSMASQ_LEASE_LENGTH", &v) < 0)
			return -1;
		if (!v) {
			*lifetime = 0;
			return 0;
		}
	}
	if (remaining) {
		if (parse_seconds(plan, remaining, "DNSMASQ_TIME_REMAINING", &v) < 0)
			return -1;
		*lifetime = lifetime_of(v);
		return 0;
	}
	if (!expires && !length)
		return plan_error(plan, "no lease time: DNSMASQ_TIME_REMAINING, DNSMASQ_LEASE_EXPIRES and DNSMASQ_LEASE_LENGTH are all unset");
	*lifetime = lifetime_of(0);
	return 0;
}

/*
 * dnsmasq's interface: the one the request came in on, or the one whose
 * subnet the address is on; unset when it knows neither (its manual says:
 * for "old" at its start). A relayed request came in from the relay's
 * link, not the client's, so the route to the address decides.
 */
static int dnsmasq_ifname(struct lease_plan *plan, lease_env_fn env, struct lease_action *a)
{
	const char *ifname = var(env, "DNSMASQ_INTERFACE");

	if (!ifname || var(env, "DNSMASQ_RELAY_ADDRESS"))
		return 0;
	return parse_ifname(plan, ifname, "DNSMASQ_INTERFACE", a->ifname);
}

/* add|old|del MAC|DUID IP [HOSTNAME] */
static int plan_dnsmasq(struct lease_plan *plan, int argc, char *const argv[], lease_env_fn env)
{
	struct lease_action a = { 0 };
	const char *mac = argv[2], *mac_where = "argument 2";
	int ret;

	if (argc < 4)
		return plan_error(plan, "%s: expected a MAC (or DUID) and an IP address", argv[1]);
	if (parse_addr(plan, argv[3], AF_UNSPEC, "argument 3", &a) < 0 ||
	    dnsmasq_ifname(plan, env, &a) < 0)
		return -1;
	if (!strcmp(argv[1], "del")) {
		a.kind = LEASE_DEL;
		return add_action(plan, &a);
	}

	a.kind = LEASE_REPLACE;
	if (a.family == AF_INET6) {
		/* The argument is the client's DUID: its MAC, if dnsmasq knows it */
		mac = var(env, "DNSMASQ_MAC");
		mac_where = "DNSMASQ_MAC";
		if (!mac) {
			skip(&a, "no MAC address known (DNSMASQ_MAC is unset)");
			return add_action(plan, &a);
		}
	}
	ret = parse_mac(plan, mac, mac_where, &a);
	if (ret < 0)
		return -1;
	if (!ret && dnsmasq_lifetime(plan, env, &a.lifetime) < 0)
		return -1;
	return add_action(plan, &a);
}

/* Kea ------------------------------------------------------------------- */

enum kea_what {
	KEA_BOUND,		/* the lease is the client's, as it says */
	KEA_GONE,		/* released or declined */
	KEA_EXPIRED,		/* gone too, unless it was declined before */
	KEA_COMMITTED,		/* lists of both */
};

struct kea_point {
	const char *name;
	int family;
	enum kea_what what;
};

/*
 * lease4_recover and lease6_recover are left out: Kea calls them when a
 * declined address's probation ends, for a lease stripped of its client
 * (its binding went at the decline), not for a client's lease.
 */
static const struct kea_point kea_points[] = {
	{ "leases4_committed", AF_INET, KEA_COMMITTED },
	{ "lease4_renew", AF_INET, KEA_BOUND },
	{ "lease4_release", AF_INET, KEA_GONE },
	{ "lease4_expire", AF_INET, KEA_EXPIRED },
	{ "lease4_decline", AF_INET, KEA_GONE },
	{ "leases6_committed", AF_INET6, KEA_COMMITTED },
	{ "lease6_renew", AF_INET6, KEA_BOUND },
	{ "lease6_rebind", AF_INET6, KEA_BOUND },
	{ "lease6_release", AF_INET6, KEA_GONE },
	{ "lease6_expire", AF_INET6, KEA_EXPIRED },
	{ "lease6_decline", AF_INET6, KEA_GONE },
};

struct kea_ctx {
	struct lease_plan *plan;
	lease_env_fn env;
	int family;
	char ifname[IF_NAMESIZE];	/* the query's, "" without one */
	char name[64];			/* scratch: PREFIX_FIELD */
};

static const char *kea_var(struct kea_ctx *k, const char *prefix, const char *field)
{
	snprintf(k->name, sizeof(k->name), "%s_%s", prefix, field);
	return var(k->env, k->name);
}

/*
 * The interface the query came in on, when there is a query and it was
 * not relayed (a relayed one came in from the relay's link, not the
 * client's; Kea 2.2 says so for DHCPv4 only).
 */
static int kea_ifname(struct kea_ctx *k)
{
	const char *q = k->family == AF_INET ? "QUERY4" : "QUERY6";
	const char *relayed = kea_var(k, q, "RELAYED");
	const char *ifname = kea_var(k, q, "IFACE_NAME");

	if (!ifname || (relayed && !strcmp(relayed, "true")))
		return 0;
	snprintf(k->name, sizeof(k->name), "%s_IFACE_NAME", q);
	return parse_ifname(k->plan, ifname, k->name, k->ifname);
}

static int kea_mac(struct kea_ctx *k, const char *prefix, struct lease_action *a)
{
	const char *type = kea_var(k, prefix, "HWADDR_TYPE");
	const char *mac;

	if (type && strcmp(type, HTYPE_ETHER)) {
		skip(a, "hardware type %.16s in %s is not Ethernet's", type, k->name);
		return 1;
	}
	mac = kea_var(k, prefix, "HWADDR");
	if (!mac) {
		skip(a, "no MAC address known (%s is empty)", k->name);
		return 1;
	}
	return parse_mac(k->plan, mac, k->name, a);
}

static int kea_lifetime(struct kea_ctx *k, const char *prefix, uint32_t *lifetime)
{
	const char *s = kea_var(k, prefix, "VALID_LIFETIME");
	uint64_t v;

	if (!s)
		return plan_error(k->plan, "%s is not set", k->name);
	if (parse_seconds(k->plan, s, k->name, &v) < 0)
		return -1;
	if (v > KEA_INFINITY_LFT)
		return plan_error(k->plan, "invalid lifetime \"%s\" in %s: expected 0..%u",
				  s, k->name, KEA_INFINITY_LFT);
	*lifetime = v == KEA_INFINITY_LFT ? 0 : lifetime_of(v);
	return 0;
}

/* One lease, whose variables start with prefix ("LEASE4", "LEASES6_AT1"...) */
static int plan_kea_lease(struct kea_ctx *k, const char *prefix, enum kea_what what)
{
	struct lease_action a = { 0 };
	const char *type, *state;
	int ret;

	/* A delegated prefix is routed to the client, not on any link. */
	type = kea_var(k, prefix, "TYPE");
	if (k->family == AF_INET6 && type && !strcmp(type, "IA_PD"))
		return 0;
	if (parse_addr(k->plan, kea_var(k, prefix, "ADDRESS"), k->family, k->name, &a) < 0)
		return -1;
	memcpy(a.ifname, k->ifname, sizeof(a.ifname));

	/*
	 * A DECLINE's leases*_committed lists the declined lease among the
	 * new ones, stripped of its client: the address is no one's. When
	 * its probation ends, Kea expires it (then recovers it): its binding
	 * went at the decline already.
	 */
	state = kea_var(k, prefix, "STATE");
	if (state && !strcmp(state, "declined") && what == KEA_EXPIRED)
		return 0;
	if (what != KEA_BOUND ||
	    (state && (!strcmp(state, "declined") || !strcmp(state, "expired-reclaimed")))) {
		a.kind = LEASE_DEL;
		return add_action(k->plan, &a);
	}

	a.kind = LEASE_REPLACE;
	ret = kea_mac(k, prefix, &a);
	if (ret < 0)
		return -1;
	if (!ret && kea_lifetime(k, prefix, &a.lifetime) < 0)
		return -1;
	return add_action(k->plan, &a);
}

/* LEASES4_SIZE and LEASES4_AT0_... LEASES4_AT<SIZE-1>_... */
static int plan_kea_list(struct kea_ctx *k, const char *list, enum kea_what what)
{
	char prefix[48];
	const char *s;
	uint64_t n, i;

	s = kea_var(k, list, "SIZE");
	if (!s)
		return 0;
	if (!parse_u64(s, &n) || n > LEASE_LIST_MAX)
		return plan_error(k->plan, "invalid number of leases \"%s\" in %s: expected 0..%u",
				  s, k->name, LEASE_LIST_MAX);
	for (i = 0; i < n; i++) {
		snprintf(prefix, sizeof(prefix), "%s_AT%llu", list, (unsigned long long)i);
		if (plan_kea_lease(k, prefix, what) < 0)
			return -1;
	}
	return 0;
}

static int plan_kea(struct lease_plan *plan, const struct kea_point *p, lease_env_fn env)
{
	bool v4 = p->family == AF_INET;
	struct kea_ctx k = { .plan = plan, .env = env, .family = p->family };

	if (kea_ifname(&k) < 0)
		return -1;
	switch (p->what) {
	case KEA_COMMITTED:
		/* The old lease a new one replaces goes first. */
		if (plan_kea_list(&k, v4 ? "DELETED_LEASES4" : "DELETED_LEASES6", KEA_GONE) < 0)
			return -1;
		return plan_kea_list(&k, v4 ? "LEASES4" : "LEASES6", KEA_BOUND);
	default:
		return plan_kea_lease(&k, v4 ? "LEASE4" : "LEASE6", p->what);
	}
}

/* Which server calls, and about what; NULL: neither, about no lease */
static const struct kea_point *kea_point(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(kea_points) / sizeof(kea_points[0]); i++)
		if (!strcmp(name, kea_points[i].name))
			return &kea_points[i];
	return NULL;
}

int lease_plan(struct lease_plan *plan, int argc, char *const argv[], lease_env_fn env)
{
	const struct kea_point *p;
	int ret = 0;

	memset(plan, 0, sizeof(*plan));
	if (argc < 2)
		return plan_error(plan, "expected add|old|del MAC IP [HOSTNAME] (dnsmasq) or a Kea hook point");
	if (!strcmp(argv[1], "add") || !strcmp(argv[1], "old") || !strcmp(argv[1], "del"))
		ret = plan_dnsmasq(plan, argc, argv, env);
	else if ((p = kea_point(argv[1])))
		ret = plan_kea(plan, p, env);
	/* Anything else is no lease of ours: dnsmasq says to ignore it. */

	/* One bad lease of several: none is to be carried out. */
	if (ret < 0)
		plan->n = 0;
	return ret;
}

void lease_plan_free(struct lease_plan *plan)
{
	free(plan->actions);
	plan->actions = NULL;
	plan->n = plan->alloc = 0;
}

void lease_argv(struct lease_argv *out, const struct lease_action *a, const char *ctl)
{
	char addr[INET6_ADDRSTRLEN];
	char **w = out->argv;

	inet_ntop(a->family, a->addr, addr, sizeof(addr));
	snprintf(out->prefix, sizeof(out->prefix), "%s/%d", addr, a->family == AF_INET ? 32 : 128);
	snprintf(out->ifname, sizeof(out->ifname), "%s", a->ifname);
	*w++ = (char *)ctl;
	*w++ = (char *)"binding";
	*w++ = (char *)(a->kind == LEASE_DEL ? "del" : "replace");
	*w++ = out->prefix;
	*w++ = (char *)"dev";
	*w++ = out->ifname;
	if (a->kind == LEASE_REPLACE) {
		snprintf(out->mac, sizeof(out->mac), "%02x:%02x:%02x:%02x:%02x:%02x",
			 a->mac[0], a->mac[1], a->mac[2], a->mac[3], a->mac[4], a->mac[5]);
		*w++ = (char *)"mac";
		*w++ = out->mac;
		*w++ = (char *)"static";
		if (a->lifetime) {
			snprintf(out->lifetime, sizeof(out->lifetime), "%u", a->lifetime);
			*w++ = (char *)"lifetime";
			*w++ = out->lifetime;
		}
	}
	*w = NULL;
}
