# Turn bench.tsv (SCENARIO<TAB>METRIC<TAB>VALUE) into the Markdown report:
# the measurements side by side, then each target as a ratio of two
# numbers from the same run, met or missed; n/a against a peer that answered
# nothing, since no ratio to nothing is a goal met.
BEGIN { FS = "\t" }
{ v[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; order[n++] = $1 } }

function us(x) { return x == "" || x == "-" ? "-" : sprintf("%.2f ms", x / 1000) }
function num(x) { return x == "" || x == "-" ? 0 : x + 0 }
function ratio(a, b) { return b > 0 ? a / b : 0 }
function target(what, value, goal, ok) {
	printf "| %s | %s | %s | %s |\n", what, value, goal,
		ok == "n/a" ? "n/a" : ok ? "met" : "**missed**"
}
# The sustained rate of scenario ours against peer's, which must be 10x.
function tenfold(what, ours, peer) {
	base = num(v[peer, "sustained_pps"])
	r = ratio(num(v[ours, "sustained_pps"]), base)
	if (base)
		target(what, sprintf("%.1fx", r), "at least 10x", r >= 10)
	else {
		name = peer
		sub(/^nd_/, "", name)
		target(what, name " answered nothing sustained", "at least 10x", "n/a")
	}
}

# Per-frame cost of scenario a against b, from the kernel (bench/perframe.sh).
function perframe(what, a, b, goal, most) {
	r = ratio(num(v[a, "ns_per_frame"]), num(v[b, "ns_per_frame"]))
	target(what, sprintf("%.2fx", r), goal, r > 0 && r <= most)
}

END {
	print "| scenario | first request p50 | first answered | burst 1,000 answered | p50 | p99 | burst 10,000 answered | p50 | p99 | sustained replies/s (< 0.1% loss) | answered by |"
	print "|---|---|---|---|---|---|---|---|---|---|---|"
	for (i = 0; i < n; i++) {
		s = order[i]
		if (!((s, "first_p50_us") in v))
			continue
		printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", s,
			us(v[s, "first_p50_us"]), v[s, "first_answered"],
			v[s, "burst1000_answered"], us(v[s, "burst1000_p50_us"]), us(v[s, "burst1000_p99_us"]),
			v[s, "burst10000_answered"], us(v[s, "burst10000_p50_us"]), us(v[s, "burst10000_p99_us"]),
			v[s, "sustained_pps"], v[s, "macs"]
	}
	print ""
	print "| table | load time | kernel memory per entry |"
	print "|---|---|---|"
	for (i = 0; i < n; i++) {
		s = order[i]
		if ((s, "load_ms") in v)
			printf "| %s | %.1f s | %s |\n", s, v[s, "load_ms"] / 1000,
				s ~ /_10$/ ? "(too few to measure)" : v[s, "bytes_per_entry"] " bytes"
	}
	print ""
	print "| per frame, in the kernel (" v["unbound", "frames_per_cpu"] " requests a CPU pushed into e0's receive path) | ns per request, 1 CPU | replied | ns per request, 2 CPUs at once | 2 CPUs / 1 CPU, requests/s |"
	print "|---|---|---|---|---|"
	for (i = 0; i < n; i++) {
		s = order[i]
		if ((s, "ns_per_frame") in v)
			printf "| %s | %d | %d%% | %d | %.2fx |\n", s, v[s, "ns_per_frame"],
				v[s, "answered_percent"], v[s, "ns_per_frame_2cpu"],
				ratio(num(v[s, "ns_per_frame"]), num(v[s, "ns_per_frame_2cpu"]))
	}
	print ""
	print "| target | measured | goal | |"
	print "|---|---|---|---|"
	r = ratio(num(v["arpproxy", "first_p50_us"]), num(v["proxy_arp", "first_p50_us"]))
	target("first-request median, arpproxy / proxy_arp defaults", sprintf("1/%.0f", r ? 1 / r : 0), "at most 1/100", r > 0 && r <= 0.01)
	target("burst of 10,000 requesters answered by arpproxy", v["arpproxy", "burst10000_answered"], "10000", num(v["arpproxy", "burst10000_answered"]) == 10000)
	r = ratio(num(v["arpproxy", "sustained_pps"]), num(v["own_address", "sustained_pps"]))
	target("sustained rate, arpproxy / kernel's own-address path", sprintf("%.2fx", r), "at least 1.0x", r >= 1.0)
	tenfold("sustained rate, arpproxy / farpd", "arpproxy", "farpd")
	tenfold("sustained rate, arpproxy / parprouted", "arpproxy", "parprouted")
	r = ratio(num(v["arpproxy_1000000", "sustained_pps"]), num(v["arpproxy_10", "sustained_pps"]))
	target("sustained rate, 1,000,000 bindings / 10 bindings", sprintf("%.2fx", r), "at least 0.95x", r >= 0.95)
	r = ratio(num(v["pneigh_100000", "load_ms"]), num(v["arpproxy_100000", "load_ms"]))
	target("loading 100,000: ip -batch proxy entries / arpproxyctl batch", sprintf("%.1fx", r), "at least 10x", r >= 10)
	b = num(v["arpproxy_1000000", "bytes_per_entry"])
	target("kernel memory per host binding (1,000,000 loaded)", b " bytes", "at most 128", b > 0 && b <= 128)
	r = ratio(num(v["nd_arpproxy", "first_p50_us"]), num(v["nd_proxy_ndp", "first_p50_us"]))
	target("IPv6: first-solicitation median, arpproxy / proxy_ndp defaults", sprintf("1/%.0f", r ? 1 / r : 0), "at most 1/100", r > 0 && r <= 0.01)
	target("IPv6: burst of 10,000 solicitors answered by arpproxy", v["nd_arpproxy", "burst10000_answered"], "10000", num(v["nd_arpproxy", "burst10000_answered"]) == 10000)
	tenfold("IPv6: sustained rate, arpproxy / ndppd", "nd_arpproxy", "nd_ndppd")
	r = ratio(num(v["nd_arpproxy_1000000", "sustained_pps"]), num(v["nd_arpproxy_10", "sustained_pps"]))
	target("IPv6: sustained rate, 1,000,000 bindings / 10 bindings", sprintf("%.2fx", r), "at least 0.95x", r >= 0.95)
	r = ratio(num(v["churn", "big_cache_ms"]), num(v["churn", "alone_ms"]))
	target("ip link add and del beside a 1,048,576-slot cache (" v["churn", "big_cache_stations"] " stations) / alone", sprintf("%.2fx", r), "at most 2x", r > 0 && r <= 2)
	r = ratio(num(v["churn", "refreshing_ms"]), num(v["churn", "alone_ms"]))
	target("ip link add and del beside 100,000 refreshing bindings / alone", sprintf("%.2fx", r), "at most 2x", r > 0 && r <= 2)
	b = num(v["nd_arpproxy_1000000", "bytes_per_entry"])
	target("IPv6: kernel memory per host binding (1,000,000 loaded)", b " bytes", "at most 160", b > 0 && b <= 160)
	perframe("per frame: arpproxy's answer / the kernel's own-address answer", "arpproxy", "own_address", "at most 0.8x", 0.8)
	perframe("per frame: all features on / the bare answer", "arpproxy_all", "arpproxy", "at most 1.3x", 1.3)
	perframe("per frame: 1,000,000 bindings / 10 bindings", "arpproxy_1000000", "arpproxy_10", "at most 1.05x", 1.05)
	r = ratio(num(v["arpproxy", "ns_per_frame"]), num(v["arpproxy", "ns_per_frame_2cpu"]))
	target("per frame: arpproxy's answers/s, 2 CPUs / 1 CPU", sprintf("%.2fx", r), "at least 1.8x", r >= 1.8)
}
