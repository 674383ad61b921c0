#!/bin/sh
# Rate limits on the reference gateway: floods of requests for Host D from
# Host A's wire get at most what e0's limits allow, the rest is dropped and
# counted, other requesters keep their own share, and a table of 4
# requester slots (rate_hosts=4) overflows visibly. Bounds on replies are
# loose, from the time a flood took: never a timing assertion.
. "$(dirname "$0")/../lib.sh"

ARPLOAD=$TOP/build/tools/arpload
FLOODER=172.16.100.1 FLOODER_MAC=02:10:00:00:00:00

module_load rate_hosts=4
reference_setup

# moved COUNTER: how much COUNTER moved from the stats in BEFORE to AFTER
moved() {
	echo "$AFTER $BEFORE" | jq -s ".[0].$1 - .[1].$1"
}
# flood ARGS...: arpload from Host A's wire, one requester (FLOODER) unless
# -k says more, for Host D; sets ANSWERED (replies the flooder got), and
# REQUESTS, REPLIES, LIMITED and EVICTED (what the counters moved by) and
# ELAPSED_MS (how long it all took).
flood() {
	BEFORE=$(ctl -j stats show)
	start=$(date +%s%N)
	out=$(n ha "$ARPLOAD" -i eth0 -t 172.16.20.200 -S "$FLOODER" -s "$FLOODER_MAC" \
		-w 500 "$@")
	ELAPSED_MS=$((($(date +%s%N) - start) / 1000000))
	AFTER=$(ctl -j stats show)
	ANSWERED=$(echo "$out" | sed -n 's/.* answered=\([0-9]*\) .*/\1/p')
	REQUESTS=$(moved requests) REPLIES=$(moved replies)
	LIMITED=$(moved rate_limited) EVICTED=$(moved rate_evicted)
}
# at_most BURST RATE: what a bucket lets through in ELAPSED_MS, and a second more
at_most() {
	echo $(($1 + $2 * (ELAPSED_MS + 1000) / 1000 + 1))
}
b_asks_d() {
	arp_ask hb eth0 172.16.20.200 172.16.10.200 "$MAC_B"
}
b_answered() {
	[ -n "$(b_asks_d)" ]
}

check_eq "rate_hosts=4 given at load" 4 "$(cat /sys/module/arpproxy/parameters/rate_hosts)"
ctl binding add 172.16.20.0/24 dev e0

# What iface show prints, iface set takes.
check_eq "no rate limit: iface show says nothing of it" "e0 proxy off inspect off" \
	"$(ctl iface show e0)"
check_eq "  iface show -j has it, all 0" \
	'{"dev":"e0","proxy":"off","inspect":"off","rarp":"off","learn":"off","rate":0,"burst":0,"per_host":0,"nd_groups":0,"allmulti":"off"}' \
	"$(ctl -j iface show e0 | jq -c '.[0]')"
check "iface set e0 rate 1000 per-host 5" ctl iface set e0 rate 1000 per-host 5
check_eq "  the burst defaults to the rate" "e0 proxy off inspect off rate 1000 burst 1000 per-host 5" \
	"$(ctl iface show e0)"
check "iface set e0 proxy route rate 20 inspect log" ctl iface set e0 proxy route rate 20 inspect log
check_eq "  with the other settings; a per-host limit left out is gone" \
	"e0 proxy route inspect log rate 20 burst 20" "$(ctl iface show e0)"
check "iface set e0 proxy off inspect off" ctl iface set e0 proxy off inspect off
check_eq "  leaves the rate limit alone" "e0 proxy off inspect off rate 20 burst 20" \
	"$(ctl iface show e0)"
check "iface set e0 rate 0 per-host 5" ctl iface set e0 rate 0 per-host 5
check_eq "  a per-host limit without one on the interface" \
	"e0 proxy off inspect off rate 0 per-host 5" "$(ctl iface show e0)"
check "iface set e0 rate 10 burst 10" ctl iface set e0 rate 10 burst 10
check_eq "  iface show prints it in the words of iface set" \
	"e0 proxy off inspect off rate 10 burst 10" "$(ctl iface show e0)"
check_eq "  iface show -j" \
	'{"dev":"e0","proxy":"off","inspect":"off","rarp":"off","learn":"off","rate":10,"burst":10,"per_host":0,"nd_groups":0,"allmulti":"off"}' \
	"$(ctl -j iface show e0 | jq -c '.[0]')"

bad_input() {	# bad_input DESCRIPTION EXPECTED_ERROR ARGS...: the settings unchanged
	bad_desc=$1 bad_want=$2
	shift 2
	refused "$bad_desc" "$bad_want" "iface show" "$@"
}
bad_input "rate -1" 'arpproxyctl: invalid rate "-1": expected 0..1000000' iface set e0 rate -1
bad_input "rate 2000000" 'arpproxyctl: invalid rate "2000000": expected 0..1000000' \
	iface set e0 rate 2000000
bad_input "burst without rate" 'arpproxyctl: "burst" needs "rate"' iface set e0 burst 5
bad_input "per-host without rate" 'arpproxyctl: "per-host" needs "rate"' iface set e0 per-host 5
bad_input "burst 0" 'arpproxyctl: invalid burst "0": expected 1..1000000' \
	iface set e0 rate 10 burst 0
bad_input "burst with rate 0" 'arpproxyctl: "burst" needs a rate above 0' \
	iface set e0 rate 0 burst 5
bad_input "per-host 1000001" 'arpproxyctl: invalid per-host rate "1000001": expected 0..1000000' \
	iface set e0 rate 10 per-host 1000001
bad_input "rate on lo" 'arpproxyctl: not an Ethernet interface (iface ifindex)' iface set lo rate 10
# The kernel checks for itself: ARPPROXY_IFACE_A_RATE is attribute 6, _BURST 7.
e0=$(n gw cat /sys/class/net/e0/ifindex)
check_eq "the kernel refuses a rate over 1000000" "error ERANGE" \
	"$(n gw "$TOP/build/tools/nlraw" iface-set ifindex="$e0" attr:6=80841e00 | cut -d: -f1)"
check_eq "the kernel refuses a burst without a rate" "error EINVAL: a burst needs a rate" \
	"$(n gw "$TOP/build/tools/nlraw" iface-set ifindex="$e0" attr:7=05000000)"
check_eq "  and nothing changed" "e0 proxy off inspect off rate 10 burst 10" \
	"$(ctl iface show e0)"

monitor_start /tmp/rate-events.json

# The interface's bucket: 10 a second, 10 at once.
flood -k 1 -c 200
check "a flood of 200 requests from one requester is rate limited" test "$LIMITED" -gt 0
check_eq "  every request for a bound target is answered or limited" \
	"$REQUESTS" $((REPLIES + LIMITED))
check "  the gateway sent at most burst + rate * (time + 1 s): $REPLIES in $ELAPSED_MS ms" \
	test "$REPLIES" -le "$(at_most 10 10)"
check "  and the requester got no more: $ANSWERED" test "$ANSWERED" -le "$REPLIES"
check "  but some" test "$ANSWERED" -gt 0
check "once the bucket refills, requests are answered again" busywait 5000 b_answered

check "iface set e0 rate 0" ctl iface set e0 rate 0
check_eq "  turns it off" "e0 proxy off inspect off" "$(ctl iface show e0)"
flood -k 1 -c 200
check_eq "  all 200 requests are answered" "200 200 0" "$ANSWERED $REPLIES $LIMITED"

# A limit per requester: the flooder is held to 5 a second, the others not.
ctl iface set e0 rate 100000 per-host 5
limited=$(counter gw rate_limited)
n ha "$ARPLOAD" -i eth0 -t 172.16.20.200 -S "$FLOODER" -s "$FLOODER_MAC" -r 200 -c 600 \
	>/tmp/flooder.out &
flooder=$!
busywait 10000 test "$(counter gw rate_limited)" -gt "$limited"
check_eq "while the flooder is held to its share, Host B is answered" "$MAC_E0" "$(b_asks_d)"
check_eq "  and so is Host A" "$MAC_E0" "$(arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A")"
wait "$flooder"
flood -k 1 -c 200
check "a flood from one requester under per-host 5 is limited" test "$LIMITED" -gt 0
check_eq "  every request answered or limited" "$REQUESTS" $((REPLIES + LIMITED))
check "  the flooder got at most 5 + 5 * (time + 1 s): $ANSWERED in $ELAPSED_MS ms" \
	test "$ANSWERED" -le "$(at_most 5 5)"

# More requesters than the 4 slots: they take each other's.
ctl iface set e0 rate 0 per-host 1
flood -k 64 -c 256
check "64 requesters for 4 slots evict each other: rate_evicted $EVICTED" test "$EVICTED" -gt 0
check_eq "  an eviction is no outcome: requests are still answered or limited" \
	"$REQUESTS" $((REPLIES + LIMITED))
check "  each requester's first request is answered: $REPLIES" test "$REPLIES" -ge 64
ctl iface set e0 rate 0
busywait 2000 grep -q '"event":"iface set","dev":"e0","proxy":"off","inspect":"off","rarp":"off","learn":"off","rate":0' \
	/tmp/rate-events.json
monitor_stop

check_eq "monitor: the interface limit's onset, with the request and the limit" \
	"{\"event\":\"rate-limit\",\"dev\":\"e0\",\"from\":\"$FLOODER\",\"mac\":\"$FLOODER_MAC\",\"rate\":10}" \
	"$(events /tmp/rate-events.json ".event == \"rate-limit\" and .from == \"$FLOODER\" and .rate" |
		sort -u)"
check_eq "monitor: the per-host limit's onset" \
	"{\"event\":\"rate-limit\",\"dev\":\"e0\",\"from\":\"$FLOODER\",\"mac\":\"$FLOODER_MAC\",\"per_host\":5}" \
	"$(events /tmp/rate-events.json ".event == \"rate-limit\" and .from == \"$FLOODER\" and .per_host == 5" |
		sort -u)"
check_eq "monitor: iface set with the whole rate limit" \
	'{"event":"iface set","dev":"e0","proxy":"off","inspect":"off","rarp":"off","learn":"off","rate":100000,"burst":100000,"per_host":5}' \
	"$(events /tmp/rate-events.json '.event == "iface set" and .per_host == 5')"

stats=$(ctl -j stats show)
check_eq "every request counted once: requests = the sum of the outcomes, rate_limited included" \
	"$(echo "$stats" | jq .requests)" \
	"$(echo "$stats" | jq '.replies + .gratuitous + .probe + .no_binding + .excluded +
		.local_target + .not_offsubnet + .tx_error + .acl_denied + .rate_limited')"
