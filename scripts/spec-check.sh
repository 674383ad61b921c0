#!/bin/sh
# The YAML netlink spec and the uapi header must describe the same family:
# compare the names of commands, attributes and counters, in order.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
hdr=$top/kmod/uapi/linux/arpproxy.h
spec=$top/Documentation/netlink/specs/arpproxy.yaml

# from_header PREFIX: the enum's names, lowercase with dashes.
from_header() {
	sed -n "s/^\t$1\([A-Z_]*\),.*/\1/p" "$hdr" | grep -v '^_' |
		tr 'A-Z_' 'a-z-' | tr '\n' ' '
}

# from_spec SECTION [SET]: names listed in an operations list or an
# attribute set of the spec.
from_spec() {
	awk -v section="$1" -v set="${2:-}" '
		/^[a-z-]+:/ { cur = $1; inset = 0; next }
		cur == section":" && set == "" && /^    - name:/ { print $3 }
		cur == section":" && set != "" && /^    name:/ { inset = ($2 == set) }
		cur == section":" && inset && /^      - name:/ { print $3 }
	' "$spec" | tr -d '"' | tr '\n' ' '
}

status=0
compare() {
	if [ "$2" != "$3" ]; then
		echo "spec and header disagree on $1:" >&2
		echo "  header: $2" >&2
		echo "  spec:   $3" >&2
		status=1
	fi
}
compare commands "$(from_header ARPPROXY_CMD_)" "$(from_spec operations)"
compare attributes "$(from_header ARPPROXY_A_)" "$(from_spec attribute-sets arpproxy)"
compare counters "$(from_header ARPPROXY_STAT_)" "$(from_spec attribute-sets stats)"
exit $status
