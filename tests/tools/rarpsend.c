// SPDX-License-Identifier: GPL-2.0
/*
 * rarpsend: a reverse ARP client (RFC 903) for the tests. It asks, on one
 * interface, which IPv4 address belongs to a MAC, the way a diskless host
 * that knows only its MAC does at boot.
 *
 * usage: rarpsend -i IFNAME -m MAC [-s SENDER_MAC] [-e ETH_SRC] [-c COUNT]
 *                 [-w WAIT_MS]
 *
 * Broadcasts COUNT (default 1) RARP requests (EtherType 0x8035, op 3) at
 * once with the target hardware address MAC and the sender hardware address
 * SENDER_MAC (default: MAC), from the Ethernet source ETH_SRC (default:
 * SENDER_MAC), then for WAIT_MS (default 500) prints every RARP reply (op 4)
 * for MAC as
 *   reply MAC is-at IP from SERVER_IP SERVER_MAC eth SRC > DST
 * Exit status: 0, or 1 on a usage or socket error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/if_ether.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef ETH_P_RARP
#define ETH_P_RARP	0x8035
#endif
#define RARP_REQUEST	3
#define RARP_REPLY	4

struct frame {
	struct ether_header eth;
	struct ether_arp arp;
} __attribute__((packed));

static void die(const char *what)
{
	fprintf(stderr, "rarpsend: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: rarpsend -i IFNAME -m MAC [-s SENDER_MAC] [-e ETH_SRC] [-c COUNT]"
		" [-w WAIT_MS]\n");
	exit(1);
}

static void parse_mac(const char *s, unsigned char *mac)
{
	if (sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0], &mac[1], &mac[2],
		   &mac[3], &mac[4], &mac[5]) != 6) {
		fprintf(stderr, "rarpsend: bad MAC \"%s\"\n", s);
		exit(1);
	}
}

static const char *mac_str(const unsigned char *m, char *buf)
{
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	unsigned char mac[ETH_ALEN], smac[ETH_ALEN], esrc[ETH_ALEN];
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	const char *ifname = NULL;
	unsigned int wait_ms = 500, count = 1, i;
	int opt, fd, have_mac = 0, have_smac = 0, have_esrc = 0;
	struct frame req, rep;
	long deadline;

	while ((opt = getopt(argc, argv, "i:m:s:e:c:w:")) != -1) {
		switch (opt) {
		case 'i': ifname = optarg; break;
		case 'm': parse_mac(optarg, mac); have_mac = 1; break;
		case 's': parse_mac(optarg, smac); have_smac = 1; break;
		case 'e': parse_mac(optarg, esrc); have_esrc = 1; break;
		case 'c': count = strtoul(optarg, NULL, 0); break;
		case 'w': wait_ms = strtoul(optarg, NULL, 0); break;
		default: usage();
		}
	}
	if (!ifname || !have_mac || optind != argc)
		usage();
	if (!have_smac)
		memcpy(smac, mac, ETH_ALEN);
	if (!have_esrc)
		memcpy(esrc, smac, ETH_ALEN);

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_RARP));
	if (fd < 0)
		die("socket");
	sll.sll_protocol = htons(ETH_P_RARP);
	sll.sll_ifindex = if_nametoindex(ifname);
	if (!sll.sll_ifindex)
		die(ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind");

	memset(&req, 0, sizeof(req));
	memset(req.eth.ether_dhost, 0xff, ETH_ALEN);
	memcpy(req.eth.ether_shost, esrc, ETH_ALEN);
	req.eth.ether_type = htons(ETH_P_RARP);
	req.arp.arp_hrd = htons(ARPHRD_ETHER);
	req.arp.arp_pro = htons(ETHERTYPE_IP);
	req.arp.arp_hln = ETH_ALEN;
	req.arp.arp_pln = 4;
	req.arp.arp_op = htons(RARP_REQUEST);
	memcpy(req.arp.arp_sha, smac, ETH_ALEN);
	memcpy(req.arp.arp_tha, mac, ETH_ALEN);
	for (i = 0; i < count; i++)
		if (send(fd, &req, sizeof(req), 0) != sizeof(req))
			die("send");

	for (deadline = now_ms() + wait_ms;;) {
		long left = deadline - now_ms();
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		char a[18], b[18], c[18], d[18], ip[INET_ADDRSTRLEN], sip[INET_ADDRSTRLEN];
		ssize_t len;

		if (left <= 0 || poll(&pfd, 1, left) <= 0)
			break;
		len = recv(fd, &rep, sizeof(rep), 0);
		if (len < (ssize_t)sizeof(rep) || rep.arp.arp_op != htons(RARP_REPLY) ||
		    memcmp(rep.arp.arp_tha, mac, ETH_ALEN))
			continue;
		inet_ntop(AF_INET, rep.arp.arp_tpa, ip, sizeof(ip));
		inet_ntop(AF_INET, rep.arp.arp_spa, sip, sizeof(sip));
		printf("reply %s is-at %s from %s %s eth %s > %s\n", mac_str(mac, a), ip, sip,
		       mac_str(rep.arp.arp_sha, b), mac_str(rep.eth.ether_shost, c),
		       mac_str(rep.eth.ether_dhost, d));
	}
	return 0;
}
