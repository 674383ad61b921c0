#!/bin/sh
# The systemd unit, driven the way systemd drives it: its Exec lines, read
# from systemd/arpproxy.service, run with the paths of this tree. Start
# loads the module and the configuration file; reload swaps a changed file
# in; a broken file changes nothing; stop keeps the configuration unless
# /etc/default/arpproxy asks for a flush.
. "$(dirname "$0")/../lib.sh"

UNIT=$TOP/systemd/arpproxy.service
CONF=/tmp/arpproxy.conf
DEFAULTS=/tmp/arpproxy.default

reference_setup
# systemd <verb>: run the unit's Exec lines for start, reload or stop, in
# the gateway's netns, with the environment file loaded. Exits non-zero as
# soon as a line fails, as systemd does.
systemd() {
	case $1 in
	start) keys="ExecStartPre ExecStart" ;;
	reload) keys="ExecReload" ;;
	stop) keys="ExecStop" ;;
	esac
	for key in $keys; do
		sed -n "s/^$key=//p" "$UNIT" | sed \
			-e "s|/sbin/modprobe arpproxy|grep -q '^arpproxy ' /proc/modules \|\| insmod $MODULE|" \
			-e "s|/usr/sbin/arpproxyctl|$CTL|g" \
			-e "s|/etc/arpproxy/arpproxy.conf|$CONF|g" >/tmp/exec.sh
		while read -r line; do
			n gw sh -c "[ ! -f $DEFAULTS ] || . $DEFAULTS; export ARPPROXY_FLUSH_ON_STOP; $line" ||
				return 1
		done </tmp/exec.sh
	done
}
saved() {
	n gw "$CTL" save | grep -v '^#'
}

module_unload
cat >"$CONF" <<EOF
# The reference gateway.
binding add 172.16.20.0/24 dev e0
iface set e0 inspect log
EOF
check "start: the unit loads the module and the file" systemd start
check_eq "  the configuration is the file's" \
	"binding add 172.16.20.0/24 dev e0
iface set e0 proxy off inspect log" "$(saved)"
check_eq "  and answers from it" "$MAC_E0" \
	"$(arp_ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A")"

cat >"$CONF" <<EOF
binding add 172.16.20.0/24 dev e0 mac 02:00:00:00:20:00
EOF
check "reload: a changed file" systemd reload
check_eq "  replaces the configuration whole" \
	"binding add 172.16.20.0/24 dev e0 mac 02:00:00:00:20:00" "$(saved)"

before=$(saved)
echo "binding add 172.16.300.0/24" >>"$CONF"
check_fail "reload of a broken file fails" systemd reload
check_eq "  and changes nothing" "$before" "$(saved)"
sed -i '$d' "$CONF"

check "stop" systemd stop
check_eq "  keeps the configuration" "$before" "$(saved)"
echo "ARPPROXY_FLUSH_ON_STOP=yes" >"$DEFAULTS"
check "stop, with ARPPROXY_FLUSH_ON_STOP=yes in /etc/default/arpproxy" systemd stop
check_eq "  empties it" "" "$(saved)"
rm -f "$DEFAULTS"
check "start again after stop" systemd start
check_eq "  the file's configuration is back" "$before" "$(saved)"
module_unload
