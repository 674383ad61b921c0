#!/bin/sh
# Print the kernel releases the tests run on: those the Debian metapackages
# linux-headers-amd64 (6.1 series) and linux-headers-6.12-amd64 point at.
set -eu
for meta in linux-headers-amd64 linux-headers-6.12-amd64; do
	dep=$(dpkg-query -W -f '${Depends}' "$meta" 2>/dev/null) || {
		echo "kernels: $meta is not installed (run scripts/deps.sh)" >&2
		exit 1
	}
	echo "$dep" | sed -n 's/^linux-headers-\([^ ,]*\).*/\1/p'
done
