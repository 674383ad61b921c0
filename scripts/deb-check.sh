#!/bin/sh
# The Debian packages end to end, on this machine: "make deb" builds
# arpproxy-dkms and arpproxyctl, lintian finds no error in them, apt-get
# installs both and DKMS builds and installs the module for every test
# kernel, their files are where they belong, a guest on each test kernel
# loads the module DKMS installed (modprobe, modinfo, arpproxyctl version,
# the packaged examples), and purging both removes the module again.
#
# It installs packages and changes the DKMS tree: run it as root, on a
# machine that may lose its arpproxy packages. Whatever happens, it ends
# with both purged and arpproxy gone from DKMS.
#
# Prints one line per test and writes "PASS|FAIL name" lines to $RESULTS
# (default build/deb-check/results); exits 1 when a test failed.
#
# usage: deb-check.sh
#        deb-check.sh guest VERSION   (in the guest, from vm-run.sh)
# shellcheck disable=SC2317 # the tests are functions that check calls
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
PACKAGES="arpproxy-dkms arpproxyctl"

# Test NAME passes (ok) or fails (bad) into $RESULTS.
ok() {
	echo "PASS $*" >>"$RESULTS"
	echo "ok      $*"
}
bad() {
	echo "FAIL $*" >>"$RESULTS"
	echo "FAIL    $*"
}

# check NAME COMMAND...: a test that is a command; it fails when the
# command does or calls say. Its output goes to the log, and is shown when
# it fails.
check() {
	name=$1
	shift
	step_failed=0
	echo "=== $name" >>"$log"
	"$@" >"$log.step" 2>&1
	step_rc=$?
	cat "$log.step" >>"$log"
	if [ $step_rc -eq 0 ] && [ $step_failed -eq 0 ]; then
		ok "$name"
		return 0
	fi
	bad "$name"
	tail -n 30 "$log.step" | sed 's/^/    | /'
	return 1
}

# say MESSAGE: why the test fails.
say() {
	echo "$*"
	step_failed=1
	return 1
}

# In the guest: the module DKMS installed on the host, the way a gateway
# would use it.
guest() {
	version=$1
	RESULTS=/tmp/out/results
	log=/tmp/out/guest.log
	: >"$RESULTS"
	: >"$log"
	kver=$(uname -r)
	conf=/etc/modprobe.d/arpproxy.conf

	# stage2 put the guest kernel's own modules (unpacked from its package)
	# over /lib/modules/KVER, hiding what DKMS installed there on the host.
	# modprobe gets both: links to the kernel's modules and to the host's
	# updates/, with the indexes the host made of them (depmod here would
	# decompress every module under emulation), in place of
	# /lib/modules/KVER. Bound alone, / is the host's root without the
	# mounts on it.
	mkdir -p /tmp/hostroot /tmp/kernel-modules
	mount --bind / /tmp/hostroot
	mount --bind "/lib/modules/$kver" /tmp/kernel-modules
	tree=/tmp/modules/lib/modules/$kver
	mkdir -p "$tree"
	for f in kernel modules.order modules.builtin modules.builtin.modinfo; do
		ln -s "/tmp/kernel-modules/$f" "$tree/$f"
	done
	ln -s "/tmp/hostroot/lib/modules/$kver/updates" "$tree/updates"
	for f in "/tmp/out/modules/lib/modules/$kver"/modules.*; do
		[ -L "$f" ] || cp "$f" "$tree/"
	done
	mount --bind "$tree" "/lib/modules/$kver"

	installed() {
		file=$(modinfo -F filename arpproxy) || return 1
		case $file in
		"/lib/modules/$kver/updates/dkms/arpproxy.ko"*) ;;
		*) say "modinfo finds $file, not DKMS's" ;;
		esac
		# The very file DKMS installed on the host.
		[ "$(sha256sum <"$file")" = "$(cat /tmp/out/ko.sha256)" ] ||
			say "$file is not the file DKMS installed"
	}
	check "modinfo finds the module DKMS installed" installed

	described() {
		[ "$(modinfo -F version arpproxy)" = "$version" ] ||
			say "modinfo says version $(modinfo -F version arpproxy), not $version"
		modinfo -F parm arpproxy | tee /tmp/parm
		[ -s /tmp/parm ] || say "no parameters"
		# "name:description (type)"; modinfo shows no description as "name:(type)".
		! grep -v '^[a-z_0-9]*:[^ (].* ([a-z ]*)$' /tmp/parm ||
			say "parameters above have no description"
		cut -d: -f1 /tmp/parm | sort >/tmp/parm.names
		sed -n 's/^#options arpproxy \([a-z_0-9]*\)=.*/\1/p' "$conf" | sort >/tmp/conf.names
		diff -u /tmp/parm.names /tmp/conf.names ||
			say "$conf and the module have different parameters (-module +example)"
		while read -r p; do
			grep -q "^# $p: " "$conf" || say "$conf does not explain $p"
		done </tmp/conf.names
	}
	check "modinfo: version $version, every parameter described and in $conf" described

	example_options() {
		sed 's/^#options /options /' "$conf" >/tmp/modprobe.conf
		modprobe -C /tmp/modprobe.conf arpproxy || return 1
		grep '^options' /tmp/modprobe.conf
		sed -n 's/^options arpproxy //p' /tmp/modprobe.conf | tr ' ' '\n' >/tmp/options
		while IFS='=' read -r p v; do
			[ -n "$p" ] || continue
			got=$(cat "/sys/module/arpproxy/parameters/$p") || say "no parameter $p"
			[ "$got" = "$v" ] || say "$p is $got, not $v"
		done </tmp/options
	}
	check "modprobe loads it with the options of $conf uncommented" example_options

	ctl_version() {
		/usr/sbin/arpproxyctl version | tee /tmp/version
		grep -qx "arpproxyctl $version" /tmp/version &&
			grep -qx "module $version" /tmp/version
	}
	check "arpproxyctl version reports the module's version $version" ctl_version

	example_batch() {
		ip link add e0 type dummy && ip link add e1 type dummy || return 1
		# The example's command lines, uncommented.
		sed -n 's/^#\([a-z]\)/\1/p' /etc/arpproxy/arpproxy.conf | tee /tmp/batch
		want=$(grep -c '^binding add' /tmp/batch)
		[ "$want" -gt 0 ] || say "no binding in the example"
		/usr/sbin/arpproxyctl -b /tmp/batch || return 1
		/usr/sbin/arpproxyctl binding show | tee /tmp/bindings
		[ "$(grep -c . /tmp/bindings)" -eq "$want" ] ||
			say "$want bindings in the example, $(grep -c . /tmp/bindings) loaded"
		ip link del e0 && ip link del e1
	}
	check "the example /etc/arpproxy/arpproxy.conf, uncommented, loads as a batch" example_batch

	autoload() {
		rmmod arpproxy || return 1
		/usr/sbin/arpproxyctl version || return 1
		grep '^arpproxy ' /proc/modules || say "the module was not loaded"
		rmmod arpproxy
	}
	check "unloaded, it is loaded again on demand by arpproxyctl" autoload
	# The verdicts are in $RESULTS: a failure is not the guest's.
	return 0
}

if [ "${1:-}" = guest ]; then
	guest "$2"
	exit
fi

cd "$top" || exit 1
BUILD=build
work=$BUILD/deb-check
mkdir -p "$work"
RESULTS=${RESULTS:-$work/results}
: >"$RESULTS"
log=$work/log
: >"$log"
export DEBIAN_FRONTEND=noninteractive
apt_get() {
	apt-get -o DPkg::Lock::Timeout=300 "$@"
}
version=$(sed -n 's/^#define ARPPROXY_VERSION "\(.*\)"/\1/p' kmod/version.h)
kernels=$(scripts/kernels.sh) || exit 1
dkms_ko() {
	ls "/lib/modules/$1/updates/dkms/arpproxy.ko"* 2>/dev/null
}

# Whatever happens, nothing of arpproxy stays installed.
purge() {
	# shellcheck disable=SC2086 # a list of names
	apt_get purge -y -q $PACKAGES || dpkg --purge $PACKAGES
	if dkms status -m arpproxy | grep -q .; then
		dkms remove -m arpproxy -v "$version" --all
	fi
}
cleanup() {
	trap - EXIT INT TERM
	purge >>"$log" 2>&1
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
purge >>"$log" 2>&1

versions() {
	changelog=$(dpkg-parsechangelog -S Version)
	changelog=${changelog%-*} # without a Debian revision, if any
	dkms_conf=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf)
	echo "kmod/version.h $version, debian/changelog $changelog, dkms.conf $dkms_conf"
	[ -n "$version" ] && [ "$changelog" = "$version" ] && [ "$dkms_conf" = "$version" ]
}
check "versions agree: kmod/version.h, debian/changelog, dkms.conf" versions

deb=$BUILD/deb
dkms_deb=$deb/arpproxy-dkms_${version}_all.deb
ctl_deb=$deb/arpproxyctl_${version}_$(dpkg --print-architecture).deb
build() {
	make deb >"$work/build.log" 2>&1 || { cat "$work/build.log"; return 1; }
	ls -l "$dkms_deb" "$ctl_deb"
}
check "make deb builds arpproxy-dkms and arpproxyctl" build

lint() {
	lintian --pedantic -I "$deb"/*.changes >"$work/lintian.log" 2>&1
	rc=$?
	# Shown whether it passes or not; only errors fail.
	cat "$work/lintian.log" >&2
	! grep -q '^E: ' "$work/lintian.log" && [ $rc -eq 0 ]
}
check "lintian: no errors in the packages, .buildinfo and .changes" lint
grep '^[WE]: ' "$work/lintian.log" 2>/dev/null | sed 's/^/    lintian: /'

check "blhc: arpproxyctl is built with Debian's hardening flags" blhc "$work/build.log"

install_packages() {
	apt_get install -y "./$dkms_deb" "./$ctl_deb"
}
check "apt-get install arpproxy-dkms and arpproxyctl" install_packages

for kver in $kernels; do
	built() {
		dkms status -m arpproxy -v "$version" -k "$kver" | tee "$work/status"
		grep -q ': installed' "$work/status" || say "DKMS has not installed it"
		ko=$(dkms_ko "$kver") || say "no /lib/modules/$kver/updates/dkms/arpproxy.ko*"
		modinfo -F vermagic "$ko" | grep -q "^$kver " || say "$ko is not for $kver"
		[ "$(modinfo -F version "$ko")" = "$version" ] || say "$ko is not version $version"
		modinfo -k "$kver" -F filename arpproxy | grep -qx "$ko" ||
			say "depmod has not indexed $ko"
	}
	check "$kver: DKMS built and installed the module" built
done

# file PACKAGE PATH...: dpkg -L PACKAGE lists every PATH.
files() {
	pkg=$1
	shift
	dpkg -L "$pkg" >"$work/files" || return 1
	for f in "$@"; do
		grep -qx "$f" "$work/files" || say "$pkg has no $f"
	done
}
conffiles() {
	pkg=$1
	shift
	dpkg-query -W -f '${Conffiles}\n' "$pkg" | tee "$work/conffiles"
	for f in "$@"; do
		grep -q "^ $f " "$work/conffiles" || say "$f is not a conffile of $pkg"
	done
}
layout() {
	src=/usr/src/arpproxy-$version
	files arpproxy-dkms "$src/dkms.conf" "$src/Kbuild" "$src/kmod/main.c" \
		"$src/kmod/uapi/linux/arpproxy.h" "$src/kmod/version.h" \
		/etc/modprobe.d/arpproxy.conf /usr/share/doc/arpproxy-dkms/copyright &&
	conffiles arpproxy-dkms /etc/modprobe.d/arpproxy.conf &&
	files arpproxyctl /usr/sbin/arpproxyctl /usr/share/man/man8/arpproxyctl.8.gz \
		/usr/share/man/man4/arpproxy.4.gz \
		/usr/share/bash-completion/completions/arpproxyctl \
		/etc/arpproxy/arpproxy.conf /usr/share/doc/arpproxyctl/copyright \
		/lib/systemd/system/arpproxy.service /usr/lib/arpproxy/lease-hook &&
	conffiles arpproxyctl /etc/arpproxy/arpproxy.conf &&
	/usr/sbin/arpproxyctl help >/dev/null &&
	man -w arpproxyctl arpproxy
}
check "the packages' files are where they belong" layout
check "systemd-analyze verify passes on the installed unit" \
	systemd-analyze verify /lib/systemd/system/arpproxy.service

# A guest on each test kernel loads what DKMS installed on this host.
for kver in $kernels; do
	ko=$(dkms_ko "$kver") || continue
	vm=$BUILD/vm/$kver
	check "$kver: prepare guest" scripts/vm-prepare.sh "$kver" "$vm" || continue
	out=$work/$kver
	mkdir -p "$out"
	: >"$out/results"
	sha256sum <"$ko" >"$out/ko.sha256"
	# The indexes of the guest kernel's modules and of what DKMS
	# installed, which the guest puts together (see guest above).
	index=$out/modules/lib/modules/$kver
	rm -rf "$out/modules"
	mkdir -p "$index"
	for f in kernel modules.order modules.builtin modules.builtin.modinfo; do
		ln -s "$top/$vm/root/lib/modules/$kver/$f" "$index/$f"
	done
	ln -s "/lib/modules/$kver/updates" "$index/updates"
	if ! depmod -b "$out/modules" "$kver" >>"$log" 2>&1; then
		bad "$kver: depmod of the guest kernel's modules and DKMS's"
		continue
	fi
	scripts/vm-run.sh -t 600 "$kver" "$vm" "$out" \
		"sh $top/scripts/deb-check.sh guest $version" >"$work/$kver-vm.log" 2>&1
	rc=$?
	while read -r verdict rest; do
		echo "$verdict $kver: guest: $rest" >>"$RESULTS"
		case $verdict in
		PASS) echo "ok      $kver: guest: $rest" ;;
		*) echo "FAIL    $kver: guest: $rest" ;;
		esac
	done <"$out/results"
	if [ $rc -ne 0 ]; then
		bad "$kver: guest run (status $rc)"
		tail -n 20 "$work/$kver-vm.log" | sed 's/^/    | /'
		tail -n 40 "$out/cmd.log" 2>/dev/null | sed 's/^/    | /'
	elif grep -q '^FAIL' "$out/results"; then
		# What failed in the guest, and why.
		grep -v '^ok  ' "$out/cmd.log" | sed 's/^/    /'
	fi
done

purged() {
	# shellcheck disable=SC2086 # a list of names
	apt_get purge -y $PACKAGES || return 1
	for pkg in $PACKAGES; do
		! dpkg-query -W -f '${Status}\n' "$pkg" 2>/dev/null | grep -v 'not-installed' ||
			say "$pkg is still known to dpkg"
	done
	! dkms status -m arpproxy | grep . || say "DKMS still lists arpproxy"
	for kver in $kernels; do
		! dkms_ko "$kver" || say "the module is still installed for $kver"
		! modinfo -k "$kver" arpproxy 2>/dev/null || say "modinfo -k $kver still finds it"
	done
	for f in "/usr/src/arpproxy-$version" /etc/arpproxy /etc/modprobe.d/arpproxy.conf \
		/usr/sbin/arpproxyctl; do
		[ ! -e "$f" ] || say "$f is left"
	done
}
check "apt-get purge removes both packages, and DKMS's module for every kernel" purged

! grep -q '^FAIL' "$RESULTS"
