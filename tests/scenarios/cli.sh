#!/bin/sh
# arpproxyctl against the real module: output formats, batch, netns, and
# every kind of bad input: one clear line, a non-zero exit, no change.
. "$(dirname "$0")/../lib.sh"

module_load
setup_ns gw
ip -n gw link add e0 type veth peer name e1

ctl binding add 172.16.20.0/24 dev e0
ctl binding add 10.0.0.5 mac 02:00:00:00:00:05 onlink
ctl binding add 10.0.0.0/24 exclude
table=$(ctl binding show)
check_eq "binding show: one line per binding, in binding add's words" \
	"10.0.0.0/24 exclude hits 0
10.0.0.5/32 mac 02:00:00:00:00:05 onlink hits 0
172.16.20.0/24 dev e0 mac auto hits 0" "$table"
check_eq "binding show -j" \
	'[{"prefix":"10.0.0.0/24","dev":null,"mac":null,"flags":["exclude"],"garp":null,"refresh":null,"lifetime":null,"hits":0},{"prefix":"10.0.0.5/32","dev":null,"mac":"02:00:00:00:00:05","flags":["onlink"],"garp":null,"refresh":null,"lifetime":null,"hits":0},{"prefix":"172.16.20.0/24","dev":"e0","mac":null,"flags":[],"garp":null,"refresh":null,"lifetime":null,"hits":0}]' \
	"$(ctl -j binding show | jq -c .)"
check_eq "binding show filters by dev" "172.16.20.0/24 dev e0 mac auto hits 0" \
	"$(ctl binding show dev e0)"
check_eq "stats show -j has the documented keys" \
	"acl_denied bad_dst_mac bad_format bad_sender_ip bad_sender_mac bad_src_mac binding_expired broadcast_target cache_evicted events_dropped excluded frames garp_sent garp_skipped gratuitous invalid local_target martian_source nd_acl_denied nd_adverts nd_bad_advert nd_dad_ignored nd_excluded nd_garp_sent nd_garp_skipped nd_invalid nd_local_target nd_no_binding nd_not_offsubnet nd_pin_mismatch nd_pin_off_subnet nd_rate_limited nd_replies nd_routes_back nd_solicits nd_solicits_dropped nd_spoof_dropped nd_spoof_logged nd_standby nd_static_mismatch nd_tx_error no_binding not_offsubnet not_request pin_mismatch pin_off_subnet probe rarp_acl_denied rarp_bad_src_mac rarp_rate_limited rarp_replies rarp_requests rate_evicted rate_limited replies requests routes_back spoof_dropped spoof_logged standby static_mismatch station_changes stations_expired stations_learnt stations_refused track_active track_standby tx_error" \
	"$(ctl -j stats show | jq -r 'keys | join(" ")')"
check_eq "iface show -j" '{"dev":"e0","proxy":"off","inspect":"off","rarp":"off","learn":"off","rate":0,"burst":0,"per_host":0,"nd_groups":0,"allmulti":"off"}' \
	"$(ctl -j iface show | jq -c '.[] | select(.dev == "e0")')"
check_eq "-n NAME works like ip -n" "$table" "$("$CTL" -n gw binding show)"

# bad_input DESCRIPTION EXPECTED_ERROR ARGS...: refused with exactly that
# one line, and the table is unchanged.
bad_input() {
	desc=$1 want=$2
	shift 2
	err=$(ctl "$@" 2>&1 >/dev/null)
	rc=$?
	check_eq "$desc: refused" "1 $want" "$rc $err"
	check_eq "$desc: nothing changed" "$table" "$(ctl binding show)"
}
bad_input "invalid prefix" 'arpproxyctl: invalid prefix "10.0.0.300": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]' binding add 10.0.0.300
bad_input "prefix length over 32" 'arpproxyctl: invalid prefix length in "10.0.0.0/33": expected 0..32' binding add 10.0.0.0/33
bad_input "host bits set" 'arpproxyctl: prefix "10.0.0.1/24" has host bits set (did you mean 10.0.0.0/24?)' binding add 10.0.0.1/24
bad_input "invalid MAC" 'arpproxyctl: invalid MAC "02:00:00:00:00": expected six colon-separated hex pairs' binding add 10.0.1.1 mac 02:00:00:00:00
bad_input "multicast MAC" 'arpproxyctl: MAC "01:00:5e:00:00:01" is a multicast address' binding add 10.0.1.1 mac 01:00:5e:00:00:01
bad_input "unknown interface" 'arpproxyctl: cannot find device "nosuch0"' binding add 10.0.1.1 dev nosuch0
bad_input "unknown keyword" 'arpproxyctl: unknown word "frobnicate"' binding add 10.0.1.1 frobnicate
bad_input "duplicate add" 'arpproxyctl: arpproxy: binding exists' binding add 10.0.0.5
bad_input "deleting what is not there" 'arpproxyctl: arpproxy: no such binding' binding del 10.9.9.9
bad_input "exclude with a MAC" 'arpproxyctl: "mac" cannot be used with "exclude"' binding add 10.0.1.1 exclude mac 02:00:00:00:00:01
bad_input "unknown object" 'arpproxyctl: unknown object "bindings"' bindings show
bad_input "unknown proxy mode" 'arpproxyctl: invalid proxy mode "always": expected off or route' iface set e0 proxy always
bad_input "a non-Ethernet interface" 'arpproxyctl: not an Ethernet interface (binding ifindex)' binding add 10.0.1.1 dev lo

# The kernel validates everything itself, whatever a tool sends.
raw() {
	n gw "$TOP/build/tools/nlraw" "$@"
}
kernel_refuses() {	# kernel_refuses DESCRIPTION EXPECTED_ERROR REQUEST...
	desc=$1 want=$2
	shift 2
	check_eq "kernel refuses $desc" "$want" "$(raw "$@" | cut -d: -f1)"
}
e0=$(n gw cat /sys/class/net/e0/ifindex)
check_eq "nlraw itself works: a valid add is accepted" ok "$(raw add prefix=10.3.0.0 plen=16)"
raw del prefix=10.3.0.0 plen=16 >/dev/null
kernel_refuses "host bits set" "error EINVAL" add prefix=10.0.0.1 plen=24
check_eq "  saying so" "error EINVAL: prefix has host bits set" "$(raw add prefix=10.0.0.1 plen=24)"
kernel_refuses "an IPv4 length over 32" "error EINVAL" add prefix=10.0.0.0 plen=33
kernel_refuses "a length over 128" "error ERANGE" add prefix=10.0.0.0 plen=129
kernel_refuses "a missing prefix" "error EINVAL" add plen=24
kernel_refuses "an unknown flag" "error EINVAL" add prefix=10.3.0.0 plen=16 flags=0x80
kernel_refuses "an unknown attribute" "error EINVAL" add prefix=10.3.0.0 plen=16 attr:60=00000000
kernel_refuses "an attribute the command does not take" "error EINVAL" add prefix=10.3.0.0 plen=16 top:2=01000000
kernel_refuses "another object's nest" "error EINVAL" add prefix=10.3.0.0 plen=16 top:4=
kernel_refuses "a flat (protocol 1) attribute" "error EINVAL" add prefix=10.3.0.0 plen=16 top:12=00
kernel_refuses "a MAC of the wrong length" "error ERANGE" add prefix=10.3.0.0 plen=16 mac=0200000000
kernel_refuses "a multicast MAC" "error EINVAL" add prefix=10.3.0.0 plen=16 mac=01005e000001
kernel_refuses "an all-zero MAC" "error EINVAL" add prefix=10.3.0.0 plen=16 mac=000000000000
kernel_refuses "exclude with a MAC" "error EINVAL" add prefix=10.3.0.0 plen=16 flags=2 mac=020000000001
kernel_refuses "an interface that does not exist" "error ENODEV" add prefix=10.3.0.0 plen=16 ifindex=9999
kernel_refuses "an unknown proxy mode" "error ERANGE" iface-set ifindex="$e0" mode=2
kernel_refuses "an unknown command" "error EOPNOTSUPP" 99
kernel_refuses "a non-zero reserved byte in the generic netlink header" "error EINVAL" \
	add prefix=10.3.0.0 plen=16 reserved=1
kernel_refuses "a request of protocol 1" "error EPROTO" add prefix=10.3.0.0 plen=16 version=1
check_eq "  saying which versions" \
	"error EPROTO: arpproxyctl speaks protocol 1, this module speaks 2: install the matching arpproxyctl" \
	"$(raw add prefix=10.3.0.0 plen=16 version=1)"
# Dumps check for themselves (ARPPROXY_CMD_BINDING_GET is 5).
check_eq "nlraw dumps: a plain binding dump is taken" ok "$(raw 5 dump=1)"
kernel_refuses "a dump request with an attribute it does not take" "error EINVAL" 5 dump=1 top:2=01000000
kernel_refuses "a dump request of protocol 1" "error EPROTO" 5 dump=1 version=1
ip -n gw link set e0 up
ip -n gw link set e1 up
n gw "$ARPSEND" -i e1 -t 10.0.0.9 -S 10.0.0.1 -s 02:00:00:00:00:01 -w 50 >/dev/null
frames=$(counter gw frames)
kernel_refuses "an attribute given to a command that takes none" "error EINVAL" \
	stats-reset ifindex="$e0"
check_eq "  and the counters were not reset" "1 $frames" \
	"$([ "$frames" -gt 0 ] && echo 1) $(counter gw frames)"
check_eq "  and nothing changed" "$table" "$(ctl binding show)"

# Batch: all lines parsed before any is sent; the first failure stops it.
printf 'binding add 10.5.0.1\n# comment\n\nbinding add 10.5.0.2 mac zz\nbinding add 10.5.0.3\n' >/tmp/bad.batch
err=$(ctl -b /tmp/bad.batch 2>&1)
rc=$?
check_eq "a batch with a bad line: file:line: reason" \
	'/tmp/bad.batch:4: invalid MAC "zz": expected six colon-separated hex pairs rc 1' "$err rc $rc"
check_eq "  and nothing of it was applied" "$table" "$(ctl binding show)"
printf 'binding add 10.5.0.1\nbinding add 10.0.0.5\nbinding add 10.5.0.3\n' >/tmp/dup.batch
err=$(ctl -b /tmp/dup.batch 2>&1)
rc=$?
check_eq "a batch stops at the first line the kernel refuses, naming it" \
	"/tmp/dup.batch:2: arpproxy: binding exists rc 1" "$(echo "$err" | head -n 1) rc $rc"
check "  the lines before it were applied" ctl binding del 10.5.0.1
ctl binding del 10.5.0.3 2>/dev/null
printf 'binding add 10.5.0.1\nbinding add 10.0.0.5\nbinding del 10.9.9.9\nbinding add 10.5.0.3\n' >/tmp/force.batch
err=$(ctl -f -b /tmp/force.batch 2>&1)
rc=$?
check_eq "-f reports every failing line and goes on" \
	"/tmp/force.batch:2: arpproxy: binding exists /tmp/force.batch:3: arpproxy: no such binding rc 1" \
	"$(echo "$err" | tr '\n' ' ')rc $rc"
check "  applying the others" ctl binding del 10.5.0.3
ctl binding del 10.5.0.1
check_eq "-b - reads standard input" "10.5.0.9/32 mac auto hits 0" \
	"$(printf 'binding add 10.5.0.9\nbinding show 10.5.0.9/32\n' | ctl -b -)"
ctl binding del 10.5.0.9

# Reads are open to everyone, changes need CAP_NET_ADMIN over the netns.
nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
check_eq "an unprivileged user can read bindings" "$table" "$(n gw $nobody "$CTL" binding show)"
check "  and stats" n gw $nobody "$CTL" stats show
err=$(n gw $nobody "$CTL" binding add 10.7.0.1 2>&1)
check_eq "an unprivileged user cannot add" \
	"arpproxyctl: permission denied (need CAP_NET_ADMIN)" "$err"
err=$(n gw unshare -Ur "$CTL" binding flush 2>&1)
check_eq "nor root of a user namespace that does not own the netns" \
	"arpproxyctl: permission denied (need CAP_NET_ADMIN)" "$err"
check_eq "  the table is intact" "$table" "$(ctl binding show)"
check "root of a user namespace that owns its netns may change it" \
	unshare -Urn sh -c "ip link add e0 type veth peer name e1 && $CTL binding add 10.8.0.0/16 dev e0 && $CTL binding show | grep -q 10.8.0.0/16"
