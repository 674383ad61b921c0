#!/bin/sh
# The product's reference example (see reference_setup in lib.sh): Host A,
# a /16 on subnet A, asks for Host D on subnet B; the gateway answers for
# it with e0's MAC and forwards.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup

check "binding add 172.16.20.0/24 dev e0" n gw "$CTL" binding add 172.16.20.0/24 dev e0
check_eq "binding show lists it" "172.16.20.0/24 dev e0 mac auto hits 0" \
	"$(n gw "$CTL" binding show)"

check_eq "Host A's first broadcast request for D: answered with e0's MAC" \
	"$MAC_E0" "$(arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A")"
check_eq "the reply's Ethernet source is e0's MAC, sent to A" \
	"eth $MAC_E0 > $MAC_A" \
	"$(n ha "$ARPSEND" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" -w 300 |
		awk '$1 == "reply" { print $7, $8, $9, $10; exit }')"
check_eq "counted as one reply per request" 2 "$(counter gw replies)"

check "A pings D through the gateway" n ha ping -c 2 -W 2 172.16.20.200
check "A pings C through the gateway" n ha ping -c 2 -W 2 172.16.20.100
check "A pings B on its own subnet" n ha ping -c 2 -W 2 172.16.10.200
check "A pings the gateway" n ha ping -c 1 -W 2 172.16.10.99

check_eq "A's cache: D at the gateway's MAC" "$MAC_E0" "$(neigh_mac ha 172.16.20.200)"
check_eq "A's cache: C at the gateway's MAC" "$MAC_E0" "$(neigh_mac ha 172.16.20.100)"
check_eq "A's cache: the gateway at its MAC" "$MAC_E0" "$(neigh_mac ha 172.16.10.99)"
check_eq "A's cache: B at B's own MAC" "$MAC_B" "$(neigh_mac ha 172.16.10.200)"
check_eq "4 replies in all: 2 to arpsend, 1 each for A's pings to D and C" \
	4 "$(counter gw replies)"
check_eq "the binding's hits count them" 4 "$(n gw "$CTL" -j binding show | jq '.[0].hits')"

# The reply is the request made over, unless someone else holds the
# request too, as a capture on e0 does: then it is a frame of its own, and
# the capture still reads the request as it came.
capture gw e0 1500 /tmp/ref-tap.cap
cap=$!
check_eq "with a capture on e0, A's request for D is still answered with e0's MAC" \
	"$MAC_E0" "$(arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A")"
wait $cap
check "  and the capture read the request as A sent it" \
	grep -q "op 1 eth $MAC_A > ff:ff:ff:ff:ff:ff sha $MAC_A spa 172.16.10.100 tha 00:00:00:00:00:00 tpa 172.16.20.200" \
	/tmp/ref-tap.cap
check_eq "the reply made of the request, as A receives it, field by field" \
	"op 2 eth $MAC_E0 > $MAC_A sha $MAC_E0 spa 172.16.20.200 tha $MAC_A tpa 172.16.10.100" \
	"$(capture ha eth0 1500 /tmp/ref-a.cap; n gw ip neigh flush dev e0;
	   n ha "$ARPSEND" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" -w 300 >/dev/null;
	   wait; grep -o 'op 2 .*' /tmp/ref-a.cap | head -n 1)"
