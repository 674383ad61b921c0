// SPDX-License-Identifier: GPL-2.0
/* The DHCP lease hook's calls to commands: userspace/lease/plan.c. */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "lease/plan.h"
#include "suites.h"

#define ARGS_MAX	6
#define ENV_MAX		40

/* One call of the hook, and what it plans: one line per action. */
struct call {
	const char *argv[ARGS_MAX];	/* after the program's name */
	const char *env[ENV_MAX];	/* "NAME=value" */
	const char *want;
};

static const char *const *fake_env;

/* The environment the test gives, and nothing of the real one. */
static const char *env_of_test(const char *name)
{
	size_t len = strlen(name);
	const char *const *e;

	for (e = fake_env; *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

/*
 * The plan as text: each command as lease_argv() words it ("(route)" for
 * the interface the route lookup would find), "skip ADDR: reason" for a
 * skipped lease, "error: message" when the call is refused.
 */
static const char *plan_text(const struct call *c)
{
	static char text[2048];
	char *argv[ARGS_MAX + 2] = { "lease-hook" };
	struct lease_plan plan;
	size_t i, off = 0;
	int argc, ret;

	for (argc = 1; argc <= ARGS_MAX && c->argv[argc - 1]; argc++)
		argv[argc] = (char *)c->argv[argc - 1];
	fake_env = c->env;
	ret = lease_plan(&plan, argc, argv, env_of_test);
	text[0] = '\0';
	if (ret < 0) {
		ck_assert_uint_eq(plan.n, 0);
		snprintf(text, sizeof(text), "error: %s", plan.error);
		lease_plan_free(&plan);
		return text;
	}
	ck_assert_int_eq(ret, 0);
	for (i = 0; i < plan.n; i++) {
		struct lease_action a = plan.actions[i];
		char addr[INET6_ADDRSTRLEN];
		struct lease_argv words;
		char **w;

		if (i)
			off += snprintf(text + off, sizeof(text) - off, "\n");
		if (a.kind == LEASE_SKIP) {
			inet_ntop(a.family, a.addr, addr, sizeof(addr));
			off += snprintf(text + off, sizeof(text) - off, "skip %s: %s", addr, a.reason);
			continue;
		}
		if (!a.ifname[0])
			strcpy(a.ifname, "(route)");
		lease_argv(&words, &a, "/usr/sbin/arpproxyctl");
		for (w = words.argv; *w; w++)
			off += snprintf(text + off, sizeof(text) - off, "%s%s",
					w == words.argv ? "" : " ", *w);
		ck_assert_int_le(w - words.argv, LEASE_ARGV_MAX - 1);
	}
	lease_plan_free(&plan);
	return text;
}

#define CTL	"/usr/sbin/arpproxyctl binding "

/* dnsmasq: add|old|del MAC|DUID IP [HOSTNAME] */
static const struct call dnsmasq_calls[] = {
	/* a new lease, on the interface the request came in on */
	{ { "add", "52:54:00:12:34:56", "192.168.10.50", "laptop" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=1795740301",
	    "DNSMASQ_TIME_REMAINING=3600", "DNSMASQ_SUPPLIED_HOSTNAME=laptop" },
	  CTL "replace 192.168.10.50/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 3600" },
	/* upper-case hex (dnsmasq prints lower), no hostname */
	{ { "add", "52:54:00:AB:CD:EF", "10.1.2.3" },
	  { "DNSMASQ_INTERFACE=br0", "DNSMASQ_LEASE_EXPIRES=1795740301",
	    "DNSMASQ_TIME_REMAINING=86400" },
	  CTL "replace 10.1.2.3/32 dev br0 mac 52:54:00:ab:cd:ef static lifetime 86400" },
	/* a renewal (--script-on-renewal) or a changed lease: the time left */
	{ { "old", "52:54:00:12:34:56", "192.168.10.50", "laptop" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=1795740000",
	    "DNSMASQ_TIME_REMAINING=3299" },
	  CTL "replace 192.168.10.50/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 3299" },
	/* "old" at dnsmasq's start: no DNSMASQ_INTERFACE, the route decides */
	{ { "old", "52:54:00:12:34:56", "192.168.10.50" },
	  { "DNSMASQ_LEASE_EXPIRES=1795740000", "DNSMASQ_TIME_REMAINING=1200",
	    "DNSMASQ_DATA_MISSING=1" },
	  CTL "replace 192.168.10.50/32 dev (route) mac 52:54:00:12:34:56 static lifetime 1200" },
	/* an add without the interface too */
	{ { "add", "52:54:00:12:34:56", "192.168.10.51" },
	  { "DNSMASQ_LEASE_EXPIRES=1795740000", "DNSMASQ_TIME_REMAINING=600" },
	  CTL "replace 192.168.10.51/32 dev (route) mac 52:54:00:12:34:56 static lifetime 600" },
	/* del: no lifetime; the MAC is not used, so not checked */
	{ { "del", "52:54:00:12:34:56", "192.168.10.50", "laptop" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=1795740000" },
	  CTL "del 192.168.10.50/32 dev eth1" },
	{ { "del", "not-a-mac", "192.168.10.50" },
	  { "DNSMASQ_LEASE_EXPIRES=1795740000" },
	  CTL "del 192.168.10.50/32 dev (route)" },
	/* infinite: DNSMASQ_LEASE_EXPIRES 0 and no DNSMASQ_TIME_REMAINING */
	{ { "add", "52:54:00:12:34:56", "192.168.10.52" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=0" },
	  CTL "replace 192.168.10.52/32 dev eth1 mac 52:54:00:12:34:56 static" },
	/* HAVE_BROKEN_RTC: DNSMASQ_LEASE_LENGTH, 0 when infinite */
	{ { "add", "52:54:00:12:34:56", "192.168.10.53" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_LENGTH=0" },
	  CTL "replace 192.168.10.53/32 dev eth1 mac 52:54:00:12:34:56 static" },
	{ { "old", "52:54:00:12:34:56", "192.168.10.53" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_LENGTH=3600",
	    "DNSMASQ_TIME_REMAINING=1800" },
	  CTL "replace 192.168.10.53/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 1800" },
	/* at its very end dnsmasq leaves DNSMASQ_TIME_REMAINING (0) out */
	{ { "old", "52:54:00:12:34:56", "192.168.10.54" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=1795740000" },
	  CTL "replace 192.168.10.54/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 1" },
	/* longer than arpproxyctl's lifetime takes: its maximum */
	{ { "add", "52:54:00:12:34:56", "192.168.10.55" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=5795740000",
	    "DNSMASQ_TIME_REMAINING=4000000000" },
	  CTL "replace 192.168.10.55/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 2147483647" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.55" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=1795740000",
	    "DNSMASQ_TIME_REMAINING=2147483647" },
	  CTL "replace 192.168.10.55/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 2147483647" },
	/* relayed: the request came in from the relay's link, not the client's */
	{ { "add", "52:54:00:12:34:56", "172.16.30.7" },
	  { "DNSMASQ_INTERFACE=eth0", "DNSMASQ_RELAY_ADDRESS=172.16.30.1",
	    "DNSMASQ_LEASE_EXPIRES=1795740000", "DNSMASQ_TIME_REMAINING=600" },
	  CTL "replace 172.16.30.7/32 dev (route) mac 52:54:00:12:34:56 static lifetime 600" },
	/* DHCPv6: the DUID in place of the MAC, which is DNSMASQ_MAC */
	{ { "add", "00:01:00:01:2c:5f:1a:2b:52:54:00:12:34:56", "2001:db8:10::1:50", "laptop" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_IAID=12345678", "DNSMASQ_MAC=52:54:00:12:34:56",
	    "DNSMASQ_SERVER_DUID=00:01:00:01:2c:00:00:01:52:54:00:00:00:01",
	    "DNSMASQ_LEASE_EXPIRES=1795740301", "DNSMASQ_TIME_REMAINING=7200" },
	  CTL "replace 2001:db8:10::1:50/128 dev eth1 mac 52:54:00:12:34:56 static lifetime 7200" },
	/* ... written as the shortest text, as arpproxyctl shows it */
	{ { "old", "00:01:00:01:2c:5f:1a:2b:52:54:00:12:34:56", "2001:0DB8:0010:0:0:0:1:0050" },
	  { "DNSMASQ_IAID=12345678", "DNSMASQ_MAC=52:54:00:12:34:56",
	    "DNSMASQ_LEASE_EXPIRES=0" },
	  CTL "replace 2001:db8:10::1:50/128 dev (route) mac 52:54:00:12:34:56 static" },
	/* ... and without a known MAC, skipped with a word why */
	{ { "add", "00:01:00:01:2c:5f:1a:2b:52:54:00:12:34:56", "2001:db8:10::1:50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_IAID=12345678",
	    "DNSMASQ_LEASE_EXPIRES=1795740301", "DNSMASQ_TIME_REMAINING=7200" },
	  "skip 2001:db8:10::1:50: no MAC address known (DNSMASQ_MAC is unset)" },
	/* a DHCPv6 del needs no MAC */
	{ { "del", "00:01:00:01:2c:5f:1a:2b:52:54:00:12:34:56", "2001:db8:10::1:50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_IAID=12345678", "DNSMASQ_LEASE_EXPIRES=0" },
	  CTL "del 2001:db8:10::1:50/128 dev eth1" },
	/* another network type: "06-" for token ring; none ("01-") */
	{ { "add", "06-01:23:45:67:89:ab", "192.168.10.56" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=0" },
	  "skip 192.168.10.56: hardware address \"06-01:23:45:67:89:ab\" in argument 2 is not Ethernet's" },
	{ { "add", "01-", "192.168.10.57" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=0" },
	  "skip 192.168.10.57: hardware address \"01-\" in argument 2 is not Ethernet's" },
};

START_TEST(test_dnsmasq)
{
	ck_assert_str_eq(plan_text(&dnsmasq_calls[_i]), dnsmasq_calls[_i].want);
}
END_TEST

/* Not about leases: nothing to do, and (for "init") nothing printed */
static const struct call ignored_calls[] = {
	{ { "init" }, { "DNSMASQ_INTERFACE=eth1" }, "" },
	{ { "tftp", "1024", "192.168.10.50", "/srv/tftp/pxelinux.0" }, { NULL }, "" },
	{ { "arp-add", "52:54:00:12:34:56", "192.168.10.50" }, { NULL }, "" },
	{ { "arp-del", "52:54:00:12:34:56", "192.168.10.50" }, { NULL }, "" },
	{ { "arp", "52:54:00:12:34:56", "192.168.10.50" }, { NULL }, "" },
	{ { "arp-old", "52:54:00:12:34:56", "192.168.10.50" }, { NULL }, "" },
	{ { "relay-snoop", "eth1", "fe80::1", "2001:db8:99::/56" }, { NULL }, "" },
	/* Kea's declined address back in the pool: no client's */
	{ { "lease4_recover" },
	  { "LEASE4_ADDRESS=192.168.10.50", "LEASE4_HWADDR=", "LEASE4_STATE=declined",
	    "LEASE4_VALID_LIFETIME=86400" }, "" },
	{ { "lease6_recover" },
	  { "LEASE6_ADDRESS=2001:db8:10::1:50", "LEASE6_HWADDR=", "LEASE6_TYPE=IA_NA" }, "" },
	/* hook points run_script has not, or may have some day */
	{ { "lease4_select" }, { "LEASE4_ADDRESS=192.168.10.50" }, "" },
	{ { "pkt4_receive" }, { NULL }, "" },
	{ { "ADD", "52:54:00:12:34:56", "192.168.10.50" }, { NULL }, "" },
	{ { "" }, { NULL }, "" },
};

START_TEST(test_ignored)
{
	ck_assert_str_eq(plan_text(&ignored_calls[_i]), "");
}
END_TEST

/* Kea's run_script: the hook point, the lease(s) in the environment */
static const struct call kea_calls[] = {
	/* a DISCOVER/REQUEST exchange that committed no lease */
	{ { "leases4_committed" },
	  { "QUERY4_TYPE=DHCPREQUEST", "QUERY4_IFACE_NAME=eth1", "QUERY4_RELAYED=false",
	    "LEASES4_SIZE=0", "DELETED_LEASES4_SIZE=0" }, "" },
	/* one new lease */
	{ { "leases4_committed" },
	  { "QUERY4_TYPE=DHCPREQUEST", "QUERY4_IFACE_NAME=eth1", "QUERY4_IFACE_INDEX=3",
	    "QUERY4_RELAYED=false", "QUERY4_GIADDR=0.0.0.0",
	    "LEASES4_SIZE=1", "LEASES4_AT0_ADDRESS=192.168.10.50",
	    "LEASES4_AT0_HWADDR=52:54:00:12:34:56", "LEASES4_AT0_HWADDR_TYPE=1",
	    "LEASES4_AT0_STATE=default", "LEASES4_AT0_VALID_LIFETIME=4000",
	    "LEASES4_AT0_CLTT=1795736701", "LEASES4_AT0_HOSTNAME=",
	    "DELETED_LEASES4_SIZE=0" },
	  CTL "replace 192.168.10.50/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 4000" },
	/* a new address for the client: the old lease goes, then the new comes */
	{ { "leases4_committed" },
	  { "QUERY4_IFACE_NAME=eth1", "QUERY4_RELAYED=false",
	    "LEASES4_SIZE=1", "LEASES4_AT0_ADDRESS=192.168.10.51",
	    "LEASES4_AT0_HWADDR=52:54:00:12:34:56", "LEASES4_AT0_HWADDR_TYPE=1",
	    "LEASES4_AT0_STATE=default", "LEASES4_AT0_VALID_LIFETIME=4000",
	    "DELETED_LEASES4_SIZE=1", "DELETED_LEASES4_AT0_ADDRESS=192.168.10.50",
	    "DELETED_LEASES4_AT0_HWADDR=52:54:00:12:34:56", "DELETED_LEASES4_AT0_HWADDR_TYPE=1",
	    "DELETED_LEASES4_AT0_STATE=default", "DELETED_LEASES4_AT0_VALID_LIFETIME=4000" },
	  CTL "del 192.168.10.50/32 dev eth1\n"
	  CTL "replace 192.168.10.51/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 4000" },
	/* two leases in one list, each its own command, in order */
	{ { "leases4_committed" },
	  { "QUERY4_IFACE_NAME=eth1",
	    "LEASES4_SIZE=2",
	    "LEASES4_AT0_ADDRESS=192.168.10.50", "LEASES4_AT0_HWADDR=52:54:00:12:34:56",
	    "LEASES4_AT0_HWADDR_TYPE=1", "LEASES4_AT0_STATE=default",
	    "LEASES4_AT0_VALID_LIFETIME=4000",
	    "LEASES4_AT1_ADDRESS=192.168.10.60", "LEASES4_AT1_HWADDR=52:54:00:00:00:60",
	    "LEASES4_AT1_HWADDR_TYPE=1", "LEASES4_AT1_STATE=default",
	    "LEASES4_AT1_VALID_LIFETIME=4294967295",
	    "DELETED_LEASES4_SIZE=0" },
	  CTL "replace 192.168.10.50/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 4000\n"
	  CTL "replace 192.168.10.60/32 dev eth1 mac 52:54:00:00:00:60 static" },
	/* a RELEASE's: the released lease among the deleted ones */
	{ { "leases4_committed" },
	  { "QUERY4_TYPE=DHCPRELEASE", "QUERY4_IFACE_NAME=eth1", "LEASES4_SIZE=0",
	    "DELETED_LEASES4_SIZE=1", "DELETED_LEASES4_AT0_ADDRESS=192.168.10.50",
	    "DELETED_LEASES4_AT0_HWADDR=52:54:00:12:34:56", "DELETED_LEASES4_AT0_HWADDR_TYPE=1",
	    "DELETED_LEASES4_AT0_STATE=default", "DELETED_LEASES4_AT0_VALID_LIFETIME=4000" },
	  CTL "del 192.168.10.50/32 dev eth1" },
	/* a DECLINE's: the declined lease among the new ones, client stripped */
	{ { "leases4_committed" },
	  { "QUERY4_TYPE=DHCPDECLINE", "QUERY4_IFACE_NAME=eth1", "LEASES4_SIZE=1",
	    "LEASES4_AT0_ADDRESS=192.168.10.50", "LEASES4_AT0_HWADDR=",
	    "LEASES4_AT0_HWADDR_TYPE=1", "LEASES4_AT0_STATE=declined",
	    "LEASES4_AT0_VALID_LIFETIME=86400", "DELETED_LEASES4_SIZE=0" },
	  CTL "del 192.168.10.50/32 dev eth1" },
	/* relayed: from the relay's link; Kea's empty values are unset ones */
	{ { "leases4_committed" },
	  { "QUERY4_IFACE_NAME=eth0", "QUERY4_RELAYED=true", "QUERY4_GIADDR=172.16.30.1",
	    "LEASES4_SIZE=1", "LEASES4_AT0_ADDRESS=172.16.30.7",
	    "LEASES4_AT0_HWADDR=52:54:00:12:34:56", "LEASES4_AT0_HWADDR_TYPE=1",
	    "LEASES4_AT0_STATE=default", "LEASES4_AT0_VALID_LIFETIME=600",
	    "DELETED_LEASES4_SIZE=0" },
	  CTL "replace 172.16.30.7/32 dev (route) mac 52:54:00:12:34:56 static lifetime 600" },
	{ { "leases4_committed" },
	  { "QUERY4_IFACE_NAME=", "LEASES4_SIZE=1", "LEASES4_AT0_ADDRESS=192.168.10.50",
	    "LEASES4_AT0_HWADDR=52:54:00:12:34:56", "LEASES4_AT0_HWADDR_TYPE=",
	    "LEASES4_AT0_STATE=", "LEASES4_AT0_VALID_LIFETIME=0", "DELETED_LEASES4_SIZE=" },
	  CTL "replace 192.168.10.50/32 dev (route) mac 52:54:00:12:34:56 static lifetime 1" },
	/* a renewal: lease4_renew (leases4_committed comes as well) */
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=eth1", "QUERY4_RELAYED=false", "SUBNET4_ID=1",
	    "PKT4_HWADDR=52:54:00:12:34:56", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=52:54:00:12:34:56", "LEASE4_HWADDR_TYPE=1",
	    "LEASE4_STATE=default", "LEASE4_VALID_LIFETIME=4000" },
	  CTL "replace 192.168.10.50/32 dev eth1 mac 52:54:00:12:34:56 static lifetime 4000" },
	{ { "lease4_release" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=52:54:00:12:34:56", "LEASE4_HWADDR_TYPE=1",
	    "LEASE4_STATE=default", "LEASE4_VALID_LIFETIME=4000" },
	  CTL "del 192.168.10.50/32 dev eth1" },
	/* no query when a lease expires: the route decides */
	{ { "lease4_expire" },
	  { "LEASE4_ADDRESS=192.168.10.50", "LEASE4_HWADDR=52:54:00:12:34:56",
	    "LEASE4_HWADDR_TYPE=1", "LEASE4_STATE=default", "LEASE4_VALID_LIFETIME=4000",
	    "REMOVE_LEASE=true" },
	  CTL "del 192.168.10.50/32 dev (route)" },
	/* a declined lease's probation ended: expired, its binding long gone */
	{ { "lease4_expire" },
	  { "LEASE4_ADDRESS=192.168.10.50", "LEASE4_HWADDR=", "LEASE4_HWADDR_TYPE=1",
	    "LEASE4_STATE=declined", "LEASE4_VALID_LIFETIME=5", "REMOVE_LEASE=true" }, "" },
	{ { "lease4_decline" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=52:54:00:12:34:56", "LEASE4_HWADDR_TYPE=1",
	    "LEASE4_STATE=default", "LEASE4_VALID_LIFETIME=4000" },
	  CTL "del 192.168.10.50/32 dev eth1" },
	/* a client of another hardware type */
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=ib0", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:00:0f:02",
	    "LEASE4_HWADDR_TYPE=32", "LEASE4_STATE=default", "LEASE4_VALID_LIFETIME=4000" },
	  "skip 192.168.10.50: hardware type 32 in LEASE4_HWADDR_TYPE is not Ethernet's" },
	/* DHCPv6, with a hardware address */
	{ { "leases6_committed" },
	  { "QUERY6_TYPE=REQUEST", "QUERY6_IFACE_NAME=eth1", "LEASES6_SIZE=1",
	    "LEASES6_AT0_ADDRESS=2001:db8:10::1:50", "LEASES6_AT0_HWADDR=52:54:00:12:34:56",
	    "LEASES6_AT0_HWADDR_TYPE=1", "LEASES6_AT0_STATE=default",
	    "LEASES6_AT0_VALID_LIFETIME=7200", "LEASES6_AT0_PREFERRED_LIFETIME=3600",
	    "LEASES6_AT0_TYPE=IA_NA", "LEASES6_AT0_PREFIX_LEN=128",
	    "LEASES6_AT0_DUID=00:01:00:01:2c:5f:1a:2b:52:54:00:12:34:56",
	    "DELETED_LEASES6_SIZE=0" },
	  CTL "replace 2001:db8:10::1:50/128 dev eth1 mac 52:54:00:12:34:56 static lifetime 7200" },
	/* ... without one: skipped; a delegated prefix: not ours at all */
	{ { "leases6_committed" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASES6_SIZE=2",
	    "LEASES6_AT0_ADDRESS=2001:db8:10::1:51", "LEASES6_AT0_HWADDR=",
	    "LEASES6_AT0_HWADDR_TYPE=", "LEASES6_AT0_STATE=default",
	    "LEASES6_AT0_VALID_LIFETIME=7200", "LEASES6_AT0_TYPE=IA_NA",
	    "LEASES6_AT1_ADDRESS=2001:db8:99::", "LEASES6_AT1_HWADDR=52:54:00:12:34:56",
	    "LEASES6_AT1_HWADDR_TYPE=1", "LEASES6_AT1_STATE=default",
	    "LEASES6_AT1_VALID_LIFETIME=7200", "LEASES6_AT1_TYPE=IA_PD",
	    "LEASES6_AT1_PREFIX_LEN=56", "DELETED_LEASES6_SIZE=0" },
	  "skip 2001:db8:10::1:51: no MAC address known (LEASES6_AT0_HWADDR is empty)" },
	{ { "lease6_renew" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASE6_ADDRESS=2001:db8:10::1:50",
	    "LEASE6_HWADDR=52:54:00:12:34:56", "LEASE6_HWADDR_TYPE=1", "LEASE6_STATE=default",
	    "LEASE6_VALID_LIFETIME=4294967295", "LEASE6_TYPE=IA_NA" },
	  CTL "replace 2001:db8:10::1:50/128 dev eth1 mac 52:54:00:12:34:56 static" },
	{ { "lease6_rebind" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASE6_ADDRESS=2001:db8:10::1:50",
	    "LEASE6_HWADDR=", "LEASE6_HWADDR_TYPE=", "LEASE6_STATE=default",
	    "LEASE6_VALID_LIFETIME=7200", "LEASE6_TYPE=IA_NA" },
	  "skip 2001:db8:10::1:50: no MAC address known (LEASE6_HWADDR is empty)" },
	{ { "lease6_release" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASE6_ADDRESS=2001:db8:10::1:50", "LEASE6_HWADDR=",
	    "LEASE6_TYPE=IA_NA" },
	  CTL "del 2001:db8:10::1:50/128 dev eth1" },
	{ { "lease6_expire" },
	  { "LEASE6_ADDRESS=2001:db8:10::1:50", "LEASE6_HWADDR=52:54:00:12:34:56",
	    "LEASE6_TYPE=IA_NA", "REMOVE_LEASE=false" },
	  CTL "del 2001:db8:10::1:50/128 dev (route)" },
	{ { "lease6_expire" },
	  { "LEASE6_ADDRESS=2001:db8:10::1:50", "LEASE6_HWADDR=", "LEASE6_STATE=declined",
	    "LEASE6_TYPE=IA_NA", "REMOVE_LEASE=false" }, "" },
	{ { "lease6_decline" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASE6_ADDRESS=2001:db8:10::1:50",
	    "LEASE6_TYPE=IA_NA" },
	  CTL "del 2001:db8:10::1:50/128 dev eth1" },
	{ { "lease6_release" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASE6_ADDRESS=2001:db8:99::", "LEASE6_TYPE=IA_PD",
	    "LEASE6_PREFIX_LEN=56" }, "" },
	/* a DECLINE's leases6_committed, and a replaced address */
	{ { "leases6_committed" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASES6_SIZE=1",
	    "LEASES6_AT0_ADDRESS=2001:db8:10::1:50", "LEASES6_AT0_HWADDR=",
	    "LEASES6_AT0_STATE=declined", "LEASES6_AT0_TYPE=IA_NA",
	    "DELETED_LEASES6_SIZE=1", "DELETED_LEASES6_AT0_ADDRESS=2001:db8:10::1:49",
	    "DELETED_LEASES6_AT0_TYPE=IA_NA" },
	  CTL "del 2001:db8:10::1:49/128 dev eth1\n"
	  CTL "del 2001:db8:10::1:50/128 dev eth1" },
};

START_TEST(test_kea)
{
	ck_assert_str_eq(plan_text(&kea_calls[_i]), kea_calls[_i].want);
}
END_TEST

/* A bad argument or variable: one line naming it, nothing planned */
static const struct call bad_calls[] = {
	{ { NULL }, { NULL },
	  "error: expected add|old|del MAC IP [HOSTNAME] (dnsmasq) or a Kea hook point" },
	{ { "add", "52:54:00:12:34:56" }, { NULL },
	  "error: add: expected a MAC (or DUID) and an IP address" },
	{ { "add", "52:54:00:12:34:5", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid MAC \"52:54:00:12:34:5\" in argument 2: expected six colon-separated hex pairs" },
	{ { "add", "52-54-00-12-34-56", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid MAC \"52-54-00-12-34-56\" in argument 2: expected six colon-separated hex pairs" },
	{ { "add", "52:54:00:12:34:56:78", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid MAC \"52:54:00:12:34:56:78\" in argument 2: expected six colon-separated hex pairs" },
	{ { "add", "01:00:5e:00:00:01", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid MAC \"01:00:5e:00:00:01\" in argument 2: not a unicast address" },
	{ { "add", "00:00:00:00:00:00", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid MAC \"00:00:00:00:00:00\" in argument 2: all zeros" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.256" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid IPv4 address \"192.168.10.256\" in argument 3" },
	{ { "del", "52:54:00:12:34:56", "192.168.10.50/24" }, { NULL },
	  "error: invalid IPv4 address \"192.168.10.50/24\" in argument 3" },
	{ { "add", "52:54:00:12:34:56", "2001:db8::g" }, { "DNSMASQ_MAC=52:54:00:12:34:56" },
	  "error: invalid IPv6 address \"2001:db8::g\" in argument 3" },
	{ { "add", "00:01:00:01", "2001:db8::5" },
	  { "DNSMASQ_MAC=52:54:00:12:34", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid MAC \"52:54:00:12:34\" in DNSMASQ_MAC: expected six colon-separated hex pairs" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=1795740301",
	    "DNSMASQ_TIME_REMAINING=12x" },
	  "error: invalid lifetime \"12x\" in DNSMASQ_TIME_REMAINING: expected seconds" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=-5" },
	  "error: invalid lifetime \"-5\" in DNSMASQ_TIME_REMAINING: expected seconds" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_TIME_REMAINING=99999999999999999999" },
	  "error: invalid lifetime \"99999999999999999999\" in DNSMASQ_TIME_REMAINING: expected seconds" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=eth1", "DNSMASQ_LEASE_EXPIRES=never" },
	  "error: invalid lifetime \"never\" in DNSMASQ_LEASE_EXPIRES: expected seconds" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.50" }, { "DNSMASQ_INTERFACE=eth1" },
	  "error: no lease time: DNSMASQ_TIME_REMAINING, DNSMASQ_LEASE_EXPIRES and DNSMASQ_LEASE_LENGTH are all unset" },
	{ { "add", "52:54:00:12:34:56", "192.168.10.50" },
	  { "DNSMASQ_INTERFACE=a-very-long-ifname", "DNSMASQ_TIME_REMAINING=600" },
	  "error: invalid interface name \"a-very-long-ifname\" in DNSMASQ_INTERFACE" },
	{ { "del", "52:54:00:12:34:56", "192.168.10.50" }, { "DNSMASQ_INTERFACE=../eth1" },
	  "error: invalid interface name \"../eth1\" in DNSMASQ_INTERFACE" },
	/* Kea: an IPv6 address where IPv4 belongs, and the rest */
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=2001:db8::5",
	    "LEASE4_HWADDR=52:54:00:12:34:56", "LEASE4_VALID_LIFETIME=4000" },
	  "error: invalid IPv4 address \"2001:db8::5\" in LEASE4_ADDRESS" },
	{ { "lease4_release" }, { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=" },
	  "error: LEASE4_ADDRESS is not set" },
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=5254.0012.3456", "LEASE4_HWADDR_TYPE=1", "LEASE4_VALID_LIFETIME=4000" },
	  "error: invalid MAC \"5254.0012.3456\" in LEASE4_HWADDR: expected six colon-separated hex pairs" },
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=52:54:00:12:34:56", "LEASE4_VALID_LIFETIME=4000s" },
	  "error: invalid lifetime \"4000s\" in LEASE4_VALID_LIFETIME: expected seconds" },
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=52:54:00:12:34:56", "LEASE4_VALID_LIFETIME=4294967296" },
	  "error: invalid lifetime \"4294967296\" in LEASE4_VALID_LIFETIME: expected 0..4294967295" },
	{ { "lease4_renew" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASE4_ADDRESS=192.168.10.50",
	    "LEASE4_HWADDR=52:54:00:12:34:56" },
	  "error: LEASE4_VALID_LIFETIME is not set" },
	{ { "leases4_committed" }, { "QUERY4_IFACE_NAME=eth1", "LEASES4_SIZE=one" },
	  "error: invalid number of leases \"one\" in LEASES4_SIZE: expected 0..4096" },
	{ { "leases4_committed" }, { "QUERY4_IFACE_NAME=eth1", "DELETED_LEASES4_SIZE=4097" },
	  "error: invalid number of leases \"4097\" in DELETED_LEASES4_SIZE: expected 0..4096" },
	/* the second lease is bad: the first is not carried out either */
	{ { "leases4_committed" },
	  { "QUERY4_IFACE_NAME=eth1", "LEASES4_SIZE=2",
	    "LEASES4_AT0_ADDRESS=192.168.10.50", "LEASES4_AT0_HWADDR=52:54:00:12:34:56",
	    "LEASES4_AT0_VALID_LIFETIME=4000", "LEASES4_AT1_ADDRESS=192.168.10.51",
	    "LEASES4_AT1_HWADDR=52:54:00:12:34:57", "LEASES4_AT1_VALID_LIFETIME=x" },
	  "error: invalid lifetime \"x\" in LEASES4_AT1_VALID_LIFETIME: expected seconds" },
	{ { "leases6_committed" },
	  { "QUERY6_IFACE_NAME=eth1", "LEASES6_SIZE=1", "LEASES6_AT0_ADDRESS=192.168.10.50",
	    "LEASES6_AT0_TYPE=IA_NA" },
	  "error: invalid IPv6 address \"192.168.10.50\" in LEASES6_AT0_ADDRESS" },
	{ { "lease6_renew" },
	  { "QUERY6_IFACE_NAME=eth 1", "LEASE6_ADDRESS=2001:db8::5" },
	  "error: invalid interface name \"eth 1\" in QUERY6_IFACE_NAME" },
};

START_TEST(test_bad)
{
	ck_assert_str_eq(plan_text(&bad_calls[_i]), bad_calls[_i].want);
}
END_TEST

/* The words of each kind of command, and that nothing else is there */
START_TEST(test_argv)
{
	struct lease_action a = { .kind = LEASE_REPLACE, .family = AF_INET,
				  .addr = { 10, 0, 0, 5 },
				  .mac = { 0x02, 0, 0, 0, 0, 0xaa },
				  .ifname = "e0", .lifetime = 60 };
	static const char *const replace[] = {
		"/x/ctl", "binding", "replace", "10.0.0.5/32", "dev", "e0",
		"mac", "02:00:00:00:00:aa", "static", "lifetime", "60", NULL,
	};
	static const char *const del6[] = {
		"/x/ctl", "binding", "del", "2001:db8::5/128", "dev", "e0", NULL,
	};
	struct lease_argv w;
	size_t i;

	lease_argv(&w, &a, "/x/ctl");
	for (i = 0; replace[i]; i++)
		ck_assert_str_eq(w.argv[i], replace[i]);
	ck_assert_ptr_null(w.argv[i]);

	a.lifetime = 0;
	lease_argv(&w, &a, "/x/ctl");
	ck_assert_str_eq(w.argv[8], "static");
	ck_assert_ptr_null(w.argv[9]);

	a.kind = LEASE_DEL;
	a.family = AF_INET6;
	ck_assert_int_eq(inet_pton(AF_INET6, "2001:db8::5", a.addr), 1);
	lease_argv(&w, &a, "/x/ctl");
	for (i = 0; del6[i]; i++)
		ck_assert_str_eq(w.argv[i], del6[i]);
	ck_assert_ptr_null(w.argv[i]);
}
END_TEST

/* Many leases in one call: every one planned, the list grown as needed */
START_TEST(test_many_leases)
{
	static char vars[3 * 100][48];
	const char *env[3 * 100 + 3];
	struct lease_plan plan;
	char *argv[] = { "lease-hook", "leases4_committed", NULL };
	size_t i, n = 0;

	for (i = 0; i < 100; i++) {
		snprintf(vars[n], sizeof(vars[n]), "LEASES4_AT%zu_ADDRESS=10.0.%zu.%zu", i, i / 250, i % 250 + 1);
		env[n] = vars[n];
		n++;
		snprintf(vars[n], sizeof(vars[n]), "LEASES4_AT%zu_HWADDR=02:00:00:00:00:%02zx", i, i);
		env[n] = vars[n];
		n++;
		snprintf(vars[n], sizeof(vars[n]), "LEASES4_AT%zu_VALID_LIFETIME=%zu", i, i + 1);
		env[n] = vars[n];
		n++;
	}
	env[n++] = "LEASES4_SIZE=100";
	env[n++] = "QUERY4_IFACE_NAME=eth1";
	env[n] = NULL;
	fake_env = env;
	ck_assert_int_eq(lease_plan(&plan, 2, argv, env_of_test), 0);
	ck_assert_uint_eq(plan.n, 100);
	ck_assert_int_eq(plan.actions[99].kind, LEASE_REPLACE);
	ck_assert_uint_eq(plan.actions[99].addr[3], 100);
	ck_assert_uint_eq(plan.actions[99].mac[5], 99);
	ck_assert_uint_eq(plan.actions[99].lifetime, 100);
	ck_assert_str_eq(plan.actions[99].ifname, "eth1");
	lease_plan_free(&plan);
}
END_TEST

Suite *lease_suite(void)
{
	Suite *s = suite_create("lease");
	TCase *dnsmasq = tcase_create("dnsmasq");
	TCase *kea = tcase_create("kea");
	TCase *calls = tcase_create("calls");

	tcase_add_loop_test(dnsmasq, test_dnsmasq, 0, N(dnsmasq_calls));
	suite_add_tcase(s, dnsmasq);
	tcase_add_loop_test(kea, test_kea, 0, N(kea_calls));
	tcase_add_test(kea, test_many_leases);
	suite_add_tcase(s, kea);
	tcase_add_loop_test(calls, test_ignored, 0, N(ignored_calls));
	tcase_add_loop_test(calls, test_bad, 0, N(bad_calls));
	tcase_add_test(calls, test_argv);
	suite_add_tcase(s, calls);
	return s;
}
