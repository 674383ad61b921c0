// SPDX-License-Identifier: GPL-2.0
/*
 * arpsend: send ARP requests from one or many requesters and report the
 * replies, for the in-guest tests.
 *
 * usage: arpsend -i IFNAME -t TARGET_IP [-S SENDER_IP] [-s SENDER_MAC]
 *                [-n REQUESTERS] [-o OPCODE] [-d ETH_DST] [-E ETH_SRC]
 *                [-T TARGET_MAC] [-w WAIT_MS]
 *
 * -E sends from another Ethernet source than the sender MAC and -T sets
 * the target hardware address (zero by default), to forge what attackers
 * forge.
 * With -n N, requester k (0 <= k < N) uses SENDER_IP + k and SENDER_MAC + k.
 * Each ARP reply from TARGET_IP to one of our requesters prints a line
 *   reply TARGET_IP is-at MAC to REQUESTER_IP eth SRC > DST
 * and the run ends with "sent N answered M" (requesters answered at least
 * once). Exit status: 0, or 1 on a usage or socket error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/if_ether.h>
#include <poll.h>
#include <stdbool.h>
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

static void die(const char *what)
{
	fprintf(stderr, "arpsend: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: arpsend -i IFNAME -t TARGET_IP [-S SENDER_IP] [-s SENDER_MAC]\n"
			"               [-n REQUESTERS] [-o OPCODE] [-d ETH_DST] [-E ETH_SRC]\n"
			"               [-T TARGET_MAC] [-w WAIT_MS]\n");
	exit(1);
}

static void parse_mac(const char *s, unsigned char *mac)
{
	if (sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0], &mac[1], &mac[2],
		   &mac[3], &mac[4], &mac[5]) != 6) {
		fprintf(stderr, "arpsend: bad MAC \"%s\"\n", s);
		exit(1);
	}
}

static void parse_ip(const char *s, struct in_addr *ip)
{
	if (inet_pton(AF_INET, s, ip) != 1) {
		fprintf(stderr, "arpsend: bad IPv4 address \"%s\"\n", s);
		exit(1);
	}
}

static const char *mac_str(const unsigned char *m, char *buf)
{
	sprintf(buf, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

/* MAC + k in its low 24 bits, so that requesters stay distinct. */
static void mac_add(unsigned char *mac, const unsigned char *base, unsigned int k)
{
	unsigned int low = (base[3] << 16 | base[4] << 8 | base[5]) + k;

	memcpy(mac, base, 3);
	mac[3] = low >> 16;
	mac[4] = low >> 8;
	mac[5] = low;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	unsigned char smac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
	unsigned char bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	unsigned char *dst = bcast, dmac[6], *esrc = NULL, emac[6], tha[6] = { 0 };
	struct in_addr sip = { htonl(0x0a000001) }, tip = { 0 };
	unsigned int n = 1, op = ARPOP_REQUEST, wait_ms = 500, answered = 0;
	const char *ifname = NULL;
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	struct packet_mreq mr = { .mr_type = PACKET_MR_PROMISC };
	bool *seen;
	long deadline;
	int opt, fd, rcvbuf = 64 << 20;

	while ((opt = getopt(argc, argv, "i:t:S:s:n:o:d:E:T:w:")) != -1) {
		switch (opt) {
		case 'i': ifname = optarg; break;
		case 't': parse_ip(optarg, &tip); break;
		case 'S': parse_ip(optarg, &sip); break;
		case 's': parse_mac(optarg, smac); break;
		case 'n': n = strtoul(optarg, NULL, 0); break;
		case 'o': op = strtoul(optarg, NULL, 0); break;
		case 'd': parse_mac(optarg, dmac); dst = dmac; break;
		case 'E': parse_mac(optarg, emac); esrc = emac; break;
		case 'T': parse_mac(optarg, tha); break;
		case 'w': wait_ms = strtoul(optarg, NULL, 0); break;
		default: usage();
		}
	}
	if (!ifname || !tip.s_addr || !n || n > 1000000)
		usage();
	seen = calloc(n, sizeof(*seen));
	if (!seen)
		die("calloc");

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ARP));
	if (fd < 0)
		die("socket");
	sll.sll_protocol = htons(ETH_P_ARP);
	sll.sll_ifindex = if_nametoindex(ifname);
	if (!sll.sll_ifindex)
		die(ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind");
	/* Replies go to each requester's own MAC, which is not ours. */
	mr.mr_ifindex = sll.sll_ifindex;
	if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr)) < 0)
		die("PACKET_ADD_MEMBERSHIP");
	/* Room for a burst of replies before we read them. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0)
		die("SO_RCVBUFFORCE");

	for (unsigned int k = 0; k < n; k++) {
		struct frame f = { 0 };
		uint32_t req_ip = htonl(ntohl(sip.s_addr) + k);

		mac_add(f.eth.ether_shost, smac, k);
		memcpy(f.eth.ether_dhost, dst, 6);
		f.eth.ether_type = htons(ETHERTYPE_ARP);
		f.arp.arp_hrd = htons(ARPHRD_ETHER);
		f.arp.arp_pro = htons(ETHERTYPE_IP);
		f.arp.arp_hln = 6;
		f.arp.arp_pln = 4;
		f.arp.arp_op = htons(op);
		memcpy(f.arp.arp_sha, f.eth.ether_shost, 6);
		if (esrc)
			memcpy(f.eth.ether_shost, esrc, 6);
		memcpy(f.arp.arp_tha, tha, 6);
		memcpy(f.arp.arp_spa, &req_ip, 4);
		memcpy(f.arp.arp_tpa, &tip, 4);
		while (send(fd, &f, sizeof(f), 0) < 0) {
			if (errno != ENOBUFS && errno != EAGAIN)
				die("send");
			usleep(1000);
		}
	}

	deadline = now_ms() + wait_ms;
	for (long left; (left = deadline - now_ms()) > 0;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		unsigned char buf[1600];
		struct frame *f = (struct frame *)buf;
		char a[18], b[18], c[18];
		uint32_t spa, tpa;
		ssize_t len;

		if (poll(&pfd, 1, left) <= 0)
			continue;
		len = recv(fd, buf, sizeof(buf), 0);
		if (len < (ssize_t)sizeof(*f) || ntohs(f->arp.arp_op) != ARPOP_REPLY)
			continue;
		memcpy(&spa, f->arp.arp_spa, 4);
		memcpy(&tpa, f->arp.arp_tpa, 4);
		if (spa != tip.s_addr || ntohl(tpa) - ntohl(sip.s_addr) >= n)
			continue;
		printf("reply %s is-at %s to ", inet_ntoa(tip),
		       mac_str(f->arp.arp_sha, a));
		printf("%s eth %s > %s\n", inet_ntoa(*(struct in_addr *)&tpa),
		       mac_str(f->eth.ether_shost, b), mac_str(f->eth.ether_dhost, c));
		if (!seen[ntohl(tpa) - ntohl(sip.s_addr)]) {
			seen[ntohl(tpa) - ntohl(sip.s_addr)] = true;
			answered++;
		}
	}
	printf("sent %u answered %u\n", n, answered);
	return 0;
}
