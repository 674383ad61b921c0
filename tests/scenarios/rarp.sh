#!/bin/sh
# Reverse ARP (RFC 903). A host on subnet A that knows only its MAC asks
# who it is; with "rarp on" on e0 the gateway answers from the host binding
# that carries that MAC, with e0's MAC and address as the sender. An
# unknown MAC gets no answer, nor does anyone on an interface with rarp off
# or in another netns; a binding scoped to another interface does not
# apply, and the answers follow the table as it changes. RARP obeys the
# interface's ACL and rate limits and NF_ARP_OUT as ARP does, never answers
# on a NOARP interface or to a request whose Ethernet source is not its
# sender, and many bindings sharing one MAC cost no more than as many MACs.
. "$(dirname "$0")/../lib.sh"

RARPSEND=$TOP/build/tools/rarpsend
MAC_N=02:00:00:00:10:77	# the host that asks

module_load
reference_setup
ask() {	# ask NS IFNAME MAC: the address the RARP answer gives MAC, if any
	n "$1" "$RARPSEND" -i "$2" -m "$3" -w 300 | awk '$1 == "reply" { print $4; exit }'
}
answer() {	# answer NS IFNAME MAC: the whole reply line
	n "$1" "$RARPSEND" -i "$2" -m "$3" -w 300 | grep -m1 '^reply'
}

ctl binding add 172.16.10.77 dev e0 mac "$MAC_N"
check_eq "rarp is off by default: no answer" "" "$(ask ha eth0 "$MAC_N")"
check_eq "  and nothing counted" 0 "$(counter gw rarp_requests)"

ctl iface set e0 rarp on
check_eq "iface show says so" "on" "$(ctl -j iface show | jq -r '.[] | select(.dev == "e0") | .rarp')"
check_eq "a host that knows only its MAC learns its address" 172.16.10.77 "$(ask ha eth0 "$MAC_N")"
check_eq "  from the gateway's e0, MAC and address, sent to the asker" \
	"reply $MAC_N is-at 172.16.10.77 from 172.16.10.99 $MAC_E0 eth $MAC_E0 > $MAC_A" \
	"$(n ha "$RARPSEND" -i eth0 -m "$MAC_N" -s "$MAC_A" -w 300 | grep -m1 '^reply')"
check "  counted as a request and a reply" test "$(counter gw rarp_replies)" -ge 2
check_eq "an unknown MAC gets no answer" "" "$(ask ha eth0 02:00:00:00:10:99)"
check "  but counts as a request" test "$(counter gw rarp_requests)" -gt "$(counter gw rarp_replies)"

ctl binding add 172.16.10.78 dev e1 mac 02:00:00:00:10:78
check_eq "a binding scoped to another interface does not answer on e0" "" \
	"$(ask ha eth0 02:00:00:00:10:78)"
ctl binding add 172.16.99.0/24 mac 02:00:00:00:10:79
check_eq "nor does a prefix: RARP hands out one address" "" "$(ask ha eth0 02:00:00:00:10:79)"
ctl binding add 172.16.10.80 mac 02:00:00:00:10:80
check_eq "an unscoped host binding answers" 172.16.10.80 "$(ask ha eth0 02:00:00:00:10:80)"
ctl binding add 172.16.10.81 dev e0 mac 02:00:00:00:10:80
check_eq "  but one scoped to e0 with the same MAC comes first" 172.16.10.81 \
	"$(ask ha eth0 02:00:00:00:10:80)"

ctl binding replace 172.16.10.77 dev e0 mac 02:00:00:00:10:87
check_eq "after a replace, the old MAC gets no answer" "" "$(ask ha eth0 "$MAC_N")"
check_eq "  and the new one does" 172.16.10.77 "$(ask ha eth0 02:00:00:00:10:87)"
ctl binding del 172.16.10.77 dev e0
check_eq "after a delete, no answer" "" "$(ask ha eth0 02:00:00:00:10:87)"

ctl binding add 172.16.20.77 dev e1 mac 02:00:00:00:20:77
check_eq "e1 has rarp off: silent" "" "$(ask hc eth0 02:00:00:00:20:77)"
ctl iface set e1 rarp on
check_eq "  until it is turned on" 172.16.20.77 "$(ask hc eth0 02:00:00:00:20:77)"
ctl iface set e1 rarp off
check_eq "  and silent again when turned off" "" "$(ask hc eth0 02:00:00:00:20:77)"

# Another netns with the same binding but rarp off stays silent.
setup_ns other peer
ip -n other link add o0 type veth peer name p0 netns peer
ip -n other addr add 10.9.0.1/24 dev o0
ip -n other link set o0 up
ip -n peer link set p0 up
n other "$CTL" binding add 10.9.0.7 dev o0 mac 02:00:00:00:90:07
gw_requests=$(counter gw rarp_requests)
check_eq "another netns, rarp off there: silent" "" "$(ask peer p0 02:00:00:00:90:07)"
n other "$CTL" iface set o0 rarp on
check_eq "  and answers once it is on there" 10.9.0.7 "$(ask peer p0 02:00:00:00:90:07)"
check_eq "the gateway's counters did not see the other netns" \
	"$gw_requests" "$(counter gw rarp_requests)"
check_eq "  the other netns counted its own, once rarp was on" 1 "$(counter other rarp_requests)"

# RARP is answered only as ARP would be.
RARPS="n ha $RARPSEND -i eth0 -m $MAC_N -s $MAC_A"
asked_a() {	# asked_a [rarpsend options]: replies to A's RARP requests for N
	$RARPS -w 300 "$@" | grep -c '^reply'
}
ctl binding add 172.16.10.77 dev e0 mac "$MAC_N"
check_eq "A asks for N's address and is answered" 1 "$(asked_a)"
check_eq "a request whose Ethernet source is not its sender MAC is not answered" 0 \
	"$(asked_a -s "$MAC_X" -e "$MAC_A")"
check "  and is counted" test "$(counter gw rarp_bad_src_mac)" -eq 1

ctl acl add dev e0 deny mac "$MAC_A"
check_eq "an ACL rule denying A's MAC: A's RARP is not answered" 0 "$(asked_a)"
check_eq "  and is counted" 1 "$(counter gw rarp_acl_denied)"
check_eq "  B is still answered" 172.16.10.77 \
	"$(n hb "$RARPSEND" -i eth0 -m "$MAC_N" -s "$MAC_B" -w 300 | awk '$1 == "reply" { print $4; exit }')"
ctl acl flush dev e0
ctl acl add dev e0 deny from 0.0.0.0/0
check_eq "a rule with from never matches a RARP requester, which has no address" 1 "$(asked_a)"
ctl acl flush dev e0

ctl iface set e0 rate 5 burst 5
start=$(date +%s%N)
answered=$(asked_a -c 40)
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
check "rate 5 burst 5: at most the burst and 5 a second of 40 answered ($answered in $elapsed_ms ms)" \
	test "$answered" -ge 1 -a "$answered" -le $((5 + 5 * (elapsed_ms + 1000) / 1000 + 1))
check_eq "  the rest counted" $((40 - answered)) "$(counter gw rarp_rate_limited)"
ctl iface set e0 rate 0 per-host 2
check "per-host 2: A's flood is held back by its MAC" \
	test "$(asked_a -c 40)" -le 10
check_eq "  B has its own bucket" 1 \
	"$(n hb "$RARPSEND" -i eth0 -m "$MAC_N" -s "$MAC_B" -w 300 | grep -c '^reply')"
ctl iface set e0 rate 0

n gw nft add table arp filter
n gw nft add chain arp filter output '{ type filter hook output priority 0; }'
n gw nft add rule arp filter output arp operation rreply drop
check_eq "an nft arp output rule drops the RARP reply" 0 "$(asked_a)"
n gw nft delete table arp filter
check_eq "  and it comes back without it" 1 "$(asked_a)"

ip -n gw link set e0 arp off
check_eq "e0 with arp off does not answer RARP" 0 "$(asked_a)"
ip -n gw link set e0 arp on
ctl binding del 172.16.10.77 dev e0

# Many host bindings sharing one MAC. RARP answers the best at once
# and the next best when it goes; flushing them costs what as many bindings
# with their own MACs cost (the original took 7.3 times as long).
SHARED=02:00:00:00:5a:5a COUNT=20000
awk -v n=$COUNT -v m=$SHARED 'BEGIN { for (i = 1; i <= n; i++)
	printf "binding add 10.%d.%d.%d mac %s\n", i / 65536, i / 256 % 256, i % 256, m }' \
	>/tmp/shared.batch
awk -v n=$COUNT 'BEGIN { for (i = 1; i <= n; i++)
	printf "binding add 10.%d.%d.%d mac 02:00:00:%02x:%02x:%02x\n",
		i / 65536, i / 256 % 256, i % 256, i / 65536, i / 256 % 256, i % 256 }' \
	>/tmp/distinct.batch
flush_ms() {	# flush_ms BATCH: loads BATCH, prints how long flushing it took
	ctl -b "$1"
	start=$(date +%s%N)
	ctl binding flush
	echo $((($(date +%s%N) - start) / 1000000))
}

ctl -b /tmp/shared.batch
ctl binding add 172.16.10.151 dev e0 mac $SHARED
ctl binding add 172.16.10.150 dev e0 mac $SHARED
ask_shared() {
	ask ha eth0 $SHARED
}
check_eq "$COUNT bindings share a MAC: the lowest one scoped to e0 answers" 172.16.10.150 "$(ask_shared)"
ctl binding del 172.16.10.150 dev e0
check_eq "  then the next scoped one" 172.16.10.151 "$(ask_shared)"
ctl binding del 172.16.10.151 dev e0
check_eq "  then the lowest unscoped one" 10.0.0.1 "$(ask_shared)"
ctl binding replace 10.0.0.1 mac 02:00:00:00:5a:5b
check_eq "  then, that one's MAC changed, the next" 10.0.0.2 "$(ask_shared)"
ctl binding add 10.0.0.0 mac $SHARED
check_eq "  and a lower one added comes first" 10.0.0.0 "$(ask_shared)"
ctl binding flush
check_eq "after a flush, no answer" "" "$(ask_shared)"

# The quickest of three each, interleaved: the guest's CPUs are shared.
shared=999999 distinct=999999
for round in 1 2 3; do
	ms=$(flush_ms /tmp/shared.batch)
	shared=$((ms < shared ? ms : shared))
	ms=$(flush_ms /tmp/distinct.batch)
	distinct=$((ms < distinct ? ms : distinct))
done
check "flushing $COUNT bindings sharing a MAC costs at most 3x as many with their own ($shared ms vs $distinct ms)" \
	test "$shared" -le $((3 * distinct + 20))

refused "rarp takes on or off" 'arpproxyctl: invalid rarp setting "maybe": expected on or off' "iface show" \
	iface set e0 rarp maybe
module_unload
