#!/bin/sh
# Prove DKMS builds the module for KVER from the installed source layout,
# without touching this host's DKMS tree: everything lives under DIR.
#
# usage: dkms-test.sh build KVER DIR
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kver=$2
dir=$(mkdir -p "$3" && cd "$3" && pwd)
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
code_version=$(sed -n 's/^#define ARPPROXY_VERSION "\(.*\)"/\1/p' "$top/kmod/version.h")

if [ "$version" != "$code_version" ]; then
	echo "dkms.conf says $version but kmod/version.h says $code_version" >&2
	exit 1
fi
src=$dir/src/arpproxy-$version
"$top/scripts/dkms-source.sh" "$src"
rm -rf "$dir/tree/arpproxy/$version/$kver"
mkdir -p "$dir/tree" "$dir/install"
dkms build -m arpproxy -v "$version" -k "$kver" --sourcetree "$dir/src" \
	--dkmstree "$dir/tree" --installtree "$dir/install"
ko=$(find "$dir/tree/arpproxy/$version/$kver" -name 'arpproxy.ko*' | head -n 1)
[ -n "$ko" ] || { echo "dkms built no arpproxy.ko for $kver" >&2; exit 1; }
modinfo -F vermagic "$ko" | grep -q "^$kver " || {
	echo "$ko is not built for $kver" >&2
	exit 1
}
mkdir -p "$dir/$kver"
cp "$ko" "$dir/$kver/"
echo "$dir/$kver/$(basename "$ko")"
