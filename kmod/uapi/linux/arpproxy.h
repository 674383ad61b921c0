/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * arpproxy: in-kernel proxy ARP responder, generic netlink interface.
 *
 * The module and arpproxyctl both include this one header.
 * Documentation/netlink/specs/arpproxy.yaml describes the same family.
 *
 * Family "arpproxy", version ARPPROXY_GENL_VERSION. Every command works on
 * the network namespace of the requesting socket. Reads are open to every
 * user; changes need CAP_NET_ADMIN in the user namespace owning that netns.
 *
 * ARPPROXY_CMD_VERSION_GET (do)
 *   reply: ARPPROXY_A_VERSION
 *
 * ARPPROXY_CMD_BINDING_ADD, ARPPROXY_CMD_BINDING_REPLACE (do)
 *   ARPPROXY_A_PREFIX, ARPPROXY_A_PLEN: the IPv4 prefix (required)
 *   ARPPROXY_A_IFINDEX: answer only on this interface (optional)
 *   ARPPROXY_A_MAC: sender hardware address of replies (optional)
 *   ARPPROXY_A_FLAGS: ARPPROXY_BINDING_F_* (optional)
 *   ARPPROXY_A_GARP: announce the binding's addresses with this many
 *     gratuitous ARP rounds, 1 s apart, when it is added or replaced and
 *     whenever its interface comes up or regains carrier (optional,
 *     1..ARPPROXY_ANNOUNCE_COUNT_MAX)
 *   ARPPROXY_A_REFRESH: announce them once every this many seconds for as
 *     long as the binding stays (optional, 1..ARPPROXY_REFRESH_MAX)
 *   Both need ARPPROXY_A_IFINDEX, a prefix of at most ARPPROXY_ANNOUNCE_MAX
 *   addresses and no exclude flag. Announcements are paced and counted as
 *   those of ARPPROXY_CMD_ANNOUNCE, and stop when the binding goes.
 *   A binding is identified by prefix, length and interface. ADD fails with
 *   -EEXIST when that binding exists; REPLACE creates it or overwrites it
 *   whole (a MAC, flags or announcements left out are gone afterwards).
 *
 * ARPPROXY_CMD_BINDING_DEL (do): ARPPROXY_A_PREFIX, ARPPROXY_A_PLEN,
 *   ARPPROXY_A_IFINDEX (optional) identify the binding; -ENOENT if absent.
 *
 * ARPPROXY_CMD_BINDING_GET (dump): one message per binding, in ascending
 *   order of prefix, length and interface, each with the attributes above
 *   and ARPPROXY_A_HITS. NLM_F_DUMP_INTR flags a table changed mid-dump.
 *
 * ARPPROXY_CMD_BINDING_FLUSH (do): ARPPROXY_A_IFINDEX (optional) limits the
 *   flush to bindings scoped to that interface.
 *
 * ARPPROXY_CMD_IFACE_SET (do): ARPPROXY_A_IFINDEX (required) and the
 *   settings to change: ARPPROXY_A_PROXY_MODE, ARPPROXY_A_INSPECT,
 *   ARPPROXY_A_RARP (answer RARP requests for the MAC of a host binding
 *   that applies on the interface with that binding's address),
 *   ARPPROXY_A_LEARN (record the senders of ARP packets arriving on it in
 *   the netns's station cache; ARPPROXY_INSPECT_PIN needs it), and the
 *   rate limit, set whole by any of ARPPROXY_A_RATE (replies per second on
 *   the interface, 0: no limit), ARPPROXY_A_RATE_BURST (default: the rate)
 *   and ARPPROXY_A_RATE_PER_HOST (replies per second to one requester,
 *   0 or absent: no limit). New settings start with full buckets.
 * ARPPROXY_CMD_IFACE_GET (dump): one message per Ethernet interface:
 *   ARPPROXY_A_IFINDEX, ARPPROXY_A_PROXY_MODE, ARPPROXY_A_INSPECT,
 *   ARPPROXY_A_RARP, ARPPROXY_A_LEARN, ARPPROXY_A_RATE,
 *   ARPPROXY_A_RATE_BURST, ARPPROXY_A_RATE_PER_HOST.
 *
 * ARPPROXY_CMD_ACL_ADD (do): a rule deciding which requesters an interface
 *   answers: ARPPROXY_A_IFINDEX and ARPPROXY_A_ACTION (required),
 *   ARPPROXY_A_PREFIX and ARPPROXY_A_PLEN (the requester's IPv4 prefix),
 *   ARPPROXY_A_MAC (the requester's MAC), ARPPROXY_A_PREF (its place: the
 *   lowest first; default: 10 after the last rule). Rules are tried in
 *   order and the first match decides; no match allows. -EEXIST if the
 *   interface has a rule with that pref.
 * ARPPROXY_CMD_ACL_DEL (do): ARPPROXY_A_IFINDEX and either ARPPROXY_A_PREF
 *   or the rule's action and match attributes; -ENOENT if no rule is both.
 * ARPPROXY_CMD_ACL_GET (dump): one message per rule, by interface and
 *   pref, with the attributes above and ARPPROXY_A_HITS (requests matched).
 *   ARPPROXY_A_IFINDEX in the request limits it to that interface.
 * ARPPROXY_CMD_ACL_FLUSH (do): ARPPROXY_A_IFINDEX (optional) limits it.
 *
 * ARPPROXY_CMD_RESTORE_BEGIN (do): starts building a new, empty
 *   configuration (bindings, interface settings, ACLs) for the netns.
 *   Until it commits or aborts, every change the same socket requests goes
 *   to the new configuration, unseen and unannounced; reads still show the
 *   one in use. -EBUSY while another socket is restoring; a second BEGIN
 *   on the same socket starts over.
 * ARPPROXY_CMD_RESTORE_COMMIT (do): the new configuration replaces the one
 *   in use in one step: every ARP packet is handled by the old one or the
 *   new one. Binding hits and rate-limit buckets start from zero.
 * ARPPROXY_CMD_RESTORE_ABORT (do): the new configuration is discarded, as
 *   it is when the socket closes first. Both -ENOENT without a BEGIN.
 *
 * ARPPROXY_CMD_ANNOUNCE (do): gratuitous ARP for every address of
 *   ARPPROXY_A_PREFIX/ARPPROXY_A_PLEN that a binding answers for, sent on
 *   the binding's interface with the binding's MAC (or the interface's) as
 *   the ARP sender. An unscoped binding is announced only on the interface
 *   ARPPROXY_A_IFINDEX names, which also limits the others to it.
 *   ARPPROXY_A_COUNT rounds (default 2, 1..ARPPROXY_ANNOUNCE_COUNT_MAX),
 *   ARPPROXY_A_INTERVAL ms apart (default 2000, as RFC 5227's
 *   announcements), each an RFC 5227 announcement (a request with sender
 *   IP = target IP) or, with ARPPROXY_A_REPLY 1, a reply. Sending is paced
 *   at module parameter garp_rate frames per second per interface and runs
 *   after the command returns; an address whose binding has gone by its
 *   turn is skipped, and the announcement stops if its interface goes.
 *   -E2BIG for more than ARPPROXY_ANNOUNCE_MAX addresses, -ENOENT when no
 *   binding covers the prefix, -EBUSY with ARPPROXY_ANNOUNCE_JOBS_MAX
 *   announcements still running in the netns.
 *
 * The station cache: on interfaces with ARPPROXY_A_LEARN, every ARP packet
 * that passes inspection and claims a usable sender IP records that IP and
 * its sender MAC as a station, keyed by interface and IP. A station ages
 * out when not seen for the cache timeout. The cache holds the module
 * parameter max_stations stations per netns, rounded up to a power of two,
 * in sets of ARPPROXY_CACHE_WAYS by hash: a new station evicts the least
 * recently seen one of its set when that set is full (counted as
 * ARPPROXY_STAT_CACHE_EVICTED). An aged-out station is counted as
 * ARPPROXY_STAT_STATIONS_EXPIRED when its slot is next taken, flushed, or
 * swept, which happens every half timeout (at least every minute).
 * ARPPROXY_CMD_CACHE_SET (do): ARPPROXY_A_CACHE_TIMEOUT (seconds,
 *   1..ARPPROXY_CACHE_TIMEOUT_MAX, default ARPPROXY_CACHE_TIMEOUT_DEFAULT);
 *   part of the configuration that restore replaces.
 * ARPPROXY_CMD_CACHE_GET (do): ARPPROXY_A_CACHE_TIMEOUT,
 *   ARPPROXY_A_CACHE_SIZE (stations the cache can hold; 0 until an
 *   interface first learns) and ARPPROXY_A_CACHE_STATIONS (held now).
 * ARPPROXY_CMD_STATION_GET (dump): one message per station, in no
 *   particular order: ARPPROXY_A_PREFIX (its IP), ARPPROXY_A_IFINDEX,
 *   ARPPROXY_A_MAC, ARPPROXY_A_FIRST_SEEN and ARPPROXY_A_LAST_SEEN (ms
 *   ago), ARPPROXY_A_PACKETS, ARPPROXY_A_CHANGES (times its MAC changed).
 *   ARPPROXY_A_IFINDEX and ARPPROXY_A_PREFIX/ARPPROXY_A_PLEN in the request
 *   limit it to that interface and prefix.
 * ARPPROXY_CMD_STATION_FLUSH (do): forgets every station, or with
 *   ARPPROXY_A_IFINDEX those of that interface.
 *
 * ARPPROXY_CMD_STATS_GET (do): ARPPROXY_A_STATS, a nest of u64 counters
 *   whose attribute types are enum arpproxy_stat; attributes of type
 *   ARPPROXY_STAT_UNSPEC inside it are alignment padding. With
 *   ARPPROXY_A_IFINDEX, that Ethernet interface's counters, which only
 *   count while it is in the netns; -ENODEV for an interface without.
 *   EVENTS_DROPPED and RATE_EVICTED are only counted per netns.
 * ARPPROXY_CMD_STATS_GET (dump): one message per Ethernet interface,
 *   ARPPROXY_A_IFINDEX and ARPPROXY_A_STATS.
 * ARPPROXY_CMD_STATS_RESET (do): counters, the netns's and the
 *   interfaces', read from zero again.
 *
 * Multicast group ARPPROXY_MCGRP_EVENTS, open to every user, carries one
 * message per change or incident in the netns, its command saying what:
 *   ARPPROXY_CMD_BINDING_ADD, _REPLACE, _DEL: the binding's attributes
 *     (ARPPROXY_A_PREFIX, _PLEN, _IFINDEX, _MAC, _FLAGS) as it was added,
 *     became, or was before its deletion
 *   ARPPROXY_CMD_BINDING_FLUSH: ARPPROXY_A_IFINDEX if only that interface's
 *     bindings went, by command or because the interface went away
 *   ARPPROXY_CMD_IFACE_SET: ARPPROXY_A_IFINDEX and all its settings
 *   ARPPROXY_CMD_ACL_ADD, _DEL: the rule's attributes
 *   ARPPROXY_CMD_ACL_FLUSH: ARPPROXY_A_IFINDEX if only that interface's
 *     rules went
 *   ARPPROXY_CMD_RESTORE_COMMIT: a restore replaced the configuration
 *   ARPPROXY_CMD_RATE_LIMIT: a rate limit started dropping requests:
 *     ARPPROXY_A_IFINDEX, ARPPROXY_A_SENDER_IP and ARPPROXY_A_MAC of the
 *     request, and ARPPROXY_A_RATE or ARPPROXY_A_RATE_PER_HOST, the limit
 *     it hit. The next one comes once that limit has let a request through.
 *   ARPPROXY_CMD_SPOOF: a packet failed inspection: ARPPROXY_A_IFINDEX,
 *     ARPPROXY_A_REASON (the enum arpproxy_stat of the failed check) and,
 *     when the packet was long enough, ARPPROXY_A_SENDER_IP and
 *     ARPPROXY_A_MAC (the MAC it claims), with ARPPROXY_A_EXPECTED_MAC
 *     when a static binding or a pinned station says otherwise.
 *   ARPPROXY_CMD_STATION_NEW: a station was learnt: ARPPROXY_A_IFINDEX,
 *     ARPPROXY_A_SENDER_IP, ARPPROXY_A_MAC
 *   ARPPROXY_CMD_STATION_CHANGED: a station's IP is now claimed by another
 *     MAC (arpwatch's flip-flop): the same, and ARPPROXY_A_OLD_MAC
 *   ARPPROXY_CMD_STATION_FLUSH: ARPPROXY_A_IFINDEX if only that
 *     interface's stations went
 *   ARPPROXY_CMD_CACHE_SET: ARPPROXY_A_CACHE_TIMEOUT
 * Each netns emits at most the module parameter event_rate events per
 * second; ARPPROXY_STAT_EVENTS_DROPPED counts the events that this limit,
 * or a failed allocation, kept from being sent.
 */
#ifndef _UAPI_LINUX_ARPPROXY_H
#define _UAPI_LINUX_ARPPROXY_H

#include <linux/const.h>

#define ARPPROXY_GENL_NAME	"arpproxy"
#define ARPPROXY_GENL_VERSION	1
#define ARPPROXY_MCGRP_EVENTS	"events"

enum arpproxy_cmd {
	ARPPROXY_CMD_UNSPEC,
	ARPPROXY_CMD_VERSION_GET,
	ARPPROXY_CMD_BINDING_ADD,
	ARPPROXY_CMD_BINDING_REPLACE,
	ARPPROXY_CMD_BINDING_DEL,
	ARPPROXY_CMD_BINDING_GET,
	ARPPROXY_CMD_BINDING_FLUSH,
	ARPPROXY_CMD_IFACE_SET,
	ARPPROXY_CMD_IFACE_GET,
	ARPPROXY_CMD_STATS_GET,
	ARPPROXY_CMD_STATS_RESET,
	ARPPROXY_CMD_SPOOF,		/* event only */
	ARPPROXY_CMD_ACL_ADD,
	ARPPROXY_CMD_ACL_DEL,
	ARPPROXY_CMD_ACL_GET,
	ARPPROXY_CMD_ACL_FLUSH,
	ARPPROXY_CMD_RATE_LIMIT,	/* event only */
	ARPPROXY_CMD_RESTORE_BEGIN,
	ARPPROXY_CMD_RESTORE_COMMIT,
	ARPPROXY_CMD_RESTORE_ABORT,
	ARPPROXY_CMD_ANNOUNCE,
	ARPPROXY_CMD_CACHE_SET,
	ARPPROXY_CMD_CACHE_GET,
	ARPPROXY_CMD_STATION_GET,
	ARPPROXY_CMD_STATION_FLUSH,
	ARPPROXY_CMD_STATION_NEW,	/* event only */
	ARPPROXY_CMD_STATION_CHANGED,	/* event only */

	__ARPPROXY_CMD_MAX,
	ARPPROXY_CMD_MAX = __ARPPROXY_CMD_MAX - 1
};

enum arpproxy_attr {
	ARPPROXY_A_UNSPEC,
	ARPPROXY_A_PAD,
	ARPPROXY_A_VERSION,	/* string */
	ARPPROXY_A_PREFIX,	/* be32 */
	ARPPROXY_A_PLEN,	/* u8, 0..32 */
	ARPPROXY_A_IFINDEX,	/* u32 */
	ARPPROXY_A_MAC,		/* 6 bytes */
	ARPPROXY_A_FLAGS,	/* u32, ARPPROXY_BINDING_F_* */
	ARPPROXY_A_HITS,	/* u64: replies sent for a binding */
	ARPPROXY_A_PROXY_MODE,	/* u8, enum arpproxy_proxy_mode */
	ARPPROXY_A_STATS,	/* nest of u64, types from enum arpproxy_stat */
	ARPPROXY_A_INSPECT,	/* u8, enum arpproxy_inspect_mode */
	ARPPROXY_A_REASON,	/* u32, enum arpproxy_stat */
	ARPPROXY_A_SENDER_IP,	/* be32 */
	ARPPROXY_A_EXPECTED_MAC,	/* 6 bytes */
	ARPPROXY_A_ACTION,	/* u8, enum arpproxy_acl_action */
	ARPPROXY_A_PREF,	/* u32, 1.. */
	ARPPROXY_A_RATE,	/* u32, per second, 0..ARPPROXY_RATE_MAX */
	ARPPROXY_A_RATE_BURST,	/* u32, 1..ARPPROXY_RATE_MAX */
	ARPPROXY_A_RATE_PER_HOST,	/* u32, per second, 0..ARPPROXY_RATE_MAX */
	ARPPROXY_A_RARP,	/* u8, 0 or 1: answer reverse ARP */
	ARPPROXY_A_COUNT,	/* u32: rounds of an announcement */
	ARPPROXY_A_INTERVAL,	/* u32: ms between rounds */
	ARPPROXY_A_REPLY,	/* u8, 0 or 1: announce with replies */
	ARPPROXY_A_GARP,	/* u8: announcement rounds of a binding */
	ARPPROXY_A_REFRESH,	/* u32: seconds between a binding's refreshes */
	ARPPROXY_A_LEARN,	/* u8, 0 or 1: learn stations */
	ARPPROXY_A_CACHE_TIMEOUT,	/* u32: seconds */
	ARPPROXY_A_CACHE_SIZE,	/* u32: stations the cache can hold */
	ARPPROXY_A_CACHE_STATIONS,	/* u32: stations it holds */
	ARPPROXY_A_FIRST_SEEN,	/* u64: ms ago */
	ARPPROXY_A_LAST_SEEN,	/* u64: ms ago */
	ARPPROXY_A_PACKETS,	/* u64: ARP packets a station sent */
	ARPPROXY_A_CHANGES,	/* u32: times a station's MAC changed */
	ARPPROXY_A_OLD_MAC,	/* 6 bytes */

	__ARPPROXY_A_MAX,
	ARPPROXY_A_MAX = __ARPPROXY_A_MAX - 1
};

/* Binding flags. */
#define ARPPROXY_BINDING_F_ONLINK	_BITUL(0) /* answer for on-link targets too */
#define ARPPROXY_BINDING_F_EXCLUDE	_BITUL(1) /* never answer for this prefix */
/* Its MAC is the truth about its addresses: inspection holds senders to it. */
#define ARPPROXY_BINDING_F_STATIC	_BITUL(2)
#define ARPPROXY_BINDING_F_ALL		(ARPPROXY_BINDING_F_ONLINK | \
					 ARPPROXY_BINDING_F_EXCLUDE | \
					 ARPPROXY_BINDING_F_STATIC)

enum arpproxy_proxy_mode {
	ARPPROXY_PROXY_OFF,	/* only bindings answer */
	ARPPROXY_PROXY_ROUTE,	/* also answer what routes out another device */

	__ARPPROXY_PROXY_MAX,
	ARPPROXY_PROXY_MAX = __ARPPROXY_PROXY_MAX - 1
};

/*
 * ARP inspection of one interface: every ARP packet arriving on it is
 * checked (enum arpproxy_stat BAD_FORMAT to STATIC_MISMATCH, and
 * PIN_MISMATCH and PIN_OFF_SUBNET); LOG counts
 * and logs a failure, ENFORCE also drops the packet before the kernel's
 * ARP code sees it. PIN is ENFORCE that also holds every sender to the MAC
 * its station was first learnt with (PIN_MISMATCH), until the station ages
 * out or is flushed, and drops senders outside the interface's subnets and
 * bindings (PIN_OFF_SUBNET); it needs ARPPROXY_A_LEARN.
 */
enum arpproxy_inspect_mode {
	ARPPROXY_INSPECT_OFF,
	ARPPROXY_INSPECT_LOG,
	ARPPROXY_INSPECT_ENFORCE,
	ARPPROXY_INSPECT_PIN,

	__ARPPROXY_INSPECT_MAX,
	ARPPROXY_INSPECT_MAX = __ARPPROXY_INSPECT_MAX - 1
};

enum arpproxy_acl_action {
	ARPPROXY_ACL_ALLOW,
	ARPPROXY_ACL_DENY,

	__ARPPROXY_ACL_MAX,
	ARPPROXY_ACL_MAX = __ARPPROXY_ACL_MAX - 1
};

#define ARPPROXY_ACL_RULES_MAX	1024	/* rules per interface */
#define ARPPROXY_ANNOUNCE_MAX	65536	/* addresses in one announcement */
#define ARPPROXY_ANNOUNCE_JOBS_MAX	16	/* running per netns */
#define ARPPROXY_ANNOUNCE_COUNT_MAX	100	/* rounds */
#define ARPPROXY_ANNOUNCE_INTERVAL_MIN	10	/* ms */
#define ARPPROXY_ANNOUNCE_INTERVAL_MAX	3600000	/* ms */
#define ARPPROXY_REFRESH_MAX	86400	/* s */
#define ARPPROXY_RATE_MAX	1000000	/* rates and bursts */
#define ARPPROXY_CACHE_TIMEOUT_DEFAULT	300	/* s */
#define ARPPROXY_CACHE_TIMEOUT_MAX	604800	/* s: a week */
#define ARPPROXY_CACHE_WAYS	8	/* stations per set */

/*
 * Counters, per network namespace. Every ARP frame the hook sees adds one to
 * ARPPROXY_STAT_FRAMES and to exactly one of INVALID, NOT_REQUEST, REQUESTS
 * and SPOOF_DROPPED; every request adds one to exactly one of the outcomes
 * from REPLIES to TX_ERROR, ACL_DENIED, RATE_LIMITED, ROUTES_BACK and
 * MARTIAN_SOURCE. A frame that fails
 * inspection adds one to the first check it fails (BAD_FORMAT to
 * STATIC_MISMATCH, PIN_OFF_SUBNET or PIN_MISMATCH) and, under LOG, to
 * SPOOF_LOGGED before it is counted as any other frame.
 */
enum arpproxy_stat {
	ARPPROXY_STAT_UNSPEC,
	ARPPROXY_STAT_FRAMES,		/* ARP frames seen by the hook */
	ARPPROXY_STAT_INVALID,		/* not a sane Ethernet/IPv4 ARP frame */
	ARPPROXY_STAT_NOT_REQUEST,	/* replies and other opcodes */
	ARPPROXY_STAT_REQUESTS,		/* well-formed requests */
	ARPPROXY_STAT_REPLIES,		/* requests answered */
	ARPPROXY_STAT_GRATUITOUS,	/* sender IP == target IP: not answered */
	ARPPROXY_STAT_PROBE,		/* RFC 5227 probe (sender IP 0) */
	ARPPROXY_STAT_NO_BINDING,	/* nothing covers the target */
	ARPPROXY_STAT_EXCLUDED,		/* an exclude binding matched */
	ARPPROXY_STAT_LOCAL_TARGET,	/* the target is a local address */
	ARPPROXY_STAT_NOT_OFFSUBNET,	/* target on the ingress subnet */
	ARPPROXY_STAT_TX_ERROR,		/* the reply could not be built */
	ARPPROXY_STAT_SPOOF_DROPPED,	/* failed inspection, dropped */
	ARPPROXY_STAT_SPOOF_LOGGED,	/* failed inspection, let through */
	ARPPROXY_STAT_BAD_FORMAT,	/* not a sane Ethernet/IPv4 ARP packet */
	ARPPROXY_STAT_BAD_SRC_MAC,	/* Ethernet source != sender MAC */
	ARPPROXY_STAT_BAD_DST_MAC,	/* reply: Ethernet dest != target MAC */
	ARPPROXY_STAT_BAD_SENDER_IP,	/* broadcast, multicast, loopback... */
	ARPPROXY_STAT_BAD_SENDER_MAC,	/* broadcast, multicast or zero */
	ARPPROXY_STAT_STATIC_MISMATCH,	/* a static binding says otherwise */
	ARPPROXY_STAT_EVENTS_DROPPED,	/* events not sent: rate or memory */
	ARPPROXY_STAT_ACL_DENIED,	/* an ACL rule refused the requester */
	ARPPROXY_STAT_RATE_LIMITED,	/* over a rate limit: dropped */
	ARPPROXY_STAT_RATE_EVICTED,	/* a busy requester's bucket reused */
	ARPPROXY_STAT_RARP_REQUESTS,	/* RARP requests on a "rarp on" interface */
	ARPPROXY_STAT_RARP_REPLIES,	/* answered from a host binding's MAC */
	ARPPROXY_STAT_GARP_SENT,	/* gratuitous ARP frames sent */
	ARPPROXY_STAT_PIN_MISMATCH,	/* inspect pin: not its station's MAC */
	ARPPROXY_STAT_STATIONS_LEARNT,	/* new stations */
	ARPPROXY_STAT_STATION_CHANGES,	/* a station's MAC changed */
	ARPPROXY_STAT_CACHE_EVICTED,	/* a live station made room for a new one */
	ARPPROXY_STAT_STATIONS_EXPIRED,	/* a station aged out */
	ARPPROXY_STAT_RARP_BAD_SRC_MAC,	/* RARP: Ethernet source != sender MAC */
	ARPPROXY_STAT_RARP_ACL_DENIED,	/* RARP: an ACL rule refused the requester */
	ARPPROXY_STAT_RARP_RATE_LIMITED,	/* RARP: over a rate limit, dropped */
	ARPPROXY_STAT_GARP_SKIPPED,	/* not announced: a reply would not be sent */
	ARPPROXY_STAT_ROUTES_BACK,	/* the target routes out the ingress device */
	ARPPROXY_STAT_MARTIAN_SOURCE,	/* the sender fails rp_filter, or is ours */
	ARPPROXY_STAT_STATIONS_REFUSED,	/* a new station found no room it may take */
	ARPPROXY_STAT_PIN_OFF_SUBNET,	/* inspect pin: sender IP not on the link */

	__ARPPROXY_STAT_MAX,
	ARPPROXY_STAT_MAX = __ARPPROXY_STAT_MAX - 1
};

#endif /* _UAPI_LINUX_ARPPROXY_H */
