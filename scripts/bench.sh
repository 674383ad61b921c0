#!/bin/sh
# make bench: boot Debian's 6.1 kernel once, run bench/run.sh (every
# scenario side by side) and bench/perframe.sh (each request's cost in the
# kernel), then write bench/results.md and bench/results.png.
# With --report, only write them again from the last run's measurements.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/deps.sh bench
kver=$(scripts/kernels.sh | head -n 1)
out=build/bench
make -s ctl test-tools
scripts/build-module.sh "$kver" "build/$kver/mod"
scripts/vm-prepare.sh "$kver" "build/vm/$kver"
echo "bench: booting Debian's $kver in QEMU (software emulation); this takes a while"
if [ "${1:-}" != --report ]; then
	scripts/vm-run.sh -t 5400 -m 3G "$kver" "build/vm/$kver" "$out" \
		"BENCH_OUT=/tmp/out/bench.tsv sh $top/bench/run.sh &&
		 BENCH_OUT=/tmp/out/bench.tsv sh $top/bench/perframe.sh" || {
		tail -n 30 "$out/cmd.log"
		exit 1
	}
fi

# Chart data: latency per scenario, and rate against table size.
awk -F '\t' '$2 == "burst1000_p50_us" { p50[$1] = $3 / 1000; o[n++] = $1 }
	$2 == "burst1000_p99_us" { p99[$1] = $3 / 1000 }
	END { for (i = 0; i < n; i++) if (p50[o[i]] > 0) print o[i], p50[o[i]], p99[o[i]] }' \
	"$out/bench.tsv" >"$out/latency.dat"
awk -F '\t' '$2 == "sustained_pps" && $1 ~ /^(arpproxy|pneigh)_[0-9]+$/ {
		split($1, p, "_"); rate[p[2], p[1]] = $3; sizes[p[2]] = 1 }
	END { for (s in sizes) print s, rate[s, "arpproxy"] + 0, rate[s, "pneigh"] == "" ? "NaN" : rate[s, "pneigh"] }' \
	"$out/bench.tsv" | sort -n >"$out/scale.dat"
gnuplot -e "outfile='bench/results.png'; datadir='$out'" bench/chart.gp

{
	echo "# arpproxy benchmark results"
	echo
	echo "Measured by \`make bench\` on $(date -u +%Y-%m-%d), Debian's $kver kernel in a"
	echo "QEMU guest under software emulation (2 vCPUs): absolute numbers are the"
	echo "emulator's; only the ratios between scenarios of this one run carry over."
	echo "Proxy neighbour entries were measured with proxy_delay 0, their best case."
	echo "Scenarios named nd_ are IPv6: Neighbor Solicitations from requesters on"
	echo "e0's /64, answered by arpproxy, proxy_ndp, ndppd or the kernel for its own address."
	echo
	awk -f bench/report.awk "$out/bench.tsv"
	echo
	echo "![latency and scale](results.png)"
} >bench/results.md
cat bench/results.md
