// SPDX-License-Identifier: GPL-2.0
/*
 * arpjunk: send malformed and odd ARP frames at a host, for the hardening
 * test: truncated, lying about address lengths, unknown opcodes, hardware
 * and protocol types, multicast, zero and broadcast addresses, jumbo
 * padding, non-linear skbs (through PACKET_VNET_HDR), frames for another
 * host, and random bytes.
 *
 * usage: arpjunk -i IFNAME -d HOST_MAC -n COUNT [-r SEED]
 *
 * Prints "sent=N hook=M": M of the N frames are ones the kernel's arp_rcv()
 * hands to the NF_ARP_IN hook (for this host or broadcast, at least a whole
 * Ethernet/IPv4-sized ARP header, address lengths 6 and 4), so the test can
 * check that the module counted every one of them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <linux/virtio_net.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define ARP_LEN 28	/* Ethernet/IPv4 ARP without padding */

enum kind {
	VALID, TRUNCATED, BAD_HLN, BAD_PLN, BAD_OP, BAD_TYPES, MCAST_SENDER,
	ODD_ADDRS, JUMBO, NONLINEAR, OTHER_HOST, RANDOM, KINDS
};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng >> 16;
}

static void die(const char *what)
{
	fprintf(stderr, "arpjunk: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int open_socket(int ifindex, bool vnet)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = 0,	/* send only */
		.sll_ifindex = ifindex,
	};
	int one = 1, fd = socket(AF_PACKET, SOCK_RAW, 0);

	if (fd < 0)
		die("socket");
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind");
	if (vnet && setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, &one, sizeof(one)) < 0)
		die("PACKET_VNET_HDR");
	return fd;
}

/* Fill frame with one odd ARP frame of @kind; its length, and in @hook
 * whether arp_rcv() passes it to the hook.
 */
static size_t craft(unsigned char *f, enum kind kind, const unsigned char *host,
		    bool *hook)
{
	static const unsigned char src[6] = { 0x02, 0, 0, 0, 0x6a, 0x6b };
	unsigned char *arp = f + 14;
	size_t len = 14 + ARP_LEN;

	memcpy(f, rnd() & 1 ? host : (const unsigned char *)"\xff\xff\xff\xff\xff\xff", 6);
	memcpy(f + 6, src, 6);
	f[12] = 0x08;
	f[13] = 0x06;
	/* A request from 10.0.x.y for 10.1.x.y, then spoiled below. */
	memcpy(arp, "\x00\x01\x08\x00\x06\x04\x00\x01", 8);
	memcpy(arp + 8, src, 6);
	for (int i = 14; i < ARP_LEN; i++)
		arp[i] = rnd();
	memcpy(arp + 14, "\x0a\x00", 2);
	memcpy(arp + 24, "\x0a\x01", 2);
	*hook = true;

	switch (kind) {
	case VALID:
		break;
	case TRUNCATED:
		len = 14 + rnd() % ARP_LEN;
		*hook = false;
		break;
	case BAD_HLN:
		arp[4] = 7 + rnd() % 249;
		*hook = false;
		break;
	case BAD_PLN:
		arp[5] = 5 + rnd() % 251;
		*hook = false;
		break;
	case BAD_OP:
		arp[6] = rnd();
		arp[7] = 3 + rnd() % 250;
		break;
	case BAD_TYPES:
		arp[rnd() % 4] ^= 1 + rnd() % 255;
		break;
	case MCAST_SENDER:
		arp[8] |= 1;
		break;
	case ODD_ADDRS:
		memset(arp + 14 + 10 * (rnd() & 1), rnd() & 1 ? 0xff : 0, 4);
		if (rnd() & 1)
			memset(arp + 8, rnd() & 1 ? 0xff : 0, 6);
		break;
	case JUMBO:
		len += rnd() % (1500 - ARP_LEN);
		for (size_t i = 14 + ARP_LEN; i < len; i++)
			f[i] = rnd();
		break;
	case NONLINEAR:
		break;
	case OTHER_HOST:
		memcpy(f, "\x02\x00\x00\x00\x99\x99", 6);
		*hook = false;
		break;
	case RANDOM:
		for (int i = 0; i < ARP_LEN; i++)
			arp[i] = rnd();
		arp[4] = 6;
		arp[5] = 4;
		break;
	default:
		abort();
	}
	return len;
}

int main(int argc, char **argv)
{
	unsigned char host[6], frame[1600];
	unsigned long count = 0, sent = 0, hook = 0;
	const char *ifname = NULL;
	int opt, fd, vfd, ifindex;

	while ((opt = getopt(argc, argv, "i:d:n:r:")) != -1) {
		switch (opt) {
		case 'i': ifname = optarg; break;
		case 'd':
			if (sscanf(optarg, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &host[0], &host[1],
				   &host[2], &host[3], &host[4], &host[5]) != 6)
				count = 0, ifname = NULL;
			break;
		case 'n': count = strtoul(optarg, NULL, 0); break;
		case 'r': rng = strtoull(optarg, NULL, 0) | 1; break;
		default: ifname = NULL; break;
		}
	}
	if (!ifname || !count) {
		fprintf(stderr, "usage: arpjunk -i IFNAME -d HOST_MAC -n COUNT [-r SEED]\n");
		return 1;
	}
	ifindex = if_nametoindex(ifname);
	if (!ifindex)
		die(ifname);
	fd = open_socket(ifindex, false);
	vfd = open_socket(ifindex, true);

	for (unsigned long i = 0; i < count; i++) {
		enum kind kind = i % KINDS;
		bool visible;
		size_t len = craft(frame, kind, host, &visible);
		/* Only the Ethernet header in the linear part: the rest in pages. */
		struct virtio_net_hdr vnet = { .hdr_len = 14 };
		struct iovec iov[2] = {
			{ .iov_base = &vnet, .iov_len = sizeof(vnet) },
			{ .iov_base = frame, .iov_len = len },
		};
		ssize_t ret;

		do {
			ret = kind == NONLINEAR ? writev(vfd, iov, 2) : send(fd, frame, len, 0);
			if (ret < 0 && errno != ENOBUFS && errno != EAGAIN)
				die("send");
			if (ret < 0)
				usleep(1000);
		} while (ret < 0);
		sent++;
		hook += visible;
	}
	printf("sent=%lu hook=%lu\n", sent, hook);
	return 0;
}
