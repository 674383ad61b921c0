# make bench's chart: latency per scenario (burst of 1,000: median and p99)
# and reply rate against table size. Inputs come from bench/run's TSV,
# reshaped by scripts/bench.sh into latency.dat and scale.dat.
set terminal pngcairo size 1200,520 font ",10"
set output outfile
set termoption noenhanced
set multiplot layout 1,2 title "arpproxy benchmarks (QEMU software emulation: only ratios carry over)"

set title "Burst of 1,000 requesters: reply latency"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set ylabel "ms (log scale)"
set xtics rotate by -30
set key top left
plot datadir."/latency.dat" using 2:xtic(1) title "median", '' using 3 title "p99"

unset logscale y
set title "Sustained replies/s against table size"
set style data linespoints
set logscale x
set xlabel "entries"
set ylabel "replies/s (< 0.1% loss)"
set xtics norotate
set yrange [0:*]
plot datadir."/scale.dat" using 1:2 title "arpproxy bindings" lw 2, \
     datadir."/scale.dat" using 1:3 title "ip neigh proxy entries" lw 2
unset multiplot
