#!/bin/sh
# Install everything arpproxy's build, tests and demo need on Debian 12.
# Idempotent: does nothing when all packages are already present.
# usage: deps.sh [bench]
set -eu

PACKAGES="
build-essential pkg-config git
libmnl-dev check
linux-headers-amd64 linux-headers-6.12-amd64
linux-source-6.1 flex bison bc libelf-dev libssl-dev
linux-source-6.12 python3-yaml python3-jsonschema
qemu-system-x86 busybox-static kmod cpio xz-utils
iproute2 iputils-ping arping tcpdump jq util-linux procps nftables ndisc6 keepalived dnsmasq-base
man-db groff-base
dkms sparse clang libclang-rt-14-dev
dpkg-dev debhelper dh-dkms lintian blhc
"
# make bench also runs the userspace responders it compares against.
[ "${1:-}" = bench ] && PACKAGES="$PACKAGES farpd parprouted ndppd gnuplot-nox valgrind"

missing=""
for p in $PACKAGES; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
# promtool checks the Prometheus output (tests/scenarios/metrics.sh). Debian
# has it only in the prometheus package, whose installation starts a
# Prometheus server: take the one binary out of the package instead.
promtool=""
command -v promtool >/dev/null || promtool=promtool
[ -z "$missing$promtool" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing:$missing $promtool (run as root to install them)" >&2
	exit 1
fi
echo "deps: installing$missing $promtool"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ -n "$missing" ]; then
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ -n "$promtool" ]; then
	tmp=$(mktemp -d)
	# apt downloads as the _apt user, which must be able to write there.
	chmod 777 "$tmp"
	(cd "$tmp" && apt-get download -qq prometheus)
	dpkg-deb --fsys-tarfile "$tmp"/prometheus_*.deb | tar -x -C "$tmp" ./usr/bin/promtool
	install -m 755 "$tmp/usr/bin/promtool" /usr/local/bin/promtool
	rm -rf "$tmp"
fi
