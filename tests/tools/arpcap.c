// SPDX-License-Identifier: GPL-2.0
/*
 * arpcap: print the ARP frames an interface receives, or with -6 the
 * Neighbor Advertisements, for the in-guest tests of announcements.
 *
 * usage: arpcap [-6] -i IFNAME -w WAIT_MS [-n MAX]
 *
 * Says "ready" on standard error once it listens, then for WAIT_MS (or
 * until MAX frames) prints every ARP frame received on IFNAME (frames it
 * sends are not received), one line each:
 *   T_MS op OP eth SRC > DST sha SHA spa SPA tha THA tpa TPA
 * or with -6 every Neighbor Advertisement (straight after the IPv6 header):
 *   T_MS na eth SRC > DST ip SRC6 > DST6 target TARGET tll MAC flags [R][S][O]
 * its target link-layer address option's MAC, or "none".
 * T_MS being when the kernel received it, in milliseconds since arpcap
 * started, on the monotonic clock. Exit status: 0, or 1 on a usage or
 * socket error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/if_ether.h>
#include <netinet/ip6.h>
#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct frame {
	struct ether_header eth;
	struct ether_arp arp;
} __attribute__((packed));

struct frame6 {
	struct ether_header eth;
	struct ip6_hdr ip6;
	struct nd_neighbor_advert na;
	uint8_t opt[64];
} __attribute__((packed));

static void die(const char *what)
{
	fprintf(stderr, "arpcap: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: arpcap [-6] -i IFNAME -w WAIT_MS [-n MAX]\n");
	exit(1);
}

static const char *mac_str(const unsigned char *m, char *buf)
{
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

static long long ns_of(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * When the kernel received msg, on the monotonic clock: its timestamp is on
 * the realtime clock, which the offset between the two clocks now converts.
 */
static long long received_ns(struct msghdr *msg)
{
	struct cmsghdr *cmsg;
	struct timespec ts;

	for (cmsg = CMSG_FIRSTHDR(msg); cmsg; cmsg = CMSG_NXTHDR(msg, cmsg)) {
		if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_TIMESTAMPNS)
			continue;
		memcpy(&ts, CMSG_DATA(cmsg), sizeof(ts));
		return ts.tv_sec * 1000000000LL + ts.tv_nsec -
		       (ns_of(CLOCK_REALTIME) - ns_of(CLOCK_MONOTONIC));
	}
	return ns_of(CLOCK_MONOTONIC);
}

static bool print_arp(long long t_ms, const struct frame *f, ssize_t len)
{
	char a[18], b[18], c[18], d[18], spa[INET_ADDRSTRLEN], tpa[INET_ADDRSTRLEN];

	if (len < (ssize_t)sizeof(*f))
		return false;
	inet_ntop(AF_INET, f->arp.arp_spa, spa, sizeof(spa));
	inet_ntop(AF_INET, f->arp.arp_tpa, tpa, sizeof(tpa));
	printf("%lld op %u eth %s > %s sha %s spa %s tha %s tpa %s\n",
	       t_ms, ntohs(f->arp.arp_op),
	       mac_str(f->eth.ether_shost, a), mac_str(f->eth.ether_dhost, b),
	       mac_str(f->arp.arp_sha, c), spa, mac_str(f->arp.arp_tha, d), tpa);
	return true;
}

/* A Neighbor Advertisement, with its first target link-layer option. */
static bool print_na(long long t_ms, const struct frame6 *f, ssize_t len)
{
	char a[18], b[18], c[18] = "none", src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN],
	     target[INET6_ADDRSTRLEN];
	const uint8_t *o = f->opt, *end = (const uint8_t *)f + len;
	uint32_t flags = f->na.nd_na_flags_reserved;

	if (len < (ssize_t)offsetof(struct frame6, opt) || f->ip6.ip6_nxt != IPPROTO_ICMPV6 ||
	    f->na.nd_na_type != ND_NEIGHBOR_ADVERT)
		return false;
	for (; o + 8 <= end && o[1]; o += o[1] * 8)
		if (o[0] == ND_OPT_TARGET_LINKADDR) {
			mac_str(o + 2, c);
			break;
		}
	inet_ntop(AF_INET6, &f->ip6.ip6_src, src, sizeof(src));
	inet_ntop(AF_INET6, &f->ip6.ip6_dst, dst, sizeof(dst));
	inet_ntop(AF_INET6, &f->na.nd_na_target, target, sizeof(target));
	printf("%lld na eth %s > %s ip %s > %s target %s tll %s flags %s%s%s\n",
	       t_ms, mac_str(f->eth.ether_shost, a), mac_str(f->eth.ether_dhost, b),
	       src, dst, target, c, flags & ND_NA_FLAG_ROUTER ? "R" : "",
	       flags & ND_NA_FLAG_SOLICITED ? "S" : "", flags & ND_NA_FLAG_OVERRIDE ? "O" : "");
	return true;
}

int main(int argc, char **argv)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET }, from;
	struct packet_mreq mr = { .mr_type = PACKET_MR_PROMISC };
	unsigned int wait_ms = 0, max = 0, seen = 0;
	const char *ifname = NULL;
	long long start, deadline;
	int opt, fd, on = 1;
	bool nd = false;

	while ((opt = getopt(argc, argv, "6i:w:n:")) != -1) {
		switch (opt) {
		case '6': nd = true; break;
		case 'i': ifname = optarg; break;
		case 'w': wait_ms = strtoul(optarg, NULL, 0); break;
		case 'n': max = strtoul(optarg, NULL, 0); break;
		default: usage();
		}
	}
	if (!ifname || !wait_ms || optind != argc)
		usage();
	start = ns_of(CLOCK_MONOTONIC);
	deadline = start + wait_ms * 1000000LL;

	/* Protocol 0 until bound: no frame of another interface gets queued. */
	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0)
		die("socket");
	sll.sll_protocol = htons(nd ? ETH_P_IPV6 : ETH_P_ARP);
	sll.sll_ifindex = if_nametoindex(ifname);
	if (!sll.sll_ifindex)
		die(ifname);
	if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on)) < 0)
		die("SO_TIMESTAMPNS");
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind");
	/* Every frame on the wire, not only those for this host. */
	mr.mr_ifindex = sll.sll_ifindex;
	if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr)) < 0)
		die("PACKET_ADD_MEMBERSHIP");
	fprintf(stderr, "ready\n");

	while (!max || seen < max) {
		long long left = (deadline - ns_of(CLOCK_MONOTONIC)) / 1000000;
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		char control[CMSG_SPACE(sizeof(struct timespec))];
		union {
			struct frame arp;
			struct frame6 nd;
		} f;
		struct iovec iov = { &f, sizeof(f) };
		struct msghdr msg = { .msg_name = &from, .msg_namelen = sizeof(from),
				      .msg_iov = &iov, .msg_iovlen = 1,
				      .msg_control = control, .msg_controllen = sizeof(control) };
		long long t_ms;
		ssize_t len;

		if (left <= 0 || poll(&pfd, 1, left) <= 0)
			break;
		len = recvmsg(fd, &msg, 0);
		if (len < 0)
			die("recvmsg");
		if (from.sll_pkttype == PACKET_OUTGOING)
			continue;
		t_ms = (received_ns(&msg) - start) / 1000000;
		if (nd ? print_na(t_ms, &f.nd, len) : print_arp(t_ms, &f.arp, len))
			seen++;
		fflush(stdout);
	}
	return 0;
}
