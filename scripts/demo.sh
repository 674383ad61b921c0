#!/bin/sh
# make demo: the product's reference example, live in a QEMU guest.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
kver=$(scripts/kernels.sh | tail -n 1)
make -s ctl test-tools
scripts/build-module.sh "$kver" "build/$kver/mod"
scripts/vm-prepare.sh "$kver" "build/vm/$kver"
echo "demo: booting Debian's $kver in QEMU (software emulation)..."
scripts/vm-run.sh -t 300 "$kver" "build/vm/$kver" build/demo "sh $top/tests/vm/demo.sh" || {
	cat build/demo/cmd.log
	exit 1
}
cat build/demo/cmd.log
