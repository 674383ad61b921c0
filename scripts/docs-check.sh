#!/bin/sh
# The documentation against the code: both man pages format without a
# warning, arpproxyctl.8 has every word of "arpproxyctl help", both pages
# name every counter of the uapi header, the bash completion completes, and
# make install/uninstall add and remove exactly the expected files.
# Prints nothing and exits 0 when all is well; otherwise says what is wrong
# and exits 1.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
export LC_ALL=C
ctl_page=doc/arpproxyctl.8
module_page=doc/arpproxy.4
completion=doc/arpproxyctl.bash-completion
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

fail() {
	echo "docs-check: $*"
	status=1
}

# quiet COMMAND...: it must succeed and write nothing to standard error.
quiet() {
	if ! "$@" 2>"$tmp/stderr" >/dev/null || [ -s "$tmp/stderr" ]; then
		fail "$*:"
		sed 's/^/    /' "$tmp/stderr"
		return 1
	fi
}

# missing WHAT FILE PAGE: PAGE must have every word listed in FILE.
missing() {
	if [ ! -s "$2" ]; then
		fail "found no $1 to look for"
		return
	fi
	# The page's lowercase words, without comments and font changes.
	sed -e '/^\.\\"/d' -e 's/\\f[BIRP]//g' "$3" | tr -cs 'a-z_' '\n' |
		sort -u >"$tmp/have"
	for word in $(sort -u "$2" | comm -23 - "$tmp/have"); do
		fail "$3 does not mention the $1 \"$word\""
	done
}

# (a) Both pages format without a warning.
for page in "$ctl_page" "$module_page"; do
	quiet env LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 \
		man --warnings -E UTF-8 -l "$page" || true
	quiet groff -man -ww -z "$page" || true
done

# (b) Every word of the grammar in arpproxyctl.8, every counter in both.
: >"$tmp/grammar"
if quiet make -s ctl; then
	userspace/arpproxyctl help | sed 's/[][|;]/ /g' | tr -s ' ' '\n' |
		grep -x '[a-z][a-z]*' >"$tmp/grammar" || true
fi
missing "grammar word" "$tmp/grammar" "$ctl_page"
awk '/^[ \t]*ARPPROXY_STAT_[A-Z_]+,/ {
	sub(/^[ \t]*ARPPROXY_STAT_/, ""); sub(/,.*/, "")
	if ($0 != "UNSPEC") print tolower($0)
}' kmod/uapi/linux/arpproxy.h >"$tmp/counters"
missing counter "$tmp/counters" "$ctl_page"
missing counter "$tmp/counters" "$module_page"

# (c) The completion loads and offers what the grammar allows next.
# completes "WANT" WORD...: completing the last WORD offers exactly WANT.
completes() {
	want=$1
	shift
	# shellcheck disable=SC2016 # expanded by the inner bash
	got=$(bash -c '. "$1" && shift && COMP_WORDS=("$@") &&
		COMP_CWORD=$(($# - 1)) && _arpproxyctl && echo "${COMPREPLY[*]}"' \
		sh "$completion" arpproxyctl "$@" 2>"$tmp/stderr") || true
	if [ -s "$tmp/stderr" ] || [ "$got" != "$want" ]; then
		fail "completing \"arpproxyctl $*\" offers \"$got\", not \"$want\""
		sed 's/^/    /' "$tmp/stderr"
	fi
}
completes "binding" bi
completes "add" binding ad
completes "dev mac onlink exclude static garp refresh lifetime" binding add 10.0.0.0/8 ''
completes "dev onlink lifetime" binding add 10.0.0.0/8 exclude ''
completes "dev mac onlink garp refresh lifetime" binding add 10.0.0.0/8 static ''
completes "dev mac onlink static refresh lifetime" binding add 10.0.0.0/24 garp ''
completes "dev mac onlink static garp lifetime" binding replace 10.0.0.0/24 refresh 30 ''
completes "" binding add 10.0.0.0/24 refresh ''
completes "auto" binding add 10.0.0.0/8 mac ''
completes "proxy" iface set lo pr
completes "off route" iface set lo proxy ''
completes "inspect rarp learn rate track" iface set lo proxy off ''
completes "on off" iface set lo learn ''
completes "on off" iface set lo rarp ''
completes "off log enforce pin" iface set lo inspect ''
completes "off" iface set lo track ''
completes "proxy inspect rarp learn rate" iface set lo track 10.0.0.1 ''
completes "cache" cac
completes "show flush set status help" cache ''
completes "dev" cache show 10.0.0.0/8 ''
completes "" cache flush dev lo ''
completes "timeout" cache set ''
completes "lo" iface show lo
completes "announce" ann
completes "dev count interval reply" announce 10.0.0.0/24 ''
completes "count reply" announce 10.0.0.0/24 interval 200 dev lo ''
completes "dev --format" stats show ''
completes "prometheus" stats show --format ''
completes "--bindings" stats show --format prometheus ''
completes "" stats show --format prometheus --bindings ''
completes "" stats show dev lo ''
completes "--netns" --netn
completes "restore" res
completes "--check" restore --c
completes "doc/arpproxy.4" restore --check doc/arpproxy.
completes "" restore doc/arpproxy.4 --check ''
# shellcheck disable=SC2016 # expanded by the inner bash
registered=$(bash -c '. "$1" && complete -p arpproxyctl' sh "$completion" 2>&1) || true
[ "$registered" = "complete -F _arpproxyctl arpproxyctl" ] ||
	fail "the completion does not register itself for arpproxyctl: $registered"

# (d) make install puts exactly these files, make uninstall removes them.
root=$tmp/root
if quiet make -s install DESTDIR="$root" PREFIX=/usr; then
	(cd "$root" && find . ! -type d | sort) >"$tmp/installed"
	printf '%s\n' ./usr/lib/arpproxy/lease-hook \
		./usr/lib/systemd/system/arpproxy.service ./usr/sbin/arpproxyctl \
		./usr/share/bash-completion/completions/arpproxyctl \
		./usr/share/man/man4/arpproxy.4 ./usr/share/man/man8/arpproxyctl.8 |
		diff -u - "$tmp/installed" >"$tmp/diff" ||
		{ fail "make install put other files:" && cat "$tmp/diff"; }
	# The hook runs the arpproxyctl installed beside it (Kea passes no
	# ARPPROXYCTL), which here finds no module.
	hook=$(env -u ARPPROXYCTL DNSMASQ_INTERFACE=lo DNSMASQ_TIME_REMAINING=60 \
		"$root/usr/lib/arpproxy/lease-hook" add 02:00:00:00:00:01 192.0.2.1 2>&1) || true
	case $hook in
	*"lease-hook: failed (exit status 1): $root/usr/sbin/arpproxyctl binding replace"*) ;;
	*) fail "the installed lease-hook did not run the installed arpproxyctl: $hook" ;;
	esac
fi
if quiet make -s uninstall DESTDIR="$root" PREFIX=/usr; then
	left=$(cd "$root" && find . ! -type d)
	[ -z "$left" ] || fail "make uninstall left:" "$left"
fi
exit $status
