#!/bin/sh
# Runs in the guest for make demo: narrate the reference example.
. "$(dirname "$0")/../lib.sh"
RESULTS=/dev/null

say() {
	printf '\n### %s\n' "$*"
}
run() {	# run NS COMMAND...: show and run a command in a namespace
	ns=$1
	shift
	echo "[$ns]\$ $(basename "$1")${2:+ }$(shift; echo "$*")"
	n "$ns" "$@"
}

module_load
reference_setup
cat <<'TXT'
Host A 172.16.10.100/16 --+                      +-- Host C 172.16.20.100/24
Host B 172.16.10.200/24 --+-- e0 [gateway] e1 ---+-- Host D 172.16.20.200/24
                  e0 172.16.10.99/24 (00:00:0c:94:36:ab)   e1 172.16.20.99/24
TXT
say "The gateway runs arpproxy; it answers for subnet B on e0"
run gw "$CTL" version
run gw "$CTL" binding add 172.16.20.0/24 dev e0
run gw "$CTL" binding show

say "Host A asks who has 172.16.20.200 (one broadcast request)"
run ha "$ARPSEND" -i eth0 -t 172.16.20.200 -S 172.16.10.100 -s "$MAC_A"

say "Host A reaches D and C through the gateway, and B directly"
run ha ping -c 1 -W 2 172.16.20.200 | grep -E 'bytes from|loss'
run ha ping -c 1 -W 2 172.16.20.100 | grep -E 'bytes from|loss'
run ha ping -c 1 -W 2 172.16.10.200 | grep -E 'bytes from|loss'

say "Host A's ARP cache"
run ha ip neigh show dev eth0

say "What the gateway counted"
run gw "$CTL" binding show
run gw "$CTL" stats show
