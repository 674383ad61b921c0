#!/bin/sh
# Prepare what a QEMU guest needs to boot Debian's kernel KVER: the kernel
# image and its modules (unpacked from Debian's package, never installed on
# this host) and a busybox initramfs that mounts the host's root over 9p.
# A DIR that already holds vmlinuz and root/lib/modules/KVER (the sanitizer
# kernel's) only gets the initramfs.
#
# usage: vm-prepare.sh KVER DIR
set -eu

kver=$1
dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -f "$dir/vmlinuz" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/dl"
	# Package lists may be older than the installed headers: update once.
	(cd "$dir/dl" && { apt-get download -q=2 "linux-image-$kver" ||
		{ apt-get update -qq && apt-get download -q=2 "linux-image-$kver"; }; })
	dpkg-deb -x "$dir"/dl/linux-image-*.deb "$dir/root"
	rm -rf "$dir/dl"
	depmod -b "$dir/root" "$kver"
	cp "$dir/root/boot/vmlinuz-$kver" "$dir/vmlinuz"
fi

# The initramfs only needs to reach the 9p share; everything else is loaded
# from the share later with the guest's own modprobe. It is rebuilt every
# time: it is small, and must follow tests/vm/init.
ird="$dir/initramfs"
rm -rf "$ird"
mkdir -p "$ird/bin" "$ird/lib/modules"
# A kernel with all of them built in (the sanitizer kernel) loads none.
: >"$ird/lib/modules/order"
cp /bin/busybox "$ird/bin/busybox"
for app in sh mount umount mkdir insmod switch_root; do
	ln -s busybox "$ird/bin/$app"
done
modprobe -d "$dir/root" -S "$kver" --show-depends -a virtio_pci 9pnet_virtio 9p |
while read -r kind path _; do
	[ "$kind" = insmod ] || continue
	grep -qx "$(basename "${path%.xz}")" "$ird/lib/modules/order" 2>/dev/null && continue
	name=$(basename "$path")
	case "$name" in
	*.xz) xz -dc "$path" >"$ird/lib/modules/${name%.xz}"; name=${name%.xz} ;;
	*) cp "$path" "$ird/lib/modules/$name" ;;
	esac
	echo "$name" >>"$ird/lib/modules/order"
done
cp "$top/tests/vm/init" "$ird/init"
chmod +x "$ird/init"
(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) >"$dir/initramfs.cpio.gz.tmp"
rm -rf "$ird"
mv "$dir/initramfs.cpio.gz.tmp" "$dir/initramfs.cpio.gz"
