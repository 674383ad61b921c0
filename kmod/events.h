/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the hook and the data structures tell the events group. These are
 * plain calls: nl_events.c turns each into a message, so that nothing
 * below the netlink handlers needs to know how events travel.
 */
#ifndef _ARPPROXY_EVENTS_H
#define _ARPPROXY_EVENTS_H

#include <linux/types.h>
#include <linux/arpproxy.h>

struct net;
struct net_device;
struct arpproxy_arp;
struct arpproxy_claim;
struct arpproxy_iface_conf;
struct in6_addr;
struct arpproxy_binding_spec;

/*
 * A binding added or replaced (@cmd ARPPROXY_CMD_BINDING_ADD, _REPLACE: as
 * it is now), deleted or run out (_DEL, _EXPIRE: as it was).
 */
void arpproxy_notify_binding(struct net *net, u8 cmd,
			     const struct arpproxy_binding_spec *spec);

/*
 * Every binding, ACL rule or station went (@cmd, the matching
 * ARPPROXY_CMD_*_FLUSH, says which), or with @ifindex those of that
 * interface.
 */
void arpproxy_notify_flush(struct net *net, u8 cmd, int ifindex);

/* From the hook, which may not sleep. */
void arpproxy_notify_rate_limit(struct net *net, const struct net_device *dev,
				const struct arpproxy_arp *arp, bool per_host,
				u32 limit);
void arpproxy_notify_rate_limit6(struct net *net, const struct net_device *dev,
				 const struct in6_addr *sender, const u8 *mac,
				 bool per_host, u32 limit);
void arpproxy_notify_spoof6(struct net *net, const struct net_device *dev,
			    enum arpproxy_stat reason, const struct in6_addr *target,
			    const u8 *mac, const u8 *expected);
void arpproxy_notify_spoof(struct net *net, const struct net_device *dev,
			   enum arpproxy_stat reason,
			   const struct arpproxy_arp *arp, const u8 *expected);
void arpproxy_notify_station(struct net *net, u8 cmd, int ifindex,
			     const struct arpproxy_claim *cl, const u8 *old_mac);

/*
 * An interface's settings @conf were set (@cmd ARPPROXY_CMD_IFACE_SET), or
 * it went active or on standby (ARPPROXY_CMD_IFACE_TRACK): @track_state.
 */
void arpproxy_notify_iface(struct net *net, u8 cmd, int ifindex,
			   const struct arpproxy_iface_conf *conf, u8 track_state);

#endif /* _ARPPROXY_EVENTS_H */
