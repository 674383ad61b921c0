#!/bin/sh
# The cost of one ARP request to the receive path, inside the guest: the
# test-only module tests/perframe pushes prebuilt requests into e0 as its
# driver would, on one CPU and then on two at once, and times them. Every
# case runs in this one boot, side by side, so only the ratios count.
# e0's and e1's peers sit in a namespace of their own with ARP off, which
# drops what comes back before anything looks at it.
# Each measurement is a line "SCENARIO<TAB>METRIC<TAB>VALUE" added to
# $BENCH_OUT; make bench runs it after bench/run.sh.
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
RESULTS=/dev/null
BENCH_OUT=${BENCH_OUT:-/tmp/out/bench.tsv}
PERFRAME=${MODULE%/*}/arpproxy_perframe.ko
FRAMES=${FRAMES:-200000}
SENDER=172.16.10.100
D=172.16.20.200

emit() {
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$BENCH_OUT"
	echo "$1 $2 $3"
}

tx_packets() {
	n gw cat /sys/class/net/e0/statistics/tx_packets
}

# push TARGET CPUS: FRAMES requests for TARGET from Host A on each CPU;
# prints "NS_PER_FRAME ANSWERED_PERCENT"
push() {
	before=$(tx_packets)
	n gw sh -c "echo e0 $1 $SENDER $MAC_A $FRAMES $2 >/proc/net/arpproxy_perframe" || return 1
	r=$(n gw cat /proc/net/arpproxy_perframe)
	total=$(echo "$r" | sed -n 's/.*frames=\([0-9]*\).*/\1/p')
	echo "$(echo "$r" | sed -n 's/.*ns_per_frame=\([0-9]*\).*/\1/p')" \
		$((($(tx_packets) - before) * 100 / total))
}

# case NAME TARGET: one CPU, then two; ns per frame, and what share of the
# requests got a reply out of e0
case_() {
	set -- "$1" "$2" $(push "$2" 1)
	emit "$1" ns_per_frame "$3"
	emit "$1" answered_percent "$4"
	set -- "$1" "$2" $(push "$2" 2)
	emit "$1" ns_per_frame_2cpu "$3"
}

setup_ns gw sink
n gw sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv4.ip_forward=1
for i in 0 1; do
	ip -n gw link add e$i type veth peer name p$i netns sink
	ip -n sink link set p$i arp off up
	ip -n gw link set e$i up
done
ip -n gw link set e0 address "$MAC_E0"
ip -n gw addr add 172.16.10.99/24 dev e0
ip -n gw addr add 172.16.20.99/24 dev e1
# The reply's neighbour, as it would be after a first exchange.
ip -n gw neigh replace $SENDER lladdr "$MAC_A" dev e0 nud permanent
insmod "$PERFRAME"

module_load
emit unbound frames_per_cpu "$FRAMES"
case_ unbound 172.16.20.250
for count in 10 10000 1000000; do
	awk -v n="$count" -v d=$D 'BEGIN { print "binding add " d " dev e0"
		for (i = 1; i < n; i++) printf "binding add 10.%d.%d.%d dev e0\n",
			i / 65536, i / 256 % 256, i % 256 }' >/tmp/bindings.batch
	ctl -b /tmp/bindings.batch
	case_ "arpproxy_$count" $D
	[ $count = 1000000 ] || ctl binding flush
done
ctl binding flush
ctl binding add $D dev e0
case_ arpproxy $D
ctl iface set e0 inspect enforce
case_ arpproxy_inspect $D
ctl iface set e0 inspect off learn on
case_ arpproxy_learn $D
ctl iface set e0 learn off
i=1
while [ $i -lt 100 ]; do
	echo "acl add dev e0 deny from 10.99.$i.0/24"
	i=$((i + 1))
done >/tmp/acl.batch
echo "acl add dev e0 allow" >>/tmp/acl.batch
ctl -b /tmp/acl.batch
case_ arpproxy_acl100 $D
ctl acl flush
ctl iface set e0 rate 1000000 burst 1000000 per-host 1000000
case_ arpproxy_ratelimit $D
ctl iface set e0 inspect enforce learn on
ctl -b /tmp/acl.batch
case_ arpproxy_all $D
ctl acl flush
module_unload

case_ own_address 172.16.10.99
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=1 net.ipv4.neigh.e0.proxy_delay=0
case_ proxy_arp_delay0 $D
n gw sysctl -qw net.ipv4.conf.e0.proxy_arp=0
for count in 10 100000; do
	awk -v n="$count" -v d=$D 'BEGIN { print "neigh add proxy " d " dev e0"
		for (i = 1; i < n; i++) printf "neigh add proxy 10.%d.%d.%d dev e0\n",
			i / 65536, i / 256 % 256, i % 256 }' >/tmp/pneigh.batch
	n gw ip -batch /tmp/pneigh.batch
	case_ "pneigh_$count" $D
	n gw ip neigh flush proxy
done
rmmod arpproxy_perframe
