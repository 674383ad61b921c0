#!/bin/sh
# Generate the protocol's code from its one definition,
# Documentation/netlink/specs/arpproxy.yaml, with the kernel's own generator
# (tools/net/ynl/ynl-gen-c.py from Debian's linux-source-6.12, unpacked once
# under /usr/src/linux-source-6.12), scripts/ynl-gen-kernel.py and
# scripts/ynl-gen-tool.py:
#   kmod/uapi/linux/arpproxy.h   the uapi header, module and tool alike
#   kmod/nl_gen.c, kmod/nl_gen.h the module's policies and ops table
#   kmod/nl_ops_gen.h            what each of its commands may carry
#   userspace/spec_gen.c, .h     the tool's attribute and counter tables
# usage: ynl-gen.sh                  rewrite them
#        ynl-gen.sh --check [SPEC]   fail, showing the difference, if any is
#                                    not what the spec (or SPEC) generates
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
src=/usr/src/linux-source-6.12
tarball=/usr/src/linux-source-6.12.tar.xz
spec=Documentation/netlink/specs/arpproxy.yaml
check=""
if [ "${1:-}" = --check ]; then
	check=1
	given=${2:-$top/$spec}
fi

if [ ! -f "$src/tools/net/ynl/ynl-gen-c.py" ]; then
	[ -f "$tarball" ] || {
		echo "ynl-gen: linux-source-6.12 is not installed (run scripts/deps.sh)" >&2
		exit 1
	}
	mkdir -p "$src"
	base=$(tar tJf "$tarball" | head -n 1 | cut -d/ -f1)
	tar xJf "$tarball" -C "$src" --strip-components=1 \
		"$base/tools/net/ynl" "$base/Documentation/netlink"
fi

# ynl-gen-c.py wants the spec in a kernel tree: its schema two directories
# up, a MAINTAINERS file at the top, and names the spec by its path there.
tree=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$tree" "$out"' EXIT
mkdir -p "$tree/Documentation/netlink/specs"
touch "$tree/MAINTAINERS"
cp "$src"/Documentation/netlink/*.yaml "$tree/Documentation/netlink/"
cp "${given:-$top/$spec}" "$tree/$spec"

gen() {
	(cd "$tree" && /usr/bin/python3 "$src/tools/net/ynl/ynl-gen-c.py" \
		--spec "$spec" "$@")
}
gen --mode uapi --header -o "$out/arpproxy.h"
gen --mode kernel --header -o "$out/nl_gen.h"
gen --mode kernel --source -o "$out/nl_gen.c"
# 6.1's nla_policy points at its ranges through a non-const pointer (6.2
# made it const): the ranges written const would be a discarded qualifier
# there, which gcc and sparse warn about. The core only reads them.
sed -i 's/^static const struct netlink_range_validation /static struct netlink_range_validation /' \
	"$out/nl_gen.c"
/usr/bin/python3 "$top/scripts/ynl-gen-kernel.py" "$tree/$spec" "$out"
/usr/bin/python3 "$top/scripts/ynl-gen-tool.py" "$tree/$spec" "$out"

status=0
for f in kmod/uapi/linux/arpproxy.h kmod/nl_gen.h kmod/nl_gen.c kmod/nl_ops_gen.h \
	 userspace/spec_gen.h userspace/spec_gen.c; do
	new=$out/$(basename "$f")
	if [ -n "$check" ]; then
		diff -u "$top/$f" "$new" >&2 || {
			echo "ynl-gen: $f is not what $spec generates (run scripts/ynl-gen.sh)" >&2
			status=1
		}
	else
		cmp -s "$new" "$top/$f" 2>/dev/null || cp "$new" "$top/$f"
	fi
done
exit $status
