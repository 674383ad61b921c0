#!/bin/sh
# Build arpproxy.ko against installed headers of KVER, in a copy of the
# sources under DIR, so that builds for several kernels never share objects.
# The test-only fault injector (tests/faultinject) and per-frame benchmark
# (tests/perframe) land next to it.
#
# usage: build-module.sh KVER DIR [make arguments...]
# KDIR, if set, is the kernel tree to build against (the sanitizer kernel's).
set -eu

kver=$1
dir=$2
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
kdir=${KDIR:-/lib/modules/$kver/build}

if [ ! -d "$kdir" ]; then
	echo "build-module: no headers for $kver (install linux-headers-$kver)" >&2
	exit 1
fi
mkdir -p "$dir"
cp -p "$top/Kbuild" "$dir/"
mkdir -p "$dir/kmod"
cp -pr "$top"/kmod/. "$dir/kmod/"
make -s -C "$kdir" M="$(cd "$dir" && pwd)" W=1 "$@" modules

mkdir -p "$dir/faultinject"
cp -p "$top"/tests/faultinject/Kbuild "$top"/tests/faultinject/*.c "$dir/faultinject/"
make -s -C "$kdir" M="$(cd "$dir/faultinject" && pwd)" W=1 "$@" modules
cp -p "$dir/faultinject/arpproxy_fault.ko" "$dir/"

mkdir -p "$dir/perframe"
cp -p "$top"/tests/perframe/Kbuild "$top"/tests/perframe/*.c "$dir/perframe/"
make -s -C "$kdir" M="$(cd "$dir/perframe" && pwd)" W=1 "$@" modules
cp -p "$dir/perframe/arpproxy_perframe.ko" "$dir/"
