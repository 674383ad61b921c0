// SPDX-License-Identifier: GPL-2.0
/*
 * arpload: ARP request load generator, to benchmark arpproxy against the
 * kernel's proxy_arp and userspace responders from one interface; with an
 * IPv6 TARGET_IP, of Neighbor Solicitations, against proxy_ndp.
 *
 * usage: arpload -i IFNAME -t TARGET_IP [-S FIRST_SENDER_IP] [-s FIRST_SENDER_MAC]
 *                [-k REQUESTERS] [-c COUNT] [-r RATE_PPS] [-w WAIT_MS]
 *                [-e EXPECTED_MAC] [-g GAP_MS] [-m]
 *
 * Sends COUNT (default REQUESTERS) broadcast requests for TARGET_IP; request
 * i comes from requester i % REQUESTERS, which uses FIRST_SENDER_IP + k and
 * FIRST_SENDER_MAC + k (in its low 24 bits), or with -m FIRST_SENDER_MAC itself, as
 * one host claiming many addresses would. RATE_PPS 0 sends as fast as
 * possible; -g sends one request at a time, each after the previous one was
 * answered or GAP_MS passed. Replies are collected until WAIT_MS after the
 * last send, verified (sent to the requester, or to the broadcast address as
 * farpd sends them), and matched to the oldest unanswered request of their
 * requester; replies beyond the requests count as dup, and macs lists the
 * ARP sender MACs of all replies that passed verification, dup or not.
 *
 * With IPv6 addresses (FIRST_SENDER_IP's last 32 bits counting the
 * requesters), requests are solicitations to the target's solicited-node
 * group with a source link-layer option, and the replies are the Neighbor
 * Advertisements to each requester, solicited, whose target link-layer
 * option is what macs lists. Each requester answers solicitations for its
 * own address, as its host would; other IPv6 traffic is ignored. The run prints
 * one line:
 *
 *   sent=N answered=N lost=N wrong=N dup=N duration_ms=N rate_pps=N
 *   p50_us=N p99_us=N max_us=N macs=MAC[,MAC...]
 *
 * SIGINT or SIGTERM stops sending early; the run then ends as usual, with
 * sent counting what went out.
 *
 * Exit status: 0 after a run, whatever it measured; 1 on a usage or socket
 * error.
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
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_COUNT	1000000
#define BATCH		64
#define NSEC_PER_SEC	1000000000LL
#define NSEC_PER_MSEC	1000000LL
#define BROADCAST_MAC	0xffffffffffffULL

/*
 * The RX ring: 16 MiB of 128-byte frames, 131072 of them (256-byte ones
 * for advertisements, 65536), so that a whole
 * burst of replies fits even if the receiver does not get the CPU until the
 * end. TPACKET_V2 puts the Ethernet header at offset 66 of a frame, which
 * leaves room for a padded 60-byte ARP frame. Blocks hold whole frames, so
 * the frames are contiguous.
 */
#define RING_BLOCK_SIZE	(256 << 10)
#define RING_BLOCKS	64
#define RING_FRAME_SIZE	128
/* An advertisement needs twice the room: half the frames. */
#define RING_FRAME_SIZE6	256

struct frame {
	struct ether_header eth;
	struct ether_arp arp;
} __attribute__((packed));

/* A solicitation or an advertisement with one link-layer address option. */
struct nd_frame {
	struct ether_header eth;
	struct ip6_hdr ip6;
	struct nd_neighbor_solicit nd;	/* the advertisement's layout too */
	struct nd_opt_hdr opt;
	unsigned char opt_mac[ETH_ALEN];
} __attribute__((packed));

union request {
	struct frame arp;
	struct nd_frame nd;
};

struct config {
	int ifindex;
	bool nd;			/* IPv6 addresses: Neighbor Discovery */
	uint32_t target;		/* network order */
	struct in6_addr target6;
	uint32_t first_ip;		/* host order; IPv6: its last 32 bits */
	struct in6_addr first_ip6;
	uint64_t first_mac;
	uint64_t expected_mac;
	bool check_mac;
	bool one_mac;			/* -m: every requester has first_mac */
	unsigned int requesters, count, rate, wait_ms, gap_ms;
};

/*
 * Timestamps: the RX ring stamps each frame with the skb's receive time or,
 * without one, ktime_get_real() as the packet socket queues it; both are
 * CLOCK_REALTIME. Send times are therefore taken on CLOCK_REALTIME too, so
 * that a latency is a difference of two readings of one clock. Pacing and
 * deadlines use CLOCK_MONOTONIC, which no clock step can disturb.
 */
struct run {
	const struct config *cfg;
	int rx_fd;
	unsigned char *ring;
	unsigned int frame_size, frames;	/* the ring's */
	int64_t *sent_ns;		/* per request */
	/*
	 * Requests below nsent are on the wire; those from nsent up to
	 * nposted are in a sendmmsg() call that has not returned yet.
	 */
	atomic_uint nsent;
	atomic_uint nposted;
	atomic_uint answered;
	atomic_bool stop;
	/* Gap mode waits on this for the next answer. */
	pthread_mutex_t lock;
	pthread_cond_t answer;
	/* The receiver's alone until it is joined. */
	uint32_t *answers;		/* per requester */
	int64_t *latency_ns;		/* per answer */
	uint64_t *macs;			/* ARP sender MACs of valid replies */
	size_t nmacs, macs_size;
	unsigned long long wrong, dup;
	int64_t last_reply_ns;
};

struct sender {
	int fd;
	struct sockaddr_ll to;
	union request frames[BATCH];
	struct iovec iov[BATCH];
	struct mmsghdr msgs[BATCH];
};

static void die(const char *what)
{
	fprintf(stderr, "arpload: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "arpload: usage: arpload -i IFNAME -t TARGET_IP [-S FIRST_SENDER_IP] "
			"[-s FIRST_SENDER_MAC] [-k REQUESTERS] [-c COUNT] [-r RATE_PPS] "
			"[-w WAIT_MS] [-e EXPECTED_MAC] [-g GAP_MS] [-m]\n");
	exit(1);
}

static void bad(const char *what, const char *arg)
{
	fprintf(stderr, "arpload: bad %s \"%s\"\n", what, arg);
	exit(1);
}

static unsigned int parse_uint(const char *s, unsigned long max, const char *what)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v > max)
		bad(what, s);
	return v;
}

static uint64_t mac_get(const unsigned char *m)
{
	uint64_t v = 0;

	for (int i = 0; i < ETH_ALEN; i++)
		v = v << 8 | m[i];
	return v;
}

static void mac_put(unsigned char *m, uint64_t v)
{
	for (int i = ETH_ALEN - 1; i >= 0; i--, v >>= 8)
		m[i] = v;
}

static uint64_t parse_mac(const char *s)
{
	unsigned char m[ETH_ALEN];
	char end;

	if (sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx%c", &m[0], &m[1], &m[2],
		   &m[3], &m[4], &m[5], &end) != ETH_ALEN)
		bad("MAC", s);
	return mac_get(m);
}

/* An IPv4 address into @ip, or an IPv6 one into @ip6: whether it is IPv6. */
static bool parse_ip(const char *s, uint32_t *ip, struct in6_addr *ip6)
{
	if (inet_pton(AF_INET, s, ip) == 1)
		return false;
	if (inet_pton(AF_INET6, s, ip6) != 1)
		bad("IP address", s);
	return true;
}

/* Requester k's MAC: the first one plus k in its low 24 bits, or with -m the first. */
static uint64_t requester_mac(const struct config *cfg, uint32_t k)
{
	if (cfg->one_mac)
		return cfg->first_mac;
	return (cfg->first_mac & ~0xffffffULL) | ((cfg->first_mac + k) & 0xffffff);
}

static void parse_args(int argc, char **argv, struct config *cfg)
{
	const char *ifname = NULL, *first = NULL;
	bool have_target = false, have_count = false;
	int opt;

	*cfg = (struct config) {
		.first_ip = 0x0a000001,
		.first_mac = 0x020000000001ULL,
		.requesters = 1,
		.wait_ms = 1000,
	};
	opterr = 0;	/* one line on stderr: ours */
	while ((opt = getopt(argc, argv, "i:t:S:s:k:c:r:w:e:g:m")) != -1) {
		switch (opt) {
		case 'i': ifname = optarg; break;
		case 't':
			cfg->nd = parse_ip(optarg, &cfg->target, &cfg->target6);
			have_target = true;
			break;
		case 'S': first = optarg; break;
		case 's': cfg->first_mac = parse_mac(optarg); break;
		case 'k': cfg->requesters = parse_uint(optarg, MAX_COUNT, "requester count"); break;
		case 'c':
			cfg->count = parse_uint(optarg, MAX_COUNT, "count");
			have_count = true;
			break;
		case 'r': cfg->rate = parse_uint(optarg, 100000000, "rate"); break;
		case 'w': cfg->wait_ms = parse_uint(optarg, 3600000, "wait"); break;
		case 'e':
			cfg->expected_mac = parse_mac(optarg);
			cfg->check_mac = true;
			break;
		case 'g': cfg->gap_ms = parse_uint(optarg, 3600000, "gap"); break;
		case 'm': cfg->one_mac = true; break;
		default: usage();
		}
	}
	if (optind != argc || !ifname || !have_target)
		usage();
	if (first) {
		uint32_t ip;

		if (parse_ip(first, &ip, &cfg->first_ip6) != cfg->nd)
			bad("sender address, not of the target's family,", first);
		cfg->first_ip = ntohl(cfg->nd ? cfg->first_ip6.s6_addr32[3] : ip);
	} else if (cfg->nd) {
		inet_pton(AF_INET6, "2001:db8::1", &cfg->first_ip6);
		cfg->first_ip = 1;
	}
	if (!have_count)
		cfg->count = cfg->requesters;
	if (!cfg->requesters || !cfg->count)
		usage();
	cfg->ifindex = if_nametoindex(ifname);
	if (!cfg->ifindex)
		die(ifname);
}

static int64_t now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

static struct timespec to_timespec(int64_t ns)
{
	return (struct timespec) { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
}

static void sleep_until(int64_t mono_ns)
{
	struct timespec ts = to_timespec(mono_ns);

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

static void *zalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p)
		die("calloc");
	return p;
}

static void sockopt(int fd, int name, const void *val, socklen_t len, const char *what)
{
	if (setsockopt(fd, SOL_PACKET, name, val, len) < 0)
		die(what);
}

static void open_rx(struct run *run)
{
	unsigned int frame_size = run->cfg->nd ? RING_FRAME_SIZE6 : RING_FRAME_SIZE;
	struct tpacket_req req = {
		.tp_block_size = RING_BLOCK_SIZE,
		.tp_block_nr = RING_BLOCKS,
		.tp_frame_size = frame_size,
		.tp_frame_nr = RING_BLOCK_SIZE / frame_size * RING_BLOCKS,
	};
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(run->cfg->nd ? ETH_P_IPV6 : ETH_P_ARP),
		.sll_ifindex = run->cfg->ifindex,
	};
	struct packet_mreq mr = {
		.mr_ifindex = run->cfg->ifindex,
		.mr_type = PACKET_MR_PROMISC,
	};
	int version = TPACKET_V2;
	void *ring;

	/* Protocol 0 until bound: nothing arrives before the ring exists. */
	run->rx_fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (run->rx_fd < 0)
		die("socket");
	sockopt(run->rx_fd, PACKET_VERSION, &version, sizeof(version), "PACKET_VERSION");
	sockopt(run->rx_fd, PACKET_RX_RING, &req, sizeof(req), "PACKET_RX_RING");
	ring = mmap(NULL, (size_t)RING_BLOCK_SIZE * RING_BLOCKS, PROT_READ | PROT_WRITE,
		    MAP_SHARED, run->rx_fd, 0);
	if (ring == MAP_FAILED)
		die("mmap");
	run->ring = ring;
	run->frame_size = req.tp_frame_size;
	run->frames = req.tp_frame_nr;
	/* Replies go to each requester's own MAC, which is not ours. */
	sockopt(run->rx_fd, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr), "PACKET_ADD_MEMBERSHIP");
	if (bind(run->rx_fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind");
}

/*
 * What every solicitation says: to the target's solicited-node group
 * (RFC 4291 2.7.1), hop limit 255, with a source link-layer option.
 */
static void nd_frame_init(struct nd_frame *f, const struct config *cfg)
{
	static const unsigned char group[13] = { 0xff, 0x02, [11] = 0x01, 0xff };
	const unsigned char *t = cfg->target6.s6_addr;
	unsigned char mac[ETH_ALEN] = { 0x33, 0x33, 0xff, t[13], t[14], t[15] };

	memcpy(f->eth.ether_dhost, mac, ETH_ALEN);
	f->eth.ether_type = htons(ETHERTYPE_IPV6);
	f->ip6.ip6_flow = htonl(6 << 28);
	f->ip6.ip6_plen = htons(sizeof(*f) - offsetof(struct nd_frame, nd));
	f->ip6.ip6_nxt = IPPROTO_ICMPV6;
	f->ip6.ip6_hlim = 255;
	memcpy(f->ip6.ip6_dst.s6_addr, group, sizeof(group));
	memcpy(&f->ip6.ip6_dst.s6_addr[13], &t[13], 3);
	f->nd = (struct nd_neighbor_solicit) {
		.nd_ns_type = ND_NEIGHBOR_SOLICIT,
		.nd_ns_target = cfg->target6,
	};
	f->opt = (struct nd_opt_hdr) { .nd_opt_type = ND_OPT_SOURCE_LINKADDR, .nd_opt_len = 1 };
}

/*
 * Protocol 0 makes a socket that only sends: bound to ETH_P_ARP it would
 * also be handed a copy of every ARP frame, on the CPU that runs the
 * responder. Each message's address names the interface and the protocol.
 */
static void open_tx(struct sender *tx, const struct config *cfg)
{
	tx->fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (tx->fd < 0)
		die("socket");
	tx->to = (struct sockaddr_ll) {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(cfg->nd ? ETH_P_IPV6 : ETH_P_ARP),
		.sll_ifindex = cfg->ifindex,
	};
	for (int j = 0; j < BATCH; j++) {
		struct frame *f = &tx->frames[j].arp;

		tx->msgs[j].msg_hdr = (struct msghdr) {
			.msg_name = &tx->to,
			.msg_namelen = sizeof(tx->to),
			.msg_iov = &tx->iov[j],
			.msg_iovlen = 1,
		};
		if (cfg->nd) {
			nd_frame_init(&tx->frames[j].nd, cfg);
			tx->iov[j] = (struct iovec) { &tx->frames[j].nd, sizeof(struct nd_frame) };
			continue;
		}
		memset(f->eth.ether_dhost, 0xff, ETH_ALEN);
		f->eth.ether_type = htons(ETHERTYPE_ARP);
		f->arp.arp_hrd = htons(ARPHRD_ETHER);
		f->arp.arp_pro = htons(ETHERTYPE_IP);
		f->arp.arp_hln = ETH_ALEN;
		f->arp.arp_pln = 4;
		f->arp.arp_op = htons(ARPOP_REQUEST);
		memset(f->arp.arp_tha, 0, ETH_ALEN);
		memcpy(f->arp.arp_tpa, &cfg->target, 4);
		tx->iov[j] = (struct iovec) { f, sizeof(*f) };
	}
}

/* The ICMPv6 checksum of @f's message, with its IPv6 pseudo-header. */
static uint16_t nd_checksum(const struct nd_frame *f)
{
	uint16_t len = ntohs(f->ip6.ip6_plen), w;
	const unsigned char *p = (const unsigned char *)&f->ip6.ip6_src;
	uint32_t sum = htons(len) + htons(IPPROTO_ICMPV6);

	for (unsigned int i = 0; i < 32; i += 2) {
		memcpy(&w, p + i, 2);
		sum += w;
	}
	p = (const unsigned char *)&f->nd;
	for (unsigned int i = 0; i < len; i += 2) {
		memcpy(&w, p + i, 2);
		sum += w;
	}
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum;
}

/* Requester k's IPv6 address: the first one, its last 32 bits plus k. */
static struct in6_addr requester_ip6(const struct config *cfg, uint32_t k)
{
	struct in6_addr a = cfg->first_ip6;

	a.s6_addr32[3] = htonl(cfg->first_ip + k);
	return a;
}

static void fill_solicit(struct nd_frame *f, const struct config *cfg, uint32_t k)
{
	mac_put(f->eth.ether_shost, requester_mac(cfg, k));
	memcpy(f->opt_mac, f->eth.ether_shost, ETH_ALEN);
	f->ip6.ip6_src = requester_ip6(cfg, k);
	f->nd.nd_ns_cksum = 0;
	f->nd.nd_ns_cksum = nd_checksum(f);
}

static void fill_request(union request *r, const struct config *cfg, unsigned int i)
{
	uint32_t k = i % cfg->requesters;
	uint32_t sip = htonl(cfg->first_ip + k);
	struct frame *f = &r->arp;

	if (cfg->nd) {
		fill_solicit(&r->nd, cfg, k);
		return;
	}
	mac_put(f->eth.ether_shost, requester_mac(cfg, k));
	memcpy(f->arp.arp_sha, f->eth.ether_shost, ETH_ALEN);
	memcpy(f->arp.arp_spa, &sip, 4);
}

/* A full device queue drops what it cannot take: let it drain, then retry. */
static void backoff(void)
{
	struct timespec ts = { 0, 100000 };

	nanosleep(&ts, NULL);
}

/*
 * Sends requests @first..@first+@n-1, retrying those the device refused,
 * each stamped just before the call that carried it.
 */
static void send_batch(struct run *run, struct sender *tx, unsigned int first,
		       unsigned int n)
{
	unsigned int done = 0;

	for (unsigned int j = 0; j < n; j++)
		fill_request(&tx->frames[j], run->cfg, first + j);
	while (done < n) {
		int64_t t = now_ns(CLOCK_REALTIME);
		int ret;

		for (unsigned int j = done; j < n; j++)
			run->sent_ns[first + j] = t;
		atomic_store(&run->nposted, first + n);
		ret = sendmmsg(tx->fd, tx->msgs + done, n - done, 0);
		if (ret < 0 && errno != ENOBUFS && errno != EAGAIN)
			die("sendmmsg");
		if (ret > 0)
			done += ret;
		atomic_store(&run->nsent, first + done);
		atomic_store(&run->nposted, first + done);
		if (ret < 0)
			backoff();
	}
}

/*
 * Sleeps until request @i is due at the configured rate, then returns how
 * many requests from @i on are due, at most @max: a sender that fell behind
 * catches up in a batch, so the average rate holds.
 */
static unsigned int pace(const struct config *cfg, unsigned int i, unsigned int max,
			 int64_t start)
{
	unsigned int n = 1;
	int64_t now;

	if (!cfg->rate)
		return max;
	sleep_until(start + i * NSEC_PER_SEC / cfg->rate);
	now = now_ns(CLOCK_MONOTONIC);
	while (n < max && start + (i + n) * NSEC_PER_SEC / cfg->rate <= now)
		n++;
	return n;
}

/* Gap mode: wait for an answer beyond the @before we had, until @deadline. */
static void wait_answer(struct run *run, unsigned int before, int64_t deadline)
{
	struct timespec ts = to_timespec(deadline);

	pthread_mutex_lock(&run->lock);
	while (atomic_load(&run->answered) == before &&
	       pthread_cond_timedwait(&run->answer, &run->lock, &ts) != ETIMEDOUT)
		;
	pthread_mutex_unlock(&run->lock);
}

static volatile sig_atomic_t interrupted;

static void interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void send_all(struct run *run, struct sender *tx)
{
	const struct config *cfg = run->cfg;
	unsigned int max = cfg->gap_ms ? 1 : BATCH, before = 0, n;
	int64_t start = now_ns(CLOCK_MONOTONIC), last = start;

	for (unsigned int i = 0; i < cfg->count && !interrupted; i += n) {
		if (cfg->gap_ms && i)
			wait_answer(run, before, last + cfg->gap_ms * NSEC_PER_MSEC);
		n = pace(cfg, i, cfg->count - i < max ? cfg->count - i : max, start);
		before = atomic_load(&run->answered);
		last = now_ns(CLOCK_MONOTONIC);
		send_batch(run, tx, i, n);
	}
}

/*
 * The requester an advertisement validly answers, or -1 for a wrong one;
 * its target link-layer address into @mac.
 */
static long check_advert(const struct config *cfg, const struct nd_frame *f, unsigned int len,
			 uint64_t *mac)
{
	struct in6_addr k_ip;
	uint32_t k;

	/* An advertisement's flags are where a solicitation's reserved word is. */
	if (len < sizeof(*f) || f->opt.nd_opt_type != ND_OPT_TARGET_LINKADDR ||
	    f->opt.nd_opt_len != 1 || memcmp(&f->nd.nd_ns_target, &cfg->target6, 16) ||
	    !(f->nd.nd_ns_reserved & ND_NA_FLAG_SOLICITED))
		return -1;
	k = ntohl(f->ip6.ip6_dst.s6_addr32[3]) - cfg->first_ip;
	if (k >= cfg->requesters)
		return -1;
	k_ip = requester_ip6(cfg, k);
	if (memcmp(&f->ip6.ip6_dst, &k_ip, 16) ||
	    mac_get(f->eth.ether_dhost) != requester_mac(cfg, k))
		return -1;
	*mac = mac_get(f->opt_mac);
	if (cfg->check_mac && *mac != cfg->expected_mac)
		return -1;
	return k;
}

/* Whether an IPv6 frame is a Neighbor Advertisement at all. */
static bool is_advert(const struct nd_frame *f, unsigned int len)
{
	return len >= offsetof(struct nd_frame, opt) && f->ip6.ip6_nxt == IPPROTO_ICMPV6 &&
	       f->nd.nd_ns_type == ND_NEIGHBOR_ADVERT;
}

/* The requester a reply validly answers, or -1 for a wrong reply. */
static long check_reply(const struct config *cfg, const struct frame *f, unsigned int len)
{
	uint32_t spa, tpa, k;
	uint64_t mac;

	if (len < sizeof(*f) || f->arp.arp_hrd != htons(ARPHRD_ETHER) ||
	    f->arp.arp_pro != htons(ETHERTYPE_IP) || f->arp.arp_hln != ETH_ALEN ||
	    f->arp.arp_pln != 4 || f->arp.arp_op != htons(ARPOP_REPLY))
		return -1;
	memcpy(&spa, f->arp.arp_spa, 4);
	memcpy(&tpa, f->arp.arp_tpa, 4);
	k = ntohl(tpa) - cfg->first_ip;
	if (spa != cfg->target || k >= cfg->requesters)
		return -1;
	mac = requester_mac(cfg, k);
	/*
	 * farpd sends its replies to the broadcast address, in the target
	 * hardware field too; hosts take them (arp_process() reads neither),
	 * so they count.
	 */
	if ((mac_get(f->arp.arp_tha) != mac && mac_get(f->arp.arp_tha) != BROADCAST_MAC) ||
	    (mac_get(f->eth.ether_dhost) != mac && mac_get(f->eth.ether_dhost) != BROADCAST_MAC))
		return -1;
	if (cfg->check_mac && mac_get(f->arp.arp_sha) != cfg->expected_mac)
		return -1;
	return k;
}

/*
 * Whether request @i is on the wire. A reply can be in the ring before
 * sendmmsg() returns, since veth delivers, and a responder in another
 * namespace answers, in the softirq the send itself runs: while the call
 * that carries @i is in progress, wait for it to tell.
 */
static bool was_sent(struct run *run, uint64_t i)
{
	for (;;) {
		if (i < atomic_load(&run->nsent))
			return true;
		if (i >= atomic_load(&run->nposted))
			return false;
		sched_yield();
	}
}

/*
 * Requester k's requests are k, k + K, k + 2K, ... and are answered oldest
 * first, so its answer count picks the request a reply answers. A reply
 * that finds no such request sent before it arrived is one too many.
 */
static void answer(struct run *run, uint32_t k, int64_t ts)
{
	uint64_t i = k + (uint64_t)run->answers[k] * run->cfg->requesters;
	unsigned int n = atomic_load(&run->answered);

	if (!was_sent(run, i) || ts < run->sent_ns[i]) {
		run->dup++;
		return;
	}
	run->answers[k]++;
	run->latency_ns[n] = ts - run->sent_ns[i];
	if (ts > run->last_reply_ns)
		run->last_reply_ns = ts;
	atomic_store(&run->answered, n + 1);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Sorts @v and drops repeats; returns how many values remain. */
static size_t sort_unique(uint64_t *v, size_t n)
{
	size_t m = 0;

	qsort(v, n, sizeof(*v), cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (!m || v[i] != v[m - 1])
			v[m++] = v[i];
	return m;
}

/*
 * A set of MACs that stays small however many replies carry them: repeats
 * in a row are skipped, and a full array is deduplicated before it grows.
 */
static void note_mac(struct run *run, uint64_t mac)
{
	if (run->nmacs && run->macs[run->nmacs - 1] == mac)
		return;
	if (run->nmacs == run->macs_size) {
		run->nmacs = sort_unique(run->macs, run->nmacs);
		if (run->nmacs > run->macs_size / 2) {
			run->macs_size *= 2;
			run->macs = realloc(run->macs, run->macs_size * sizeof(*run->macs));
			if (!run->macs)
				die("realloc");
		}
	}
	run->macs[run->nmacs++] = mac;
}

/*
 * Whether @f is a Neighbor Solicitation. One from the responder's host for
 * a requester's own address is answered as the requester's host would: a
 * responder that sends through the kernel (ndppd) must resolve whom it
 * answers first, as it must on a real link.
 */
static bool answer_solicit(struct run *run, const struct nd_frame *f, unsigned int len)
{
	const struct config *cfg = run->cfg;
	struct sockaddr_ll to = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_IPV6),
		.sll_ifindex = cfg->ifindex,
	};
	struct in6_addr ip;
	struct nd_frame na;
	uint32_t k;

	if (len < offsetof(struct nd_frame, opt) || f->ip6.ip6_nxt != IPPROTO_ICMPV6 ||
	    f->nd.nd_ns_type != ND_NEIGHBOR_SOLICIT)
		return false;
	k = ntohl(f->nd.nd_ns_target.s6_addr32[3]) - cfg->first_ip;
	ip = requester_ip6(cfg, k);
	/* Not for a requester, or a DAD probe: nobody answers those here. */
	if (k >= cfg->requesters || memcmp(&f->nd.nd_ns_target, &ip, 16) ||
	    IN6_IS_ADDR_UNSPECIFIED(&f->ip6.ip6_src))
		return true;
	memset(&na, 0, sizeof(na));
	memcpy(na.eth.ether_dhost, f->eth.ether_shost, ETH_ALEN);
	mac_put(na.eth.ether_shost, requester_mac(cfg, k));
	na.eth.ether_type = htons(ETHERTYPE_IPV6);
	na.ip6.ip6_flow = htonl(6 << 28);
	na.ip6.ip6_plen = htons(sizeof(na) - offsetof(struct nd_frame, nd));
	na.ip6.ip6_nxt = IPPROTO_ICMPV6;
	na.ip6.ip6_hlim = 255;
	na.ip6.ip6_src = ip;
	na.ip6.ip6_dst = f->ip6.ip6_src;
	na.nd.nd_ns_type = ND_NEIGHBOR_ADVERT;
	na.nd.nd_ns_reserved = ND_NA_FLAG_SOLICITED | ND_NA_FLAG_OVERRIDE;
	na.nd.nd_ns_target = ip;
	na.opt = (struct nd_opt_hdr) { .nd_opt_type = ND_OPT_TARGET_LINKADDR, .nd_opt_len = 1 };
	memcpy(na.opt_mac, na.eth.ether_shost, ETH_ALEN);
	na.nd.nd_ns_cksum = nd_checksum(&na);
	/* One lost is the responder's loss, as on a real link: it asks again. */
	sendto(run->rx_fd, &na, sizeof(na), 0, (struct sockaddr *)&to, sizeof(to));
	return true;
}

static void handle_frame(struct run *run, const unsigned char *pkt, unsigned int len,
			 int64_t ts)
{
	const struct frame *f = (const struct frame *)pkt;
	uint64_t mac;
	long k;

	if (run->cfg->nd) {
		if (answer_solicit(run, (const struct nd_frame *)pkt, len))
			return;
		/* MLD and the like are no answer. */
		if (!is_advert((const struct nd_frame *)pkt, len))
			return;
		k = check_advert(run->cfg, (const struct nd_frame *)pkt, len, &mac);
	} else {
		/* Another host asking is no answer, right or wrong. */
		if (len >= sizeof(*f) && f->arp.arp_op == htons(ARPOP_REQUEST))
			return;
		k = check_reply(run->cfg, f, len);
		mac = mac_get(f->arp.arp_sha);
	}
	if (k < 0) {
		run->wrong++;
		return;
	}
	/* Duplicates too: they show who else answers. */
	note_mac(run, mac);
	answer(run, k, ts);
}

/* Hands every filled frame from @cur on to handle_frame(); returns the next. */
static unsigned int drain(struct run *run, unsigned int cur)
{
	unsigned int before = atomic_load(&run->answered);

	for (;;) {
		struct tpacket2_hdr *h = (struct tpacket2_hdr *)
			(run->ring + (size_t)cur * run->frame_size);

		if (!(__atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER))
			break;
		handle_frame(run, (unsigned char *)h + h->tp_mac, h->tp_snaplen,
			     h->tp_sec * NSEC_PER_SEC + h->tp_nsec);
		__atomic_store_n(&h->tp_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
		cur = (cur + 1) % run->frames;
	}
	if (atomic_load(&run->answered) != before) {
		pthread_mutex_lock(&run->lock);
		pthread_cond_broadcast(&run->answer);
		pthread_mutex_unlock(&run->lock);
	}
	return cur;
}

static void *receive(void *arg)
{
	struct run *run = arg;
	struct pollfd pfd = { .fd = run->rx_fd, .events = POLLIN };
	unsigned int cur = 0;

	while (!atomic_load(&run->stop)) {
		cur = drain(run, cur);
		/* A timeout, to see the stop flag. */
		if (poll(&pfd, 1, 10) < 0 && errno != EINTR)
			die("poll");
	}
	drain(run, cur);
	return NULL;
}

static void run_init(struct run *run, const struct config *cfg)
{
	pthread_condattr_t attr;

	*run = (struct run) { .cfg = cfg };
	run->sent_ns = zalloc(cfg->count, sizeof(*run->sent_ns));
	run->latency_ns = zalloc(cfg->count, sizeof(*run->latency_ns));
	run->macs_size = 64;
	run->macs = zalloc(run->macs_size, sizeof(*run->macs));
	run->answers = zalloc(cfg->requesters, sizeof(*run->answers));
	pthread_mutex_init(&run->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&run->answer, &attr);
	pthread_condattr_destroy(&attr);
}

/* Replies the ring had no room for would pass for lost ones: say so. */
static void warn_ring_drops(const struct run *run)
{
	struct tpacket_stats st;
	socklen_t len = sizeof(st);

	if (getsockopt(run->rx_fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) < 0)
		die("PACKET_STATISTICS");
	if (st.tp_drops)
		fprintf(stderr, "arpload: warning: the RX ring dropped %u frames\n",
			st.tp_drops);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The nearest-rank percentile @pct of @n sorted latencies, in microseconds. */
static const char *percentile_us(char *buf, const int64_t *sorted, unsigned int n,
				 unsigned int pct)
{
	if (!n)
		return "-";
	sprintf(buf, "%lld", (long long)sorted[((uint64_t)n * pct + 99) / 100 - 1] / 1000);
	return buf;
}

static void print_macs(uint64_t *macs, size_t n)
{
	if (!n) {
		printf("-");
		return;
	}
	n = sort_unique(macs, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char m[ETH_ALEN];

		mac_put(m, macs[i]);
		printf("%s%02x:%02x:%02x:%02x:%02x:%02x", i ? "," : "", m[0], m[1],
		       m[2], m[3], m[4], m[5]);
	}
}

static void report(struct run *run)
{
	unsigned int sent = atomic_load(&run->nsent), answered = atomic_load(&run->answered);
	int64_t duration = answered ? run->last_reply_ns - run->sent_ns[0] : 0;
	char p50[24], p99[24], max[24];

	qsort(run->latency_ns, answered, sizeof(*run->latency_ns), cmp_i64);
	printf("sent=%u answered=%u lost=%u wrong=%llu dup=%llu duration_ms=%lld rate_pps=%lld "
	       "p50_us=%s p99_us=%s max_us=%s macs=",
	       sent, answered, sent - answered, run->wrong, run->dup,
	       (long long)(duration / NSEC_PER_MSEC),
	       (long long)(duration > 0 ? answered * NSEC_PER_SEC / duration : 0),
	       percentile_us(p50, run->latency_ns, answered, 50),
	       percentile_us(p99, run->latency_ns, answered, 99),
	       percentile_us(max, run->latency_ns, answered, 100));
	print_macs(run->macs, run->nmacs);
	printf("\n");
}

int main(int argc, char **argv)
{
	static struct sender tx;
	struct config cfg;
	struct run run;
	pthread_t rx;

	struct sigaction stop = { .sa_handler = interrupt };

	parse_args(argc, argv, &cfg);
	if (sigaction(SIGINT, &stop, NULL) || sigaction(SIGTERM, &stop, NULL))
		die("sigaction");
	run_init(&run, &cfg);
	open_rx(&run);
	open_tx(&tx, &cfg);
	errno = pthread_create(&rx, NULL, receive, &run);
	if (errno)
		die("pthread_create");
	send_all(&run, &tx);
	sleep_until(now_ns(CLOCK_MONOTONIC) + cfg.wait_ms * NSEC_PER_MSEC);
	atomic_store(&run.stop, true);
	pthread_join(rx, NULL);
	warn_ring_drops(&run);
	report(&run);
	return 0;
}
