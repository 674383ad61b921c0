#!/bin/sh
# Bindings that end by themselves, and the DHCP server that makes them.
# First the real dnsmasq serving subnet A from the gateway, with arpproxy's
# lease hook: Host L's lease (busybox udhcpc) becomes a static binding with
# the lease's lifetime, which "inspect enforce" holds forged claims to while
# L's own traffic passes, and which L's release removes. Then, while a
# second lease runs out with no one to renew it and its server gone, the
# lifetimes by hand: a binding expires, counted and told, and no longer
# answers; replace sets or clears a lifetime; save and restore keep what
# is left; IPv6 ones leave their solicited-node group; thousands expire
# while requests come; the kernel refuses lifetimes out of range; a netns
# and an interface go with lifetimes pending. Last, the abandoned lease is
# gone by the kernel's own doing, not the server's.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup
attacker_setup
HOOK=$TOP/userspace/lease-hook
MAC_L=00:00:0c:94:36:11
stat() {	# stat COUNTER [dev IFNAME]: a counter of the gateway's
	counter_name=$1
	shift
	n gw "$CTL" -j stats show "$@" | jq -r ".$counter_name"
}
ask() {		# ask TARGET: Host A's request; the MAC that answered, or nothing
	arp_ask ha eth0 "$1" 172.16.10.100 "$MAC_A"
}
# lifetime PREFIX: what "binding show" says is left of PREFIX's lifetime
lifetime() {
	ctl -j binding show "$1" | jq -r '.[0].lifetime'
}
gone() {	# gone PREFIX: PREFIX has no binding any more
	[ "$(ctl -j binding show "$1" | jq length)" = 0 ]
}

# Host L: a DHCP client on subnet A; udhcpc's script sets what it leases.
setup_ns hl
n hl sysctl -qw net.ipv6.conf.all.disable_ipv6=1
plug swa pl hl eth0 "$MAC_L"
cat >/tmp/udhcpc.script <<'EOF'
#!/bin/sh
case $1 in
deconfig) ip addr flush dev "$interface" ;;
bound | renew) ip addr replace "$ip/$mask" dev "$interface" ;;
esac
EOF
chmod +x /tmp/udhcpc.script
udhcpc_start() {
	n_bg hl busybox udhcpc -f -R -i eth0 -s /tmp/udhcpc.script -t 20 -T 1 \
		>>/tmp/udhcpc.log 2>&1
	UDHCPC=$!
	busywait 20000 sh -c "ip -n hl -4 -o addr show dev eth0 | grep -q inet"
}
leased() {	# the address Host L holds
	ip -n hl -4 -o addr show dev eth0 | awk '{ sub("/.*", "", $4); print $4; exit }'
}

monitor_start /tmp/lease-events.json
rm -f /tmp/dnsmasq.leases /tmp/dnsmasq.log
n_bg gw env ARPPROXYCTL="$CTL" dnsmasq --keep-in-foreground --user=root \
	--port=0 --no-resolv --no-hosts --interface=e0 --bind-interfaces \
	--dhcp-range=172.16.10.150,172.16.10.159,255.255.255.0,2m \
	--dhcp-leasefile=/tmp/dnsmasq.leases --dhcp-script="$HOOK" --script-on-renewal \
	--log-facility=/tmp/dnsmasq.log --log-dhcp --pid-file=/tmp/dnsmasq.pid
DNSMASQ=$!

udhcpc_start
L=$(leased)
check "Host L leases an address from dnsmasq on the gateway" test -n "$L"
busywait 5000 test "$(ctl -j binding show "$L/32" | jq length)" = 1
check_eq "  the lease is a static binding on e0 with L's MAC" \
	"$L/32 dev e0 mac $MAC_L static" \
	"$(ctl binding show "$L/32" | sed 's/ lifetime.*//')"
left=$(lifetime "$L/32")
check "  whose lifetime is what is left of the 2-minute lease ($left s)" \
	test "$left" -gt 100 -a "$left" -le 120
check "  told as a binding added with its lifetime" \
	test -n "$(events /tmp/lease-events.json ".event == \"binding replace\" and .prefix == \"$L/32\" and .lifetime > 100")"

claim_l() {	# Host X claims L's address in a gratuitous ARP
	n hx "$ARPSEND" -i eth0 -t "$L" -S "$L" -s "$MAC_X" -w 100 >/dev/null
}
n gw ping -c1 -W2 "$L" >/dev/null
claim_l
check_eq "without inspection, X's forged claim for L's address poisons the gateway" \
	"$MAC_X" "$(neigh_mac gw "$L")"
ctl iface set e0 inspect enforce
n gw ip neigh replace "$L" lladdr "$MAC_L" dev e0 nud stale
check "with inspect enforce, the same claim is counted as a static mismatch" \
	counted gw static_mismatch claim_l
check_eq "  and dropped: the gateway keeps L's MAC" "$MAC_L" "$(neigh_mac gw "$L")"
check "  while L's own traffic passes" n hl ping -c1 -W2 172.16.10.99

kill "$UDHCPC"
wait "$UDHCPC"
check "L's release removes the binding" busywait 5000 gone "$L/32"
check "  told as a binding deleted" \
	test -n "$(events /tmp/lease-events.json ".event == \"binding del\" and .prefix == \"$L/32\"")"
ctl iface set e0 inspect off

# A second lease, left to run out: its client dies without releasing it,
# and its server goes too, so only the kernel can end the binding.
udhcpc_start
L2=$(leased)
busywait 5000 test "$(ctl -j binding show "$L2/32" | jq length)" = 1
kill -9 "$UDHCPC"
kill "$DNSMASQ"
wait "$DNSMASQ"
check "a second lease, abandoned with its server gone, is still bound" \
	test "$(lifetime "$L2/32")" -gt 60
expired_before=$(stat binding_expired)

ctl binding add 172.16.20.200 dev e0 lifetime 2
check_eq "a binding with a lifetime answers" "$MAC_E0" "$(ask 172.16.20.200)"
check "  and shows what is left of it" test "$(lifetime 172.16.20.200/32)" -le 2
check "  until it runs out" busywait 6000 gone 172.16.20.200/32
check_eq "  then it answers no more" "" "$(ask 172.16.20.200)"
check_eq "  counted in the netns and on its interface" "$((expired_before + 1)) 1" \
	"$(stat binding_expired) $(stat binding_expired dev e0)"
check_eq "  and told as expired, as it was" \
	'{"event":"binding expire","prefix":"172.16.20.200/32","dev":"e0","mac":null,"flags":[],"garp":null,"refresh":null,"lifetime":null}' \
	"$(events /tmp/lease-events.json '.event == "binding expire" and .prefix == "172.16.20.200/32"')"

ctl binding add 172.16.20.200 dev e0 lifetime 2
ctl binding replace 172.16.20.200 dev e0 lifetime 600
sleep 3
check "replace gives a binding a new lifetime" test "$(lifetime 172.16.20.200/32)" -gt 590
ctl binding replace 172.16.20.200 dev e0
check_eq "  and without one makes it permanent" null "$(lifetime 172.16.20.200/32)"
ctl binding add 172.16.20.100 dev e0 lifetime 2
ctl binding replace 172.16.20.100 dev e0 garp 1
sleep 3
check_eq "  a garp binding replaced without one stays" "$MAC_E0" "$(ask 172.16.20.100)"

ctl binding replace 172.16.20.200 dev e0 lifetime 600
ctl save >/tmp/lease.conf
check "save writes what is left of a lifetime" \
	grep -Eq '^binding add 172.16.20.200/32 dev e0 lifetime (59[0-9]|600)$' /tmp/lease.conf
sed '/^binding add 172.16.20.200\//s/lifetime [0-9]*$/lifetime 2/' /tmp/lease.conf >/tmp/lease-short.conf
ctl restore /tmp/lease-short.conf
check "restore starts it again: the restored binding runs out" \
	busywait 6000 gone 172.16.20.200/32
check_eq "  and the permanent ones stay" "$MAC_E0" "$(ask 172.16.20.100)"

n gw sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.e0.disable_ipv6=0
ctl binding add 2001:db8:20::200 dev e0 lifetime 2
check "an IPv6 binding with a lifetime joins its solicited-node group" \
	sh -c "ip -n gw maddr show dev e0 | grep -q ff02::1:ff00:200"
check "  runs out" busywait 6000 gone 2001:db8:20::200/128
check "  and leaves the group" sh -c "! ip -n gw maddr show dev e0 | grep -q ff02::1:ff00:200"

refused "lifetime 0" 'arpproxyctl: invalid lifetime "0": expected 1..2147483647' \
	"binding show 172.16.20.50" binding add 172.16.20.50 dev e0 lifetime 0
raw() {
	n gw "$TOP/build/tools/nlraw" "$@"
}
check_eq "the kernel refuses a lifetime of 0" "error ERANGE" \
	"$(raw add prefix=172.16.20.50 plen=32 attr:11=00000000 | cut -d: -f1)"
check_eq "  and one over lifetime-max" "error ERANGE" \
	"$(raw add prefix=172.16.20.50 plen=32 attr:11=00000080 | cut -d: -f1)"
check "  adding nothing" gone 172.16.20.50/32

# Thousands that run out at once on e1, while Host C asks for some of
# them (e1's counter, as the abandoned lease on e0 may run out meanwhile).
many=2000
[ -n "$SANITIZER" ] && many=500
expired_before=$(stat binding_expired dev e1)
i=0
while [ $i -lt $many ]; do
	echo "binding add 10.77.$((i / 250)).$((i % 250 + 1)) dev e1 lifetime 2"
	i=$((i + 1))
done >/tmp/lease-many.batch
ctl -b /tmp/lease-many.batch
check_eq "$many bindings with a lifetime are added" "$many" \
	"$(ctl -j binding show dev e1 | jq length)"
check_eq "  and answer" "$MAC_E1" "$(arp_ask hc eth0 10.77.0.1 172.16.20.100 "$MAC_C")"
for i in 2 3 4 5 6 7 8 9 10; do
	arp_ask hc eth0 10.77.0.$i 172.16.20.100 "$MAC_C" >/dev/null
done
check "  they run out together" busywait 20000 \
	test "$(ctl -j binding show dev e1 | jq length)" = 0
check_eq "  each counted once" $((expired_before + many)) "$(stat binding_expired dev e1)"

# Going away with lifetimes pending: the netns, and an interface.
setup_ns gwx
ip -n gwx link add d0 type dummy
ip -n gwx link set d0 up
n gwx "$CTL" binding add 10.9.0.0/24 dev d0 lifetime 1
n gwx "$CTL" binding add 10.9.1.0/24 lifetime 3600
ip netns del gwx
ctl binding add 172.16.20.60 dev e1 lifetime 1
ctl binding add 172.16.20.61 dev e1 lifetime 3600
ip -n gw link del e1
check "an interface and a netns deleted with lifetimes pending" busywait 3000 no_warning
sleep 2
check "  and nothing runs out after them" no_warning

check "the abandoned lease runs out by itself" busywait 130000 gone "$L2/32"
monitor_stop
check "  told as expired" \
	test -n "$(events /tmp/lease-events.json ".event == \"binding expire\" and .prefix == \"$L2/32\"")"
check "no kernel warnings" no_warning
