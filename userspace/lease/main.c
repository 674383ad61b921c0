// SPDX-License-Identifier: GPL-2.0
/*
 * lease-hook: dnsmasq's --dhcp-script and Kea's run_script hook library
 * call it on lease events; it keeps a static arpproxy binding per lease,
 * with the lease's lifetime, through arpproxyctl.
 *
 * Exit status: 0 when every command succeeded (or there was nothing to
 * do), 1 when one failed, 2 for a bad argument or variable (then nothing
 * was run). It never runs a shell: arpproxyctl gets its words as an argv.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <libmnl/libmnl.h>
#include <linux/rtnetlink.h>

#include "plan.h"

#define PROG	"lease-hook"

enum route_result {
	ROUTE_OK,
	ROUTE_SKIP,		/* not on a link of ours: why says so */
	ROUTE_FAIL,		/* the lookup itself failed: why says so */
};

struct route {
	uint8_t type;		/* RTN_* */
	uint32_t oif;
	bool gateway;
};

/*
 * Why a lease is skipped, into why: through vsnprintf, so that the
 * messages stay whole strings in the binary (a constant snprintf is turned
 * into stores of its bytes, which lintian reads as misspellings).
 */
static void __attribute__((format(printf, 3, 4)))
say(char *why, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, len, fmt, ap);
	va_end(ap);
}

/* The arpproxyctl installed with this hook, or LEASE_CTL_DEFAULT. */
static const char *installed_ctl(char *buf, size_t len)
{
	size_t hook = strlen(LEASE_HOOK_PATH);
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);

	if (n <= (ssize_t)hook || (size_t)n - hook + strlen(LEASE_CTL_PATH) >= len)
		return LEASE_CTL_DEFAULT;
	buf[n] = '\0';
	if (strcmp(buf + n - hook, LEASE_HOOK_PATH))
		return LEASE_CTL_DEFAULT;
	strcpy(buf + n - hook, LEASE_CTL_PATH);
	return buf;
}

static const char *env_get(const char *name)
{
	return getenv(name);
}

static int route_attr_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;

	/* Attributes newer than our headers: not the ones we read. */
	if (mnl_attr_type_valid(attr, RTA_MAX) < 0)
		return MNL_CB_OK;
	tb[mnl_attr_get_type(attr)] = attr;
	return MNL_CB_OK;
}

static int route_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[RTA_MAX + 1] = { NULL };
	struct route *r = data;

	/* errno tells a reply we cannot read from the kernel's own refusal */
	if (nlh->nlmsg_type != RTM_NEWROUTE ||
	    mnl_attr_parse(nlh, sizeof(*rtm), route_attr_cb, tb) < 0 ||
	    (tb[RTA_OIF] && mnl_attr_validate(tb[RTA_OIF], MNL_TYPE_U32) < 0)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	r->type = rtm->rtm_type;
	r->oif = tb[RTA_OIF] ? mnl_attr_get_u32(tb[RTA_OIF]) : 0;
	/* RTA_VIA: an IPv4 route through an IPv6 next hop */
	r->gateway = tb[RTA_GATEWAY] || tb[RTA_VIA];
	return MNL_CB_STOP;
}

/*
 * Ask the kernel the route it would send to a's address by, as "ip route
 * get" does: the lease is on a link of ours only if that route is directly
 * connected, and then its interface is the one to bind on.
 */
static enum route_result route_ifname(struct mnl_socket *nl, const struct lease_action *a,
				      char *ifname, char *why, size_t len)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	uint32_t seq = (uint32_t)time(NULL);
	struct route r = { 0 };
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	ssize_t n;
	int ret;

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETROUTE;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_seq = seq;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = a->family;
	rtm->rtm_dst_len = a->family == AF_INET ? 32 : 128;
	mnl_attr_put(nlh, RTA_DST, a->family == AF_INET ? 4 : 16, a->addr);

	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		say(why, len, "asking the kernel its route failed: %s", strerror(errno));
		return ROUTE_FAIL;
	}
	do {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0) {
			say(why, len, "reading the kernel's route failed: %s", strerror(errno));
			return ROUTE_FAIL;
		}
		ret = mnl_cb_run(buf, n, seq, mnl_socket_get_portid(nl), route_cb, &r);
	} while (ret == MNL_CB_OK);
	/* The kernel's own answer, as "ip route get" would print it */
	if (ret < 0 && errno != EBADMSG && errno != ESRCH && errno != EPROTO) {
		say(why, len, "no route to it (%s)", strerror(errno));
		return ROUTE_SKIP;
	}
	if (ret < 0) {
		say(why, len, "the kernel's route could not be read: %s", strerror(errno));
		return ROUTE_FAIL;
	}
	if (r.type == RTN_LOCAL) {
		say(why, len, "it is an address of this host");
		return ROUTE_SKIP;
	}
	if (r.type != RTN_UNICAST || !r.oif) {
		say(why, len, "its route is not a unicast one");
		return ROUTE_SKIP;
	}
	if (r.gateway) {
		say(why, len, "it is routed through a gateway, not on a link of ours");
		return ROUTE_SKIP;
	}
	if (!if_indextoname(r.oif, ifname)) {
		say(why, len, "its interface %u has no name: %s", r.oif, strerror(errno));
		return ROUTE_FAIL;
	}
	return ROUTE_OK;
}

static void print_argv(FILE *f, char *const argv[])
{
	int i;

	for (i = 0; argv[i]; i++)
		fprintf(f, "%s%s", i ? " " : "", argv[i]);
}

/* Run argv[0] with argv, no shell and no PATH search; 0 if it succeeded. */
static int run(char *const argv[])
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, PROG ": fork: %s\n", strerror(errno));
		return -1;
	}
	if (!pid) {
		execv(argv[0], argv);
		fprintf(stderr, PROG ": cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, PROG ": waiting for %s: %s\n", argv[0], strerror(errno));
			return -1;
		}
	}
	if (WIFEXITED(status) && !WEXITSTATUS(status))
		return 0;
	/* arpproxyctl said why; say which of the commands it was */
	fprintf(stderr, PROG ": failed (");
	if (WIFEXITED(status))
		fprintf(stderr, "exit status %d", WEXITSTATUS(status));
	else
		fprintf(stderr, "signal %d", WTERMSIG(status));
	fprintf(stderr, "): ");
	print_argv(stderr, argv);
	fputc('\n', stderr);
	return -1;
}

static void say_skip(const struct lease_action *a, const char *why)
{
	char addr[INET6_ADDRSTRLEN];

	inet_ntop(a->family, a->addr, addr, sizeof(addr));
	fprintf(stderr, PROG ": %s skipped: %s\n", addr, why);
}

/* Carry out one planned action; 0 if done or rightly skipped. */
static int carry_out(struct lease_action *a, struct mnl_socket **nl, const char *ctl)
{
	struct lease_argv words;
	char why[160];

	if (a->kind == LEASE_SKIP) {
		say_skip(a, a->reason);
		return 0;
	}
	if (!a->ifname[0]) {
		if (!*nl) {
			*nl = mnl_socket_open(NETLINK_ROUTE);
			if (!*nl || mnl_socket_bind(*nl, 0, MNL_SOCKET_AUTOPID) < 0) {
				fprintf(stderr, PROG ": rtnetlink: %s\n", strerror(errno));
				if (*nl)
					mnl_socket_close(*nl);
				*nl = NULL;
				return -1;
			}
		}
		switch (route_ifname(*nl, a, a->ifname, why, sizeof(why))) {
		case ROUTE_OK:
			break;
		case ROUTE_SKIP:
			say_skip(a, why);
			return 0;
		default:
			say_skip(a, why);
			return -1;
		}
	}
	lease_argv(&words, a, ctl);
	return run(words.argv);
}

int main(int argc, char **argv)
{
	const char *ctl = getenv("ARPPROXYCTL");
	char self[PATH_MAX];
	struct mnl_socket *nl = NULL;
	struct lease_plan plan;
	bool failed = false;
	size_t i;

	/* An ignored SIGCHLD would survive exec and leave waitpid() nothing. */
	signal(SIGCHLD, SIG_DFL);
	if (!ctl || !*ctl)
		ctl = installed_ctl(self, sizeof(self));
	if (lease_plan(&plan, argc, argv, env_get) < 0) {
		fprintf(stderr, PROG ": %s\n", plan.error);
		lease_plan_free(&plan);
		return 2;
	}
	for (i = 0; i < plan.n; i++)
		if (carry_out(&plan.actions[i], &nl, ctl) < 0)
			failed = true;
	if (nl)
		mnl_socket_close(nl);
	lease_plan_free(&plan);
	return failed ? 1 : 0;
}
