#!/bin/sh
# IPv6 Neighbor Discovery proxying, on the reference topology in IPv6:
# Host A (2001:db8:10::100/32, IPv4's /16) believes all of 2001:db8::/32
# is on its wire; the gateway has e0 2001:db8:10::99/64 and e1 2001:db8:20::99/64, C
# and D are 2001:db8:20::100 and ::200 behind e1. One binding makes A's
# kernel, and ndisc6, resolve C and D to e0's MAC with the router flag.
# Then every guard, Duplicate Address Detection, the solicitations RFC 4861
# says to drop, a flood of them, rate limits, inspection of forged
# advertisements, the module's refusals, and unsolicited advertisements
# for failover, down to a netns deleted in the middle of them.
. "$(dirname "$0")/../lib.sh"

NSSEND=$TOP/build/tools/nssend
A6=2001:db8:10::100
B6=2001:db8:10::200
C6=2001:db8:20::100
D6=2001:db8:20::200

module_load
reference_topology net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n ha addr add $A6/32 dev eth0 nodad
ip -n hb addr add $B6/64 dev eth0 nodad
ip -n hb route add default via 2001:db8:10::99
ip -n gw addr add 2001:db8:10::99/64 dev e0 nodad
ip -n gw addr add 2001:db8:20::99/64 dev e1 nodad
n gw sysctl -qw net.ipv6.conf.all.forwarding=1
for h in hc:$C6 hd:$D6; do
	ip -n "${h%%:*}" addr add "${h#*:}/64" dev eth0 nodad
	ip -n "${h%%:*}" route add default via 2001:db8:20::99
done

ask() {	# ask TARGET [nssend options]: "MAC flags" of the advertisement A gets
	n ha "$NSSEND" -i eth0 -t "$1" -S $A6 -s "$MAC_A" -l "$@" |
		awk '$1 == "na" { $1 = $2 = ""; sub(/ to .*/, ""); sub(/^ +/, ""); print; exit }'
}
neigh6() {	# neigh6 NS IP: "MAC [router]" of IP in NS's neighbour table
	n "$1" ip -6 -j neigh show to "$2" | jq -r '.[0] | select(.) |
		"\(.lladdr)\(if has("router") then " router" else "" end)"'
}
stats() { ctl -j stats show; }

ctl binding add 2001:db8:20::/64 dev e0

check "A pings D through the gateway" n ha ping -6 -c 1 -W 5 $D6
check "D pings A back" n hd ping -6 -c 1 -W 5 $A6
check_eq "A's neighbour table has D at e0's MAC, as a router" \
	"$MAC_E0 router" "$(neigh6 ha $D6)"
n ha ping -6 -c 1 -W 5 $C6 >/dev/null
check_eq "  and C" "$MAC_E0 router" "$(neigh6 ha $C6)"
n ha ping -6 -c 1 -W 5 $B6 >/dev/null
check_eq "  and B, on A's own link, at B's own MAC" "$MAC_B" "$(neigh6 ha $B6)"
# ndisc6 (1.0.5, Debian 12) takes only an advertisement whose source is
# its target, as a host's own answer is; a proxy's comes from the proxy,
# as RFC 4861 7.2.4 says and as the kernel's proxy_ndp sends it, which
# ndisc6 ignores just the same. So ndisc6 confirms the kernel's answer for
# the gateway's own address, and ignores both proxies alike.
check_eq "ndisc6 gets the gateway's own address from the kernel" "$MAC_E0" \
	"$(n ha ndisc6 -1 -q -n -r 1 2001:db8:10::99 eth0 | tr A-Z a-z)"
n gw sysctl -qw net.ipv6.conf.e0.proxy_ndp=1 net.ipv6.neigh.e0.proxy_delay=0
ip -n gw -6 neigh add proxy 2001:db8:20::123 dev e0
check_eq "  and ignores the kernel's proxy_ndp answer as it ignores arpproxy's" \
	"" "$(n ha ndisc6 -1 -q -n -r 1 2001:db8:20::123 eth0; n ha ndisc6 -1 -q -n -r 1 $D6 eth0)"
ip -n gw -6 neigh del proxy 2001:db8:20::123 dev e0
n gw sysctl -qw net.ipv6.conf.e0.proxy_ndp=0
check_eq "the advertisement: solicited, router (e0 forwards), no override" \
	"$MAC_E0 router solicited" "$(ask $D6)"
check_eq "  to the solicitor's unicast address" \
	"to $A6" "$(n ha "$NSSEND" -i eth0 -t $D6 -S $A6 -s "$MAC_A" -l |
		awk '$1 == "na" { print $(NF-1), $NF; exit }')"
check_eq "the solicitor is in the gateway's neighbour table" "$MAC_A" "$(neigh6 gw $A6)"
n gw sysctl -qw net.ipv6.conf.e0.forwarding=0
check_eq "without forwarding on e0, no router flag" "$MAC_E0 solicited" "$(ask $D6)"
n gw sysctl -qw net.ipv6.conf.e0.forwarding=1
ctl binding replace 2001:db8:20::/64 dev e0 mac 02:00:00:00:20:00
check_eq "a binding's MAC is the target link-layer address" \
	"02:00:00:00:20:00 router solicited" "$(ask $D6)"
ctl binding replace 2001:db8:20::/64 dev e0
check "  counted as nd_replies" counted gw nd_replies ask $D6

# Guards, as for IPv4.
ctl binding add 2001:db8::/32 dev e0
check_eq "a target on e0's own prefix is answered only by itself" \
	"$MAC_B solicited override" "$(ask $B6)"
check "  counted as nd_not_offsubnet" counted gw nd_not_offsubnet ask $B6
ctl binding replace 2001:db8::/32 dev e0 onlink
check_eq "  with onlink it is" "$MAC_E0 router solicited" "$(ask 2001:db8:10::5)"
check_eq "e0's own address is left to the kernel, which answers with override" \
	"$MAC_E0 router solicited override" "$(ask 2001:db8:10::99)"
check "  counted as nd_local_target" counted gw nd_local_target ask 2001:db8:10::99
check_eq "e1's is not answered on e0 at all (the kernel's strict host model)" "" \
	"$(ask 2001:db8:20::99)"
check_eq "a link-local target is never answered, whatever covers it" "" \
	"$(ctl binding add ::/0 dev e0 onlink; ask fe80::1234)"
check "  counted as nd_not_offsubnet" counted gw nd_not_offsubnet ask fe80::1234
ctl binding del ::/0 dev e0
ctl binding del 2001:db8::/32 dev e0
ctl binding add 2001:db8:20::5 exclude
check_eq "an exclude binding carves an address out" "" "$(ask 2001:db8:20::5)"
check "  counted as nd_excluded" counted gw nd_excluded ask 2001:db8:20::5
check_eq "  its neighbours are still answered" "$MAC_E0 router solicited" \
	"$(ask 2001:db8:20::6)"
check_eq "nothing covers 2001:db8:99::1: no answer" "" "$(ask 2001:db8:99::1)"
check "  counted as nd_no_binding" counted gw nd_no_binding ask 2001:db8:99::1
ctl binding add 2001:db8:30::/64 dev e1
check_eq "a binding of another interface does not answer on e0" "" \
	"$(ask 2001:db8:30::1)"
ip -n gw route add 2001:db8:40::/64 via 2001:db8:10::200 dev e0
ctl binding add 2001:db8:40::/64 dev e0
check_eq "a target routed back out of e0 is not answered" "" "$(ask 2001:db8:40::1)"
check "  counted as nd_routes_back" counted gw nd_routes_back ask 2001:db8:40::1
ctl binding del 2001:db8:40::/64 dev e0

# Duplicate Address Detection: a probe comes from :: to the target's
# solicited-node group. A host binding's address is one host's, defended;
# a prefix's addresses are for hosts to claim.
dad() {	# dad TARGET: what answers a DAD probe on A's link
	n ha "$NSSEND" -i eth0 -t "$1" -s "$MAC_A" | awk '$1 == "na" { print; exit }'
}
check_eq "a DAD probe for an address of a prefix binding is not answered" "" \
	"$(dad 2001:db8:20::77)"
check "  counted as nd_dad_ignored" counted gw nd_dad_ignored dad 2001:db8:20::77
ctl binding add 2001:db8:20::77/128 dev e0
check_eq "one for a host binding's address is defended, to all nodes, not solicited" \
	"na 2001:db8:20::77 $MAC_E0 router to ff02::1" "$(dad 2001:db8:20::77)"
# The gateway's own multicast comes back to it in the groups it is in, the
# one the module joined for ::77 among them. Its own solicitation (ndisc6
# on the gateway) is not a neighbour's question: not answered, not counted.
check_eq "the gateway's own solicitation for ::77, looped back, is not the hook's" "0 0" \
	"$(s=$(counter gw nd_solicits) r=$(counter gw nd_replies)
	   n gw ndisc6 -1 -q -n -r 1 -w 300 2001:db8:20::77 e0 >/dev/null
	   echo $(($(counter gw nd_solicits) - s)) $(($(counter gw nd_replies) - r)))"

# RFC 4861 7.1.1: what a node must drop, the module must not answer.
invalid() {	# invalid NSSEND_OPTION...: not answered and counted as nd_invalid
	before=$(counter gw nd_invalid)
	[ -z "$(ask $D6 "$@")" ] && [ "$(counter gw nd_invalid)" -eq $((before + 1)) ]
}
check "a hop limit other than 255 is invalid" invalid -h 64
check "a code other than 0 is invalid" invalid -c 1
check "a bad checksum is invalid" invalid -b
check "a source link-layer option of the wrong length is invalid" invalid -L
check "a DAD probe with a source link-layer option is invalid" \
	counted gw nd_invalid n ha "$NSSEND" -i eth0 -t $D6 -s "$MAC_A" -l -w 100
check "a DAD probe to a unicast address is invalid" \
	counted gw nd_invalid n ha "$NSSEND" -i eth0 -t $D6 -D 2001:db8:10::99 -s "$MAC_A" -w 100

# A flood of junk, six forgeries in turn: every frame that reaches the
# hook is counted as invalid, none is answered, and the module lives.
junk=$([ -n "$SANITIZER" ] && echo 6000 || echo 60000)
before=$(stats)
check_eq "$junk malformed solicitations get no answer" "sent $junk answered 0" \
	"$(n ha "$NSSEND" -i eth0 -t $D6 -S $A6 -s "$MAC_A" -n "$junk" -w 500 | tail -n 1)"
after=$(stats)
delta() { echo $(( $(echo "$after" | jq ".$1") - $(echo "$before" | jq ".$1") )); }
check "  some reached the hook" test "$(delta nd_solicits)" -gt 0
check_eq "  every one that did is counted as invalid, none replied to" \
	"$(delta nd_solicits) 0" "$(delta nd_invalid) $(delta nd_replies)"
check_eq "  and the next good one is answered" "$MAC_E0 router solicited" "$(ask $D6)"

# The interface's rate limits hold for solicitations as for ARP requests.
ctl iface set e0 rate 5 burst 5
n gw timeout 10 "$CTL" monitor >/tmp/ndp-monitor.log 2>&1 &
sleep 1
before=$(stats)
answered=$(n ha "$NSSEND" -i eth0 -t $D6 -S $A6 -s "$MAC_A" -l -r 40 -w 500 | tail -n 1)
after=$(stats)
check "under rate 5 burst 5, 40 solicitations at once are not all answered" \
	test "${answered#sent 40 answered }" -lt 40
check_eq "  every one answered or counted as nd_rate_limited" 40 \
	$(($(delta nd_replies) + $(delta nd_rate_limited)))
check "  and monitor hears the limit's onset, from A's address" \
	busywait 10000 grep -q "rate-limit dev e0 from $A6 mac $MAC_A limit rate 5" /tmp/ndp-monitor.log
ctl iface set e0 rate 0

# Solicitors, each from an address of its own: the module learns each one
# it answers into the gateway's neighbour table, as the kernel learns its
# own solicitors, and the kernel keeps that table within gc_thresh3. Full
# of entries under 5 s old, which its forced GC spares, the table has no
# room for A until they age: as after a flood of solicitations for the
# gateway's own address, without the module. (An interface rate limit
# bounds what a flood can put there.)
flood=$([ -n "$SANITIZER" ] && echo 3000 || echo 30000)
thresh3=$(sysctl -n net.ipv6.neigh.default.gc_thresh3)	# the table's, in every netns
before=$(stats)
n ha "$NSSEND" -i eth0 -t $D6 -S 2001:db8:10:0:1:: -s "$MAC_A" -l -r "$flood" -R -w 500 >/dev/null
after=$(stats)
check "$flood solicitors from as many addresses: they are answered" \
	test "$(delta nd_replies)" -gt 0
check_eq "  none failed, was held back or refused" "0 0 0 0" \
	"$(delta nd_tx_error) $(delta nd_rate_limited) $(delta nd_invalid) $(delta nd_dad_ignored)"
check "  the gateway's neighbour table stayed within gc_thresh3 ($thresh3)" \
	test "$(ip -n gw -6 neigh show | wc -l)" -le "$thresh3"
check "  A reaches D through the gateway again once they have aged" \
	busywait 20000 n ha ping -6 -c 1 -W 1 $D6

# Access control: one list of rules for both families. A rule's prefix
# matches requesters of its own family, by the solicitation's source (a
# link-local one too); a rule without one, a MAC rule, matches both. A
# denied solicitation is the kernel's, as a denied request is.
ask_from() {	# ask_from SOURCE TARGET: "MAC flags" of the advertisement A gets
	n ha "$NSSEND" -i eth0 -t "$2" -S "$1" -s "$MAC_A" -l |
		awk '$1 == "na" { $1 = $2 = ""; sub(/ to .*/, ""); sub(/^ +/, ""); print; exit }'
}
ip -n gw addr add 172.16.10.99/24 dev e0
ip -n gw addr add 172.16.20.99/24 dev e1
ctl binding add 172.16.20.0/24 dev e0
arp_a() { arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A"; }
check_eq "without rules, A is answered for D in both families" "$MAC_E0 router solicited $MAC_E0" \
	"$(ask $D6) $(arp_a)"
ctl acl add dev e0 deny from 2001:db8:10::/64
check_eq "a rule for 2001:db8:10::/64 denies A's solicitation" "" "$(ask $D6)"
check "  counted as nd_acl_denied" counted gw nd_acl_denied ask $D6
check_eq "  not A's solicitation from its link-local address" "$MAC_E0 router solicited" \
	"$(ask_from fe80::a $D6)"
check_eq "  nor A's ARP request" "$MAC_E0" "$(arp_a)"
check_eq "acl show gives the rule and its hits" \
	"dev e0 pref 10 deny from 2001:db8:10::/64 hits 2" "$(ctl acl show)"
check_eq "  and -j its prefix" "2001:db8:10::/64" "$(ctl -j acl show | jq -r '.[0].from')"
check_eq "save writes it as acl add takes it" "acl add dev e0 pref 10 deny from 2001:db8:10::/64" \
	"$(ctl save | grep '^acl ')"
ctl save >/tmp/ndp-acl.conf
ctl acl flush
check "  and restore brings it back" ctl restore /tmp/ndp-acl.conf
check_eq "  denying again" "" "$(ask $D6)"
check "acl del names it by its IPv6 prefix" ctl acl del dev e0 deny from 2001:db8:10::/64
check_eq "  and A is answered again" "$MAC_E0 router solicited" "$(ask $D6)"
ctl acl add dev e0 deny from 0.0.0.0/0
check_eq "an IPv4 rule for every address denies A's ARP, not its solicitation" \
	" $MAC_E0 router solicited" "$(arp_a) $(ask $D6)"
ctl acl flush dev e0
ctl acl add dev e0 deny from ::/0
check_eq "an IPv6 rule for every address denies the solicitation, not the ARP" \
	"$MAC_E0 " "$(arp_a) $(ask $D6)"
ctl acl flush dev e0
ctl acl add dev e0 deny from fe80::/10
check_eq "a rule for fe80::/10 denies solicitors asking from link-local addresses" \
	" $MAC_E0 router solicited" "$(ask_from fe80::a $D6) $(ask $D6)"
ctl acl flush dev e0
ctl acl add dev e0 deny mac "$MAC_A"
check_eq "a MAC rule denies both" " " "$(arp_a) $(ask $D6)"
check_eq "  and a DAD probe from A's MAC, for a defended address" "" "$(dad 2001:db8:20::77)"
ctl acl flush dev e0
ctl acl add dev e0 deny from ::/0
check_eq "a DAD probe has no address: no prefix rule holds it" \
	"na 2001:db8:20::77 $MAC_E0 router to ff02::1" "$(dad 2001:db8:20::77)"
ctl acl flush dev e0
e0=$(n gw cat /sys/class/net/e0/ifindex)
check_eq "the module refuses an ACL prefix with host bits set" \
	"error EINVAL: prefix has host bits set" \
	"$(n gw "$TOP/build/tools/nlraw" acl-add ifindex="$e0" mode=1 \
		attr:9=20010db8001000000000000000000001 plen=64)"
check_eq "  and a rule with two prefixes" "error EINVAL: a rule has one prefix, IPv4 or IPv6" \
	"$(n gw "$TOP/build/tools/nlraw" acl-add ifindex="$e0" mode=1 prefix=10.0.0.0 \
		attr:9=20010db8001000000000000000000000 plen=8)"
check_eq "  and an IPv4 prefix longer than 32" "error EINVAL: IPv4 prefix length above 32" \
	"$(n gw "$TOP/build/tools/nlraw" acl-add ifindex="$e0" mode=1 prefix=10.0.0.0 plen=64)"
check_eq "  and none of them made a rule" "" "$(ctl acl show)"
ctl binding del 172.16.20.0/24 dev e0
ip -n gw addr del 172.16.10.99/24 dev e0
ip -n gw addr del 172.16.20.99/24 dev e1

# ND inspection: Host X on D's link forges an advertisement that D's
# address is at X's MAC. It poisons the gateway with inspection off; with
# D's static binding and inspect enforce on e1 it is dropped first.
setup_ns hx
n hx sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
plug swb px hx eth0 "$MAC_X"
forge() {	# forge [MAC]: X says D's address is at MAC (its own by default)
	n hx "$NSSEND" -i eth0 -t $D6 -s "$MAC_X" -T "${1:-$MAC_X}" -a -w 100 >/dev/null
}
gw_knows_d() {	# the gateway's entry for D is made, and at D's MAC
	ip -n gw -6 neigh replace $D6 lladdr "$MAC_D" dev e1 nud stale
}
gw_knows_d
forge
check_eq "inspect off: a forged advertisement poisons the gateway's entry for D" \
	"$MAC_X" "$(neigh6 gw $D6)"
gw_knows_d
ctl binding add $D6/128 dev e1 mac "$MAC_D" static
ctl iface set e1 inspect enforce
n gw timeout 10 "$CTL" monitor >/tmp/ndp-spoof.log 2>&1 &
sleep 1
check "inspect enforce: the forgery is counted as nd_static_mismatch" \
	counted gw nd_static_mismatch forge
check "  and dropped" counted gw nd_spoof_dropped forge
check_eq "  the gateway still has D at D's MAC" "$MAC_D" "$(neigh6 gw $D6)"
check "  monitor names the claim and the truth" busywait 10000 grep -q \
	"spoof e1 nd_static_mismatch $D6 claimed $MAC_X expected $MAC_D" /tmp/ndp-spoof.log
check_eq "D's own advertisement passes" 0 \
	"$(before=$(counter gw nd_spoof_dropped)
	   n hd "$NSSEND" -i eth0 -t $D6 -s "$MAC_D" -a -w 100 >/dev/null
	   echo $(($(counter gw nd_spoof_dropped) - before)))"
check "a malformed advertisement (multicast target MAC) is dropped as nd_bad_advert" \
	counted gw nd_bad_advert forge 01:00:5e:00:00:01
check_eq "  and poisons nothing" "$MAC_D" "$(neigh6 gw $D6)"
ctl iface set e1 inspect log
check "inspect log: the forgery is let through, counted as nd_spoof_logged" \
	counted gw nd_spoof_logged forge
# The same lie in a solicitation: X asks for the gateway's e1 address from
# D's, giving its own MAC as the source's. The kernel learns from it too.
forge_ns() { n hx "$NSSEND" -i eth0 -t 2001:db8:20::99 -S $D6 -s "$MAC_X" -l -w 100 >/dev/null; }
ctl iface set e1 inspect off
gw_knows_d
forge_ns
check_eq "inspect off: a forged solicitation poisons the gateway's entry for D" \
	"$MAC_X" "$(neigh6 gw $D6)"
gw_knows_d
ctl iface set e1 inspect enforce
check "inspect enforce: it is dropped, counted as nd_solicits_dropped" \
	counted gw nd_solicits_dropped forge_ns
check "  and as nd_static_mismatch" counted gw nd_static_mismatch forge_ns
check_eq "  the gateway still has D at D's MAC" "$MAC_D" "$(neigh6 gw $D6)"
check_eq "D's own solicitation is answered by the kernel" "$MAC_E1 router solicited override" \
	"$(n hd "$NSSEND" -i eth0 -t 2001:db8:20::99 -S $D6 -s "$MAC_D" -l |
		awk '$1 == "na" { $1 = $2 = ""; sub(/ to .*/, ""); sub(/^ +/, ""); print; exit }')"
ctl iface set e1 inspect off
ctl binding del $D6/128 dev e1
s=$(stats)
check_eq "every failed advertisement counted once as a check and once as an outcome" \
	"$(echo "$s" | jq '.nd_bad_advert + .nd_static_mismatch')" \
	"$(echo "$s" | jq '.nd_spoof_logged + .nd_spoof_dropped')"

# The station cache learns IPv6 too: a solicitation's source at its source
# link-layer address, an advertisement's target at its target's, link-local
# ones included. Under inspect pin, X's claims against D's live stations
# are dropped before the gateway's table learns them (nd_pin_mismatch),
# a claim for an address that is not here is dropped and not learnt
# (nd_pin_off_subnet), and a flood of solicitors from X's MAC neither
# crowds D out nor takes more than X's share.
mac6() {	# mac6 ADDRESS: the MAC of the gateway's station for it
	ctl -j cache show "$1" | jq -r '.[0].mac // empty'
}
d_asks() {	# d_asks SRC: D solicits the gateway's e1 address from SRC
	n hd "$NSSEND" -i eth0 -t 2001:db8:20::99 -S "$1" -s "$MAC_D" -l -w 100 >/dev/null
}
monitor_start /tmp/ndp-stations.json
ctl iface set e1 learn on
d_asks $D6
check_eq "learn on: D's solicitation makes D an IPv6 station, at D's MAC" "$MAC_D" "$(mac6 $D6)"
n hc "$NSSEND" -i eth0 -t $C6 -s "$MAC_C" -a -w 100 >/dev/null
check_eq "  C's advertisement makes C one" "$MAC_C" "$(mac6 $C6)"
d_asks fe80::200
check_eq "  and a link-local source is learnt too" "$MAC_D" "$(mac6 fe80::200)"
check_eq "cache show takes an IPv6 prefix: the stations in it, as addresses sort" \
	"$C6 $D6" "$(ctl -j cache show 2001:db8:20::/64 dev e1 | jq -r '[.[].ip] | join(" ")')"
busywait 5000 grep -q '"fe80::200"' /tmp/ndp-stations.json
monitor_stop
# (The hosts' own Neighbor Discovery may teach it more meanwhile.)
check_eq "station events name them" \
	"{\"event\":\"station new\",\"dev\":\"e1\",\"ip\":\"$D6\",\"mac\":\"$MAC_D\"}
{\"event\":\"station new\",\"dev\":\"e1\",\"ip\":\"$C6\",\"mac\":\"$MAC_C\"}
{\"event\":\"station new\",\"dev\":\"e1\",\"ip\":\"fe80::200\",\"mac\":\"$MAC_D\"}" \
	"$(events /tmp/ndp-stations.json ".event == \"station new\" and
		(.ip == \"$D6\" or .ip == \"$C6\" or .ip == \"fe80::200\")")"
ctl iface set e1 inspect pin
gw_knows_d
check "inspect pin: X's advertisement for D is a pin mismatch" counted gw nd_pin_mismatch forge
check "  and dropped" counted gw nd_spoof_dropped forge
check_eq "  the gateway still has D at D's MAC" "$MAC_D" "$(neigh6 gw $D6)"
check_eq "  D's station keeps it" "$MAC_D" "$(mac6 $D6)"
check "X's solicitation from D's address is one too" counted gw nd_pin_mismatch forge_ns
check_eq "  the gateway still has D at D's MAC" "$MAC_D" "$(neigh6 gw $D6)"
check "so is X's advertisement for D's link-local address" counted gw nd_pin_mismatch \
	n hx "$NSSEND" -i eth0 -t fe80::200 -s "$MAC_X" -a -w 100
check_eq "D's own solicitation passes" 0 \
	"$(before=$(counter gw nd_spoof_dropped); d_asks $D6
	   echo $(($(counter gw nd_spoof_dropped) - before)))"
check "an address not on e1's prefixes nor bound is nd_pin_off_subnet" \
	counted gw nd_pin_off_subnet n hx "$NSSEND" -i eth0 -t 2001:db8:99::1 -s "$MAC_X" -a -w 100
check_eq "  and not learnt" "" "$(mac6 2001:db8:99::1)"
n hx "$NSSEND" -i eth0 -t 2001:db8:20::66 -s "$MAC_X" -a -w 100 >/dev/null
check_eq "a new address on e1's prefix is X's to pin" "$MAC_X" "$(mac6 2001:db8:20::66)"
# 2001:db8:20::1 on (C's and D's addresses among them) ask for an address
# nobody has, from X's MAC; 1000 of them on a sanitizer kernel.
FLOOD6=5000
[ -z "$SANITIZER" ] || FLOOD6=1000
refused=$(counter gw stations_refused)
n hx "$NSSEND" -i eth0 -t 2001:db8:20::7777 -S 2001:db8:20:: -s "$MAC_X" -l -r $FLOOD6 -R \
	-w 100 >/dev/null
check "a flood of $FLOOD6 solicitors from X's MAC: those past its share are refused" \
	test $(($(counter gw stations_refused) - refused)) -gt $((FLOOD6 / 2))
check "  X holds no more than about its share" \
	test "$(ctl -j cache show | jq "[.[] | select(.mac == \"$MAC_X\")] | length")" -le 70
check_eq "  D and C are still stations, at their own MACs" "$MAC_C $MAC_D" \
	"$(mac6 $C6) $(mac6 $D6)"
check "  and X's claim for D is still a pin mismatch" counted gw nd_pin_mismatch forge
ctl iface set e1 inspect off learn off
ctl cache flush
s=$(stats)
check_eq "every failed message counted once as a check and once as an outcome" \
	"$(echo "$s" | jq '.nd_bad_advert + .nd_static_mismatch + .nd_pin_mismatch + .nd_pin_off_subnet')" \
	"$(echo "$s" | jq '.nd_spoof_logged + .nd_spoof_dropped')"

# What the module refuses, in its own words.
RAW=$TOP/build/tools/nlraw
raw() { n gw "$RAW" "$@"; }
p6() { echo "attr:10=$1"; }
check_eq "an IPv6 prefix with host bits set is refused" \
	"error EINVAL: prefix has host bits set" \
	"$(raw add "$(p6 20010db8002000000000000000000001)" plen=64)"
check_eq "a link-local prefix is refused" "error EINVAL: link-local or multicast prefix" \
	"$(raw add "$(p6 fe800000000000000000000000000000)" plen=64)"
check_eq "prefix4 and prefix6 together are refused" \
	"error EINVAL: prefix4 or prefix6, not both" \
	"$(raw add "$(p6 20010db8002000000000000000000000)" prefix=10.0.0.0 plen=24)"
check_eq "an IPv4 prefix longer than 32 is refused" \
	"error EINVAL: IPv4 prefix length above 32" "$(raw add prefix=10.0.0.0 plen=33)"
check_eq "an IPv6 binding with garp is refused beyond 65536 addresses" \
	"error E2BIG: more than 65536 addresses to announce" \
	"$(raw add "$(p6 20010db8002000000000000000000000)" plen=111 ifindex=1 attr:7=03)"
# A station dump's filter (ARPPROXY_STATION_A_ADDR6 is 10): one family,
# no host bits, and link-local prefixes taken, since stations have them.
check_eq "a station filter with an IPv4 and an IPv6 prefix is refused" \
	"error EINVAL: addr4 or addr6, not both" \
	"$(raw station-get dump=1 prefix=10.0.0.0 attr:10=20010db8002000000000000000000000 plen=8)"
check_eq "  one with host bits set" "error EINVAL: prefix has host bits set" \
	"$(raw station-get dump=1 attr:10=20010db8002000000000000000000001 plen=64)"
check_eq "  one without its length" "error EINVAL: a prefix needs its length" \
	"$(raw station-get dump=1 attr:10=20010db8002000000000000000000000)"
check_eq "  and a link-local one is taken" ok \
	"$(raw station-get dump=1 attr:10=fe800000000000000000000000000000 plen=10)"

# Announcements: garp, refresh and announce send unsolicited Neighbor
# Advertisements to all-nodes with Override set, which make a neighbour
# take the new address over the one it has (RFC 4861 7.2.6): failover.
# What the responder would not say, they do not say either.
na_of() {	# na_of TARGET FILE: the advertisements for TARGET in a capture, untimed
	awk -v t="$1" '$2 == "na" && $12 == t { $1 = ""; sub(/^ /, ""); print }' "$2"
}
ctl binding flush
ctl binding add 2001:db8:20::/64 dev e0
n ha ping -6 -c 1 -W 5 $D6 >/dev/null
check_eq "A has D at e0's MAC" "$MAC_E0 router" "$(neigh6 ha $D6)"
LL_E0=fe80::200:cff:fe94:36ab		# e0's link-local address, from its MAC
before=$(stats)
capture hb eth0 3500 /tmp/na.cap -6
ctl binding add $D6 dev e0 mac 02:00:00:00:20:02 garp 2
wait
after=$(stats)
check_eq "a garp 2 binding for D: two advertisements on A's link, 1 s apart" \
	"2" "$(na_of $D6 /tmp/na.cap | wc -l)"
check_eq "  from e0 to all-nodes, D at the binding's MAC, router and override" \
	"na eth $MAC_E0 > 33:33:00:00:00:01 ip $LL_E0 > ff02::1 target $D6 tll 02:00:00:00:20:02 flags RO" \
	"$(na_of $D6 /tmp/na.cap | head -n 1)"
check_eq "  counted as nd_garp_sent, not as garp_sent" "2 0" \
	"$(delta nd_garp_sent) $(delta garp_sent)"
check_eq "  and A now has D at that MAC" "02:00:00:00:20:02 router" "$(neigh6 ha $D6)"

ctl binding add 2001:db8:20::/120 dev e0 mac 02:00:00:00:20:00
ctl binding add 2001:db8:20::5 exclude
ip -n gw addr add 2001:db8:20::7/128 dev e0 nodad
check_eq "announce: a prefix with more than 65536 bound addresses is refused" \
	"arpproxyctl: arpproxy: more than 65536 addresses to announce" \
	"$(ctl announce 2001:db8:20::/64 dev e0 2>&1)"
ctl binding del 2001:db8:20::/64 dev e0
before=$(stats)
capture hb eth0 3000 /tmp/na.cap -6
check "announce 2001:db8:20::/64: what bindings answer for in it" \
	ctl announce 2001:db8:20::/64 dev e0 count 1
wait
after=$(stats)
# Skipped, as the responder leaves them: the excluded address, e0's own,
# and e1's subnet-router anycast address 2001:db8:20:: (e1 forwards).
check_eq "  the /120 and D: 257 addresses, 254 sent, 3 skipped" \
	"254 3" "$(delta nd_garp_sent) $(delta nd_garp_skipped)"
check_eq "  each address with its binding's MAC" \
	"02:00:00:00:20:00 02:00:00:00:20:02" \
	"$(na_of 2001:db8:20::6 /tmp/na.cap | awk '{ print $13 }') $(na_of $D6 /tmp/na.cap |
		awk '{ print $13 }')"
check_eq "  and nothing for the excluded address or e0's own" "" \
	"$(na_of 2001:db8:20::5 /tmp/na.cap; na_of 2001:db8:20::7 /tmp/na.cap)"
check_eq "  an IPv6 announcement cannot be ARP replies" \
	"arpproxyctl: IPv6 announces with advertisements, not ARP replies (announce reply)" \
	"$(ctl announce $D6 dev e0 reply 2>&1)"
ip -n gw addr del 2001:db8:20::7/128 dev e0

refused "garp for e0's own address" \
	"arpproxyctl: arpproxy: announcement of one of this host's own addresses" "binding show" \
	binding add 2001:db8:10::99 dev e0 garp
refused "garp for a /112 of e0's own prefix" \
	"arpproxyctl: arpproxy: announcements of the interface's own subnet (onlink if meant)" \
	"binding show" binding add 2001:db8:10::/112 dev e0 garp
check "  which onlink allows" ctl binding add 2001:db8:10::/112 dev e0 onlink garp 1
ctl binding del 2001:db8:10::/112 dev e0

ctl binding replace $D6 dev e0 mac 02:00:00:00:20:02 refresh 1
check "refresh 1: D is announced again every second" \
	counted_by 2 gw nd_garp_sent sleep 2.5
ctl binding replace $D6 dev e0 mac 02:00:00:00:20:02 garp 2 refresh 100
sleep 2.5
capture hb eth0 4000 /tmp/na.cap -6
ip -n swa link set pg down
busywait 5000 sh -c "ip -n gw link show e0 | grep -q NO-CARRIER"
ip -n swa link set pg up
wait
check_eq "after a carrier flap of e0, the garp rounds go again" 2 \
	"$(na_of $D6 /tmp/na.cap | wc -l)"
# A VRRP backup (track, as ha.sh has it for IPv4) stays silent for IPv6
# too, and its takeover announces as carrier coming back does.
ctl iface set e0 track 2001:db8:10::1
check "tracking an address that is not here: D's solicitation is nd_standby" \
	counted gw nd_standby ask $D6
check_eq "  and unanswered" "" "$(ask $D6)"
capture hb eth0 3000 /tmp/na.cap -6
ip -n gw addr add 2001:db8:10::1/64 dev e0 nodad
wait
check_eq "the address coming, D's garp rounds go again" 2 "$(na_of $D6 /tmp/na.cap | wc -l)"
check_eq "  and D is answered" "02:00:00:00:20:02 router solicited" "$(ask $D6)"
ctl iface set e0 track off
ip -n gw addr del 2001:db8:10::1/64 dev e0
ctl save >/tmp/ndp-garp.conf
check "a restore of the garp binding announces it" \
	counted_by 1 gw nd_garp_sent ctl restore /tmp/ndp-garp.conf
ctl binding add 2001:db8:20::/112 dev e0
ctl announce 2001:db8:20::/112 dev e0 count 1
check "a /112 announced at garp_rate: under way" counted_by 1 gw nd_garp_sent sleep 0.5
ctl binding flush
sleep 0.2
before=$(stats)
sleep 2.5
after=$(stats)
check_eq "once the bindings are gone, neither D's refresh nor the /112 says more" \
	0 "$(delta nd_garp_sent)"

# A netns deleted in the middle of an IPv6 announcement and of refreshes:
# the worker's advertisements race the interface's and the netns's
# teardown, and the route lookups they make with it.
for i in 1 2 3; do
	setup_ns nd6gone nd6peer
	ip -n nd6gone link add g0 type veth peer name g1 netns nd6peer
	ip -n nd6gone link set g0 up
	ip -n nd6peer link set g1 up
	ip -n nd6gone addr add 2001:db8:60::1/64 dev g0 nodad
	for j in $(seq 1 20); do
		echo "binding add 2001:db8:62::$j dev g0 garp 3 refresh 1"
	done >/tmp/nd6gone.batch
	echo "binding add 2001:db8:61::/112 dev g0" >>/tmp/nd6gone.batch
	n nd6gone "$CTL" -b /tmp/nd6gone.batch
	n nd6gone "$CTL" announce 2001:db8:61::/112 dev g0 count 3 interval 50
	check "an IPv6 announcement under way in a netns ($i)" \
		counted_by 10 nd6gone nd_garp_sent true
	ip netns del nd6gone
	check "  deleting that netns in the middle of it: it goes (its veth peer with it)" \
		busywait 30000 sh -c "! ip -n nd6peer link show g1 >/dev/null 2>&1"
	ip netns del nd6peer
done
check "  no kernel warning" no_warning

# Both families in one table: shown, saved and restored together.
ctl binding flush
ctl binding add 172.16.20.0/24 dev e0
ctl binding add 2001:db8:20::/64 dev e0 mac 02:00:00:00:20:00
check_eq "binding show lists both families, IPv4 first" \
	"172.16.20.0/24 dev e0 mac auto hits 0|2001:db8:20::/64 dev e0 mac 02:00:00:00:20:00 hits 0" \
	"$(ctl binding show | paste -sd '|')"
check_eq "-6 shows only IPv6" "2001:db8:20::/64" "$(ctl -6 binding show | cut -d' ' -f1)"
check_eq "-4 only IPv4" "172.16.20.0/24" "$(ctl -4 binding show | cut -d' ' -f1)"
ctl save >/tmp/ndp.conf
ctl binding flush
check "restore of a file with both families" ctl restore /tmp/ndp.conf
check_eq "  gives back what was saved" "$(cat /tmp/ndp.conf)" "$(ctl save)"

stats=$(stats)
check_eq "every solicitation has one outcome" "$(echo "$stats" | jq .nd_solicits)" \
	"$(echo "$stats" | jq '.nd_invalid + .nd_replies + .nd_no_binding + .nd_excluded +
		.nd_local_target + .nd_not_offsubnet + .nd_routes_back + .nd_dad_ignored +
		.nd_acl_denied + .nd_tx_error + .nd_rate_limited + .nd_solicits_dropped +
		.nd_standby')"

# Receiving: real NICs filter the solicited-node groups, so an interface
# an IPv6 binding applies to is in allmulti mode, and only then.
allmulti() {	# allmulti DEV: whether the kernel has DEV in allmulti mode
	[ $(($(n gw cat "/sys/class/net/$1/flags") & 0x200)) -ne 0 ] && echo yes || echo no
}
ctl binding flush
check_eq "no IPv6 binding: no interface in allmulti" "no no" "$(allmulti e0) $(allmulti e1)"
ctl binding add 172.16.20.0/24 dev e0
check_eq "  nor with an IPv4 one" no "$(allmulti e0)"
ctl binding add 2001:db8:20::/64 dev e0
check_eq "an IPv6 binding on e0 puts e0 in allmulti, not e1" "yes no" \
	"$(allmulti e0) $(allmulti e1)"
ctl binding add 2001:db8:30::/64
ip -n gw link add e9 type veth peer name e9p
check_eq "an unscoped one puts every interface in it, one made later too" "yes yes yes" \
	"$(allmulti e0) $(allmulti e1) $(allmulti e9)"
ctl binding del 2001:db8:30::/64
check_eq "  and lets go of them when it goes" "yes no no" \
	"$(allmulti e0) $(allmulti e1) $(allmulti e9)"
ip -n gw link set dev e1 allmulticast on
ctl binding add 2001:db8:30::/64 dev e1
ctl binding del 2001:db8:30::/64 dev e1
check_eq "an administrator's own allmulti stays theirs" yes "$(allmulti e1)"
ip -n gw link set dev e1 allmulticast off
ctl save >/tmp/ndp-multi.conf
ctl binding flush
check_eq "binding flush lets go" no "$(allmulti e0)"
ctl restore /tmp/ndp-multi.conf
check_eq "restore takes it again" yes "$(allmulti e0)"
ip -n gw link set e9 netns hx
check_eq "an interface moved to another netns is let go there" no \
	"$([ $(($(n hx cat /sys/class/net/e9/flags) & 0x200)) -ne 0 ] && echo yes || echo no)"
module_unload
check_eq "the module's unload lets go of every interface" no "$(allmulti e0)"
module_load

# A host binding's address needs only its solicited-node group: joined on
# the interface, as the kernel joins its own addresses' (and reported to
# MLD snoopers), with no allmulti. Past 64 joins on an interface, or with
# a prefix binding, allmulti covers the rest.
joins() {	# joins DEV SUFFIX: the users of ff02::1:ffSUFFIX (6 hex digits) on DEV
	n gw awk -v dev="$1" -v g="ff0200000000000000000001ff$2" \
		'$2 == dev && $3 == g { u = $4 } END { print u + 0 }' /proc/net/igmp6
}
ctl binding add $D6/128 dev e0
check_eq "a host binding on e0 joins D's group there, with no allmulti" "1 no 0" \
	"$(joins e0 000200) $(allmulti e0) $(joins e1 000200)"
check_eq "  iface show counts it" "e0 proxy off inspect off nd-groups 1" "$(ctl iface show e0)"
check_eq "  and D is answered" "$MAC_E0 router solicited" "$(ask $D6)"
ctl binding add $D6/128
check_eq "the same address unscoped joins it on every interface, e0 twice" "2 1 no no" \
	"$(joins e0 000200) $(joins e1 000200) $(allmulti e0) $(allmulti e1)"
ctl binding del $D6/128
check_eq "  and leaves once it goes" "1 0" "$(joins e0 000200) $(joins e1 000200)"
ctl binding add 2001:db8:20::5/128 dev e0 exclude
check_eq "an exclude binding answers nothing and joins nothing" "0 no" \
	"$(joins e0 000005) $(allmulti e0)"
ctl binding add 2001:db8:20::6/128 dev e0
ctl binding replace 2001:db8:20::6/128 dev e0 exclude
check_eq "  nor once a joined host binding is replaced by one" "0 1 no" \
	"$(joins e0 000006) $(ctl -j iface show e0 | jq '.[0].nd_groups') $(allmulti e0)"
ctl binding replace 2001:db8:20::6/128 dev e0
check_eq "  which replaced back joins again" "1 2" \
	"$(joins e0 000006) $(ctl -j iface show e0 | jq '.[0].nd_groups')"
ctl binding del 2001:db8:20::6/128 dev e0
ctl binding add 2001:db8:20::/64 dev e0
check_eq "a prefix binding on e0 adds allmulti to the join" "1 yes" \
	"$(joins e0 000200) $(allmulti e0)"
check_eq "  iface show says both" "e0 proxy off inspect off nd-groups 1 allmulti on" \
	"$(ctl iface show e0)"
ctl binding del 2001:db8:20::/64 dev e0
i=1
while [ $i -le 65 ]; do printf 'binding add 2001:db8:30::%x dev e1\n' $i; i=$((i + 1)); done |
	ctl -b -
check_eq "65 host bindings on e1: 64 joined, allmulti for the 65th" \
	"e1 proxy off inspect off nd-groups 64 allmulti on" "$(ctl iface show e1)"
check_eq "  the first and the 64th joined, the 65th not" "1 1 0" \
	"$(joins e1 000001) $(joins e1 000040) $(joins e1 000041)"
ctl binding del 2001:db8:30::41 dev e1
check_eq "  one fewer, and every one is joined: no allmulti" "no" "$(allmulti e1)"
ctl save >/tmp/ndp-groups.conf
ctl binding flush
check_eq "binding flush leaves every group" "0 0 0 no" \
	"$(joins e0 000200) $(joins e1 000001) $(ctl -j iface show e1 | jq '.[0].nd_groups') $(allmulti e1)"
ctl restore /tmp/ndp-groups.conf
check_eq "restore joins them again" "1 1 64 no" \
	"$(joins e0 000200) $(joins e1 000040) $(ctl -j iface show e1 | jq '.[0].nd_groups') $(allmulti e1)"
module_unload
check_eq "the module's unload leaves them" "0 0" "$(joins e0 000200) $(joins e1 000040)"
module_load

# Route mode covers IPv6: without a binding, a target the kernel routes
# out of another interface is answered, one it has no route to is not.
ctl iface set e0 proxy route
check_eq "route mode answers for a target routed out of e1" "$MAC_E0 router solicited" \
	"$(ask $D6)"
check_eq "  not for one with no route" "" "$(ask 2001:db9::1)"
check "  counted as nd_no_binding" counted gw nd_no_binding ask 2001:db9::1
ctl iface set e0 proxy off
check_eq "  and off again, nothing" "" "$(ask $D6)"

# Writers racing the hook: while solicitations for D pour in from many
# solicitors, D's host binding and the prefix over it come and go and
# restores replace the table. Every solicitation still has one outcome
# (checked above, and again here), and the filters end as the table wants.
ctl binding flush
ctl binding add 2001:db8:20::/64 dev e0
ctl binding add $D6/128 dev e0
ctl save >/tmp/ndp-race.conf
rounds=$([ -n "$SANITIZER" ] && echo 10 || echo 30)
(
	i=0
	while [ $i -lt "$rounds" ]; do
		ctl binding del $D6/128 dev e0
		ctl binding del 2001:db8:20::/64 dev e0
		ctl binding add $D6/128
		ctl binding add 2001:db8:20::/64 dev e0
		ctl restore /tmp/ndp-race.conf
		i=$((i + 1))
	done
) >/tmp/ndp-race.log 2>&1 &
writer=$!
before=$(stats)
sent=0
while kill -0 $writer 2>/dev/null; do
	n ha "$NSSEND" -i eth0 -t $D6 -S 2001:db8:10:0:2:: -s "$MAC_A" -l -r 2000 -R -w 0 >/dev/null
	sent=$((sent + 2000))
done
wait $writer
after=$(stats)
check "$sent solicitations raced $rounds rounds of writers: some were answered" \
	test "$(delta nd_replies)" -gt 0
check_eq "  each has one outcome" "$(delta nd_solicits)" \
	"$(($(delta nd_invalid) + $(delta nd_replies) + $(delta nd_no_binding) + $(delta nd_excluded) +
	    $(delta nd_local_target) + $(delta nd_not_offsubnet) + $(delta nd_routes_back) +
	    $(delta nd_dad_ignored) + $(delta nd_acl_denied) + $(delta nd_tx_error) +
	    $(delta nd_rate_limited) + $(delta nd_solicits_dropped) + $(delta nd_standby)))"
check_eq "  the table is what the last restore gave" "$(cat /tmp/ndp-race.conf)" "$(ctl save)"
check_eq "  and e0 holds D's group once, with allmulti for the prefix" "1 yes" \
	"$(joins e0 000200) $(allmulti e0)"
check_eq "  as e1 holds nothing" "0 no" "$(joins e1 000200) $(allmulti e1)"

# VRF: "local" is local in the ingress interface's routing domain, as for
# IPv4. (Last: e0 goes down and up as it changes master.)
if vrf_blue 2001:db8:80::99/64; then
	ctl binding add 2001:db8:80::/64 dev e0
	check_eq "an address local only in VRF blue is answered on e0, which is not in it" \
		"$MAC_E0 router solicited" "$(ask 2001:db8:80::99)"
	ip -n gw link set e0 master vrf-blue
	check "  and left to the kernel, as local, once e0 is in VRF blue" \
		counted gw nd_local_target ask 2001:db8:80::99
else
	skip "VRF: this kernel cannot create a vrf device"
fi
