#!/bin/sh
# The harness must fail a run whose module misbehaves: build a copy of the
# module with a WARN in its hook, send it one ARP frame in a guest, and
# expect vm-run.sh to report the dead guest (status 125).
#
# usage: harness-selftest.sh KVER DIR
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kver=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)

rm -rf "$dir/mod"
mkdir -p "$dir/mod"
cp -pr "$top/Kbuild" "$top/kmod" "$dir/mod/"
sed -i 's/^\tarpproxy_count_dev(an, ds, ARPPROXY_STAT_FRAMES);$/&\n\tWARN_ON_ONCE(1);/' "$dir/mod/kmod/hook.c"
grep -q WARN_ON_ONCE "$dir/mod/kmod/hook.c" || {
	echo "harness-selftest: could not plant the WARN in kmod/hook.c" >&2
	exit 1
}
make -s -C "/lib/modules/$kver/build" M="$dir/mod" modules

set +e
"$top/scripts/vm-run.sh" -t 300 "$kver" "$top/build/vm/$kver" "$dir/out" "
	insmod $dir/mod/arpproxy.ko || exit 1
	ip link add veth0 type veth peer name veth1 && ip link set veth0 up && ip link set veth1 up
	$top/build/tools/arpsend -i veth0 -t 10.0.0.1 -S 10.0.0.2 -s 02:00:00:00:00:02 -w 100
"
rc=$?
set -e
if [ $rc -ne 125 ]; then
	echo "harness-selftest: a WARN in the hook gave status $rc, not 125" >&2
	exit 1
fi
