// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target over the module's packet logic (kmod/proto.c and
 * proto6.c, built in userspace against tests/shim): arbitrary bytes as an
 * ARP packet, then as the facts the hook gathers, then as the Ethernet
 * addresses around it; and as a Neighbor Discovery message. Beyond crashes
 * and sanitizer reports, it checks that a request is only ever looked up
 * when it is sane, only ever answered when no guard forbids it, and only
 * passes inspection when it is honest, and that a solicitation or an
 * advertisement passes only as RFC 4861 allows.
 */
#include <stdlib.h>

#include <net/addrconf.h>
#include <net/ipv6.h>

#include "proto.h"
#include "proto6.h"

static void require(bool ok)
{
	if (!ok)
		abort();
}

static void check_classify(const struct arpproxy_arp *arp)
{
	enum arpproxy_stat s = arpproxy_classify(arp);

	require(s == ARPPROXY_STAT_INVALID || s == ARPPROXY_STAT_NOT_REQUEST ||
		s == ARPPROXY_STAT_PROBE || s == ARPPROXY_STAT_GRATUITOUS ||
		s == ARPPROXY_STAT_REQUESTS);
	if (s == ARPPROXY_STAT_INVALID)
		return;
	require(arp->hrd == htons(ARPHRD_ETHER) && arp->pro == htons(ETH_P_IP) &&
		arp->hln == ETH_ALEN && arp->pln == 4);
	if (s == ARPPROXY_STAT_NOT_REQUEST) {
		require(arp->op != htons(ARPOP_REQUEST));
		return;
	}
	require(arp->op == htons(ARPOP_REQUEST));
	if (s == ARPPROXY_STAT_REQUESTS)
		require(arp->sip && arp->sip != arp->tip &&
			is_valid_ether_addr(arp->sha) &&
			arpproxy_addr_usable(arp->sip) && arpproxy_addr_usable(arp->tip));
}

/* Only a well-formed op 3 between real stations is a RARP request. */
static void check_rarp(const struct arpproxy_arp *arp)
{
	if (!arpproxy_rarp_request(arp))
		return;
	require(arp->hrd == htons(ARPHRD_ETHER) && arp->pro == htons(ETH_P_IP) &&
		arp->hln == ETH_ALEN && arp->pln == 4 &&
		arp->op == htons(ARPOP_RREQUEST) &&
		is_valid_ether_addr(arp->sha) && is_valid_ether_addr(arp->tha));
	require(arpproxy_classify(arp) == ARPPROXY_STAT_NOT_REQUEST);
}

static void check_verdict(const u8 *bits)
{
	struct arpproxy_facts f = {
		.bound = bits[0] & 1,
		.flags = (bits[0] >> 1) & 7,
		.local = bits[0] & 16,
		.on_link = bits[0] & 32,
		.mac_override = bits[0] & 64,
		.forwarding = bits[0] & 128,
		.martian_source = bits[1] & 1,
		.route = (bits[1] >> 1) % 3,
		.broadcast = bits[1] & 8,
	};
	bool onlink = f.bound && (f.flags & ARPPROXY_BINDING_F_ONLINK);
	enum arpproxy_stat v = arpproxy_verdict(&f);

	if (v != ARPPROXY_STAT_REPLIES)
		return;
	require(!f.local && !f.broadcast && !f.martian_source);
	require(f.bound || (f.forwarding && f.route == ARPPROXY_ROUTE_ELSEWHERE));
	require(!f.bound || !(f.flags & ARPPROXY_BINDING_F_EXCLUDE));
	require(!f.on_link || onlink);
	require(f.route != ARPPROXY_ROUTE_INGRESS || onlink ||
		(f.bound && f.mac_override));
}

/* Whatever passes inspection is well-formed and honest about its sender. */
static void check_inspect(const struct arpproxy_arp *arp, const u8 *eth)
{
	bool request = arp->op == htons(ARPOP_REQUEST);

	if (arpproxy_inspect(arp, sizeof(*arp), eth + ETH_ALEN, eth))
		return;
	require(arp->hrd == htons(ARPHRD_ETHER) && arp->pro == htons(ETH_P_IP) &&
		arp->hln == ETH_ALEN && arp->pln == 4);
	require(request || arp->op == htons(ARPOP_REPLY));
	require(ether_addr_equal(eth + ETH_ALEN, arp->sha));
	require(request || is_broadcast_ether_addr(eth) || ether_addr_equal(eth, arp->tha));
	require(is_valid_ether_addr(arp->sha));
	require(arp->sip ? arpproxy_addr_usable(arp->sip) : request);
}

/*
 * @data as a solicitation or advertisement: its first byte the hop limit,
 * its second whether it comes from :: and goes to a group, the rest the
 * message, copied to a buffer of its exact size so that any read past it
 * is caught.
 */
static void check_nd(const u8 *data, size_t size)
{
	struct in6_addr saddr = { .s6_addr = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } };
	struct in6_addr daddr = { .s6_addr = { 0xff, 0x02, [11] = 1, 0xff, 0, 0, 1 } };
	struct arpproxy_nd_ip ip = { .saddr = &saddr, .daddr = &daddr };
	const struct arpproxy_nd *ns;
	enum arpproxy_stat s;
	const u8 *sllao;
	u8 *msg;

	if (size < 2)
		return;
	ip.hop_limit = data[0];
	if (data[1] & 1)
		memset(&saddr, 0, sizeof(saddr));
	if (data[1] & 2)
		daddr.s6_addr[12] = 0;
	size -= 2;
	msg = malloc(size ?: 1);
	require(msg);
	memcpy(msg, data + 2, size);
	ns = (const struct arpproxy_nd *)msg;
	s = arpproxy_nd_check(&ip, ns, size, &sllao);
	require(s == ARPPROXY_STAT_ND_INVALID || s == ARPPROXY_STAT_ND_SOLICITS ||
		s == ARPPROXY_STAT_ND_ADVERTS);
	if (s != ARPPROXY_STAT_ND_INVALID) {
		require(ip.hop_limit == 255 && size >= sizeof(*ns) && !ns->code);
		require(!ipv6_addr_is_multicast(&ns->target) && !ipv6_addr_any(&ns->target));
		require(!sllao || (is_valid_ether_addr(sllao) &&
				   sllao >= msg + sizeof(*ns) + 2 && sllao + ETH_ALEN <= msg + size));
	}
	if (s == ARPPROXY_STAT_ND_SOLICITS) {
		require(!ipv6_addr_any(&saddr) || ipv6_addr_is_solict_mult(&daddr));
		require(!sllao || !ipv6_addr_any(&saddr));
	}
	free(msg);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct arpproxy_arp arp;

	check_nd(data, size);
	if (size < sizeof(arp) + 2)
		return 0;
	memcpy(&arp, data, sizeof(arp));
	check_classify(&arp);
	check_rarp(&arp);
	check_verdict(data + sizeof(arp));
	/* Then an Ethernet destination and source, if the input has them. */
	if (size >= sizeof(arp) + 2 + 2 * ETH_ALEN)
		check_inspect(&arp, data + sizeof(arp) + 2);
	return 0;
}
