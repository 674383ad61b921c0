#!/bin/sh
# Counters per interface and Prometheus output on the reference gateway:
# stats show dev counts what arrives on that interface only, the netns
# counts them all, even of interfaces gone, and --format prometheus prints
# the same numbers in a form promtool accepts.
. "$(dirname "$0")/../lib.sh"

module_load
reference_setup
# dev_counter DEV NAME: one counter of the gateway's interface DEV
dev_counter() {
	ctl -j stats show dev "$1" | jq -r ".$2"
}
# sums NAME...: "NAME=NETNS/E0+E1" for each counter
sums() {
	for c in "$@"; do
		printf '%s=%s/%s ' "$c" "$(counter gw "$c")" \
			"$(($(dev_counter e0 "$c") + $(dev_counter e1 "$c")))"
	done
}
# ask NS DEV TARGET SENDER_IP SENDER_MAC: one request, its answer ignored
ask() {
	arp_ask "$@" >/dev/null
}

ctl binding add 172.16.20.0/24 dev e0
ctl binding add 172.16.30.0/24
ctl binding add 172.16.20.5 exclude

# Three requests of A on e0, all answered; nothing arrives on e1.
for _ in 1 2 3; do
	ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A"
done
check_eq "stats show dev e0 counts the requests that arrive on e0" "3 3 3" \
	"$(ctl -j stats show dev e0 | jq -r '"\(.frames) \(.requests) \(.replies)"')"
check_eq "  in text as the netns's counters are" "frames 3
requests 3
replies 3" "$(ctl stats show dev e0 | grep -E '^(frames|requests|replies) ')"
check_eq "  with the same keys in JSON" "$(ctl -j stats show | jq -c keys)" \
	"$(ctl -j stats show dev e0 | jq -c keys)"
check_eq "stats show dev e1: no request" "0 0" \
	"$(ctl -j stats show dev e1 | jq -r '"\(.frames) \(.requests)"')"
check_eq "the netns's counters are e0's and e1's" "frames=3/3 requests=3/3 replies=3/3 " \
	"$(sums frames requests replies)"

# One request of C on e1 that nothing covers
ask hc eth0 172.16.10.100 172.16.20.100 "$MAC_C"
check_eq "a request on e1 counts on e1 only" "1 1 0 3" \
	"$(dev_counter e1 requests) $(dev_counter e1 no_binding) $(dev_counter e0 no_binding) $(dev_counter e0 requests)"
check_eq "the netns's counters are still e0's and e1's" \
	"frames=4/4 requests=4/4 replies=3/3 no_binding=1/1 " \
	"$(sums frames requests replies no_binding)"

err=$(ctl stats show dev lo 2>&1 >/dev/null)
check_eq "stats show dev lo: one line, no counters there" \
	"1 arpproxyctl: no counters for this interface (ifindex)" \
	"$? $err"
err=$(ctl stats show dev nosuch0 2>&1 >/dev/null)
check_eq "stats show dev of no interface" '1 arpproxyctl: cannot find device "nosuch0"' \
	"$? $err"

# PROM_FILE holds the last Prometheus output.
PROM_FILE=/tmp/metrics.prom
# shellcheck disable=SC2120 # check passes it --bindings
prom() {
	ctl stats show --format prometheus "$@" >"$PROM_FILE"
}
# sample NAME [LABELS]: the value of one sample of $PROM_FILE
sample() {
	[ -z "${2:-}" ] || set -- "$1{$2}"
	awk -v s="$1" '$1 == s { print $2 }' "$PROM_FILE"
}
# counter_sample KEY [SCOPE [DEV]]: the sample of the counter KEY of stats
# show -j, of the netns or (SCOPE "") of DEV. An IPv4 counter and its IPv6
# twin nd_KEY are one family, arpproxy_KEY_total, labelled with the family.
counter_sample() {
	cs_name=$1 cs_af= cs_labels=${3:+dev=\"$3\"}
	if echo "$KEYS" | grep -qx "nd_$1"; then
		cs_af=ipv4
	elif [ "${1#nd_}" != "$1" ] && echo "$KEYS" | grep -qx "${1#nd_}"; then
		cs_name=${1#nd_} cs_af=ipv6
	fi
	[ -z "$cs_af" ] || cs_labels="${cs_labels:+$cs_labels,}family=\"$cs_af\""
	sample "arpproxy_${2-netns_}${cs_name}_total" "$cs_labels"
}

# An interface that goes away: e2 gets a request from its peer e3.
ip -n gw link add e2 type veth peer name e3
ip -n gw link set e2 up
ip -n gw link set e3 up
ask gw e3 10.9.9.9 10.9.9.1 02:00:00:00:09:01
check_eq "a third interface counts its request" 1 "$(dev_counter e2 requests)"
prom
check_eq "  and is in the Prometheus output" 1 "$(sample arpproxy_requests_total 'dev="e2"')"
ip -n gw link del e2
prom
check_eq "deleted, its counters are gone from the list" "" \
	"$(grep 'dev="e[23]"' "$PROM_FILE")"
err=$(ctl stats show dev e2 2>&1 >/dev/null)
check_eq "  and from stats show dev" '1 arpproxyctl: cannot find device "e2"' "$? $err"
check_eq "the netns still counts its request" 5 "$(counter gw requests)"
ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A"
check_eq "  and goes on counting" "6 4 1" \
	"$(counter gw requests) $(dev_counter e0 requests) $(dev_counter e1 requests)"

# Prometheus output: what stats show says, in families promtool accepts.
check "stats show --format prometheus --bindings" prom --bindings
PROMTOOL=$(command -v promtool || echo /usr/local/bin/promtool)
if [ -x "$PROMTOOL" ]; then
	check "promtool check metrics accepts it" sh -c "'$PROMTOOL' check metrics <$PROM_FILE"
else
	skip "promtool check metrics: no promtool (scripts/deps.sh installs it)"
fi
KEYS=$(ctl -j stats show | jq -r 'keys_unsorted[]')
check_eq "arpproxy_replies_total{dev=\"e0\",family=\"ipv4\"} is stats show dev e0's replies" \
	"$(dev_counter e0 replies)" "$(sample arpproxy_replies_total 'dev="e0",family="ipv4"')"
check_eq "  and with family=\"ipv6\" its nd_replies" \
	"$(dev_counter e0 nd_replies)" "$(sample arpproxy_replies_total 'dev="e0",family="ipv6"')"
check_eq "every counter of the netns, as stats show -j has it" \
	"$(ctl -j stats show | jq -r 'to_entries[] | "\(.key) \(.value)"')" \
	"$(for c in $KEYS; do echo "$c $(counter_sample "$c")"; done)"
check_eq "every counter of e1 but the netns-only ones, as stats show dev e1 -j has it" \
	"$(ctl -j stats show dev e1 | jq -r 'del(.events_dropped, .rate_evicted) |
		to_entries[] | "\(.key) \(.value)"')" \
	"$(ctl -j stats show dev e1 | jq -r 'del(.events_dropped, .rate_evicted) |
		keys_unsorted[]' | while read -r c; do
		echo "$c $(counter_sample "$c" "" e1)"
	done)"
check_eq "no family of its own for an IPv6 twin" "" \
	"$(grep -E '^arpproxy_(netns_)?nd_(replies|invalid|garp_sent)_total' "$PROM_FILE")"
check_eq "no per-interface family for the netns-only counters" "" \
	"$(grep -E '^arpproxy_(events_dropped|rate_evicted)_total' "$PROM_FILE")"
# Each family: HELP, TYPE counter, then its samples, and once only.
check_eq "HELP and TYPE lines for every family, before its samples" "" \
	"$(awk '
	/^# HELP / { if (seen[$3]++) print "twice: " $3; help = $3; next }
	/^# TYPE / { if ($3 != help || $4 != "counter") print "bad TYPE: " $0; type = $3; next }
	{ name = $1; sub(/\{.*/, "", name); if (name != type) print "no family: " $0 }
	' "$PROM_FILE")"
twins=$(for c in $KEYS; do echo "$KEYS" | grep -qx "nd_$c" && echo "$c"; done | wc -l)
check_eq "  one family per counter and interface counter but the twins, and the hits" \
	"$((($(echo "$KEYS" | wc -l) - twins) * 2 - 2 + 1))" "$(grep -c '^# TYPE ' "$PROM_FILE")"
check_eq "--bindings: the hits of every binding, as binding show -j has them" \
	"$(ctl -j binding show | jq -r '.[] | "arpproxy_binding_hits_total{prefix=\"\(.prefix)\"" +
		(if .dev then ",dev=\"\(.dev)\"" else "" end) + "} \(.hits)"' | sort)" \
	"$(grep '^arpproxy_binding_hits_total' "$PROM_FILE" | sort)"
check_eq "  4 hits for the binding of e0" 4 \
	"$(sample arpproxy_binding_hits_total 'prefix="172.16.20.0/24",dev="e0"')"
prom
check_eq "without --bindings, no hits" "" "$(grep binding_hits "$PROM_FILE")"

err=$(ctl -j stats show --format prometheus 2>&1)
check_eq "-j with --format prometheus: refused, nothing printed" \
	'1 arpproxyctl: "--format prometheus" cannot be used with "-j"' "$? $err"
err=$(ctl stats show --bindings 2>&1)
check_eq "--bindings without --format prometheus: refused" \
	'1 arpproxyctl: "--bindings" needs "--format"' "$? $err"
err=$(ctl stats show --format prometheus dev e0 2>&1)
check_eq "--format prometheus with dev: refused" \
	'1 arpproxyctl: "dev" cannot be used with "--format"' "$? $err"

check "stats reset" ctl stats reset
check_eq "zeroes the interfaces' counters too" "0 0 0 0 0" \
	"$(dev_counter e0 frames) $(dev_counter e0 requests) $(dev_counter e0 replies) $(dev_counter e1 requests) $(counter gw requests)"
prom
check_eq "  as Prometheus sees them" "0 0" \
	"$(sample arpproxy_replies_total 'dev="e0",family="ipv4"') $(sample arpproxy_netns_replies_total 'family="ipv4"')"
ask ha eth0 172.16.20.200 172.16.10.100 "$MAC_A"
check_eq "and they count again from zero" "1 1" "$(dev_counter e0 replies) $(counter gw replies)"
