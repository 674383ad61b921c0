#!/bin/sh
# Run the kernel's checkpatch.pl --strict over the module's sources and the
# test-only fault injector, taken from Debian's linux-source-6.1 tarball: its
# scripts are unpacked once where Debian's sources unpack,
# /usr/src/linux-source-6.1.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=/usr/src/linux-source-6.1
tarball=$(ls /usr/src/linux-source-6.1.tar.xz)

if [ ! -f "$dir/scripts/checkpatch.pl" ]; then
	mkdir -p "$dir"
	base=$(tar tJf "$tarball" | head -n 1 | cut -d/ -f1)
	tar xJf "$tarball" -C "$dir" --strip-components=1 \
		"$base/scripts/checkpatch.pl" "$base/scripts/spelling.txt" \
		"$base/scripts/const_structs.checkpatch"
fi
cd "$top"
# nl_gen.c and nl_gen.h are ynl-gen-c's output, in its style, not ours.
files=$(ls kmod/*.c kmod/*.h kmod/uapi/linux/*.h tests/faultinject/*.c tests/perframe/*.c | grep -v '^kmod/nl_gen\.[ch]$')
# shellcheck disable=SC2086
perl "$dir/scripts/checkpatch.pl" --no-tree --strict --terse --show-types -f $files |
	grep -E 'ERROR|WARNING|CHECK' && exit 1
exit 0
