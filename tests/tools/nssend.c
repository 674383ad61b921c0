// SPDX-License-Identifier: GPL-2.0
/*
 * nssend: send IPv6 Neighbor Solicitations, well-formed or forged, and
 * report the Neighbor Advertisements that answer them, for the in-guest
 * tests.
 *
 * usage: nssend -i IFNAME -t TARGET [-S SRC] [-s SRC_MAC] [-D DST]
 *               [-h HOP_LIMIT] [-c CODE] [-l|-L] [-b] [-n COUNT]
 *               [-r COUNT [-R [-K KEYS] [-M]]] [-w WAIT_MS] [-a] [-T OPTION_MAC]
 *
 * SRC defaults to the unspecified address (a DAD probe), DST to TARGET's
 * solicited-node group; the Ethernet destination is DST's multicast MAC or,
 * for a unicast DST, the all-ones address. -l adds a source link-layer
 * address option with SRC_MAC, -L one of a bad length (16 bytes), -b
 * corrupts the checksum. -n sends COUNT copies, the forgery in each one
 * chosen in turn among hop limit, code, checksum, truncation, option length
 * 0 and a multicast target, for floods of junk. -r sends COUNT copies of
 * the solicitation as it is; with -R, each from its own address, SRC with
 * its last 32 bits replaced by the copy's number (1 to COUNT), as a flood of
 * solicitors fills the neighbour table; -K cycles those addresses among
 * the first KEYS (copy i from address i % KEYS + 1), and -M sends each from
 * a MAC of its own, 02, then byte 5 of its address, then its last 32 bits
 * (from 2001:db8:81::7: 02:81:00:00:00:07), in the Ethernet header and the
 * option alike, as many hosts do. -a sends an unsolicited advertisement instead,
 * as a forger does: TARGET is at SRC_MAC (its target link-layer option),
 * Override set, from SRC (by default TARGET) to DST (by default ff02::1).
 * -T puts OPTION_MAC in the link-layer option in place of SRC_MAC, which
 * stays the Ethernet source.
 * Each advertisement for TARGET prints a line
 *   na TARGET MAC [router] [solicited] [override] to DST
 * and the run ends with "sent N answered M". Exit status: 0, or 1 on a usage
 * or socket error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/ip6.h>
#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define JUNK_KINDS 6

struct frame {
	struct ether_header eth;
	struct ip6_hdr ip6;
	struct nd_neighbor_solicit ns;
	uint8_t opt[16];
} __attribute__((packed));

static void die(const char *what)
{
	fprintf(stderr, "nssend: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: nssend -i IFNAME -t TARGET [-S SRC] [-s SRC_MAC] [-D DST]\n"
			"              [-h HOP_LIMIT] [-c CODE] [-l|-L] [-b] [-n COUNT]\n"
			"              [-r COUNT [-R [-K KEYS] [-M]]]\n"
			"              [-w WAIT_MS] [-a] [-T OPTION_MAC]\n");
	exit(1);
}

static void parse_addr(const char *s, struct in6_addr *a)
{
	if (inet_pton(AF_INET6, s, a) != 1) {
		fprintf(stderr, "nssend: bad IPv6 address \"%s\"\n", s);
		exit(1);
	}
}

static void parse_mac(const char *s, uint8_t *mac)
{
	if (sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0], &mac[1], &mac[2],
		   &mac[3], &mac[4], &mac[5]) != 6) {
		fprintf(stderr, "nssend: bad MAC \"%s\"\n", s);
		exit(1);
	}
}

static uint32_t sum16(const void *data, size_t len, uint32_t sum)
{
	const uint8_t *p = data;

	for (; len > 1; p += 2, len -= 2)
		sum += (uint32_t)p[0] << 8 | p[1];
	if (len)
		sum += (uint32_t)p[0] << 8;
	return sum;
}

/* The ICMPv6 checksum of @len bytes at @icmp, with the pseudo-header. */
static uint16_t icmp6_csum(const void *ip6, const void *icmp, uint32_t len)
{
	uint32_t sum = sum16((const uint8_t *)ip6 + offsetof(struct ip6_hdr, ip6_src), 32, 0);

	sum += len >> 16;
	sum += len & 0xffff;
	sum += IPPROTO_ICMPV6;
	sum = sum16(icmp, len, sum);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Prints @buf if it is an advertisement for @target; whether it was. */
static bool report(const uint8_t *buf, ssize_t len, const struct in6_addr *target)
{
	const struct ip6_hdr *ip6 = (const void *)(buf + sizeof(struct ether_header));
	const struct nd_neighbor_advert *na = (const void *)(ip6 + 1);
	const uint8_t *opt = (const uint8_t *)(na + 1), *end = buf + len;
	char t[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
	const uint8_t *mac = NULL;

	if (len < (ssize_t)(sizeof(struct ether_header) + sizeof(*ip6) + sizeof(*na)) ||
	    ip6->ip6_nxt != IPPROTO_ICMPV6 || na->nd_na_type != ND_NEIGHBOR_ADVERT ||
	    memcmp(&na->nd_na_target, target, sizeof(*target)))
		return false;
	for (; opt + 8 <= end && opt[1]; opt += opt[1] * 8)
		if (opt[0] == ND_OPT_TARGET_LINKADDR)
			mac = opt + 2;
	printf("na %s ", inet_ntop(AF_INET6, target, t, sizeof(t)));
	if (mac)
		printf("%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
		       mac[4], mac[5]);
	else
		printf("none");
	printf("%s%s%s to %s\n",
	       na->nd_na_flags_reserved & ND_NA_FLAG_ROUTER ? " router" : "",
	       na->nd_na_flags_reserved & ND_NA_FLAG_SOLICITED ? " solicited" : "",
	       na->nd_na_flags_reserved & ND_NA_FLAG_OVERRIDE ? " override" : "",
	       inet_ntop(AF_INET6, &ip6->ip6_dst, d, sizeof(d)));
	return true;
}

int main(int argc, char **argv)
{
	struct in6_addr target, src = IN6ADDR_ANY_INIT, dst;
	bool have_target = false, have_dst = false, bad_csum = false, junk_each = false;
	bool advert = false, have_src = false, each_src = false, mac_of_src = false;
	int opt, sllao = 0, hop = 255, code = 0, fd;
	long count = 1, keys = 0, wait_ms = 300, answered = 0, deadline, i;
	uint8_t src_mac[6] = { 0x02, 0, 0, 0, 0x66, 0x66 }, opt_mac[6];
	bool have_opt_mac = false;
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	const char *ifname = NULL;
	uint8_t buf[2048];
	struct frame f;
	size_t len;

	while ((opt = getopt(argc, argv, "i:t:S:s:D:h:c:lLbn:r:RK:Mw:aT:")) != -1) {
		switch (opt) {
		case 'i': ifname = optarg; break;
		case 't': parse_addr(optarg, &target); have_target = true; break;
		case 'S': parse_addr(optarg, &src); have_src = true; break;
		case 's': parse_mac(optarg, src_mac); break;
		case 'D': parse_addr(optarg, &dst); have_dst = true; break;
		case 'h': hop = atoi(optarg); break;
		case 'c': code = atoi(optarg); break;
		case 'l': sllao = 8; break;
		case 'L': sllao = 16; break;
		case 'b': bad_csum = true; break;
		case 'n': count = atol(optarg); junk_each = true; break;
		case 'r': count = atol(optarg); junk_each = false; break;
		case 'R': each_src = true; break;
		case 'K': keys = atol(optarg); break;
		case 'M': mac_of_src = true; break;
		case 'w': wait_ms = atol(optarg); break;
		case 'a': advert = true; break;
		case 'T': parse_mac(optarg, opt_mac); have_opt_mac = true; break;
		default: usage();
		}
	}
	if (!ifname || !have_target || count < 1 || keys < 0 || (keys && !each_src) ||
	    (mac_of_src && (!each_src || advert)))
		usage();
	if (!keys)
		keys = count;
	if (!have_opt_mac)
		memcpy(opt_mac, src_mac, 6);
	if (advert) {
		if (!have_src)
			src = target;
		if (!have_dst)
			parse_addr("ff02::1", &dst);
		have_dst = true;
		sllao = 8;
	}
	if (!have_dst) {
		/* ff02::1:ffXX:XXXX, the solicited-node group of TARGET */
		parse_addr("ff02::1:ff00:0", &dst);
		memcpy(&dst.s6_addr[13], &target.s6_addr[13], 3);
	}
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_IPV6));
	if (fd < 0)
		die("socket");
	sll.sll_ifindex = if_nametoindex(ifname);
	sll.sll_protocol = htons(ETH_P_IPV6);
	if (!sll.sll_ifindex)
		die(ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)))
		die("bind");

	for (i = 0; i < count; i++) {
		int junk = junk_each ? i % JUNK_KINDS : -1;

		memset(&f, 0, sizeof(f));
		if (dst.s6_addr[0] == 0xff) {
			uint8_t m[6] = { 0x33, 0x33, dst.s6_addr[12], dst.s6_addr[13],
					 dst.s6_addr[14], dst.s6_addr[15] };
			memcpy(f.eth.ether_dhost, m, 6);
		} else {
			memset(f.eth.ether_dhost, 0xff, 6);
		}
		memcpy(f.eth.ether_shost, src_mac, 6);
		f.eth.ether_type = htons(ETHERTYPE_IPV6);
		len = sizeof(f.ns) + sllao;
		f.ip6.ip6_flow = htonl(6 << 28);
		f.ip6.ip6_nxt = IPPROTO_ICMPV6;
		f.ip6.ip6_hlim = junk == 0 ? 64 : hop;
		f.ip6.ip6_src = src;
		if (each_src) {
			uint32_t n = htonl(i % keys + 1);

			memcpy(&f.ip6.ip6_src.s6_addr[12], &n, 4);
		}
		if (mac_of_src) {
			f.eth.ether_shost[0] = 0x02;
			f.eth.ether_shost[1] = f.ip6.ip6_src.s6_addr[5];
			memcpy(&f.eth.ether_shost[2], &f.ip6.ip6_src.s6_addr[12], 4);
			memcpy(opt_mac, f.eth.ether_shost, 6);
		}
		f.ip6.ip6_dst = dst;
		f.ns.nd_ns_type = advert ? ND_NEIGHBOR_ADVERT : ND_NEIGHBOR_SOLICIT;
		if (advert)
			f.ns.nd_ns_reserved = ND_NA_FLAG_OVERRIDE;
		f.ns.nd_ns_code = junk == 1 ? 1 : code;
		f.ns.nd_ns_target = target;
		if (junk == 5)
			f.ns.nd_ns_target.s6_addr[0] = 0xff;
		if (sllao || junk == 4) {
			f.opt[0] = advert ? ND_OPT_TARGET_LINKADDR : ND_OPT_SOURCE_LINKADDR;
			f.opt[1] = junk == 4 ? 0 : sllao / 8;
			memcpy(f.opt + 2, opt_mac, 6);
			if (junk == 4 && !sllao)
				len += 8;
		}
		if (junk == 3)
			len = sizeof(f.ns) - 4;
		f.ip6.ip6_plen = htons(len);
		f.ns.nd_ns_cksum = icmp6_csum((uint8_t *)&f + offsetof(struct frame, ip6),
					      (uint8_t *)&f + offsetof(struct frame, ns), len);
		if (bad_csum || junk == 2)
			f.ns.nd_ns_cksum ^= htons(0x5555);
		if (sendto(fd, &f, sizeof(f.eth) + sizeof(f.ip6) + len, 0,
			   (struct sockaddr *)&sll, sizeof(sll)) < 0)
			die("sendto");
	}

	deadline = now_ms() + wait_ms;
	for (;;) {
		long left = deadline - now_ms();
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (left <= 0 || poll(&p, 1, left) <= 0)
			break;
		n = recv(fd, buf, sizeof(buf), 0);
		if (n > 0 && report(buf, n, &target))
			answered++;
	}
	printf("sent %ld answered %ld\n", count, answered);
	return 0;
}
