#!/bin/sh
# A binding never silently disappears: after every failed command the state
# (bindings, interface settings, ACLs, counters, the station cache's
# settings) is exactly what it was before.
# Commands fail here on bad input, over the per-netns limit, and when an
# allocation fails: tests/faultinject's arpproxy_fault fails the 1st, then
# the 2nd, the 3rd... slab allocation the kernel makes while it handles the
# command's generic netlink requests (as failslab's fail-nth would), until
# the command gets through with none failed. An allocation the kernel can
# do without may fail and the command still succeed: then the state must be
# what the command makes of it when nothing fails.
. "$(dirname "$0")/../lib.sh"

NLRAW=$TOP/build/tools/nlraw
LIMIT=6

trap 'fault_unload; cleanup_ns' EXIT
module_load max_bindings=$LIMIT
check_eq "the module is loaded with max_bindings=$LIMIT" $LIMIT \
	"$(cat /sys/module/arpproxy/parameters/max_bindings)"
setup_ns gw h1
for ns in gw h1; do
	n "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
done
ip -n gw link add e0 type veth peer name eth0 netns h1
# e1's index is far from e0's: its settings need new xarray nodes.
ip -n gw link add e1 index 1000 type veth peer name eth1 netns h1
ip -n gw addr add 10.0.1.1/24 dev e0
ip -n h1 addr add 10.0.1.2/24 dev eth0
ip -n gw link set e0 up
ip -n gw link set e1 up
ip -n h1 link set eth0 address 02:00:00:00:01:02 up
ip -n h1 link set eth1 up
E0=$(n gw cat /sys/class/net/e0/ifindex)
E1=$(n gw cat /sys/class/net/e1/ifindex)

ctl() {
	"$CTL" -n gw "$@"
}

state() {
	printf 'binding show\niface show\nacl show\nstats show\ncache status\n' | ctl -b -
}

# The baseline, the same every time: five bindings (prefixes, a static one,
# an exclude, scoped to e0, to e1 or to none), e0's settings, an ACL rule,
# and counters that are not all zero.
baseline() {
	ctl -b - <<-EOF
	binding flush
	acl flush
	binding add 172.16.20.0/24 dev e0
	binding add 172.16.30.0/24 dev e1 mac 02:00:00:00:00:30
	binding add 10.0.1.50 dev e0 mac 02:00:00:00:00:50 static
	binding add 10.99.0.0/16 mac 02:00:00:00:00:99 onlink
	binding add 10.99.1.0/24 exclude
	iface set e0 inspect log proxy route rate 0 learn off
	iface set e1 inspect off proxy off rate 0 learn off
	acl add dev e0 allow mac 02:00:00:00:01:02 pref 10
	stats reset
	EOF
	n h1 "$ARPSEND" -i eth0 -t 10.0.1.77 -S 10.0.1.2 -s 02:00:00:00:01:02 -w 50 >/dev/null
}

# show_diff BEFORE AFTER
show_diff() {
	printf '%s\n' "$1" >/tmp/faults.before
	printf '%s\n' "$2" >/tmp/faults.after
	diff -U0 /tmp/faults.before /tmp/faults.after | sed '1,2d; s/^/    | /' | head -n 20
}

# refused DESCRIPTION COMMAND...: the command fails and changes nothing.
refused() {
	desc=$1
	shift
	refused_before=$(state)
	if "$@" >"$LOG" 2>&1; then
		record FAIL "$desc (it succeeded)"
	elif [ "$(state)" != "$refused_before" ]; then
		record FAIL "$desc: it failed but changed the state"
		show_diff "$refused_before" "$(state)"
	else
		record PASS "$desc"
	fi
}

# The station cache, made once: the baseline's state has it.
ctl iface set e1 learn on
baseline
BASELINE=$(state)
check_eq "the baseline has the counters of one request" 1 "$(counter gw requests)"

# Bad input, as the kernel sees it, and the per-netns limit.
raw() {
	n gw "$NLRAW" "$@"
}
refused "kernel refuses a duplicate add" raw add prefix=172.16.20.0 plen=24 ifindex="$E0"
refused "kernel refuses a replace with a multicast MAC" \
	raw replace prefix=172.16.30.0 plen=24 ifindex="$E1" mac=01005e000001
refused "kernel refuses a replace making a binding static without a MAC" \
	raw replace prefix=172.16.20.0 plen=24 ifindex="$E0" flags=4
refused "kernel refuses a replace on an interface that does not exist" \
	raw replace prefix=10.99.0.0 plen=16 ifindex=9999
refused "kernel refuses deleting what is not there" raw del prefix=10.9.9.9 plen=32
refused "kernel refuses flushing a non-Ethernet interface" raw flush ifindex=1
refused "kernel refuses an unknown proxy mode" raw iface-set ifindex="$E0" mode=2
check "the 6th binding fits under max_bindings=$LIMIT" ctl binding add 172.16.40.0/24
refused "the 7th does not" ctl binding add 172.16.50.0/24
refused "  nor does it by replace" ctl binding replace 172.16.50.0/24
check "a replace at the limit adds nothing: it works" \
	ctl binding replace 172.16.40.0/24 mac 02:00:00:00:00:40

# faulty N COMMAND...: arpproxyctl COMMAND in $FAULT_NS (default gw) with the Nth eligible
# allocation failing. The shell that arms the injector for its own pid
# becomes arpproxyctl: only what the kernel does for arpproxyctl's requests
# counts.
faulty() {
	faulty_nth=$1
	shift
	# shellcheck disable=SC2016 # expanded by the inner sh
	sh -c 'echo $$ >"$0/pid" && echo "$1" >"$0/nth" && shift && exec "$@"' \
		"$FAULT" "$faulty_nth" "$CTL" -n "${FAULT_NS:-gw}" "$@"
	faulty_rc=$?
	echo 0 >"$FAULT/nth"
	echo 0 >"$FAULT/pid"
	return $faulty_rc
}

cat >/tmp/faults.conf <<EOF
binding add 172.16.50.0/24 dev e0 mac 02:00:00:00:00:50
binding add 10.0.1.60 dev e0 mac 02:00:00:00:00:60 static
iface set e0 inspect enforce rate 10
acl add dev e0 deny mac 02:00:00:00:01:02
EOF

# Every command, with each allocation it makes failing in turn.
COMMANDS='binding add 172.16.40.0/24 dev e1 mac 02:00:00:00:00:40
binding replace 172.16.30.0/24 dev e1 mac 02:00:00:00:00:31
binding replace 10.0.1.50 dev e0 mac 02:00:00:00:00:51 static lifetime 600
binding del 10.0.1.50 dev e0
binding flush
binding flush dev e0
iface set e0 inspect enforce proxy off
iface set e1 inspect log
iface set e1 rate 100 burst 10 per-host 5
iface set e1 learn on
acl add dev e0 deny from 10.0.1.0/24 pref 20
acl del dev e0 pref 10
acl flush
restore /tmp/faults.conf
stats reset'
# FAULTS=short (make check on the sanitizer kernel, which is several times
# slower) leaves out the commands whose handlers another one runs already:
# a replace, the unscoped flushes and a second inspect mode.
[ "${FAULTS:-all}" = all ] || COMMANDS=$(echo "$COMMANDS" | grep -vxE \
	'binding replace 172.16.30.0/24 .*|binding flush|iface set e1 inspect log|acl flush')

if [ ! -f "$FAULT_MODULE" ]; then
	skip "allocation failures: no $FAULT_MODULE"
	COMMANDS=
elif ! fault_load; then
	record FAIL "the fault injector loads"
	COMMANDS=
elif [ -d /sys/kernel/debug/failslab ]; then
	# The sanitizer kernel fails them with its own failslab, quietly, and
	# sleeping allocations too.
	echo N >/sys/kernel/debug/failslab/ignore-gfp-wait
	echo 0 >/sys/kernel/debug/failslab/verbose
	check "the fault injector hands over to failslab" sh -c "echo 1 >$FAULT/failslab"
fi
# One command a line; in the loop, its words split as usual.
IFS='
'
# shellcheck disable=SC2086 # $cmd is words
for cmd in $COMMANDS; do
	unset IFS
	baseline
	check_eq "$cmd: the baseline is restored" "$BASELINE" "$(state)"
	ctl $cmd
	expected=$(state)
	baseline
	nth=0 failed=0 absorbed=0 bad=0 settled=
	while [ $nth -lt 200 ]; do
		nth=$((nth + 1))
		fired=$(cat "$FAULT/fired")
		faulty $nth $cmd >/tmp/faults.out 2>/tmp/faults.err
		rc=$?
		fired=$(($(cat "$FAULT/fired") - fired))
		now=$(state)
		if [ $fired -eq 0 ]; then
			if [ $rc -ne 0 ] || [ "$now" != "$expected" ]; then
				record FAIL "$cmd: with no allocation failed (nth $nth) it failed or did something else (status $rc)"
				sed 's/^/    | /' /tmp/faults.err
				show_diff "$expected" "$now"
				bad=$((bad + 1))
			fi
			settled=yes
			break
		fi
		if [ $rc -ne 0 ]; then
			failed=$((failed + 1))
			if [ "$now" != "$BASELINE" ]; then
				record FAIL "$cmd: allocation $nth failed, the command failed and changed the state"
				show_diff "$BASELINE" "$now"
				bad=$((bad + 1))
				baseline
			fi
			if [ "$(wc -l </tmp/faults.err)" -ne 1 ] || [ -s /tmp/faults.out ] ||
				! grep -qE '^(arpproxyctl|/tmp/faults.conf:[0-9]+): ' /tmp/faults.err; then
				record FAIL "$cmd: allocation $nth failed, the command did not say so in one line"
				sed 's/^/    | /' /tmp/faults.out /tmp/faults.err | head -n 10
				bad=$((bad + 1))
			fi
		else
			absorbed=$((absorbed + 1))
			if [ "$now" != "$expected" ]; then
				record FAIL "$cmd: allocation $nth failed, the command succeeded but did something else"
				show_diff "$expected" "$now"
				bad=$((bad + 1))
			fi
			baseline
		fi
	done
	[ -n "$settled" ] || record FAIL "$cmd: still allocating after $nth allocations failed in turn"
	echo "    $cmd: allocations 1 to $((nth - 1)) failed in turn: $failed made it fail, $absorbed did not"
	check_eq "$cmd: some allocation failure makes it fail" yes "$([ $failed -gt 0 ] && echo yes)"
	[ $bad -gt 0 ] || record PASS "$cmd: fails cleanly, or succeeds, whichever allocation fails"
done

# The station cache is made by the first "learn on" in a netns (small
# enough here to come from the slab): whichever allocation fails, the
# command fails whole, and the one that gets through makes it.
echo 8 >/sys/module/arpproxy/parameters/max_stations
setup_ns fresh
ip -n fresh link add v0 type veth peer name v1
fresh_state() {
	printf 'iface show v0\ncache status\n' | "$CTL" -n fresh -b -
}
FRESH=$(fresh_state)
check_eq "a new netns has no cache" "v0 proxy off inspect off
timeout 300 size 0 stations 0" "$FRESH"
nth=0 bad=0
while [ $nth -lt 50 ]; do
	nth=$((nth + 1))
	FAULT_NS=fresh faulty $nth iface set v0 learn on >/tmp/faults.out 2>/tmp/faults.err && break
	if [ "$(fresh_state)" != "$FRESH" ] || [ "$(wc -l </tmp/faults.err)" -ne 1 ]; then
		record FAIL "learn on: allocation $nth failed, and the command changed something or did not say so in one line"
		show_diff "$FRESH" "$(fresh_state)"
		bad=$((bad + 1))
	fi
done
check "learn on: its first $((nth - 1)) allocations failed in turn, then it got through" \
	test $nth -gt 1 -a $nth -lt 50 -a $bad -eq 0
check_eq "  and made the cache" "v0 proxy off inspect off learn on
timeout 300 size 8 stations 0" "$(fresh_state)"

# Nothing leaked: the module's own slab cache reports leftovers at unload
# (and panic_on_warn would stop the guest).
check "the fault injector unloads" fault_unload
check "the module unloads" module_unload
check_eq "no slab cache complained at unload" "" \
	"$(dmesg | grep -E 'Objects remaining|still has objects')"
