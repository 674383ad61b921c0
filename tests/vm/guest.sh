#!/bin/sh
# Runs inside the guest: every scenario given (default: all of
# tests/scenarios), each from a clean state, recording results in $RESULTS.
# A scenario that dies or leaves the module unloadable fails.
top=$(cd "$(dirname "$0")/../.." && pwd)
RESULTS=${RESULTS:-/tmp/out/results}
export RESULTS
: >"$RESULTS"
# Bursts of requests cross several veths on one CPU: the backlog must hold
# them all, or the test measures the emulator rather than arpproxy.
sysctl -qw net.core.netdev_max_backlog=100000

[ $# -gt 0 ] || set -- "$top"/tests/scenarios/*.sh
for s in "$@"; do
	name=$(basename "$s" .sh)
	echo "=== $name"
	timeout 600 sh "$s"
	rc=$?
	[ $rc -eq 0 ] || echo "FAIL $name: scenario exited with status $rc" >>"$RESULTS"
	for ns in $(ip netns list | cut -d' ' -f1); do
		ip netns del "$ns"
	done
	if grep -q '^arpproxy ' /proc/modules && ! rmmod arpproxy; then
		echo "FAIL $name: module could not be unloaded afterwards" >>"$RESULTS"
	fi
done
