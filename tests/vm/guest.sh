#!/bin/sh
# Runs inside the guest: every scenario given (default: all of
# tests/scenarios), each from a clean state, recording results in $RESULTS.
# A scenario that dies or leaves the module unloadable fails. On a kernel
# with kmemleak (the sanitizer kernel), so does one that leaves objects the
# module allocated unreferenced once the module is gone.
top=$(cd "$(dirname "$0")/../.." && pwd)
RESULTS=${RESULTS:-/tmp/out/results}
export RESULTS
: >"$RESULTS"
# Bursts of requests cross several veths on one CPU: the backlog must hold
# them all, or the test measures the emulator rather than arpproxy.
sysctl -qw net.core.netdev_max_backlog=100000

KMEMLEAK=/sys/kernel/debug/kmemleak
[ -w "$KMEMLEAK" ] || KMEMLEAK=
# Scans run after each scenario, below. The automatic one every ten minutes
# adds nothing, and starved by a flood under emulation it held an RCU read
# section for 26 s: an RCU stall, which fails the run.
[ -z "$KMEMLEAK" ] || echo scan=off >"$KMEMLEAK"

# leaks NAME: after a scenario, what kmemleak finds of the module's. Its
# frames are unnamed once the module is gone, so an unnamed frame counts
# too; the kernel's own false positives name only kernel functions.
leaks() {
	echo scan >"$KMEMLEAK"
	echo scan >"$KMEMLEAK"
	awk 'function out() { if (rec ~ /\[arpproxy|\] 0x[0-9a-f]+\n/) printf "%s", rec }
		/^unreferenced object/ { out(); rec = "" }
		{ rec = rec $0 "\n" }
		END { out() }' "$KMEMLEAK" >/tmp/leaks
	echo clear >"$KMEMLEAK"
	if [ -s /tmp/leaks ]; then
		echo "FAIL $1: kmemleak: the module's objects leaked" >>"$RESULTS"
		head -n 40 /tmp/leaks
	fi
}

[ $# -gt 0 ] || set -- "$top"/tests/scenarios/*.sh
for s in "$@"; do
	name=$(basename "$s" .sh)
	echo "=== $name"
	[ -z "$KMEMLEAK" ] || echo clear >"$KMEMLEAK"
	began=$(cut -d. -f1 /proc/uptime)
	timeout "${SCENARIO_TIMEOUT:-600}" sh "$s"
	rc=$?
	echo "=== $name: $(($(cut -d. -f1 /proc/uptime) - began)) s"
	[ $rc -eq 0 ] || echo "FAIL $name: scenario exited with status $rc" >>"$RESULTS"
	for ns in $(ip netns list | cut -d' ' -f1); do
		ip netns del "$ns"
	done
	if grep -q '^arpproxy ' /proc/modules && ! rmmod arpproxy; then
		echo "FAIL $name: module could not be unloaded afterwards" >>"$RESULTS"
	fi
	[ -z "$KMEMLEAK" ] || leaks "$name"
done
