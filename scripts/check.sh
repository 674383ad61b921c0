#!/bin/sh
# make check: unit tests on this host, style checks of the module, then the
# module built for, loaded into and exercised in a QEMU guest on each test
# kernel, and some of the scenarios on the sanitizer kernel. Prints one line
# per test and ends with "N passed, N failed".
set -u
# What the sanitizer kernel runs here, within make check's time budget
# (about 20 minutes of guest time): the fault, lifecycle, cache, announce
# and flood scenarios. make check-debug runs everything.
DEBUG_SCENARIOS=${DEBUG_SCENARIOS:-faults lifecycle cache garp pinflood}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
BUILD=build
mkdir -p "$BUILD"
RESULTS=$BUILD/results
: >"$RESULTS"
. scripts/results.sh

run_logged "build: arpproxyctl, unit tests and test tools" "$BUILD/build.log" \
	make -s ctl "$BUILD/unit-tests" "$BUILD/kmod-unit-tests" test-tools

# unit RUNNER: one result per test of a Check runner, which prints
# "file:line:P|F|E:tcase:test:iter: message".
unit() {
	[ -x "$BUILD/$1" ] || return 0
	CK_VERBOSITY=verbose "$BUILD/$1" >"$BUILD/$1.log" 2>&1
	unit_rc=$?
	while IFS=: read -r _ _ verdict tcase test _ msg; do
		case $verdict in
		P) record PASS "unit: $tcase: $test" ;;
		F | E) record FAIL "unit: $tcase: $test:$msg" ;;
		esac
	done <<-EOF2
	$(grep -E '^[^:]+:[0-9]+:[PFE]:' "$BUILD/$1.log")
	EOF2
	[ $unit_rc -eq 0 ] || grep -q ':[FE]:' "$BUILD/$1.log" ||
		record FAIL "unit: $1 exited with status $unit_rc"
}
unit unit-tests
unit kmod-unit-tests

# New inputs go to build/, so the corpus in the repo stays as committed.
fuzz() {
	rm -rf "$BUILD/fuzz-corpus"
	mkdir -p "$BUILD/fuzz-corpus"
	make -s "$BUILD/fuzz-proto" &&
		"$BUILD/fuzz-proto" -max_total_time=20 -seed=1 -print_final_stats=1 \
			"$BUILD/fuzz-corpus" tests/fuzz/corpus
}
run_logged "fuzz: the module's packet logic, 20 s of libFuzzer" "$BUILD/fuzz.log" fuzz

if scripts/checkpatch.sh >"$BUILD/checkpatch.log" 2>&1; then
	record PASS "checkpatch --strict: kmod and the fault injector"
else
	record FAIL "checkpatch --strict: kmod and the fault injector"
	sed 's/^/    | /' "$BUILD/checkpatch.log" | head -n 30
fi

run_logged "protocol code is what the netlink spec generates, and drift fails" "$BUILD/spec.log" scripts/spec-check.sh
run_logged "docs: man pages, completion, make install" "$BUILD/docs.log" scripts/docs-check.sh

# make deb, lintian, both packages installed here (DKMS builds the module for
# each test kernel), loaded in guests, purged; one result per test.
: >"$BUILD/deb-results"
RESULTS=$BUILD/deb-results scripts/deb-check.sh >"$BUILD/deb.log" 2>&1
record_results deb $? "$BUILD/deb-results" "$BUILD/deb.log" 40

for kver in $(scripts/kernels.sh); do
	run_logged "$kver: build module (W=1 and sparse, no warnings)" "$BUILD/$kver-build.log" \
		no_warnings "$BUILD/last-build.log" scripts/build-module.sh "$kver" "$BUILD/$kver/mod" C=2
	run_logged "$kver: prepare guest" "$BUILD/$kver-prepare.log" \
		scripts/vm-prepare.sh "$kver" "$BUILD/vm/$kver"
	run_logged "$kver: dkms build" "$BUILD/$kver-dkms.log" \
		scripts/dkms-test.sh build "$kver" "$BUILD/dkms"
	out=$BUILD/$kver/out
	mkdir -p "$out"
	: >"$out/results"
	scripts/vm-run.sh -t 1500 "$kver" "$BUILD/vm/$kver" "$out" \
		"RESULTS=/tmp/out/results $top/tests/vm/guest.sh" >"$BUILD/$kver-vm.log" 2>&1
	rc=$?
	record_results "$kver" $rc "$out/results" "$BUILD/$kver-vm.log" 40
	[ $rc -eq 0 ] || tail -n 40 "$out/cmd.log" 2>/dev/null | sed 's/^/    | /'
done

kver=$(scripts/kernels.sh | tail -n 1)
run_logged "harness: a WARN in the module's hook fails the guest run" \
	"$BUILD/selftest.log" scripts/harness-selftest.sh "$kver" "$BUILD/selftest"

# The sanitizer kernel: every command under each allocation failure,
# namespaces and the module going away with everything in them, the
# station cache raced from two CPUs, the announcement worker and a flood
# against pinning (make check-debug runs them all), then its own harness
# check.
: >"$BUILD/debug-results"
RESULTS=$BUILD/debug-results FAULTS=short scripts/debug-check.sh $DEBUG_SCENARIOS \
	>"$BUILD/debug.log" 2>&1
record_results sanitizer $? "$BUILD/debug-results" "$BUILD/debug.log" 60
dk=$(scripts/debug-kernel.sh 2>/dev/null) && dkver=$(cat "$dk/kver") &&
	run_logged "harness: a use-after-free in the module's hook fails the sanitizer run" \
		"$BUILD/selftest-uaf.log" env KDIR="$dk/src" \
		scripts/harness-selftest.sh "$dkver" "$BUILD/selftest-uaf" uaf

passed=$(grep -c '^PASS' "$RESULTS")
failed=$(grep -c '^FAIL' "$RESULTS")
skipped=$(grep -c '^SKIP' "$RESULTS")
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
