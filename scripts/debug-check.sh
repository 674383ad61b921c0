#!/bin/sh
# The module on the sanitizer kernel (scripts/debug-kernel.sh): KASAN,
# UBSAN, lockdep with RCU checking, debug objects, list debugging and
# kmemleak, with failslab behind the fault scenario. Builds the kernel once
# (cached outside the tree), builds the module against it with W=1 and no
# warnings, and runs the given scenarios (default: all) in one guest. Any
# splat in the guest's kernel log fails the run, and a kmemleak report of
# the module's objects fails the scenario that left it.
#
# Prints one line per test and writes "PASS|FAIL|SKIP name" lines to
# $RESULTS (default build/VARIANT/results); exits 1 when a test failed.
#
# usage: [FAULTS=short] debug-check.sh [-k VARIANT] [SCENARIO...]
#   FAULTS=short: faults.sh leaves out four commands (see there)
#   VARIANT: debug (the default) or kcsan, the data-race detector's kernel
#   SCENARIO: a name, as in tests/scenarios/NAME.sh
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
variant=debug
if [ "${1:-}" = -k ]; then
	variant=$2
	shift 2
fi
RESULTS=${RESULTS:-build/$variant/results}
mkdir -p "build/$variant" "$(dirname "$RESULTS")"
: >"$RESULTS"

. scripts/results.sh

start=$(date +%s)
run_logged "$variant kernel: built, or found in the cache" "build/$variant/kernel.log" \
	scripts/debug-kernel.sh "$variant" || exit 1
dk=$(tail -n 1 "build/$variant/kernel.log")
kver=$(cat "$dk/kver")
echo "    $(($(date +%s) - start)) s for the kernel"

export KDIR="$dk/src"
run_logged "$kver: build module (W=1, no warnings)" "build/$variant/build.log" \
	no_warnings "build/$variant/module-build.log" scripts/build-module.sh "$kver" "build/$kver/mod" || exit 1
unset KDIR
vm=build/vm/$kver
rm -rf "$vm"
mkdir -p "$vm"
cp -a "$dk/vm/." "$vm/"
run_logged "$kver: prepare guest" "build/$variant/prepare.log" scripts/vm-prepare.sh "$kver" "$vm" || exit 1

scenarios=""
for s in "${@:-}"; do
	[ -n "$s" ] && scenarios="$scenarios $top/tests/scenarios/$s.sh"
done
# Twelve minutes a scenario at most, and the boot; all of them: two and a
# half hours.
set -- $scenarios
limit=$((720 * $# + 600))
[ $# -gt 0 ] || limit=9000
out=build/$kver/out
mkdir -p "$out"
: >"$out/results"
start=$(date +%s)
# KASAN's shadow and quarantine and kmemleak's records need the memory;
# everything runs several times slower than on Debian's kernels.
scripts/vm-run.sh -t "$limit" -m 3G "$kver" "$vm" "$out" \
	"FAULTS=${FAULTS:-all} SCENARIO_TIMEOUT=1200 RESULTS=/tmp/out/results $top/tests/vm/guest.sh$scenarios" \
	>"build/$variant/vm.log" 2>&1
rc=$?
echo "    $(($(date +%s) - start)) s for the guest run"
record_results "$kver" $rc "$out/results" "build/$variant/vm.log" 40
[ $rc -eq 0 ] || tail -n 40 "$out/cmd.log" 2>/dev/null | sed 's/^/    | /'
! grep -q '^FAIL' "$RESULTS"
