#!/bin/sh
# Boot Debian's kernel KVER in a QEMU guest (software emulation) whose root is
# this host's filesystem, read-only over 9p, and run a shell command in it.
# OUT is the guest's only writable share: the command runs in it, its output
# lands in OUT/cmd.log, the guest's kernel log in OUT/dmesg and the serial
# console in OUT/console.log.
#
# Exit status: the command's, or 125 when the guest did not come back with
# one (panic, hang, timeout) or its kernel log shows a warning or a splat.
#
# usage: vm-run.sh [-t SECONDS] [-m MEM] KVER VMDIR OUT COMMAND
set -eu

timeout=900
mem=1G
while getopts t:m: opt; do
	case $opt in
	t) timeout=$OPTARG ;;
	m) mem=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
kver=$1 vmdir=$(cd "$2" && pwd) out=$3 cmd=$4

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/status" "$out/status.tmp" "$out/dmesg" "$out/cmd.log" "$out/console.log"
printf '%s\n' "$cmd" >"$out/cmd.sh"
cp "$(dirname "$0")/../tests/vm/stage2" "$out/stage2"
printf '%s\n' "$vmdir/root/lib/modules/$kver" >"$out/modules-dir"
(cd "$(dirname "$0")/.." && pwd) >"$out/top-dir"

# panic_on_warn turns any WARN into a dead guest, which cannot write status;
# slab_nomerge keeps the module's slab cache its own, so that destroying it
# at unload reports any object the module leaked.
timeout --foreground -k 10 "$timeout" qemu-system-x86_64 \
	-machine q35 -cpu max -smp 2 -m "$mem" \
	-nographic -no-reboot -monitor none -serial "file:$out/console.log" \
	-kernel "$vmdir/vmlinuz" -initrd "$vmdir/initramfs.cpio.gz" \
	-append "console=ttyS0 panic=-1 panic_on_warn=1 oops=panic slab_nomerge loglevel=4 rdinit=/init" \
	-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
	-virtfs local,path="$out",mount_tag=out,security_model=none,multidevs=remap \
	-nic none </dev/null >/dev/null 2>"$out/qemu.log" || true

if [ ! -f "$out/status" ]; then
	echo "vm-run: $kver: guest did not finish (panic, hang or timeout); last console lines:" >&2
	tail -n 25 "$out/console.log" >&2
	exit 125
fi
# Reports, not words: the sanitizer kernel names lockdep and kmemleak as it
# boots.
splat='WARNING:|BUG:|Oops|Call Trace|kernel BUG|general protection|RCU stall|rcu_.*detected stall|possible recursive locking|possible circular locking|inconsistent lock state|lock inversion|suspicious RCU usage|bad unlock balance|held lock freed|locking correctness validator|DEBUG_LOCKS_WARN_ON|ODEBUG:|UBSAN|KASAN|refcount_t|list_add corruption|list_del corruption|Kernel panic'
# Once the guest powers off, what the console shows no longer matters.
sed '/reboot: Power down/q' "$out/console.log" >"$out/console.before-poweroff"
if grep -Eq "$splat" "$out/dmesg" "$out/console.before-poweroff"; then
	echo "vm-run: $kver: the guest kernel log shows a splat:" >&2
	grep -E -A 15 "$splat" "$out/dmesg" | head -n 40 >&2
	exit 125
fi
exit "$(cat "$out/status")"
