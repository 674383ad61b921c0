#!/bin/sh
# HA pairs: "iface set e0 track VIP" answers only while the pair's virtual
# address is here. First by hand: standby counts and stays silent, even for
# garp bindings; the address coming makes the interface active, counted,
# told, and announcing its garp bindings at once; bad addresses are refused
# by the kernel; writers racing requests leave every request one outcome.
# Then a second gateway and the real keepalived running VRRP between the
# two on subnet A: only the master ever answers Host A, and when it stops,
# Host A moves to the backup's MAC without asking, and back on preemption.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup
VIP=172.16.10.1
ask_d() {	# Host A's request for D: the MAC that answered, or nothing
	arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A"
}
stat() {	# stat NS COUNTER: e0's counter in NS
	n "$1" "$CTL" -j stats show dev e0 | jq -r ".$2"
}

ctl binding add 172.16.20.0/24 dev e0
ctl iface set e0 track $VIP
check_eq "tracking an address that is not here: standby" \
	"e0 proxy off inspect off track $VIP standby" "$(ctl iface show e0)"
check_eq "  Host A gets no answer for D" "" "$(ask_d)"
check "  counted as standby" counted gw standby ask_d
capture hb eth0 2500 /tmp/standby.cap
cap=$!
ctl binding add 172.16.20.200 dev e0 garp 1
wait $cap
check "  a garp binding added meanwhile is skipped, not announced" \
	test "$(stat gw garp_skipped)" -ge 1 -a -z "$(grep 'spa 172.16.20.200' /tmp/standby.cap)"
check_eq "  and no transition is counted for a setting" "0 0" \
	"$(stat gw track_active) $(stat gw track_standby)"

monitor_start /tmp/ha-events.json
capture hb eth0 3000 /tmp/takeover.cap
cap=$!
ip -n gw addr add $VIP/24 dev e0
check_eq "with the address here, D is answered with e0's MAC" "$MAC_E0" "$(ask_d)"
check_eq "  iface show says active" "e0 proxy off inspect off track $VIP active" \
	"$(ctl iface show e0)"
busywait 2000 test "$(stat gw track_active)" = 1
check_eq "  one takeover counted" "1 0" "$(stat gw track_active) $(stat gw track_standby)"
wait $cap
check "  the garp binding announced itself at once, from e0" \
	grep -q "op 1 eth $MAC_E0 > ff:ff:ff:ff:ff:ff sha $MAC_E0 spa 172.16.20.200 tha 00:00:00:00:00:00 tpa 172.16.20.200" \
	/tmp/takeover.cap
ip -n gw addr del $VIP/24 dev e0
busywait 2000 test "$(stat gw track_standby)" = 1
check_eq "the address gone, standby again, and counted" \
	"e0 proxy off inspect off track $VIP standby 1" \
	"$(ctl iface show e0) $(stat gw track_standby)"
monitor_stop
check_eq "each transition is an event" \
	"{\"event\":\"iface track\",\"dev\":\"e0\",\"track\":\"$VIP\",\"track_state\":\"active\"}
{\"event\":\"iface track\",\"dev\":\"e0\",\"track\":\"$VIP\",\"track_state\":\"standby\"}" \
	"$(events /tmp/ha-events.json '.event == "iface track"')"

# Here means on any of the gateway's interfaces, of either family.
ip -n gw addr add 172.16.20.1/24 dev e1
ctl iface set e0 track 172.16.20.1
check_eq "an address on another interface counts" "$MAC_E0" "$(ask_d)"
n gw sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.e1.disable_ipv6=0
ctl iface set e0 track 2001:db8:20::1
check_eq "an IPv6 address that is not here: standby" "" "$(ask_d)"
ip -n gw addr add 2001:db8:20::1/64 dev e1
check_eq "  and here, tentative or not, active" "$MAC_E0" "$(ask_d)"
ctl iface set e0 track $VIP
ctl save >/tmp/ha.conf
check "save keeps the setting, not the state" grep -qx "iface set e0 proxy off inspect off track $VIP" /tmp/ha.conf
before=$(stat gw track_active)
ip -n gw addr add $VIP/24 dev e0
busywait 2000 test "$(stat gw track_active)" = $((before + 1))
ctl iface set e0 track off
check_eq "track off: no more tracking, and answers" "e0 proxy off inspect off $MAC_E0" \
	"$(ctl iface show e0) $(ask_d)"
ctl restore /tmp/ha.conf
check_eq "restore tracks again, where it stands, with no transition" \
	"e0 proxy off inspect off track $VIP active $((before + 1))" \
	"$(ctl iface show e0) $(stat gw track_active)"

# The kernel's own checks, whatever the tool sends.
raw() { n gw "$TOP/build/tools/nlraw" iface-set ifindex="$(n gw cat /sys/class/net/e0/ifindex)" "$@"; }
check_eq "the module refuses tracking a multicast address" \
	"error EINVAL: track needs a unicast address" "$(raw attr:11=e0000012)"
check_eq "  and the broadcast address" \
	"error EINVAL: track needs a unicast address" "$(raw attr:11=ffffffff)"
check_eq "  and ::, and an IPv6 multicast address" \
	"error EINVAL: track needs a unicast address
error EINVAL: track needs a unicast address" \
	"$(raw attr:12=00000000000000000000000000000000; raw attr:12=ff020000000000000000000000000012)"
check_eq "  and two addresses" "error EINVAL: track takes one address" \
	"$(raw attr:11=ac100a02 attr:12=20010db8002000000000000000000001)"
check_eq "  and none of them changed anything" "e0 proxy off inspect off track $VIP active" \
	"$(ctl iface show e0)"

# keepalived adds and deletes the address while requests pour in: every
# request has one outcome, and the transitions counted alternate (one the
# address undoes before the worker looks is not one).
stats_of() { n gw "$CTL" -j stats show; }
gap() { echo $(($(stat gw track_active) - $(stat gw track_standby))); }
gap_before=$(gap)
before=$(stats_of)
(
	i=0
	while [ $i -lt 20 ]; do
		ip -n gw addr del $VIP/24 dev e0
		ip -n gw addr add $VIP/24 dev e0
		i=$((i + 1))
	done
) &
writer=$!
while kill -0 $writer 2>/dev/null; do
	n ha "$TOP/build/tools/arpload" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" \
		-k 1 -c 500 -r 5000 -w 100 >/dev/null
done
wait $writer
after=$(stats_of)
delta() { echo $(($(echo "$after" | jq ".$1") - $(echo "$before" | jq ".$1"))); }
check "requests raced 20 rounds of the address going and coming: some answered, some not" \
	test "$(delta replies)" -gt 0 -a "$(delta standby)" -gt 0
check_eq "  each has one outcome" "$(delta requests)" "$(($(delta replies) + $(delta standby)))"
sleep 1
check_eq "  takeovers and standbys alternate, ending active" "$gap_before track $VIP active" \
	"$(gap) $(ctl iface show e0 | cut -d' ' -f6-)"

# A netns deleted while the address one of its interfaces tracks flaps:
# the worker, busy with the transitions, must be stopped before the
# netns's addresses go, and nothing it queued may outlive the netns.
setup_ns trk
ip -n trk link add v0 type veth peer name v1
ip -n trk link set v0 up
n trk "$CTL" iface set v0 track 10.70.0.1
(
	while :; do
		ip -n trk addr add 10.70.0.1/24 dev v0
		ip -n trk addr del 10.70.0.1/24 dev v0
	done
) 2>/dev/null &
flapper=$!
check "a tracked address flapping in another netns makes transitions there" \
	busywait 5000 sh -c "[ \$(ip netns exec trk $CTL -j stats show dev v0 | jq .track_active) -gt 2 ]"
check "  deleting that netns meanwhile: it goes" ip netns del trk
kill $flapper
wait $flapper 2>/dev/null
check "  no kernel warning" no_warning

# The pair: gw2 beside gw on both subnets, keepalived on each, gw the
# master by priority; subnet B routes through the pair's address there.
if ! command -v keepalived >/dev/null; then
	skip "keepalived: not installed"
	exit 0
fi
ctl iface set e0 track off
ctl binding flush
ip -n gw addr del $VIP/24 dev e0
ip -n gw addr del 172.16.20.1/24 dev e1
MAC_E0B=00:00:0c:94:37:ab MAC_E1B=00:00:0c:94:37:ac
setup_ns gw2
n gw2 sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv4.ip_forward=1
plug swa pg2 gw2 e0 "$MAC_E0B"
plug swb pg2 gw2 e1 "$MAC_E1B"
ip -n gw2 addr add 172.16.10.98/24 dev e0
ip -n gw2 addr add 172.16.20.98/24 dev e1
for h in hc hd; do
	ip -n $h route replace default via 172.16.20.1
done
for g in gw gw2; do
	n $g "$CTL" binding add 172.16.20.0/24 dev e0 garp
	n $g "$CTL" iface set e0 track $VIP
done

# keepalived_start GW PRIORITY: VRRP on e0 for both subnets' addresses.
keepalived_start() {
	cat >/tmp/keepalived-$1.conf <<-EOF2
	global_defs {
		router_id $1
	}
	vrrp_instance pair {
		state BACKUP
		interface e0
		virtual_router_id 51
		priority $2
		advert_int 1
		virtual_ipaddress {
			$VIP/24 dev e0
			172.16.20.1/24 dev e1
		}
	}
	EOF2
	n_bg "$1" keepalived --vrrp --dont-fork --log-console --no-syslog \
		-f /tmp/keepalived-$1.conf -p /tmp/keepalived-$1.pid \
		-r /tmp/keepalived-$1-vrrp.pid >/tmp/keepalived-$1.log 2>&1
	eval "KEEPALIVED_$1=\$!"
}
has_vip() {	# has_vip GW: the pair's address is on GW's e0
	ip -n "$1" -br addr show dev e0 | grep -q " $VIP/24"
}
d_at() {	# d_at MAC: Host A's entry for D says MAC
	[ "$(neigh_mac ha 172.16.20.200)" = "$1" ]
}
# since NS: ms since a date +%s%N
since() {
	echo $((($(date +%s%N) - $1) / 1000000))
}

keepalived_start gw 150
keepalived_start gw2 100
check "keepalived makes gw the master" busywait 20000 has_vip gw
check "  and gw2 its backup" sh -c "! ip -n gw2 -br addr show dev e0 | grep -q ' $VIP/24'"
check "Host A reaches D through the pair" n ha ping -c 1 -W 5 172.16.20.200
check_eq "  D's entry at Host A is gw's e0" "$MAC_E0" "$(neigh_mac ha 172.16.20.200)"

standby_before=$(stat gw2 standby)
n ha "$TOP/build/tools/arpload" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" \
	-k 1 -c 1000 -r 100 -w 500 >/tmp/ha-sample.out
check "for 10 s of requests, only the master answered, every one" \
	grep -q "^sent=1000 answered=1000 lost=0 .* macs=$MAC_E0\$" /tmp/ha-sample.out
check "  the backup counted each as standby" \
	test $(($(stat gw2 standby) - standby_before)) -ge 1000
sleep 1	# past Host A's locktime for D's entry, which the replies just set

start=$(date +%s%N)
kill -TERM "$KEEPALIVED_gw"
wait "$KEEPALIVED_gw"
check "the master's keepalived stopped: Host A's entry for D moves to gw2, unasked" \
	busywait 10000 d_at "$MAC_E0B"
echo "failover: $(since "$start") ms to Host A's entry for D"
check "  Host A's ping to D resumes, through gw2" n ha ping -c 1 -W 5 172.16.20.200
check_eq "  gw2 took over, once" "1 track $VIP active" \
	"$(stat gw2 track_active) $(n gw2 "$CTL" iface show e0 | cut -d' ' -f6-)"

start=$(date +%s%N)
keepalived_start gw 150
check "gw's keepalived back: it preempts, and Host A's entry moves back to gw" \
	busywait 20000 d_at "$MAC_E0"
echo "preemption: $(since "$start") ms to Host A's entry for D"
check "  Host A's ping to D goes on" n ha ping -c 1 -W 5 172.16.20.200
check_eq "  gw2 went back on standby, once" "1 track $VIP standby" \
	"$(stat gw2 track_standby) $(n gw2 "$CTL" iface show e0 | cut -d' ' -f6-)"
n ha "$TOP/build/tools/arpload" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A" \
	-k 1 -c 200 -r 100 -w 500 >/tmp/ha-sample.out
check "  and only gw answers again" \
	grep -q "^sent=200 answered=200 lost=0 .* macs=$MAC_E0\$" /tmp/ha-sample.out
kill -TERM "$KEEPALIVED_gw" "$KEEPALIVED_gw2"
wait "$KEEPALIVED_gw" "$KEEPALIVED_gw2"
