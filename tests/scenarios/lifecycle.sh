#!/bin/sh
# Bindings live and die with their namespace and interface: isolation
# between namespaces, interface deletion and ifindex reuse, namespace
# deletion and module unload with bindings present, and a table of 100,000
# bindings loaded in one batch and dumped back whole.
. "$(dirname "$0")/../lib.sh"

module_load

# Two gateways, identical but for their namespace; only gw1 has a binding.
setup_ns gw1 gw2 h1 h2
for i in 1 2; do
	ip -n "gw$i" link add e0 type veth peer name eth0 netns "h$i"
	ip -n "gw$i" addr add 10.0.0.1/24 dev e0
	ip -n "h$i" addr add 10.0.0.2/24 dev eth0
	ip -n "gw$i" link set e0 up
	ip -n "h$i" link set eth0 address 02:00:00:00:00:0$i up
done
n gw1 "$CTL" binding add 10.1.0.0/16 dev e0
n gw1 "$CTL" binding add 10.2.0.0/16
check_eq "a binding answers in its own netns" \
	"$(n gw1 cat /sys/class/net/e0/address)" \
	"$(arp_ask h1 eth0 10.1.0.1 10.0.0.2 02:00:00:00:00:01)"
check_eq "never in another" "" "$(arp_ask h2 eth0 10.1.0.1 10.0.0.2 02:00:00:00:00:02)"
check_eq "the other netns sees no binding" "" "$(n gw2 "$CTL" binding show)"
check_eq "nor counts the first one's replies" 0 "$(counter gw2 replies)"

# Deleting the interface drops its bindings, not the unscoped ones.
ifindex=$(n gw1 cat /sys/class/net/e0/ifindex)
ip -n gw1 link del e0
check_eq "deleting e0 dropped its binding, kept the unscoped one" \
	"10.2.0.0/16 mac auto hits 0" "$(n gw1 "$CTL" binding show)"
ip -n gw1 link add e0 index "$ifindex" type veth peer name eth0 netns h1
check_eq "a new interface reusing e0's ifindex inherits nothing" \
	"10.2.0.0/16 mac auto hits 0" "$(n gw1 "$CTL" binding show)"
n gw1 "$CTL" iface set e0 proxy route
ip -n gw1 link del e0
ip -n gw1 link add e0 index "$ifindex" type veth peer name eth0 netns h1
check_eq "nor its interface settings" "e0 proxy off inspect off" "$(n gw1 "$CTL" iface show e0)"

# A batch of 100,000 bindings (20,000 on a sanitizer kernel), one netlink
# socket, dumped back complete.
BIG=100000
[ -z "$SANITIZER" ] || BIG=20000
awk -v n="$BIG" 'BEGIN { for (i = 0; i < n; i++)
	printf "binding add 10.%d.%d.%d\n", 100 + int(i / 65536), int(i / 256) % 256, i % 256 }' \
	>/tmp/100k.batch
check "$BIG bindings load with one batch" n gw2 "$CTL" -b /tmp/100k.batch
check_eq "and dump back complete, in order" \
	"$(awk '{ print $3 "/32 mac auto hits 0" }' /tmp/100k.batch)" \
	"$(n gw2 "$CTL" binding show)"
check_eq "JSON dump has all of them" "$BIG" "$(n gw2 "$CTL" -j binding show | jq length)"
check_eq "they answer" "$(n gw2 cat /sys/class/net/e0/address)" \
	"$(arp_ask h2 eth0 "$(tail -n 1 /tmp/100k.batch | cut -d' ' -f3)" 10.0.0.2 02:00:00:00:00:02)"
# (KASAN's redzones make every object bigger.)
[ -n "$SANITIZER" ] || check_eq "a binding takes at most 128 bytes of slab" yes \
	"$([ "$(cat /sys/kernel/slab/arpproxy_binding/slab_size)" -le 128 ] && echo yes)"
check "flush empties the table" n gw2 "$CTL" binding flush
check_eq "  binding show is empty" "" "$(n gw2 "$CTL" binding show)"

# Dumps while another process keeps changing the table: each one is
# either whole (every binding that stayed is there, once, in order) or
# refused as interrupted; never silently partial.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "binding add 10.50.%d.%d\n", i / 256, i % 256 }' \
	>/tmp/20k.batch
n gw1 "$CTL" binding flush
n gw1 "$CTL" -b /tmp/20k.batch
(
	while [ ! -e /tmp/stop-writer ]; do
		n gw1 "$CTL" binding add 10.60.0.1
		n gw1 "$CTL" binding del 10.60.0.1
	done
) &
writer=$!
dumps_ok=0
for i in 1 2 3 4 5 6; do
	if out=$(n gw1 "$CTL" binding show 2>/tmp/dump.err); then
		[ "$(echo "$out" | grep -c '^10\.50\.')" -eq 20000 ] &&
			[ "$(echo "$out" | grep -vc -e '^10\.50\.' -e '^10\.60\.0\.1/32 ')" -eq 0 ] &&
			[ "$(echo "$out" | sort -t. -k1,1n -k2,2n -k3,3n -k4,4n | uniq)" = "$out" ] &&
			dumps_ok=$((dumps_ok + 1))
	else
		grep -qx 'arpproxyctl: dump interrupted by concurrent changes, try again' /tmp/dump.err &&
			dumps_ok=$((dumps_ok + 1))
	fi
done
touch /tmp/stop-writer
wait $writer
check_eq "6 dumps under concurrent changes: each whole or refused" 6 "$dumps_ok"

# The per-netns limit turns away more, and changes nothing.
n gw2 "$CTL" -b /tmp/100k.batch
echo $((BIG - 1)) >/sys/module/arpproxy/parameters/max_bindings
check_fail "adding past max_bindings fails" n gw2 "$CTL" binding add 10.200.0.1
check_eq "  and leaves the table as it was" "$BIG" \
	"$(n gw2 "$CTL" -j binding show | jq length)"
echo 1048576 >/sys/module/arpproxy/parameters/max_bindings

# Namespaces and the module go away with bindings still present; the
# module's slab cache would warn (and panic the guest) on a leaked one.
check "deleting a netns holding $BIG bindings" ip netns del gw2
NAMESPACES="gw1 h1 h2"
# Unloading flushes each interface's bindings, and says so while listeners
# can still hear it: the netlink family goes only after the last event.
n gw1 "$CTL" binding add 10.3.0.0/16 dev e0
n_bg gw1 "$CTL" -j monitor >/tmp/unload.events
mon=$!
until grep -q 10.4.0.1 /tmp/unload.events; do
	n gw1 "$CTL" binding add 10.4.0.1 && n gw1 "$CTL" binding del 10.4.0.1
	sleep 0.1
done
check "unloading the module with bindings present" module_unload
busywait 3000 grep -q '"event":"binding flush","dev":"e0"' /tmp/unload.events
kill "$mon"
wait "$mon" 2>/dev/null
check_eq "  a listener hears e0's bindings flushed" '{"event":"binding flush","dev":"e0"}' \
	"$(events /tmp/unload.events '.event == "binding flush"')"
check "reloading it" module_load
check_eq "a fresh module has no bindings" "" "$(n gw1 "$CTL" binding show)"
