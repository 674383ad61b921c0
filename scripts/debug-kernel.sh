#!/bin/sh
# Build a sanitizer kernel once and print the directory it is cached in:
# Debian's linux-source-6.1, tinyconfig plus tests/debug-kernel/guest.config
# (the guest's needs, lockdep, debug objects) and VARIANT.config (debug:
# KASAN, UBSAN, kmemleak, failslab; kcsan: the data-race detector, which
# excludes KASAN), built in place so that modules build against it. The cache lives outside the tree, under
# $ARPPROXY_CACHE (default /var/cache/arpproxy), keyed by the source
# package's version and the hash of the configs and of the recipe below; a
# build that did not finish is started over.
#
# The directory holds:
#   src/        the built tree (KDIR for modules)
#   kver        its release, e.g. 6.1.192-arpproxy-debug
#   vm/         vmlinuz and root/lib/modules/KVER, as vm-prepare.sh wants
#
# usage: debug-kernel.sh [debug|kcsan]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
variant=${1:-debug}
guest=$top/tests/debug-kernel/guest.config
fragment=$top/tests/debug-kernel/$variant.config
tarball=/usr/src/linux-source-6.1.tar.xz
cache=${ARPPROXY_CACHE:-/var/cache/arpproxy}
# Bump when the steps below change what gets built.
recipe=1

[ "$variant" != guest ] && [ -f "$fragment" ] || {
	echo "debug-kernel: no kernel variant $variant" >&2
	exit 2
}
version=$(dpkg-query -W -f '${Version}' linux-source-6.1 2>/dev/null) || {
	echo "debug-kernel: linux-source-6.1 is not installed (run scripts/deps.sh)" >&2
	exit 1
}
key=$( (echo "recipe $recipe"; cat "$guest" "$fragment") | sha256sum | cut -c1-16)
dir=$cache/$variant-kernel/$version-$key
if [ -f "$dir/done" ]; then
	echo "$dir"
	exit 0
fi

echo "debug-kernel: building $version with $variant.config into $dir" >&2
rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp/src"
tar -xf "$tarball" -C "$dir.tmp/src" --strip-components=1
cd "$dir.tmp/src"
make -s tinyconfig >/dev/null
scripts/kconfig/merge_config.sh -m .config "$guest" "$fragment" >/dev/null 2>&1
./scripts/config --set-str LOCALVERSION "-arpproxy-$variant" --disable LOCALVERSION_AUTO
make -s olddefconfig 2>/dev/null
missing=$(cat "$guest" "$fragment" | grep '^CONFIG_' | while read -r line; do
	grep -qx "$line" .config || echo "$line"
done)
if [ -n "$missing" ]; then
	echo "debug-kernel: olddefconfig dropped:" $missing >&2
	exit 1
fi
# The build runs in the tree, not with O=, so that the cached tree is
# self-contained for module builds; moving it afterwards is harmless.
make -s -j"$(nproc)" all
make -s modules_prepare
kver=$(make -s kernelrelease)
mkdir -p "$dir.tmp/vm/root"
make -s INSTALL_MOD_PATH="$dir.tmp/vm/root" modules_install >/dev/null
# They would point at the temporary name; the guest needs neither.
rm -f "$dir.tmp/vm/root/lib/modules/$kver/build" "$dir.tmp/vm/root/lib/modules/$kver/source"
cp arch/x86/boot/bzImage "$dir.tmp/vm/vmlinuz"
echo "$kver" >"$dir.tmp/kver"
cd /
mv "$dir.tmp" "$dir"
touch "$dir/done"
echo "$dir"
