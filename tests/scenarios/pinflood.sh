#!/bin/sh
# Inspect pin against a flood. On the reference gateway, e0 learns and
# pins; Host A and Host B are its stations. The attacker then claims
# 100,000 addresses in a row from its own MAC (10,000 on a sanitizer
# kernel: the first 10,000 hold every address of e0's subnet and of the
# bound 172.16.20.0/24 that the 100,000 do), to push the pinned
# stations out of the cache and take A's address for its own. Senders off
# e0's subnets and bindings are dropped and never learnt, one MAC holds
# only max_stations_per_mac stations, and pinned stations are never
# evicted: afterwards the gateway still holds A's MAC, a forged claim for
# A is a pin mismatch, A is still answered, and a new host still learnt.
. "$(dirname "$0")/../lib.sh"

ARPLOAD=$TOP/build/tools/arpload

module_load
reference_setup
attacker_setup

# A cache of 512 sets, which 100,000 new stations would overflow 200 times.
echo 4096 >/sys/module/arpproxy/parameters/max_stations
ctl binding add 172.16.20.0/24 dev e0
ctl iface set e0 learn on inspect pin
echo 65536 >/sys/module/arpproxy/parameters/max_stations
n ha ping -c 1 -W 2 172.16.10.99 >/dev/null
n hb ping -c 1 -W 2 172.16.10.99 >/dev/null
check_eq "Host A and Host B are pinned stations of e0" "$MAC_A $MAC_B" \
	"$(ctl -j cache show dev e0 | jq -r '[.[].mac] | join(" ")')"
check_eq "the mac limit is 64 stations" 64 \
	"$(cat /sys/module/arpproxy/parameters/max_stations_per_mac)"

# 172.16.0.1 on (to 172.17.134.160): e0's whole subnet, A's and B's
# addresses among them, the bound 172.16.20.0/24 and the FLOOD - 512
# addresses that are neither.
FLOOD=100000
[ -z "$SANITIZER" ] || FLOOD=10000
OFF=$((FLOOD - 512))
n hx "$ARPLOAD" -i eth0 -t 172.16.10.250 -S 172.16.0.1 -s "$MAC_X" -m \
	-k $FLOOD -c $FLOOD -w 100 >/tmp/pinflood.out
check "the flood went out whole" grep -q "^sent=$FLOOD " /tmp/pinflood.out
s=$(ctl -j stats show dev e0)
off=$(echo "$s" | jq .pin_off_subnet)
check "off-subnet senders are dropped as failed inspection ($off of $OFF)" \
	test "$off" -ge $((OFF - OFF / 200)) -a "$off" -le $OFF
check "on-subnet ones beyond the MAC's share are refused, and counted" \
	test "$(echo "$s" | jq .stations_refused)" -gt 400
check "  so the attacker holds no more than about its share" \
	test "$(ctl -j cache show | jq "[.[] | select(.mac == \"$MAC_X\")] | length")" -le 70
check_eq "A and B are still stations, with their own MACs" "$MAC_A $MAC_B" \
	"$(ctl -j cache show 172.16.10.0/24 | jq -r "[.[] | select(.mac != \"$MAC_X\") | .mac] | join(\" \")")"

# The forged claim the flood was for.
garp_as_a() {	# garp_as_a HOST MAC: a gratuitous ARP claiming A's address
	n "$1" "$ARPSEND" -i eth0 -t 172.16.10.100 -S 172.16.10.100 -s "$2" -w 100 >/dev/null
}
ip -n gw neigh replace 172.16.10.100 lladdr "$MAC_A" dev e0 nud stale
check "a forged claim for A afterwards is a pin mismatch" counted gw pin_mismatch \
	garp_as_a hx "$MAC_X"
sleep 1.1	# past the neighbour entry's locktime, when a lie would override it
garp_as_a hx "$MAC_X"
check_eq "  the gateway keeps A's MAC" "$MAC_A" "$(neigh_mac gw 172.16.10.100)"
check_eq "  A's station keeps it too" "$MAC_A" \
	"$(ctl -j cache show 172.16.10.100 | jq -r '.[0].mac')"
check_eq "A is still answered, for Host D" "$MAC_E0" \
	"$(arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A")"
check "a new host on the subnet is still learnt" counted gw stations_learnt \
	n hb "$ARPSEND" -i eth0 -t 172.16.10.99 -S 172.16.10.201 -s 02:00:00:00:0b:01 -w 100
