#!/bin/sh
# Install the module's sources for DKMS and build and install the module
# for the running kernel (DKMS rebuilds it for every later kernel).
#
# usage: dkms-install.sh [SRCDIR]   (default /usr/src/arpproxy-VERSION)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
src=${1:-/usr/src/arpproxy-$version}

"$top/scripts/dkms-source.sh" "$src"
dkms add "$src"
dkms build "arpproxy/$version"
dkms install "arpproxy/$version"
