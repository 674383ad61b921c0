#!/bin/sh
# Events: "arpproxyctl monitor" sees every change and every inspection
# failure as it happens, any user may watch, and a flood of bad ARP is
# rate limited and counted rather than passed on to the monitor.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup
attacker_setup

monitor_start /tmp/events.json
ctl binding add 172.16.20.0/24 dev e0
ctl binding replace 172.16.20.0/24 dev e0 mac 02:00:00:00:20:00 onlink
ctl binding del 172.16.20.0/24 dev e0
ctl binding add 172.16.30.0/24 dev e0
ctl binding flush dev e0
ctl iface set e0 inspect enforce
ctl binding add 172.16.10.200 dev e0 mac "$MAC_B" static
garp_as_b hx "$MAC_X"
busywait 2000 grep -q '"event":"spoof"' /tmp/events.json
monitor_stop

check_eq "binding add, replace and del, as they happened" \
	'{"event":"binding add","prefix":"172.16.20.0/24","dev":"e0","mac":null,"flags":[],"garp":null,"refresh":null,"lifetime":null}
{"event":"binding replace","prefix":"172.16.20.0/24","dev":"e0","mac":"02:00:00:00:20:00","flags":["onlink"],"garp":null,"refresh":null,"lifetime":null}
{"event":"binding del","prefix":"172.16.20.0/24","dev":"e0","mac":"02:00:00:00:20:00","flags":["onlink"],"garp":null,"refresh":null,"lifetime":null}' \
	"$(events /tmp/events.json '.prefix == "172.16.20.0/24"')"
check_eq "binding flush dev e0" '{"event":"binding flush","dev":"e0"}' \
	"$(events /tmp/events.json '.event == "binding flush"')"
check_eq "iface set with all the settings" \
	'{"event":"iface set","dev":"e0","proxy":"off","inspect":"enforce","rarp":"off","learn":"off","rate":0,"burst":0,"per_host":0}' \
	"$(events /tmp/events.json '.event == "iface set" and .dev == "e0"')"
check_eq "an inspection failure, with what was claimed and what was expected" \
	"{\"event\":\"spoof\",\"dev\":\"e0\",\"reason\":\"static_mismatch\",\"sender\":\"172.16.10.200\",\"claimed\":\"02:00:00:00:00:66\",\"expected\":\"$MAC_B\"}" \
	"$(events /tmp/events.json '.event == "spoof"')"
check "every event carries a timestamp" \
	sh -c "jq -e 'select(.time | test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[.][0-9]{3}$\") | not)' /tmp/events.json | grep -q . && exit 1 || exit 0"

# Text, by an unprivileged user, and an interface going away.
nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
n_bg gw $nobody "$CTL" monitor >/tmp/events.txt 2>&1
MONITOR=$!
until grep -q 'iface set' /tmp/events.txt 2>/dev/null; do
	ctl iface set e1 proxy off
	sleep 0.1
done
ip -n gw link add e9 type veth peer name e9p
ctl binding add 10.9.0.0/16 dev e9
ip -n gw link del e9
busywait 2000 grep -q 'binding flush' /tmp/events.txt
monitor_stop
check "an unprivileged user may monitor" grep -q 'binding add 10.9.0.0/16 dev e9 mac auto$' /tmp/events.txt
check "text lines start with the time" \
	grep -Eq '^\[[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{3}\] binding add 10\.9\.0\.0/16 dev e9 mac auto$' /tmp/events.txt
check "deleting an interface announces its bindings' flush" grep -Eq '\] binding flush dev (e9|if[0-9]+)$' /tmp/events.txt

# A flood of lies: at most event_rate events a second reach the monitor,
# the rest are counted as dropped.
echo 20 >/sys/module/arpproxy/parameters/event_rate
monitor_start /tmp/flood.json
failed=$(counter gw bad_src_mac)
dropped=$(counter gw events_dropped)
n hx "$ARPSEND" -i eth0 -t 172.16.10.99 -S 172.16.10.50 -s 02:00:00:00:00:66 -E 02:00:00:00:00:67 -n 500 -w 100 >/dev/null
failed=$(($(counter gw bad_src_mac) - failed))
dropped=$(($(counter gw events_dropped) - dropped))
spoofs() {
	events /tmp/flood.json '.event == "spoof"' | wc -l
}
busywait 3000 test "$(spoofs)" -ge $((failed - dropped))
monitor_stop
check "the flood's events are limited" test "$(spoofs)" -le 60
check_eq "and every one not sent is counted" "$failed" $(($(spoofs) + dropped))
echo 1000 >/sys/module/arpproxy/parameters/event_rate
check_eq "without a monitor nothing is counted as dropped" "$(counter gw events_dropped)" \
	"$(n hx "$ARPSEND" -i eth0 -t 172.16.10.99 -S 172.16.10.50 -s 02:00:00:00:00:66 \
		-E 02:00:00:00:00:67 -n 50 -w 100 >/dev/null; counter gw events_dropped)"
