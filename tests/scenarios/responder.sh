#!/bin/sh
# The responder's rules on the reference topology: every guard, exclusion,
# scope and longest-prefix rule, MAC override, onlink, route mode against
# the kernel's proxy_arp, a burst, and VLAN and bridge ingress devices.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup

ask() {	# ask TARGET [SENDER_IP]: MAC answering Host A's request, if any
	arp_ask ha eth0 "$1" "${2:-172.16.10.100}" "$MAC_A"
}

ctl binding add 172.16.20.0/24 dev e0

# Guards.
check_eq "a request for a local address is left to the kernel" \
	"$MAC_E0" "$(ask 172.16.20.99)"
check "  and counted as local_target, not as a reply" \
	counted gw local_target ask 172.16.20.99
check_eq "a gratuitous ARP (sender IP = target IP) is not answered" "" \
	"$(ask 172.16.20.200 172.16.20.200)"
check "  and counted as gratuitous" counted gw gratuitous ask 172.16.20.201 172.16.20.201
check_eq "an RFC 5227 probe (sender IP 0) is not answered" "" \
	"$(ask 172.16.20.200 0.0.0.0)"
check "  and counted as probe" counted gw probe ask 172.16.20.200 0.0.0.0

ctl binding add 172.16.10.0/24 dev e0
check_eq "a target on the ingress subnet is not answered without onlink" "" \
	"$(ask 172.16.10.50)"
check "  and counted as not_offsubnet" counted gw not_offsubnet ask 172.16.10.50
ctl binding replace 172.16.10.0/24 dev e0 onlink
check_eq "with onlink it is answered" "$MAC_E0" "$(ask 172.16.10.50)"
ctl binding del 172.16.10.0/24 dev e0

ctl binding add 172.16.20.5 exclude
check_eq "an exclude binding carves an address out of a prefix" "" "$(ask 172.16.20.5)"
check "  counted as excluded" counted gw excluded ask 172.16.20.5
check_eq "  its neighbours are still answered" "$MAC_E0" "$(ask 172.16.20.6)"
check_eq "nothing covers 10.9.9.9: no answer" "" "$(ask 10.9.9.9)"
check "  counted as no_binding" counted gw no_binding ask 10.9.9.9

# Scope and longest prefix.
ctl binding add 172.16.30.0/24 dev e1
check_eq "a binding scoped to e1 does not answer on e0" "" "$(ask 172.16.30.1)"
ctl binding add 172.16.30.0/24 mac 02:00:00:00:30:00
check_eq "an unscoped binding answers on every interface" \
	02:00:00:00:30:00 "$(ask 172.16.30.1)"
ctl binding add 172.16.30.0/24 dev e0 mac 02:00:00:00:30:e0
check_eq "one scoped to the ingress interface beats an unscoped one" \
	02:00:00:00:30:e0 "$(ask 172.16.30.1)"
ctl binding add 172.16.30.16/28 mac 02:00:00:00:30:16
check_eq "the longest prefix wins, scoped or not" 02:00:00:00:30:16 "$(ask 172.16.30.17)"
check_eq "outside the /28 the /24 answers" 02:00:00:00:30:e0 "$(ask 172.16.30.33)"
check_eq "without a /0 binding, 10.1.2.3 is not answered" "" "$(ask 10.1.2.3)"
ctl binding add 0.0.0.0/0 dev e0 mac 02:00:00:00:00:ff
check_eq "a /0 binding covers everything else" 02:00:00:00:00:ff "$(ask 10.1.2.3)"
ctl binding del 0.0.0.0/0 dev e0

# MAC override: the ARP sender hardware address only.
ctl binding add 172.16.20.200 dev e0 mac 02:00:00:00:02:00
check_eq "mac override: the reply's ARP sender MAC is the binding's, the Ethernet source e0's" \
	"02:00:00:00:02:00 eth $MAC_E0 > $MAC_A" \
	"$(n ha "$ARPSEND" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" -w 300 |
		awk '$1 == "reply" { print $4, $7, $8, $9, $10; exit }')"
check_eq "binding show prints the override" \
	"172.16.20.200/32 dev e0 mac 02:00:00:00:02:00 hits 1" \
	"$(ctl binding show 172.16.20.200/32 dev e0)"

# The request is consumed: even with the kernel's proxy_arp on too, the
# requester gets one reply, arpproxy's.
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=1 net.ipv4.neigh.e0.proxy_delay=0
check_eq "an answered request never reaches the kernel's proxy_arp" \
	"1 02:00:00:00:02:00" \
	"$(n ha "$ARPSEND" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" -w 500 |
		awk '$1 == "reply" { n++; mac = $4 } END { print n, mac }')"
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=0

# Netfilter still rules: ARP input filters run first, replies leave
# through ARP output.
n gw nft add table arp filter
n gw nft add chain arp filter output '{ type filter hook output priority 0; }'
n gw nft add rule arp filter output arp operation reply drop
replies=$(counter gw replies)
check_eq "an nft arp output rule drops arpproxy's replies" "" \
	"$(ask 172.16.20.200)"
check_eq "  which arpproxy did send" $((replies + 1)) "$(counter gw replies)"
n gw nft flush chain arp filter output
n gw nft add chain arp filter input '{ type filter hook input priority 0; }'
n gw nft add rule arp filter input arp saddr ip 172.16.10.100 drop
frames=$(counter gw frames)
check_eq "an nft arp input rule keeps a request from arpproxy" "" \
	"$(ask 172.16.20.200)"
check_eq "  which never saw it" "$frames" "$(counter gw frames)"
n gw nft delete table arp filter
check_eq "without the rules it is answered again" 02:00:00:00:02:00 "$(ask 172.16.20.200)"
ctl binding flush

# A burst: 1000 requests from 1000 distinct requesters, all answered.
ctl binding add 172.16.20.0/24 dev e0
check_eq "1000 requesters at once: every one answered" "sent 1000 answered 1000" \
	"$(n ha "$ARPSEND" -i eth0 -t 172.16.20.200 -S 172.16.100.1 -s 02:10:00:00:00:00 \
		-n 1000 -w 3000 | tail -n 1)"
ctl binding flush

# Route mode against the kernel's proxy_arp on the same topology: the same
# targets must be answered (the kernel after its delay, disabled here).
targets="172.16.20.200 172.16.20.77 172.16.10.50 10.99.0.1 172.16.10.99"
answered_set() {
	for t in $targets; do
		[ -n "$(ask "$t")" ] && printf '%s ' "$t"
	done
}
ctl iface set e0 proxy route
check_eq "iface show reports route mode" "e0 proxy route inspect off" "$(ctl iface show e0)"
route_set=$(answered_set)
ctl iface set e0 proxy off
check_eq "route mode answers what routes out of another device, and local targets via the kernel" \
	"172.16.20.200 172.16.20.77 172.16.10.99 " "$route_set"
check_eq "proxy off: only the kernel's own address is answered" "172.16.10.99 " "$(answered_set)"
ctl iface set e0 proxy route
n gw sysctl -qw net.ipv4.conf.e0.forwarding=0
check_eq "route mode, like proxy_arp, answers nothing while e0 does not forward" \
	"172.16.10.99 " "$(answered_set)"
n gw sysctl -qw net.ipv4.conf.e0.forwarding=1
ctl iface set e0 proxy off
module_unload
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=1 net.ipv4.neigh.e0.proxy_delay=0
check_eq "the kernel's proxy_arp answers the same set" "$route_set" "$(answered_set)"
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=0
module_load

# VLAN subinterface and bridge as ingress devices.
ip -n ha link add link eth0 name eth0.100 type vlan id 100
ip -n gw link add link e0 name e0.100 type vlan id 100
ip -n ha addr add 172.16.40.100/24 dev eth0.100
ip -n gw addr add 172.16.40.99/24 dev e0.100
ip -n ha link set eth0.100 up
ip -n gw link set e0.100 up
n gw "$CTL" binding add 172.16.20.0/24 dev e0.100
check_eq "a binding on a VLAN subinterface answers tagged requests" "$MAC_E0" \
	"$(arp_ask ha eth0.100 172.16.20.200 172.16.40.100 "$MAC_A")"
check_eq "  and not untagged ones" "" "$(ask 172.16.20.200)"

setup_ns br
ip -n br link add br0 type bridge
ip -n br link add port0 type veth peer name eth1 netns ha
ip -n br link set port0 master br0 up
ip -n br link set br0 address 02:00:00:00:b0:00 up
ip -n br addr add 172.16.50.99/24 dev br0
ip -n ha link set eth1 address 02:00:00:00:b0:01 up
n br "$CTL" binding add 172.16.60.0/24 dev br0
check_eq "a binding on a bridge answers requests arriving through its port" \
	02:00:00:00:b0:00 "$(arp_ask ha eth1 172.16.60.1 172.16.50.100 02:00:00:00:b0:01)"

stats=$(n gw "$CTL" -j stats show)
check_eq "every frame counted once: frames = invalid + not_request + requests" \
	"$(echo "$stats" | jq .frames)" "$(echo "$stats" | jq '.invalid + .not_request + .requests')"
check_eq "every request has one outcome" "$(echo "$stats" | jq .requests)" \
	"$(echo "$stats" | jq '.replies + .gratuitous + .probe + .no_binding + .excluded +
		.local_target + .broadcast_target + .not_offsubnet + .routes_back + .martian_source + .tx_error + .standby')"
