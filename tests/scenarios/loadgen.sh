#!/bin/sh
# The benchmark's load generator on the reference topology: that arpload
# counts right (answered, lost, wrong, dup, the MACs seen) in burst, paced
# and one-at-a-time modes. Correctness only: no timing is checked here.
. "$(dirname "$0")/../lib.sh"

ARPLOAD=$TOP/build/tools/arpload

# load ARGS...: one arpload run from Host A, from requesters 172.16.100.1,
# 172.16.100.2, ... at 02:10:00:00:00:00, 02:10:00:00:00:01, ...
load() {
	n ha "$ARPLOAD" -i eth0 -S 172.16.100.1 -s 02:10:00:00:00:00 "$@"
}
# pick "KEY..." LINE: those key=value pairs of an arpload line, in that order.
pick() {
	echo "$2" | awk -v keys="$1" '{
		for (i = 1; i <= NF; i++) {
			split($i, kv, "=")
			v[kv[1]] = $i
		}
		n = split(keys, k, " ")
		for (i = 1; i <= n; i++)
			printf "%s%s", (i > 1 ? " " : ""), v[k[i]]
	}'
}

module_load
reference_setup

check "binding add 172.16.20.0/24 dev e0 mac 02:00:00:00:20:00" \
	n gw "$CTL" binding add 172.16.20.0/24 dev e0 mac 02:00:00:00:20:00

out=$(load -t 172.16.20.200 -k 300 -e 02:00:00:00:20:00 -w 2000)
check_eq "300 requesters at once: every request answered once, right" \
	"sent=300 answered=300 lost=0 wrong=0 dup=0" \
	"$(pick "sent answered lost wrong dup" "$out")"
check_eq "  all with the binding's MAC" "macs=02:00:00:00:20:00" "$(pick macs "$out")"

out=$(load -t 172.16.20.200 -k 300 -e 02:00:00:00:20:01 -w 2000)
check_eq "expecting another MAC: all 300 replies count as wrong, none as answers" \
	"answered=0 wrong=300 macs=-" "$(pick "answered wrong macs" "$out")"

out=$(load -t 172.16.30.1 -k 300)
check_eq "a target no binding covers: all 300 lost, nothing wrong" \
	"sent=300 answered=0 lost=300 wrong=0 dup=0" \
	"$(pick "sent answered lost wrong dup" "$out")"

out=$(load -t 172.16.20.200 -r 2000 -c 400 -k 50 -w 2000)
check_eq "paced, 400 requests from 50 requesters at 2000/s: all answered" \
	"sent=400 answered=400 lost=0 wrong=0 dup=0" \
	"$(pick "sent answered lost wrong dup" "$out")"

out=$(load -t 172.16.20.200 -g 200 -c 20)
check_eq "one at a time, 20 requests from one requester: all answered" \
	"sent=20 answered=20 lost=0 wrong=0 dup=0" \
	"$(pick "sent answered lost wrong dup" "$out")"

check_fail "arpload without a target is a usage error" load
