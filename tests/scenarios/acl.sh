#!/bin/sh
# Access control on the reference gateway: e0's rules decide which
# requesters it answers for subnet B. Host A (172.16.10.100) and Host B
# (172.16.10.200) both ask for Host D; rules by address, by MAC and by
# pref change who gets an answer, a denied request is left to the kernel,
# and bad input changes nothing.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup

a_asks_d() {
	arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A"
}
b_asks_d() {	# b_asks_d [SENDER_MAC]
	arp_ask hb eth0 172.16.20.200 172.16.10.200 "${1:-$MAC_B}"
}
rules() {	# rules: the ACL as JSON, compact
	ctl -j acl show | jq -c .
}
hits() {	# hits PREF: the hits of e0's rule with that pref
	ctl -j acl show dev e0 | jq ".[] | select(.pref == $1) | .hits"
}

ctl binding add 172.16.20.0/24 dev e0
check_eq "no rules: acl show prints nothing" "" "$(ctl acl show)"
check_eq "no rules: Host A is answered for D" "$MAC_E0" "$(a_asks_d)"
check_eq "  and so is Host B" "$MAC_E0" "$(b_asks_d)"

check "acl add dev e0 deny from 172.16.10.100" ctl acl add dev e0 deny from 172.16.10.100
check_eq "acl show prints it in acl add's words, at pref 10" \
	"dev e0 pref 10 deny from 172.16.10.100/32 hits 0" "$(ctl acl show)"
check_eq "Host A is no longer answered for D" "" "$(a_asks_d)"
check "  and its request counts as acl_denied" counted gw acl_denied a_asks_d
check_eq "  and as a hit of the rule" 2 "$(hits 10)"
check_eq "Host B still is" "$MAC_E0" "$(b_asks_d)"
check_eq "  without a hit" 2 "$(hits 10)"
no_binding=$(counter gw no_binding)
denied=$(counter gw acl_denied)
check_eq "the kernel still answers Host A for the gateway's own address" "$MAC_E0" \
	"$(arp_ask ha eth0 172.16.10.99 172.16.10.100 "$MAC_A")"
check_eq "  a request the module would not answer never meets the rules" \
	"$((no_binding + 1)) $denied 2" \
	"$(counter gw no_binding) $(counter gw acl_denied) $(hits 10)"
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=1 net.ipv4.neigh.e0.proxy_delay=0
check_eq "a denied request is left to the kernel: its own proxy_arp answers it" \
	"$MAC_E0" "$(a_asks_d)"
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=0

# The first match by pref decides, whatever the order of adding.
check "acl add dev e0 allow from 172.16.10.100 pref 5" \
	ctl acl add dev e0 allow from 172.16.10.100 pref 5
check_eq "an allow at pref 5 before the deny at pref 10: Host A is answered again" \
	"$MAC_E0" "$(a_asks_d)"
check_eq "  counted on the allow rule only" "1 3" "$(hits 5) $(hits 10)"
check "acl add dev e0 deny, without a match or a pref" ctl acl add dev e0 deny
check_eq "  goes 10 after the last rule and matches everyone else" \
	"dev e0 pref 5 allow from 172.16.10.100/32 hits 1
dev e0 pref 10 deny from 172.16.10.100/32 hits 3
dev e0 pref 20 deny hits 0" "$(ctl acl show)"
check_eq "  Host B is denied now" "" "$(b_asks_d)"
check_eq "  Host A is still allowed by pref 5" "$MAC_E0" "$(a_asks_d)"
check "acl del dev e0 pref 5" ctl acl del dev e0 pref 5
check_eq "  without it Host A is denied again, by pref 10" "" "$(a_asks_d)"
check_eq "  pref 10 counted it" 4 "$(hits 10)"

# By MAC: the same address from another MAC is someone else.
ctl acl flush
check_eq "acl flush: nothing left" "" "$(ctl acl show)"
check_eq "  and Host A is answered" "$MAC_E0" "$(a_asks_d)"
check "acl add dev e0 deny mac $MAC_B" ctl acl add dev e0 deny mac "$MAC_B"
check_eq "Host B is denied by its MAC" "" "$(b_asks_d)"
check_eq "Host B's address from another MAC is answered" "$MAC_E0" \
	"$(b_asks_d 02:00:00:00:00:77)"
check_eq "Host A is answered" "$MAC_E0" "$(a_asks_d)"
check "acl add dev e0 deny from 172.16.10.0/24 mac $MAC_A pref 30" \
	ctl acl add dev e0 deny from 172.16.10.0/24 mac "$MAC_A" pref 30
check_eq "  a rule needs both its address and its MAC: A's MAC from B's address is denied" \
	"" "$(b_asks_d "$MAC_A")"
check_eq "  A's MAC from outside the prefix is answered" "$MAC_E0" \
	"$(arp_ask ha eth0 172.16.20.200 172.16.11.1 "$MAC_A")"

# Deleting by what a rule does and matches: exactly that rule.
err=$(ctl acl del dev e0 deny 2>&1)
check_eq "acl del of a deny without a match: the rules with one are not it" \
	"arpproxyctl: arpproxy: no such rule" "$err"
err=$(ctl acl del dev e0 allow mac "$MAC_B" 2>&1)
check_eq "  nor is an allow" "arpproxyctl: arpproxy: no such rule" "$err"
check "acl del dev e0 deny mac $MAC_B" ctl acl del dev e0 deny mac "$MAC_B"
check_eq "  Host B is answered again" "$MAC_E0" "$(b_asks_d)"
check "acl del dev e0 deny from 172.16.10.0/24 mac $MAC_A" \
	ctl acl del dev e0 deny from 172.16.10.0/24 mac "$MAC_A"
check_eq "  no rule left" "" "$(ctl acl show)"

# Show, text and JSON, by interface and pref.
ctl acl add dev e1 allow from 172.16.20.100 pref 7
ctl acl add dev e0 deny from 172.16.10.0/24 mac "$MAC_B" pref 10
ctl acl add dev e0 allow from 172.16.10.100 pref 5
e0_rules="dev e0 pref 5 allow from 172.16.10.100/32 hits 0
dev e0 pref 10 deny from 172.16.10.0/24 mac $MAC_B hits 0"
e1_rules="dev e1 pref 7 allow from 172.16.20.100/32 hits 0"
if [ "$(n gw cat /sys/class/net/e0/ifindex)" -lt "$(n gw cat /sys/class/net/e1/ifindex)" ]; then
	table="$e0_rules
$e1_rules"
else
	table="$e1_rules
$e0_rules"
fi
check_eq "acl show: by interface index, then pref" "$table" "$(ctl acl show)"
check_eq "acl show dev e0 -j" \
	"[{\"dev\":\"e0\",\"pref\":5,\"action\":\"allow\",\"from\":\"172.16.10.100/32\",\"hits\":0},{\"dev\":\"e0\",\"pref\":10,\"action\":\"deny\",\"from\":\"172.16.10.0/24\",\"mac\":\"$MAC_B\",\"hits\":0}]" \
	"$(ctl -j acl show dev e0 | jq -c .)"
check_eq "acl show dev e1" "$e1_rules" "$(ctl acl show dev e1)"

bad_input() {	# bad_input DESCRIPTION EXPECTED_ERROR ARGS...: the rules unchanged
	bad_desc=$1 bad_want=$2
	shift 2
	refused "$bad_desc" "$bad_want" "acl show" "$@"
}
bad_input "no dev" 'arpproxyctl: missing "dev IFNAME"' acl add deny from 10.0.0.1
bad_input "an interface that does not exist" 'arpproxyctl: cannot find device "nosuch0"' \
	acl add dev nosuch0 deny
bad_input "a non-Ethernet interface" 'arpproxyctl: not an Ethernet interface (acl ifindex)' acl add dev lo deny
bad_input "a pref in use" 'arpproxyctl: arpproxy: a rule with this pref exists' \
	acl add dev e0 deny from 10.0.0.0/8 pref 10
bad_input "pref 0" 'arpproxyctl: invalid pref "0": expected 1..4294967295' acl add dev e0 deny pref 0
bad_input "a prefix with host bits" \
	'arpproxyctl: prefix "172.16.10.1/24" has host bits set (did you mean 172.16.10.0/24?)' \
	acl add dev e0 deny from 172.16.10.1/24
bad_input "not a prefix" 'arpproxyctl: invalid prefix "172.16.10.300": expected A.B.C.D[/LEN] or an IPv6 address[/LEN]' \
	acl add dev e0 deny from 172.16.10.300
bad_input "mac auto" 'arpproxyctl: invalid MAC "auto": expected six colon-separated hex pairs' \
	acl add dev e0 deny mac auto
bad_input "no action" 'arpproxyctl: missing allow or deny' acl add dev e0 from 10.0.0.0/8
bad_input "allow and deny" 'arpproxyctl: "deny" cannot be used with "allow"' acl add dev e0 allow deny
bad_input "del by pref and match" 'arpproxyctl: "deny" cannot be used with "pref"' \
	acl del dev e0 pref 10 deny
bad_input "del of a pref no rule has" 'arpproxyctl: arpproxy: no such rule' acl del dev e0 pref 11
bad_input "del on another interface" 'arpproxyctl: arpproxy: no such rule' acl del dev e1 pref 10

# Batch: checked whole first, then applied in order.
printf 'acl add dev e0 deny from 10.1.0.0/16\nacl add dev e0 deny pref 0\n' >/tmp/acl-bad.batch
err=$(ctl -b /tmp/acl-bad.batch 2>&1)
check_eq "a batch with a bad acl line is refused, naming it" \
	'/tmp/acl-bad.batch:2: invalid pref "0": expected 1..4294967295' "$err"
check_eq "  and nothing of it was applied" "$table" "$(ctl acl show)"
printf 'acl add dev e1 deny pref 8\nacl show dev e1\nacl del dev e1 pref 8\n' >/tmp/acl.batch
check_eq "a batch adds, shows and deletes rules in order" \
	"dev e1 pref 7 allow from 172.16.20.100/32 hits 0
dev e1 pref 8 deny hits 0" "$(ctl -b /tmp/acl.batch)"
check_eq "  and leaves the rules as they were" "$table" "$(ctl acl show)"

# Reads are open to everyone, changes need CAP_NET_ADMIN over the netns.
nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
check_eq "an unprivileged user can read the rules" "$table" "$(n gw $nobody "$CTL" acl show)"
err=$(n gw $nobody "$CTL" acl add dev e0 deny 2>&1)
check_eq "but not add one" "arpproxyctl: permission denied (need CAP_NET_ADMIN)" "$err"
err=$(n gw unshare -Ur "$CTL" acl flush 2>&1)
check_eq "nor may root of a user namespace that does not own the netns flush them" \
	"arpproxyctl: permission denied (need CAP_NET_ADMIN)" "$err"
check_eq "  though it may read them" "$table" "$(n gw unshare -Ur "$CTL" acl show)"
check_eq "  the rules are intact" "$table" "$(ctl acl show)"

# Events, and rules going with their interface.
monitor_start /tmp/acl-events.json
ctl acl add dev e0 deny from 172.16.10.128/25 pref 40
ctl acl del dev e0 deny from 172.16.10.128/25
ip -n gw link add e9 type veth peer name e9p
ctl acl add dev e9 deny pref 3
check_eq "a rule on a new interface" "dev e9 pref 3 deny hits 0" "$(ctl acl show dev e9)"
ip -n gw link del e9
check_eq "deleting the interface deletes its rules, and only those" "$table" "$(ctl acl show)"
ctl acl flush dev e1
busywait 2000 grep -q '"event":"acl flush","dev":"e1"' /tmp/acl-events.json
monitor_stop
check_eq "monitor: acl add and del, in acl add's words" \
	'{"event":"acl add","dev":"e0","pref":40,"action":"deny","from":"172.16.10.128/25"}
{"event":"acl del","dev":"e0","pref":40,"action":"deny","from":"172.16.10.128/25"}' \
	"$(events /tmp/acl-events.json '(.event == "acl add" or .event == "acl del") and .dev == "e0"')"
check "monitor: the interface's rules went with it" \
	grep -Eq '"event":"acl flush","dev":"(e9|if[0-9]+)"' /tmp/acl-events.json
check_eq "monitor: acl flush dev e1" '{"event":"acl flush","dev":"e1"}' \
	"$(events /tmp/acl-events.json '.event == "acl flush" and .dev == "e1"')"
check_eq "acl flush dev e1 left e0's rules" "$e0_rules" "$(ctl acl show)"
ctl acl flush
check_eq "acl flush: none left" "[]" "$(rules)"

stats=$(ctl -j stats show)
check_eq "every request counted once: requests = the sum of the outcomes, acl_denied included" \
	"$(echo "$stats" | jq .requests)" \
	"$(echo "$stats" | jq '.replies + .gratuitous + .probe + .no_binding + .excluded +
		.local_target + .not_offsubnet + .tx_error + .acl_denied + .rate_limited')"
