#!/bin/sh
# ARP inspection on the reference gateway. An attacker on subnet A claims
# Host B's address, by gratuitous ARP and by a forged reply. Unprotected,
# the gateway's neighbour entry for B is poisoned; with B's static binding
# and "inspect enforce" it keeps B's MAC, and every attempt is counted and
# logged; "inspect log" lets the lie through but says so.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup
attacker_setup

learn_b() {
	ip -n gw neigh flush dev e0
	n gw ping -c 1 -W 2 172.16.10.200 >/dev/null
}
forged_reply() {	# an unsolicited reply to the gateway claiming B's address
	n hx "$ARPSEND" -i eth0 -o 2 -t 172.16.10.99 -S 172.16.10.200 -s "$MAC_X" \
		-d "$MAC_E0" -T "$MAC_E0" "$@" -w 100 >/dev/null
}

learn_b
check "the gateway learns B's MAC" b_is "$MAC_B"
garp_as_b hx "$MAC_X"
check "unprotected, a gratuitous ARP from the attacker poisons the gateway" \
	busywait 2000 b_is "$MAC_X"

learn_b
ctl binding add 172.16.10.200 dev e0 mac "$MAC_B" static
ctl iface set e0 inspect enforce
check_eq "iface show reports it" "e0 proxy off inspect enforce" "$(ctl iface show e0)"
check "with inspect enforce, the same gratuitous ARP counts as static_mismatch" \
	counted gw static_mismatch garp_as_b hx "$MAC_X"
check "  and as spoof_dropped" counted gw spoof_dropped garp_as_b hx "$MAC_X"
check "  and the gateway still has B's MAC" b_is "$MAC_B"
sleep 1.1	# past the neighbour entry's locktime, when a reply would override it
check "a forged reply claiming B is dropped too" counted gw static_mismatch forged_reply
check "  and the gateway still has B's MAC" b_is "$MAC_B"
check "B's own gratuitous ARP passes" counted gw gratuitous garp_as_b hb "$MAC_B"
check "  as does its reply when the gateway asks" n gw ping -c 1 -W 2 172.16.10.200
logged() {
	dmesg | grep -q "arpproxy: e0: static binding mismatch: 172.16.10.200 claimed by $MAC_X, expected $MAC_B"
}
check "the kernel log names the interface, the address, the claimed and the expected MAC" logged

# The packet checks, each with its own counter.
check "an Ethernet source other than the sender MAC: bad_src_mac" counted gw bad_src_mac \
	n hx "$ARPSEND" -i eth0 -t 172.16.10.99 -S 172.16.10.77 -s 02:00:00:00:00:77 -E "$MAC_X" -w 100
check "a reply whose Ethernet destination is not its target MAC: bad_dst_mac" \
	counted gw bad_dst_mac forged_reply -T 02:00:00:00:00:99
check "a multicast sender IP: bad_sender_ip" counted gw bad_sender_ip \
	n hx "$ARPSEND" -i eth0 -t 172.16.10.99 -S 224.0.0.9 -s "$MAC_X" -w 100
check "a reply from 0.0.0.0: bad_sender_ip" counted gw bad_sender_ip \
	n hx "$ARPSEND" -i eth0 -o 2 -t 172.16.10.99 -S 0.0.0.0 -s "$MAC_X" -d "$MAC_E0" -T "$MAC_E0" -w 100
check "an unknown opcode: bad_format" counted gw bad_format \
	n hx "$ARPSEND" -i eth0 -o 9 -t 172.16.10.99 -S 172.16.10.66 -s "$MAC_X" -w 100
check "a probe (sender IP 0) passes" counted gw probe \
	n hx "$ARPSEND" -i eth0 -t 172.16.10.5 -S 0.0.0.0 -s "$MAC_X" -w 100
check "the attacker's honest requests still pass" counted gw requests \
	n hx "$ARPSEND" -i eth0 -t 172.16.10.99 -S 172.16.10.66 -s "$MAC_X" -w 100

ctl iface set e0 inspect log
check "with inspect log the lie is counted as spoof_logged" \
	counted gw spoof_logged garp_as_b hx "$MAC_X"
check "  but let through: the entry is poisoned" busywait 2000 b_is "$MAC_X"

stats=$(n gw "$CTL" -j stats show)
check_eq "every frame counted once: frames = invalid + not_request + requests + spoof_dropped" \
	"$(echo "$stats" | jq .frames)" \
	"$(echo "$stats" | jq '.invalid + .not_request + .requests + .spoof_dropped')"

check_eq "the kernel refuses a static binding without a MAC" \
	"error EINVAL: a static binding needs a MAC" \
	"$(n gw "$TOP/build/tools/nlraw" add prefix=172.16.10.201 plen=32 flags=4)"
ctl iface set e0 inspect off
check_eq "inspect off again: the interface is back to its defaults" \
	"e0 proxy off inspect off" "$(ctl iface show e0)"
