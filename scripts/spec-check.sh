#!/bin/sh
# The protocol's code must be what its one definition generates: regenerate
# and compare (scripts/ynl-gen.sh --check). Then show that the comparison
# bites: a copy of the spec with one attribute's type changed must fail it.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
spec=$top/Documentation/netlink/specs/arpproxy.yaml
"$top/scripts/ynl-gen.sh" --check

drift=$(mktemp)
trap 'rm -f "$drift"' EXIT
# The binding's plen becomes a u16: a change made in the YAML only.
awk '/^    name: binding$/ { inset = 1 }
     inset && /- name: plen/ { plen = 1 }
     plen && /type: u8/ { sub(/u8/, "u16"); plen = 0; inset = 0 }
     { print }' "$spec" >"$drift"
if cmp -s "$spec" "$drift"; then
	echo "spec-check: could not change the binding's plen in a copy of the spec" >&2
	exit 1
fi
if "$top/scripts/ynl-gen.sh" --check "$drift" >/dev/null 2>&1; then
	echo "spec-check: a spec whose binding plen is a u16 passed the check" >&2
	exit 1
fi
