# shellcheck shell=sh
# Helpers for the in-guest scenarios, in the spirit of the kernel's
# tools/testing/selftests/net/lib.sh: every check is counted, a failing
# check fails the run, and waits poll instead of sleeping.
#
# A scenario sources this file, builds its namespaces, and calls check*.
# Results go to $RESULTS, one "PASS|FAIL|SKIP scenario: description" line
# each, which the host counts.

TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
KVER=$(uname -r)
# A sanitizer kernel of ours (scripts/debug-kernel.sh) checks every access
# and every lock, several times slower than Debian's: floods scale down on
# it, keeping their shape.
case $KVER in
*-arpproxy-*) SANITIZER=yes ;;
*) SANITIZER= ;;
esac
CTL=$TOP/userspace/arpproxyctl
ARPSEND=$TOP/build/tools/arpsend
ARPCAP=$TOP/build/tools/arpcap
MODULE=${ARPPROXY_MODULE:-$TOP/build/$KVER/mod/arpproxy.ko}
RESULTS=${RESULTS:-/tmp/out/results}
SCENARIO=$(basename "$0" .sh)
LOG=/tmp/check.log
NAMESPACES=""

# no_warning: the kernel logged no warning since the scenario started
DMESG_LINES=$(dmesg | wc -l)
no_warning() {
	! dmesg | tail -n +$((DMESG_LINES + 1)) | grep -Eq 'WARNING|BUG:|Call Trace'
}

# The console line carries the scenario's elapsed seconds, to find what is
# slow; the results do not.
SCENARIO_START=$(date +%s)
record() {
	echo "$1 $SCENARIO: $2" >>"$RESULTS"
	echo "$1 $SCENARIO: $2 [$(($(date +%s) - SCENARIO_START)) s]"
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	desc=$1
	shift
	if "$@" >"$LOG" 2>&1; then
		record PASS "$desc"
	else
		record FAIL "$desc"
		sed 's/^/    | /' "$LOG" | head -n 20
	fi
}

# check_fail DESCRIPTION COMMAND...: the command must fail.
check_fail() {
	desc=$1
	shift
	if "$@" >"$LOG" 2>&1; then
		record FAIL "$desc (it succeeded)"
		sed 's/^/    | /' "$LOG" | head -n 20
	else
		record PASS "$desc"
	fi
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		record PASS "$1"
	else
		record FAIL "$1"
		printf '    | expected: %s\n    | actual:   %s\n' "$2" "$3"
	fi
}

skip() {
	record SKIP "$1"
}

# busywait TIMEOUT_MS COMMAND...: poll until the command succeeds.
busywait() {
	timeout_ms=$1
	shift
	start=$(date +%s%N)
	until "$@"; do
		[ $(( ($(date +%s%N) - start) / 1000000 )) -ge "$timeout_ms" ] && return 1
		sleep 0.05
	done
}

# ctl ARGS...: arpproxyctl on the gateway of the scenarios.
ctl() {
	n gw "$CTL" "$@"
}

# n NS COMMAND...: run a command inside network namespace NS.
n() {
	ns=$1
	shift
	ip netns exec "$ns" "$@"
}

# n_bg NS COMMAND...: n in the background, with $! the command's own pid
# (ip netns exec execs it): "n NS CMD &" would make $! a subshell's, and
# killing that leaves the command running.
n_bg() {
	ns=$1
	shift
	ip netns exec "$ns" "$@" &
}

setup_ns() {
	for ns in "$@"; do
		ip netns add "$ns" || exit 1
		ip -n "$ns" link set lo up
		NAMESPACES="$NAMESPACES $ns"
	done
}

cleanup_ns() {
	for ns in $NAMESPACES; do
		ip netns del "$ns" 2>/dev/null
	done
	NAMESPACES=""
}

module_load() {
	grep -q '^arpproxy ' /proc/modules || insmod "$MODULE" "$@"
}

module_unload() {
	! grep -q '^arpproxy ' /proc/modules || rmmod arpproxy
}

# The test-only slab fault injector (tests/faultinject), built next to the
# module; its knobs are in $FAULT.
FAULT_MODULE=${MODULE%/*}/arpproxy_fault.ko
FAULT=/sys/module/arpproxy_fault/parameters

fault_load() {
	grep -q '^arpproxy_fault ' /proc/modules || insmod "$FAULT_MODULE"
}

fault_unload() {
	! grep -q '^arpproxy_fault ' /proc/modules || rmmod arpproxy_fault
}

# counter NS NAME: one counter of the netns, from "arpproxyctl -j stats show".
counter() {
	n "$1" "$CTL" -j stats show | jq -r ".$2"
}

# counted NS COUNTER COMMAND...: the command bumps NS's COUNTER by exactly one.
# A frame can still be in a softirq backlog when its sender is done, so the
# count is awaited (two seconds at most) before it is compared, and both
# values are printed for the log of a failed check.
# (sh has no locals: these names must not be ones the command sets, as n() does.)
counted() {
	count_change -eq 1 "$@"
}
# counted_by N NS COUNTER COMMAND...: ... by N or more.
counted_by() {
	counted_by_n=$1
	shift
	count_change -ge "$counted_by_n" "$@"
}
count_change() {
	counted_op=$1 counted_n=$2 counted_ns=$3 counted_name=$4
	shift 4
	counted_before=$(counter "$counted_ns" "$counted_name")
	"$@" >/dev/null
	busywait 2000 counted_reached
	counted_after=$(counter "$counted_ns" "$counted_name")
	echo "$counted_name: $counted_before before, $counted_after after"
	[ "$counted_after" "$counted_op" $((counted_before + counted_n)) ]
}
counted_reached() {
	[ "$(counter "$counted_ns" "$counted_name")" -ge $((counted_before + counted_n)) ]
}

# arp_ask NS DEV TARGET SENDER_IP SENDER_MAC [arpsend options]: one request;
# prints the MAC of the first reply, or nothing.
arp_ask() {
	ns=$1 dev=$2 target=$3 sip=$4 smac=$5
	shift 5
	n "$ns" "$ARPSEND" -i "$dev" -t "$target" -S "$sip" -s "$smac" -w 300 "$@" |
		awk '$1 == "reply" { print $4; exit }'
}

# neigh_mac NS IP: the lladdr of IP in NS's neighbour table.
neigh_mac() {
	n "$1" ip -j neigh show to "$2" | jq -r '.[0].lladdr // empty'
}

# capture NS IFNAME MS FILE [-6]: arpcap on NS's IFNAME for MS ms into
# FILE (with -6 the Neighbor Advertisements), in the background; it
# listens once this returns, and "wait" waits for it.
capture() {
	rm -f "$4" "$4.err"
	n "$1" "$ARPCAP" -i "$2" -w "$3" ${5:-} >"$4" 2>"$4.err" &
	busywait 10000 grep -qx ready "$4.err"
}

trap cleanup_ns EXIT

# The product's reference example: subnet A behind one switch, subnet B
# behind another, and a gateway between them.
#
#   Host A 172.16.10.100/16 (..:aa) --+                +-- Host C 172.16.20.100/24 (..:cc)
#   Host B 172.16.10.200/24 (..:bb) --+-[swa]    [swb]-+-- Host D 172.16.20.200/24 (..:dd)
#                                        |         |
#                 e0 172.16.10.99/24 (..:ab)     e1 172.16.20.99/24 (..:ac)
#                                     \_____ gw ____/   forwarding on
MAC_A=00:00:0c:94:36:aa MAC_B=00:00:0c:94:36:bb MAC_E0=00:00:0c:94:36:ab
MAC_E1=00:00:0c:94:36:ac MAC_C=00:00:0c:94:36:cc MAC_D=00:00:0c:94:36:dd

# plug SWITCH_NS PORT HOST_NS DEV MAC: a veth from a switch port to a host.
plug() {
	ip -n "$1" link add "$2" type veth peer name "$4" netns "$3"
	ip -n "$1" link set "$2" master br0 up
	ip -n "$3" link set "$4" address "$5" up
}

# reference_topology SYSCTL...: the reference example's hosts, wired and
# without addresses, each namespace given SYSCTL first: subnet A's switch
# holds Host A, Host B and the gateway's e0, subnet B's C, D and e1.
reference_topology() {
	setup_ns ha hb hc hd gw swa swb
	for ns in ha hb hc hd gw swa swb; do
		n "$ns" sysctl -qw "$@"
	done
	for sw in swa swb; do
		ip -n "$sw" link add br0 type bridge
		ip -n "$sw" link set br0 up
	done
	plug swa pa ha eth0 "$MAC_A"
	plug swa pb hb eth0 "$MAC_B"
	plug swa pg gw e0 "$MAC_E0"
	plug swb pc hc eth0 "$MAC_C"
	plug swb pd hd eth0 "$MAC_D"
	plug swb pg gw e1 "$MAC_E1"
}

reference_setup() {
	reference_topology net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
	ip -n ha addr add 172.16.10.100/16 dev eth0
	ip -n hb addr add 172.16.10.200/24 dev eth0
	ip -n hb route add default via 172.16.10.99
	ip -n gw addr add 172.16.10.99/24 dev e0
	ip -n gw addr add 172.16.20.99/24 dev e1
	n gw sysctl -qw net.ipv4.ip_forward=1
	for h in hc:172.16.20.100 hd:172.16.20.200; do
		ip -n "${h%%:*}" addr add "${h#*:}/24" dev eth0
		ip -n "${h%%:*}" route add default via 172.16.20.99
	done
}

# vrf_blue ADDR/LEN: on the gateway, VRF blue (table 10) with e3, which has
# ADDR; fails, making nothing, if the kernel cannot create a vrf device.
vrf_blue() {
	ip -n gw link add vrf-blue type vrf table 10 2>/dev/null || return 1
	ip -n gw link set vrf-blue up
	ip -n gw link add e3 type veth peer name e3p
	ip -n gw link set e3 master vrf-blue
	ip -n gw link set e3 up
	ip -n gw link set e3p up
	ip -n gw addr add "$1" dev e3 nodad
}

# The attacker of the inspection scenarios: Host X, 172.16.10.66/24 on
# subnet A, who claims Host B's address.
MAC_X=02:00:00:00:00:66
attacker_setup() {
	setup_ns hx
	n hx sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	plug swa px hx eth0 "$MAC_X"
	ip -n hx addr add 172.16.10.66/24 dev eth0
}
# garp_as_b HOST MAC: from HOST, a gratuitous ARP claiming B's address
garp_as_b() {
	n "$1" "$ARPSEND" -i eth0 -t 172.16.10.200 -S 172.16.10.200 -s "$2" -w 100 >/dev/null
}
# b_is MAC: the gateway's neighbour entry for B says MAC
b_is() {
	[ "$(neigh_mac gw 172.16.10.200)" = "$1" ]
}

# monitor_start FILE [WRAPPER...]: "arpproxyctl -j monitor" in the
# gateway's netns (run by WRAPPER, e.g. setpriv, if given), writing to FILE,
# and ready: it has seen a change made after it started.
monitor_start() {
	monitor_out=$1
	shift
	n_bg gw "$@" "$CTL" -j monitor >"$monitor_out"
	MONITOR=$!
	until grep -q '"event":"iface set"' "$monitor_out" 2>/dev/null; do
		n gw "$CTL" iface set e1 proxy off
		sleep 0.1
	done
}
monitor_stop() {
	kill "$MONITOR"
	wait "$MONITOR" 2>/dev/null
}
# events FILE JQ-FILTER: the matching events of a monitor, compact, untimed
events() {
	jq -c "select($2) | del(.time)" "$1"
}

# refused DESCRIPTION EXPECTED_ERROR SHOW ARGS...: in the gateway's netns,
# "arpproxyctl ARGS" fails with exactly that one line, and what
# "arpproxyctl SHOW" prints (SHOW is split into words) is unchanged.
refused() {
	refused_desc=$1 refused_want=$2 refused_show=$3
	shift 3
	refused_before=$(n gw "$CTL" $refused_show)
	refused_err=$(n gw "$CTL" "$@" 2>&1 >/dev/null)
	refused_rc=$?
	check_eq "$refused_desc: refused" "1 $refused_want" "$refused_rc $refused_err"
	check_eq "$refused_desc: nothing changed" "$refused_before" "$(n gw "$CTL" $refused_show)"
}
