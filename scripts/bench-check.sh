#!/bin/sh
# Instructions per binding lookup, counted by callgrind (repeatable where
# times are not), against bench/callgrind-baseline.txt: more than 10% over
# the baseline fails. With --update, write the baseline instead.
#
# usage: bench-check.sh [--update]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
baseline=bench/callgrind-baseline.txt
lookups=100000
scripts/deps.sh bench
make -s build/lookup-bench

measure() {	# measure MODE BINDINGS: instructions per lookup, to 0.1
	valgrind --tool=callgrind --toggle-collect=run_lookups \
		--callgrind-out-file=build/callgrind.out build/lookup-bench "$1" "$2" "$lookups" \
		>/dev/null 2>build/callgrind.log
	awk -v n="$lookups" '/Collected :/ { printf "%.1f\n", $4 / n }' build/callgrind.log
}

now=$(for mode in host prefix; do
	for bindings in 10 1000000; do
		echo "$mode $bindings $(measure "$mode" "$bindings")"
	done
done)

if [ "${1:-}" = --update ]; then
	{
		echo "# mode bindings instructions-per-lookup (scripts/bench-check.sh --update)"
		echo "$now"
	} >"$baseline"
	cat "$baseline"
	exit 0
fi

echo "| lookup | bindings | instructions per lookup | baseline | |"
echo "|---|---|---|---|---|"
echo "$now" | awk -v base="$baseline" '
	BEGIN { while ((getline l < base) > 0) if (l !~ /^#/) { split(l, f, " "); b[f[1], f[2]] = f[3] } }
	{ ref = b[$1, $2]; ok = ref != "" && $3 <= ref * 1.10
	  printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, ref == "" ? "none" : ref, ok ? "ok" : "**regressed**"
	  if (!ok) bad = 1 }
	END { exit bad }'
