#!/bin/sh
# Copy what DKMS needs to build the module into DIR.
#
# usage: dkms-source.sh DIR
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$1

rm -rf "$dir"
mkdir -p "$dir"
cp -p "$top/Kbuild" "$top/dkms.conf" "$dir/"
cp -pr "$top/kmod" "$dir/kmod"
