#!/bin/sh
# The harness must fail a run whose module misbehaves: build a copy of the
# module with a fault planted in its hook, send it one ARP frame in a guest,
# and expect vm-run.sh to report the dead guest (status 125).
#   warn  a WARN, which any kernel reports (Debian's);
#   uaf   a use-after-free, which only KASAN sees (the sanitizer kernel:
#         KDIR is its tree, and build/vm/KVER its guest).
#
# usage: harness-selftest.sh KVER DIR [warn|uaf]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kver=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
plant=${3:-warn}
kdir=${KDIR:-/lib/modules/$kver/build}

case $plant in
warn) fault='\tWARN_ON_ONCE(1);' ;;
# Freed, then read: no warning, no crash, wrong only to a sanitizer.
uaf) fault='\t{ u8 *freed = kmalloc(64, GFP_ATOMIC); kfree(freed); if (freed \&\& READ_ONCE(freed[8])) arpproxy_count(an, ARPPROXY_STAT_INVALID); }' ;;
*) echo "harness-selftest: no fault named $plant" >&2; exit 2 ;;
esac

rm -rf "$dir/mod"
mkdir -p "$dir/mod"
cp -pr "$top/Kbuild" "$top/kmod" "$dir/mod/"
sed -i "s/^\tarpproxy_count_dev(an, ds, ARPPROXY_STAT_FRAMES);\$/&\n$fault/" "$dir/mod/kmod/hook.c"
grep -q 'WARN_ON_ONCE\|freed' "$dir/mod/kmod/hook.c" || {
	echo "harness-selftest: could not plant the fault in kmod/hook.c" >&2
	exit 1
}
make -s -C "$kdir" M="$dir/mod" modules

set +e
"$top/scripts/vm-run.sh" -t 600 -m 2G "$kver" "$top/build/vm/$kver" "$dir/out" "
	insmod $dir/mod/arpproxy.ko || exit 1
	ip link add veth0 type veth peer name veth1 && ip link set veth0 up && ip link set veth1 up
	$top/build/tools/arpsend -i veth0 -t 10.0.0.1 -S 10.0.0.2 -s 02:00:00:00:00:02 -w 100
"
rc=$?
set -e
if [ $rc -ne 125 ]; then
	echo "harness-selftest: a planted $plant in the hook gave status $rc, not 125" >&2
	exit 1
fi
