#!/bin/sh
# Gratuitous ARP announcements. When a binding's MAC changes, "announce"
# tells subnet A at once: Host A's neighbour entry for Host D follows without
# A asking, and Host B sees exactly the frames asked for (requests or
# replies, rounds at least the interval apart, paced by garp_rate). A prefix
# announces every address its bindings answer for, each with its own
# binding's MAC and never an excluded one; an unscoped binding only on the
# interface named. Too many addresses, nothing to announce and too many
# announcements at once are refused with one line; so are an unprivileged
# user and a restore file. An announcement stops cleanly when its
# interface, its netns or the module goes away in the middle of it.
# A binding with "garp [N]" announces itself N rounds 1 s apart (3 without
# N) when added or replaced and whenever its interface comes up or regains
# carrier; with "refresh SECONDS" it goes on doing so until it is deleted
# or replaced without; a link flap starts the garp rounds again and the
# refresh goes on. Neither goes without dev, with exclude or on a prefix
# shorter than /16, nor on a binding that could only lie. Nothing is
# announced that a reply would not say (counted in garp_skipped). A netns
# goes cleanly while its carrier flaps, and 100,000 refreshing bindings
# announce while interfaces come and go in another.
# Timing is only ever checked from below: emulation is slow.
. "$(dirname "$0")/../lib.sh"

MAC_N=02:00:00:00:02:00		# the MAC Host D's address moves to
BCAST=ff:ff:ff:ff:ff:ff
ZERO=00:00:00:00:00:00
GARP_RATE=/sys/module/arpproxy/parameters/garp_rate

module_load
reference_setup
setup_ns sink
# from MAC FILE: the frames of a capture sent from MAC, without their times
# (a line is "T_MS op OP eth SRC > DST sha SHA spa SPA tha THA tpa TPA")
from() {
	awk -v src="$1" '$5 == src { $1 = ""; sub(/^ /, ""); print }' "$2"
}
# garps FILE: the gratuitous frames of a capture, sender IP = target IP
garps() {
	awk '$11 == $15' "$1"
}
# spaced MS N FILE: the frames of FILE from e0 each came at least MS after
# the one N before it, and there are more than N
spaced() {
	awk -v min="$1" -v n="$2" -v src="$MAC_E0" '$5 == src { t[++i] = $1 }
		i > n && t[i] - t[i - n] < min { bad = 1 } END { exit bad || i <= n }' "$3"
}
# frame OP SHA THA IP: the line of a frame from e0 to broadcast announcing IP
frame() {
	echo "op $1 eth $MAC_E0 > $BCAST sha $2 spa $4 tha $3 tpa $4"
}
# frames N LINE: LINE N times
frames() {
	yes "$2" | head -n "$1"
}
garp_sent() {	# garp_sent [NS]: the netns's counter, the gateway's by default
	counter "${1:-gw}" garp_sent
}
garp_at_least() {	# garp_at_least NS N
	[ "$(garp_sent "$1")" -ge "$2" ]
}
neigh_is() {	# neigh_is NS IP MAC
	[ "$(neigh_mac "$1" "$2")" = "$3" ]
}

# Host A learns Host D at the gateway's e0, as proxy ARP tells it.
ctl binding add 172.16.20.200 dev e0
n ha ping -c 1 -W 2 172.16.20.200 >/dev/null
check_eq "Host A has D at e0's MAC" "$MAC_E0" "$(neigh_mac ha 172.16.20.200)"

# D's address moves to another MAC: three announcements, 200 ms apart.
ctl binding replace 172.16.20.200 dev e0 mac "$MAC_N"
ctl stats reset
# Each capture's window starts once it listens, and a slow kernel takes
# seconds to start three: the one that counts starts last.
capture swa pa 4000 /tmp/a.cap		# what Host A sends
capture hc eth0 4000 /tmp/c.cap		# subnet B, behind e1
capture hb eth0 4000 /tmp/b.cap
check "announce 172.16.20.200/32 dev e0 count 3 interval 200" \
	ctl announce 172.16.20.200/32 dev e0 count 3 interval 200
check "Host A's neighbour entry for D moves to the new MAC" \
	busywait 10000 neigh_is ha 172.16.20.200 "$MAC_N"
wait
check_eq "  without Host A asking" "" "$(from "$MAC_A" /tmp/a.cap)"
check_eq "Host B saw 3 requests from e0's MAC to broadcast, sender and target D" \
	"$(frames 3 "$(frame 1 "$MAC_N" "$ZERO" 172.16.20.200)")" "$(from "$MAC_E0" /tmp/b.cap)"
check "  each at least 0.9 * 200 ms after the one before" spaced 180 1 /tmp/b.cap
check_eq "subnet B saw none" "" "$(garps /tmp/c.cap)"
check_eq "garp_sent counted 3" 3 "$(garp_sent)"
check_eq "  on e0" 3 "$(ctl -j stats show dev e0 | jq .garp_sent)"
check_eq "  none on e1" 0 "$(ctl -j stats show dev e1 | jq .garp_sent)"

capture hb eth0 3000 /tmp/b.cap
check "announce ... count 1 reply" ctl announce 172.16.20.200/32 dev e0 count 1 reply
wait
check_eq "  a reply, target MAC = sender MAC" "$(frame 2 "$MAC_N" "$MAC_N" 172.16.20.200)" \
	"$(from "$MAC_E0" /tmp/b.cap)"

# The defaults: two requests, 2 s apart; without dev, on the binding's own
# interface only. (A loaded sanitizer kernel took over 4 s from B's capture
# to the command's first request: B listens longer there.)
window=6000
[ -z "$SANITIZER" ] || window=15000
capture hb eth0 $window /tmp/b.cap
capture hc eth0 6000 /tmp/c.cap
check "announce 172.16.20.200 (defaults)" ctl announce 172.16.20.200
wait
check_eq "  two requests" "$(frames 2 "$(frame 1 "$MAC_N" "$ZERO" 172.16.20.200)")" \
	"$(from "$MAC_E0" /tmp/b.cap)"
check "  at least 0.9 * 2000 ms apart" spaced 1800 1 /tmp/b.cap
check_eq "  on e0 only" "" "$(garps /tmp/c.cap)"

# A /28 with an excluded address and a /32 of another MAC inside.
ctl binding add 172.16.30.0/28 dev e0 mac 02:00:00:00:30:00
ctl binding add 172.16.30.5 exclude
ctl binding add 172.16.30.9 dev e0 mac 02:00:00:00:30:09
{
	for i in $(seq 0 15); do
		case $i in
		5) ;;
		9) frame 1 02:00:00:00:30:09 "$ZERO" 172.16.30.9 ;;
		*) frame 1 02:00:00:00:30:00 "$ZERO" "172.16.30.$i" ;;
		esac
	done
} | sort >/tmp/round.want
ctl stats reset
capture hb eth0 5000 /tmp/b.cap
check "announce a /28 twice" ctl announce 172.16.30.0/28 dev e0 count 2 interval 500
wait
check_eq "  30 frames: 15 addresses, twice" 30 "$(from "$MAC_E0" /tmp/b.cap | wc -l)"
check_eq "  each address once a round with its own binding's MAC, the excluded one never" \
	"$(sort /tmp/round.want /tmp/round.want)" "$(from "$MAC_E0" /tmp/b.cap | sort)"
check_eq "  the first round whole before the second" "$(cat /tmp/round.want)" \
	"$(from "$MAC_E0" /tmp/b.cap | head -n 15 | sort)"
check_eq "  garp_sent 30" 30 "$(garp_sent)"

# garp_rate paces each interface: at most 5 frames in any second.
echo 5 >"$GARP_RATE"
capture hb eth0 8000 /tmp/b.cap
ctl announce 172.16.30.0/28 dev e0 count 1
wait
echo 1000 >"$GARP_RATE"
check_eq "garp_rate 5: all 15 frames sent" 15 "$(from "$MAC_E0" /tmp/b.cap | wc -l)"
check "  each at least 0.9 s after the fifth before it" spaced 900 5 /tmp/b.cap

# An unscoped binding goes out only on the interface named, with its MAC.
ctl binding add 172.16.40.0/30
err=$(ctl announce 172.16.40.0/30 2>&1)
check_eq "an unscoped binding without dev: nothing to announce" \
	"1 arpproxyctl: arpproxy: no binding to announce in this prefix" \
	"$? $err"
capture hb eth0 3000 /tmp/b.cap
capture hc eth0 3000 /tmp/c.cap
check "  with dev e0" ctl announce 172.16.40.0/30 dev e0 count 1
wait
check_eq "  4 requests with e0's MAC as sender, on e0" \
	"$(for i in 0 1 2 3; do frame 1 "$MAC_E0" "$ZERO" "172.16.40.$i"; done)" \
	"$(from "$MAC_E0" /tmp/b.cap)"
check_eq "  none on e1" "" "$(garps /tmp/c.cap)"
err=$(ctl announce 172.16.30.0/28 dev e1 2>&1)
check_eq "bindings scoped to e0 are not announced on e1: nothing to announce" \
	"1 arpproxyctl: arpproxy: no binding to announce in this prefix" \
	"$? $err"
err=$(ctl announce 192.168.0.0/24 dev e0 2>&1)
check_eq "nor is a prefix without a binding" \
	"1 arpproxyctl: arpproxy: no binding to announce in this prefix" \
	"$? $err"

# At most 65,536 addresses at once.
ctl binding add 10.0.0.0/8 dev e0
ctl stats reset
capture hb eth0 2000 /tmp/b.cap
for p in 10.0.0.0/8 10.0.0.0/15; do
	err=$(ctl announce "$p" count 1 2>&1)
	check_eq "announce $p: more than 65,536 addresses, refused" \
		"1 arpproxyctl: arpproxy: more than 65536 addresses to announce" \
		"$? $err"
done
wait
check_eq "  nothing sent" "" "$(garps /tmp/b.cap)"
check_eq "  nothing counted" 0 "$(garp_sent)"
ctl binding del 10.0.0.0/8 dev e0

# Changes need CAP_NET_ADMIN over the netns; a restore file holds none.
nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
err=$(n gw $nobody "$CTL" announce 172.16.20.200 dev e0 2>&1)
check_eq "an unprivileged user cannot announce" \
	"arpproxyctl: permission denied (need CAP_NET_ADMIN)" "$err"
err=$(n gw unshare -Ur "$CTL" announce 172.16.20.200 dev e0 2>&1)
check_eq "nor root of a user namespace that does not own the netns" \
	"arpproxyctl: permission denied (need CAP_NET_ADMIN)" "$err"
check_eq "  nothing counted" 0 "$(garp_sent)"
printf 'binding add 172.16.20.200/32 dev e0 mac %s\nannounce 172.16.20.200 dev e0\n' "$MAC_N" \
	>/tmp/garp.conf
before=$(ctl save)
err=$(ctl restore /tmp/garp.conf 2>&1)
check_eq "restore refuses an announcement" \
	"1 /tmp/garp.conf:2: restore takes only binding, acl, iface set and cache set changes" "$? $err"
check_eq "  and changes nothing" "$before" "$(ctl save)"
check_eq "  nor sends anything" 0 "$(garp_sent)"

# 16 announcements at a time per netns, from a batch; the 17th is refused.
# They wait an hour between their two rounds, and go with their netns.
setup_ns busy
ip -n busy link add b0 type veth peer name b1 netns sink
ip -n busy link set b0 up
ip -n sink link set b1 up
n busy "$CTL" binding add 10.9.0.1 dev b0
for i in $(seq 17); do
	echo "announce 10.9.0.1 dev b0 count 2 interval 3600000"
done >/tmp/busy.batch
err=$(n busy "$CTL" -b /tmp/busy.batch 2>&1)
check_eq "a batch of 17 announcements: the 17th is refused" \
	"1 /tmp/busy.batch:17: arpproxy: too many announcements running" "$? $err"
check "  the 16 others sent their first round" busywait 20000 garp_at_least busy 16
err=$(n busy "$CTL" announce 10.9.0.1 dev b0 count 1 2>&1)
check_eq "  and another one is refused while they wait" \
	"1 arpproxyctl: arpproxy: too many announcements running" "$? $err"
check_eq "  16 frames in all" 16 "$(garp_sent busy)"
check "  other netns are not held to that" ctl announce 172.16.20.200 dev e0 count 1
ip netns del busy
check "deleting the netns of waiting announcements: it goes (its veth peer with it)" \
	busywait 60000 sh -c "! ip -n sink link show b1 >/dev/null 2>&1"

# 65,536 addresses, 65 s at the default pace: the interface goes after a
# second of it, then the netns of another, then the module under a third.
# long NS IFNAME PEER: a /16 binding on a new veth of NS, announced 3 times
long() {
	ip -n "$1" link add "$2" type veth peer name "$3" netns sink
	ip -n "$1" link set "$2" up
	ip -n sink link set "$3" up
	n "$1" "$CTL" stats reset
	n "$1" "$CTL" binding add 172.17.0.0/16 dev "$2" mac 02:00:00:00:17:00
	check "announce 65,536 addresses on $2 in $1" \
		n "$1" "$CTL" announce 172.17.0.0/16 dev "$2" count 3
	check "  sending" busywait 20000 garp_at_least "$1" 100
	sleep 1
}

long gw t0 t1
check "  deleting t0 in the middle of it" ip -n gw link del t0
sent=$(garp_sent)
sleep 2
check_eq "  nothing more is sent" "$sent" "$(garp_sent)"
check "  not even the first round had been" test "$sent" -lt 65536
check_eq "  the binding went with its interface" "" "$(ctl binding show 172.17.0.0/16)"
check "  no kernel warning" no_warning
check "  announcements on other interfaces go on" ctl announce 172.16.20.200 dev e0 count 1
check "    and are sent" busywait 10000 garp_at_least gw $((sent + 1))

setup_ns gone
long gone g0 g1
ip netns del gone
check "deleting its netns in the middle of it: the netns goes (its veth peer with it)" \
	busywait 60000 sh -c "! ip -n sink link show g1 >/dev/null 2>&1"
check "  no kernel warning" no_warning

long gw u0 u1
check "unloading the module in the middle of it" module_unload
capture sink u1 2000 /tmp/u.cap
wait
check_eq "  nothing is sent afterwards" "" "$(garps /tmp/u.cap)"
check "  no kernel warning" no_warning
check "the module loads again" module_load

# A binding announces itself. Host A knows D at e0's MAC again...
ip -n ha neigh flush dev eth0
ctl binding add 172.16.20.200 dev e0
n ha ping -c 1 -W 2 172.16.20.200 >/dev/null
check_eq "binding without mac: Host A has D at e0's MAC" "$MAC_E0" \
	"$(neigh_mac ha 172.16.20.200)"
# ...and learns the new MAC from the replace alone: 3 rounds, 1 s apart.
D=172.16.20.200/32
D_GARP=$(frame 1 "$MAC_N" "$ZERO" 172.16.20.200)
ctl stats reset
capture swa pa 6000 /tmp/a.cap
capture hc eth0 6000 /tmp/c.cap
capture hb eth0 6000 /tmp/b.cap
check "binding replace $D dev e0 mac $MAC_N garp" \
	ctl binding replace "$D" dev e0 mac "$MAC_N" garp
check "  Host A's neighbour entry for D moves to the new MAC" \
	busywait 10000 neigh_is ha 172.16.20.200 "$MAC_N"
wait
check_eq "  without Host A asking" "" "$(from "$MAC_A" /tmp/a.cap)"
check_eq "  Host B saw 3 requests from e0's MAC to broadcast, sender and target D" \
	"$(frames 3 "$D_GARP")" "$(from "$MAC_E0" /tmp/b.cap)"
check "  each at least 0.9 s after the one before" spaced 900 1 /tmp/b.cap
check_eq "  subnet B saw none" "" "$(garps /tmp/c.cap)"
check_eq "  garp_sent counted 3" 3 "$(garp_sent)"
check_eq "  binding show says so in the words of add" \
	"$D dev e0 mac $MAC_N garp 3" "$(ctl binding show "$D" | sed 's/ hits [0-9]*$//')"
check_eq "  and -j as numbers" '{"garp":3,"refresh":null}' \
	"$(ctl -j binding show "$D" | jq -c '.[0] | {garp, refresh}')"

capture hb eth0 4000 /tmp/b.cap
check "binding replace ... garp 1" ctl binding replace "$D" dev e0 mac "$MAC_N" garp 1
wait
check_eq "  exactly 1 request" "$D_GARP" "$(from "$MAC_E0" /tmp/b.cap)"

# Interface up again, or carrier back: announced again.
ctl binding replace "$D" dev e0 mac "$MAC_N" garp
check "  (its 3 rounds sent)" busywait 10000 garp_at_least gw 7
ip -n gw link set e0 down
capture hb eth0 5000 /tmp/b.cap
check "ip link set e0 down, then up" ip -n gw link set e0 up
wait
check "  announced again after the up" test "$(from "$MAC_E0" /tmp/b.cap | wc -l)" -ge 1
check_eq "  with the binding's MAC" "$D_GARP" "$(from "$MAC_E0" /tmp/b.cap | sort -u)"
ip -n swa link set pg down
check "  e0 lost carrier" busywait 5000 sh -c \
	"ip -n gw link show e0 | grep -q NO-CARRIER"
capture hb eth0 5000 /tmp/b.cap
check "e0's carrier back (its switch port up)" ip -n swa link set pg up
wait
check "  announced again" test "$(from "$MAC_E0" /tmp/b.cap | wc -l)" -ge 1
check_eq "  with the binding's MAC" "$D_GARP" "$(from "$MAC_E0" /tmp/b.cap | sort -u)"

# refresh: on and on, with no command, until the binding goes.
gone_quiet() {	# gone_quiet DESCRIPTION: from 0.5 s on, nothing in 2.5 s
	sleep 0.5
	capture hb eth0 2500 /tmp/b.cap
	wait
	check_eq "$1" "" "$(from "$MAC_E0" /tmp/b.cap)"
}
check "binding replace ... refresh 1" ctl binding replace "$D" dev e0 mac "$MAC_N" refresh 1
sleep 0.5
capture hb eth0 3000 /tmp/b.cap
wait
check "  at least 2 requests in 3 s without any command" \
	test "$(from "$MAC_E0" /tmp/b.cap | wc -l)" -ge 2
check_eq "  each announcing D" "$D_GARP" "$(from "$MAC_E0" /tmp/b.cap | sort -u)"
check "  each at least 0.9 s after the one before" spaced 900 1 /tmp/b.cap
check_eq "  binding show says refresh 1" "$D dev e0 mac $MAC_N refresh 1" \
	"$(ctl binding show "$D" | sed 's/ hits [0-9]*$//')"
check "binding del" ctl binding del "$D" dev e0
gone_quiet "  then no more"
ctl binding add "$D" dev e0 mac "$MAC_N" refresh 1
capture hb eth0 2500 /tmp/b.cap
wait
check "binding add ... refresh 1: refreshing" test "$(from "$MAC_E0" /tmp/b.cap | wc -l)" -ge 1
check "binding replace without garp or refresh" ctl binding replace "$D" dev e0 mac "$MAC_N"
gone_quiet "  stops it too"
check_eq "  binding show has neither" '{"garp":null,"refresh":null}' \
	"$(ctl -j binding show "$D" | jq -c '.[0] | {garp, refresh}')"

# Events and save carry them; a restore of that save gives the same.
monitor_start /tmp/garp.mon
ctl binding replace "$D" dev e0 mac "$MAC_N" garp 2 refresh 30
busywait 5000 grep -q '"event":"binding replace"' /tmp/garp.mon
monitor_stop
check_eq "the binding's event carries them" \
	"{\"event\":\"binding replace\",\"prefix\":\"$D\",\"dev\":\"e0\",\"mac\":\"$MAC_N\",\"flags\":[],\"garp\":2,\"refresh\":30,\"lifetime\":null}" \
	"$(events /tmp/garp.mon '.event == "binding replace"')"
ctl save >/tmp/garp.save
check "save has them in the words of add" \
	grep -qx "binding add $D dev e0 mac $MAC_N garp 2 refresh 30" /tmp/garp.save
check "restore takes that save" ctl restore /tmp/garp.save
check_eq "  and saves the same again" "$(cat /tmp/garp.save)" "$(ctl save)"

# Refused with one line, and nothing changed or sent.
ctl binding del "$D" dev e0
sleep 0.5
ctl stats reset
refused "garp without dev" 'arpproxyctl: "garp" needs "dev"' "binding show" \
	binding add 172.16.20.201 garp
refused "garp with exclude" 'arpproxyctl: "garp" cannot be used with "exclude"' \
	"binding show" binding add 172.16.20.201 dev e0 exclude garp
refused "garp on a /8" \
	'arpproxyctl: "garp" needs a prefix of /16 or longer (at most 65536 addresses)' \
	"binding show" binding add 10.0.0.0/8 dev e0 garp
refused "refresh on a /15" \
	'arpproxyctl: "refresh" needs a prefix of /16 or longer (at most 65536 addresses)' \
	"binding show" binding replace 10.0.0.0/15 dev e0 refresh 30
# The kernel refuses them too, whatever a tool sends (attr:7 GARP, attr:8 REFRESH).
e0=$(n gw cat /sys/class/net/e0/ifindex)
before=$(ctl binding show)
for req in "prefix=172.16.20.201 plen=32 attr:7=03" \
	"prefix=172.16.20.201 plen=32 ifindex=$e0 flags=2 attr:7=03" \
	"prefix=10.0.0.0 plen=8 ifindex=$e0 attr:7=03" \
	"prefix=10.0.0.0 plen=15 ifindex=$e0 attr:8=1e000000" \
	"prefix=172.16.20.201 plen=32 ifindex=$e0 attr:7=00" \
	"prefix=172.16.20.201 plen=32 ifindex=$e0 attr:7=65" \
	"prefix=172.16.20.201 plen=32 ifindex=$e0 attr:8=00000000" \
	"prefix=172.16.20.201 plen=32 ifindex=$e0 attr:8=81510100"; do
	# shellcheck disable=SC2086 # NAME=VALUE words
	check_eq "kernel refuses add $req" error \
		"$(n gw "$TOP/build/tools/nlraw" add $req | cut -d' ' -f1)"
done
check_eq "  nothing changed" "$before" "$(ctl binding show)"
check_eq "  nothing sent" 0 "$(garp_sent)"
check_eq "  while the same attributes, valid, are taken" ok \
	"$(n gw "$TOP/build/tools/nlraw" add prefix=172.16.20.201 plen=32 ifindex="$e0" \
		attr:7=02 attr:8=1e000000)"
check_eq "    as given" "172.16.20.201/32 dev e0 mac auto garp 2 refresh 30 hits 0" \
	"$(ctl binding show 172.16.20.201/32)"
ctl binding del 172.16.20.201 dev e0
check "  no kernel warning" no_warning

# An announcement says only what a reply would: never a host on the
# interface's own subnet (without onlink), the host's own address, a
# subnet's network or broadcast address, an excluded one. Each held back
# counts in garp_skipped. A garp or refresh binding that could say
# nothing else is refused when added. (e0 is 172.16.10.99/24.)
ctl stats reset
for req in "172.16.10.0/24 dev e0 mac $MAC_N garp|announcements of the interface's own subnet (onlink if meant)" \
	"172.16.10.128/25 dev e0 refresh 5|announcements of the interface's own subnet (onlink if meant)" \
	"172.16.10.99 dev e0 onlink garp|announcement of one of this host's own addresses" \
	"172.16.20.99 dev e0 garp|announcement of one of this host's own addresses" \
	"224.0.0.0/24 dev e0 garp|announcements of addresses no host has"; do
	# shellcheck disable=SC2086 # words of a binding
	refused "binding add ${req%%|*}" "arpproxyctl: arpproxy: ${req#*|}" "binding show" \
		binding add ${req%%|*}
done
check_eq "  nothing sent" 0 "$(garp_sent)"
# onlink says it is meant: every host of the /24 but .0, .255, .99 (e0's
# own) and the excluded .7.
ctl binding add 172.16.10.7 exclude
capture hb eth0 3000 /tmp/b.cap
check "binding add 172.16.10.0/24 dev e0 onlink garp 1" \
	ctl binding add 172.16.10.0/24 dev e0 mac "$MAC_N" onlink garp 1
wait
for i in $(seq 1 254); do
	case $i in
	7|99) ;;
	*) frame 1 "$MAC_N" "$ZERO" "172.16.10.$i" ;;
	esac
done | sort >/tmp/onlink.want
check_eq "  252 frames: not .0, .255, e0's own .99 nor the excluded .7" \
	"$(cat /tmp/onlink.want)" "$(from "$MAC_E0" /tmp/b.cap | sort)"
check_eq "  garp_skipped counted those 4" 4 "$(counter gw garp_skipped)"
check_eq "    on e0" 4 "$(ctl -j stats show dev e0 | jq .garp_skipped)"
ctl binding del 172.16.10.0/24 dev e0
ctl binding del 172.16.10.7
# A binding that becomes e0's own subnet, and e0's address, after it was
# added: its refresh goes on saying nothing while that lasts.
check "binding add 172.16.50.0/30 dev e0 refresh 1" \
	ctl binding add 172.16.50.0/30 dev e0 mac "$MAC_N" refresh 1
ip -n gw addr add 172.16.50.1/24 dev e0
ctl stats reset
capture hb eth0 2500 /tmp/b.cap
wait
check_eq "  once inside e0's subnet: nothing announced" "" "$(garps /tmp/b.cap)"
check "  all held back and counted" test "$(counter gw garp_skipped)" -ge 4
ip -n gw addr del 172.16.50.1/24 dev e0
ctl binding del 172.16.50.0/30 dev e0

# A link flap starts the garp rounds again and the refresh goes on.
check "binding add 172.16.60.1 dev e0 garp 1 refresh 1" \
	ctl binding add 172.16.60.1 dev e0 mac "$MAC_N" garp 1 refresh 1
ip -n gw link set e0 down
capture hb eth0 4000 /tmp/b.cap
ip -n gw link set e0 up
wait
check "  e0 down and up: announced again" test "$(grep -c 'spa 172.16.60.1 ' /tmp/b.cap)" -ge 1
capture hb eth0 4500 /tmp/b.cap
wait
check "  and the refresh goes on: at least 2 in the next 4.5 s" \
	test "$(grep -c 'spa 172.16.60.1 ' /tmp/b.cap)" -ge 2
ctl binding del 172.16.60.1 dev e0

# A netns deleted while its interface's carrier flaps and its bindings
# announce: carrier events in the dying netns race the announcements'
# teardown, a few times over.
for i in 1 2 3 4; do
	setup_ns flap
	ip -n flap link add f0 type veth peer name f1 netns sink
	ip -n flap link set f0 up
	ip -n sink link set f1 up
	for j in $(seq 1 30); do
		echo "binding add 10.66.$i.$j dev f0 garp 3 refresh 1"
	done >/tmp/flap.batch
	n flap "$CTL" -b /tmp/flap.batch
	n flap "$CTL" announce 10.66.$i.0/24 dev f0 count 3 interval 50
	(while ip -n sink link set f1 down 2>/dev/null &&
		ip -n sink link set f1 up 2>/dev/null; do :; done) &
	flapper=$!
	sleep 0.3
	ip netns del flap
	check "deleting a netns while its carrier flaps ($i): it goes" \
		busywait 30000 sh -c "! ip -n sink link show f1 >/dev/null 2>&1"
	wait "$flapper"
done
check "  no kernel warning" no_warning

# The worker looks only at what is due, a bounded lot at a time, and lets
# go in between, never with BH off: 100,000 refreshing bindings in one
# netns (2,000 on a sanitizer kernel, whose lockdep and RCU checks watch
# the worker) announce while interfaces come and go in another. (What they
# cost RTNL, side by side with an empty table, is measured by make bench.)
LOAD=${GARP_LOAD:-100000}
[ -z "$SANITIZER" ] || LOAD=${GARP_LOAD:-2000}
setup_ns many other
for k in $(seq 1 20); do
	echo "link add dm$k type veth peer name dp$k"
	echo "link del dm$k"
done >/tmp/links.batch
ip -n many link add m0 type veth peer name m1 netns sink
ip -n many link set m0 up
ip -n sink link set m1 up
awk -v n="$LOAD" 'BEGIN { for (i = 0; i < n; i++)
	printf "binding add 10.%d.%d.%d dev m0 refresh 1\n",
		100 + int(i / 65536), int(i / 256) % 256, i % 256 }' >/tmp/many.batch
check "$LOAD refreshing bindings load with one batch" n many "$CTL" -b /tmp/many.batch
check "  and announce" busywait 20000 garp_at_least many 100
check "  20 veth pairs added and deleted in another netns meanwhile" ip -n other -batch /tmp/links.batch
check "  deleting that netns" ip netns del many
check "  no kernel warning" no_warning
