#!/bin/sh
# What the kernel's own ARP code does when it answers a proxy request
# (arp_process()), arpproxy does too: it learns the requester (RFC 826's
# merge step), refuses a sender rp_filter refuses and a target that routes
# back out of the ingress interface (RFC 1027, on any path of a multipath
# route) or is a subnet's broadcast address, looks up local addresses in
# the ingress interface's VRF, and answers through a collect_md tunnel.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup

ask() {	# ask TARGET [SENDER_IP [SENDER_MAC]]: MAC answering from Host A's port
	arp_ask ha eth0 "$1" "${2:-172.16.10.100}" "${3:-$MAC_A}"
}
# neigh_state NS IP DEV: "MAC STATE" of IP in NS's neighbour table on DEV
neigh_state() {
	n "$1" ip -j neigh show to "$2" dev "$3" |
		jq -r '.[0] | select(.) | "\(.lladdr) \(.state[0])"'
}

ctl binding add 172.16.20.0/24 dev e0

# RFC 826's merge step: the requester is learnt, so the gateway need not
# ask for it when the traffic comes back.
check_eq "a requester the gateway has never heard of is answered" \
	"$MAC_E0" "$(ask 172.16.20.200 172.16.10.123 02:00:00:00:01:23)"
check_eq "  and is in the gateway's neighbour table on e0 (stale, as the kernel learns it)" \
	"02:00:00:00:01:23 STALE" "$(neigh_state gw 172.16.10.123 e0)"
check_eq "  a new MAC of a known requester replaces its entry" \
	"$MAC_E0 02:00:00:00:01:24 STALE" \
	"$(ask 172.16.20.200 172.16.10.123 02:00:00:00:01:24) $(neigh_state gw 172.16.10.123 e0)"
check_eq "a request arpproxy does not answer teaches the gateway nothing" "" \
	"$(ask 10.9.9.9 172.16.10.124 02:00:00:00:01:25)$(neigh_state gw 172.16.10.124 e0)"

# rp_filter, and a sender claiming one of the gateway's own addresses.
check_eq "rp_filter 0: a sender routed out of e1 is answered on e0" \
	"$MAC_E0" "$(ask 172.16.20.200 172.16.20.78)"
n gw sysctl -qw net.ipv4.conf.e0.rp_filter=1
check_eq "rp_filter 1 (strict): a sender routed out of e1 is not answered on e0" "" \
	"$(ask 172.16.20.200 172.16.20.77 02:00:00:00:20:77)"
check "  counted as martian_source" counted gw martian_source \
	ask 172.16.20.200 172.16.20.77 02:00:00:00:20:77
check_eq "  nor learnt" "" "$(neigh_state gw 172.16.20.77 e0)"
check_eq "  nor is a sender the gateway has no route to" "" "$(ask 172.16.20.200 10.77.0.1)"
check_eq "  a sender routed out of e0 is answered" "$MAC_E0" "$(ask 172.16.20.200)"
n gw sysctl -qw net.ipv4.conf.e0.rp_filter=2
check_eq "rp_filter 2 (loose): a sender routed out of e1 is answered on e0" \
	"$MAC_E0" "$(ask 172.16.20.200 172.16.20.77)"
check_eq "  one the gateway has no route to is not" "" "$(ask 172.16.20.200 10.77.0.1)"
n gw sysctl -qw net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.e0.rp_filter=0
check_eq "the larger of all and e0 applies: all 1 is strict on e0" "" \
	"$(ask 172.16.20.200 172.16.20.77)"
n gw sysctl -qw net.ipv4.conf.all.rp_filter=0
check_eq "a sender claiming an address of the gateway is not answered" "" \
	"$(ask 172.16.20.200 172.16.20.99)"
check "  counted as martian_source" counted gw martian_source ask 172.16.20.200 172.16.10.99
check_eq "  the gateway's neighbour entry for itself is not made" "" \
	"$(neigh_state gw 172.16.10.99 e0)"

# RFC 1027: a target the gateway routes back out of e0, through Host B.
ip -n gw route add 10.50.0.0/16 via 172.16.10.200 dev e0
ctl binding add 10.50.0.0/16 dev e0
check_eq "a binding whose target routes back out of e0 does not answer" "" "$(ask 10.50.1.1)"
check "  counted as routes_back" counted gw routes_back ask 10.50.1.1
ctl binding replace 10.50.0.0/16 dev e0 onlink
check_eq "  with onlink it does (a private VLAN)" "$MAC_E0" "$(ask 10.50.1.1)"
ctl binding replace 10.50.0.0/16 dev e0 mac 02:00:00:00:50:00
check_eq "  with another station's MAC it does (the traffic goes there)" \
	02:00:00:00:50:00 "$(ask 10.50.1.1)"
ctl binding replace 10.50.0.0/16 dev e0 mac "$MAC_E0"
check_eq "  with e0's own MAC as its mac it does not" "" "$(ask 10.50.1.1)"
ctl binding del 10.50.0.0/16 dev e0
check_eq "a binding with no route to its target still answers" "$MAC_E0" \
	"$(ctl binding add 10.60.0.0/16 dev e0; ask 10.60.1.1)"
# A multipath route with one path back out of e0: the kernel would send
# some flows back there, so the target is on the requester's segment too.
if ip -n gw route add 10.70.0.0/16 nexthop via 172.16.20.200 dev e1 \
	nexthop via 172.16.10.200 dev e0 2>/dev/null; then
	ip -n gw route add 10.71.0.0/16 nexthop via 172.16.20.200 dev e1 \
		nexthop via 172.16.20.100 dev e1
	ctl binding add 10.70.0.0/15 dev e0
	check_eq "a multipath target with a path back out of e0, not the first, is not answered" \
		"" "$(ask 10.70.1.1)"
	check "  counted as routes_back" counted gw routes_back ask 10.70.1.1
	check_eq "  one whose paths all leave through e1 is" "$MAC_E0" "$(ask 10.71.1.1)"
	ctl binding del 10.70.0.0/15 dev e0
else
	skip "multipath: this kernel has no multipath routes"
fi

# A broadcast address is nobody's, whatever binding covers it.
check_eq "the broadcast address of e1's subnet, under a binding, is not answered" "" \
	"$(ask 172.16.20.255)"
check "  counted as broadcast_target" counted gw broadcast_target ask 172.16.20.255
ctl binding add 172.16.10.255/32 dev e0 onlink
check_eq "nor is e0's own, under an onlink binding" "" "$(ask 172.16.10.255)"
check "  counted as broadcast_target" counted gw broadcast_target ask 172.16.10.255
ctl binding del 172.16.10.255/32 dev e0

ctl iface set e0 proxy route
check "route mode: a target routed back out of e0 is counted as routes_back" \
	counted gw routes_back ask 10.50.1.1
ctl iface set e0 proxy off

# VRF: "local" is local in the ingress interface's routing domain.
if vrf_blue 172.16.80.99/24; then
	ctl binding add 172.16.80.0/24 dev e0
	check_eq "an address local only in VRF blue is answered on e0, which is not in it" \
		"$MAC_E0" "$(ask 172.16.80.99)"
	ip -n gw link set e0 master vrf-blue
	check "  and left to the kernel, as local, once e0 is in VRF blue" \
		counted gw local_target ask 172.16.80.99
	ip -n gw link set e0 nomaster
else
	skip "VRF: this kernel cannot create a vrf device"
fi

# collect_md: a VXLAN device in external mode delivers each request with
# its tunnel's metadata and sends only what carries it.
setup_ns hv
n hv sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip -n gw link add u0 type veth peer name u0 netns hv
ip -n gw addr add 192.168.77.1/24 dev u0
ip -n hv addr add 192.168.77.2/24 dev u0
ip -n gw link set u0 up
ip -n hv link set u0 up
if ip -n gw link add vx0 address 02:00:00:00:77:01 type vxlan external dstport 4789 2>/dev/null; then
	ip -n gw addr add 172.16.70.99/24 dev vx0
	ip -n gw link set vx0 up
	ip -n hv link add vx0 address 02:00:00:00:77:02 type vxlan id 42 \
		local 192.168.77.2 remote 192.168.77.1 dstport 4789
	ip -n hv addr add 172.16.70.100/24 dev vx0
	ip -n hv link set vx0 up
	ctl binding add 172.16.20.0/24 dev vx0
	check_eq "through a collect_md VXLAN device the kernel answers for its own address" \
		02:00:00:00:77:01 \
		"$(arp_ask hv vx0 172.16.70.99 172.16.70.100 02:00:00:00:77:02)"
	check_eq "  and arpproxy's reply finds its way back through the tunnel too" \
		02:00:00:00:77:01 \
		"$(arp_ask hv vx0 172.16.20.200 172.16.70.100 02:00:00:00:77:02)"
else
	skip "collect_md: this kernel cannot create an external vxlan device"
fi

stats=$(n gw "$CTL" -j stats show)
check_eq "every request has one outcome" "$(echo "$stats" | jq .requests)" \
	"$(echo "$stats" | jq '.replies + .gratuitous + .probe + .no_binding + .excluded +
		.local_target + .broadcast_target + .not_offsubnet + .tx_error + .acl_denied + .rate_limited +
		.routes_back + .martian_source + .standby')"
