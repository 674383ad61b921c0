#!/bin/sh
# The module itself: it loads, answers on its generic netlink family, says
# when it is missing, hooks ARP in every network namespace, and the copy
# DKMS builds loads too.
. "$(dirname "$0")/../lib.sh"

version=$(sed -n 's/^#define ARPPROXY_VERSION "\(.*\)"/\1/p' "$TOP/kmod/version.h")
protocol=$(sed -n 's/^#define ARPPROXY_GENL_VERSION\t*\([0-9]*\)$/\1/p' \
	"$TOP/kmod/uapi/linux/arpproxy.h")

check_fail "arpproxyctl version fails without the module" "$CTL" version
check_eq "it says the module is not loaded" \
	"arpproxyctl: arpproxy module is not loaded (modprobe arpproxy)" \
	"$("$CTL" version 2>&1 >/dev/null)"
check_eq "but first prints its own version" "arpproxyctl $version
protocol $protocol" "$("$CTL" version 2>/dev/null)"

check "module loads" module_load
check_eq "arpproxyctl version reports tool, module and protocol" \
	"arpproxyctl $version
module $version
protocol $protocol" "$("$CTL" version)"
check_eq "version -j" \
	"{\"arpproxyctl\":\"$version\",\"module\":\"$version\",\"protocol\":$protocol}" \
	"$("$CTL" -j version)"
check_eq "-V is version" "$("$CTL" version)" "$("$CTL" -V)"

# Two namespaces joined by a veth: each one's hook counts only its frames.
setup_ns n1 n2
ip -n n1 link add eth0 type veth peer name eth0 netns n2
ip -n n1 addr add 10.0.0.1/24 dev eth0
ip -n n2 addr add 10.0.0.2/24 dev eth0
ip -n n1 link set eth0 up
ip -n n2 link set eth0 up
n n1 "$CTL" stats reset
n n2 "$CTL" stats reset
check_eq "n2's kernel answers 3 requesters" "sent 3 answered 3" \
	"$(n n1 "$ARPSEND" -i eth0 -t 10.0.0.2 -S 10.0.0.10 -s 02:00:00:00:00:10 -n 3 | tail -n 1)"
check_eq "n2's hook saw the 3 requests" 3 "$(counter n2 requests)"
check_eq "arpproxy answered none of them without bindings" 3 "$(counter n2 no_binding)"
# The replies go to the requesters' MACs, not n1's: n1 sees them only
# promiscuously, and such frames never reach the hook.
check_eq "n1's hook saw no frame" 0 "$(counter n1 frames)"
cleanup_ns

check "module unloads" module_unload
dkms_ko=$(ls "$TOP/build/dkms/$KVER"/arpproxy.ko* 2>/dev/null | head -n 1)
if [ -n "$dkms_ko" ]; then
	check "the module DKMS built loads" insmod "$dkms_ko"
	check_eq "and reports its version" "module $version" "$("$CTL" version | grep "^module ")"
	check "and unloads" module_unload
else
	case $KVER in
	*-arpproxy-debug | *-arpproxy-kcsan) record SKIP "DKMS: a sanitizer kernel has no package to build for" ;;
	*) record FAIL "no DKMS-built module for $KVER under build/dkms" ;;
	esac
fi
