# arpproxy: top-level build, tests and installation.
#
#   make              module for the running kernel (or KVER=/KDIR=) + tool
#   make check        unit tests, then the module in QEMU guests on Debian's
#                     6.1 and 6.12 kernels and some scenarios on a sanitizer
#                     kernel; ends with "N passed, N failed"
#   make check-debug  every scenario on the sanitizer kernel (KASAN, UBSAN,
#                     lockdep, kmemleak...), built once and cached
#   make demo         the reference two-subnet gateway, in a guest
#   make bench        arpproxy against the kernel's proxy ARP and userspace
#                     responders; writes bench/results.md and results.png
#   make bench-check  instructions per lookup against the committed baseline
#   make generate     the uapi header, the module's policies and ops table and
#                     the tool's tables, from the netlink spec (YAML)
#   make dkms-install install the module sources for DKMS
#   make deb          Debian packages arpproxy-dkms and arpproxyctl in
#                     build/deb/, built from a copy of the tree
#   make install      arpproxyctl, its man pages, bash completion, systemd
#                     unit and DHCP lease hook (lib/arpproxy/lease-hook)
#                     under $(DESTDIR)$(PREFIX) (PREFIX=/usr/local);
#                     make uninstall

VERSION := $(shell sed -n 's/^#define ARPPROXY_VERSION "\(.*\)"/\1/p' kmod/version.h)
KVER ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KVER)/build
BUILD ?= build
PREFIX ?= /usr/local

CC ?= cc
CFLAGS ?= -O2 -g
CTL_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror \
	-Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Ikmod/uapi -DARPPROXY_VERSION='"$(VERSION)"'
MNL_LIBS := $(shell pkg-config --libs libmnl 2>/dev/null || echo -lmnl)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck)

CTL_LIB_SRCS := $(filter-out userspace/main.c,$(wildcard userspace/*.c))
CTL_HDRS := $(wildcard userspace/*.h) kmod/uapi/linux/arpproxy.h
# The DHCP lease hook: a program of its own, outside arpproxyctl's link.
LEASE_SRCS := userspace/lease/main.c userspace/lease/plan.c
UNIT_SRCS := $(wildcard tests/unit/*.c) kmod/proto.c kmod/lookup.c userspace/lease/plan.c
# The module's parts that need no kernel and no tool: a runner of their own.
KMOD_UNIT_SRCS := $(wildcard tests/unit/kmod/*.c) kmod/proto.c kmod/acl_match.c kmod/bucket.c \
	kmod/station_set.c kmod/mac_share.c kmod/proto6.c
TEST_TOOLS := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(wildcard tests/tools/*.c))

.PHONY: all module ctl generate test-tools deps check check-debug bench bench-check unit vm-check demo sparse checkpatch \
	dkms-install deb install uninstall clean

all: module ctl

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

ctl: userspace/arpproxyctl userspace/lease-hook

generate:
	scripts/ynl-gen.sh

userspace/arpproxyctl: userspace/main.c $(CTL_LIB_SRCS) $(CTL_HDRS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CTL_CFLAGS) $(LDFLAGS) -o $@ userspace/main.c $(CTL_LIB_SRCS) $(MNL_LIBS)

userspace/lease-hook: $(LEASE_SRCS) userspace/lease/plan.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CTL_CFLAGS) $(LDFLAGS) -o $@ $(LEASE_SRCS) $(MNL_LIBS)

$(BUILD)/unit-tests: $(UNIT_SRCS) $(CTL_LIB_SRCS) $(CTL_HDRS) userspace/lease/plan.h $(wildcard tests/unit/*.h tests/shim/linux/*.h kmod/proto.h)
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(CTL_CFLAGS) -Wno-missing-prototypes -Iuserspace \
		-Itests/shim -Ikmod -o $@ $(UNIT_SRCS) $(CTL_LIB_SRCS) \
		$(MNL_LIBS) $(CHECK_LIBS)

$(BUILD)/kmod-unit-tests: $(KMOD_UNIT_SRCS) $(wildcard tests/unit/kmod/*.h tests/shim/linux/*.h kmod/*.h)
	@mkdir -p $(BUILD)
	$(CC) $(CFLAGS) $(CTL_CFLAGS) -Wno-missing-prototypes -Itests/shim -Ikmod \
		-o $@ $(KMOD_UNIT_SRCS) $(CHECK_LIBS)

$(BUILD)/tools/%: tests/tools/%.c
	@mkdir -p $(BUILD)/tools
	$(CC) $(CFLAGS) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -pthread -Ikmod/uapi \
		-o $@ $< $(MNL_LIBS)

# The test copy of the load generator includes the benchmark's.
$(BUILD)/tools/arpload: bench/arpload.c

test-tools: $(TEST_TOOLS)

# The hook's lookup as the module compiles it, for callgrind (bench-check).
$(BUILD)/lookup-bench: bench/lookup-bench.c kmod/lookup.c kmod/proto.c $(wildcard kmod/*.h tests/shim/linux/*.h)
	@mkdir -p $(BUILD)
	$(CC) -O2 -g $(CTL_CFLAGS) -Wno-missing-prototypes -Itests/shim -Ikmod \
		-o $@ bench/lookup-bench.c kmod/lookup.c kmod/proto.c

# libFuzzer over the module's packet logic (make check runs it briefly).
$(BUILD)/fuzz-proto: tests/fuzz/fuzz_proto.c kmod/proto.c kmod/proto.h kmod/proto6.c kmod/proto6.h \
		$(wildcard tests/shim/linux/*.h tests/shim/net/*.h)
	@mkdir -p $(BUILD)
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Wall -Wextra -Werror -Ikmod/uapi -Itests/shim -Ikmod -o $@ \
		tests/fuzz/fuzz_proto.c kmod/proto.c kmod/proto6.c

deps:
	@scripts/deps.sh

unit: $(BUILD)/unit-tests $(BUILD)/kmod-unit-tests
	$(BUILD)/unit-tests
	$(BUILD)/kmod-unit-tests

check: deps
	@scripts/check.sh

check-debug: deps ctl test-tools
	@scripts/debug-check.sh; rc=$$?; \
	echo "$$(grep -c '^PASS' $(BUILD)/debug/results) passed, $$(grep -c '^FAIL' $(BUILD)/debug/results) failed"; \
	exit $$rc

demo: deps
	@scripts/demo.sh

bench:
	@scripts/bench.sh

bench-check:
	@scripts/bench-check.sh

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) C=2 W=1 modules

checkpatch:
	@scripts/checkpatch.sh

dkms-install:
	scripts/dkms-install.sh

# The packages are built in a copy of the files git tracks or would track
# (committed or not, none it ignores: not build/, not build products); the
# debian/ build products stay out of the working tree.
DEB_DIR := $(BUILD)/deb
DEB_SRC := $(DEB_DIR)/src/arpproxy-$(VERSION)
deb:
	rm -rf $(DEB_DIR)
	mkdir -p $(DEB_SRC)
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		git ls-files --cached --others --exclude-standard | \
			while read -r f; do [ ! -e "$$f" ] || echo "$$f"; done | \
			tar -cf - -T - | tar -xf - -C $(DEB_SRC); \
	else \
		tar -cf - --exclude=./$(BUILD) --exclude-vcs-ignores . | tar -xf - -C $(DEB_SRC); \
	fi
	cd $(DEB_SRC) && dpkg-buildpackage -us -uc -b
	mv $(DEB_DIR)/src/*.deb $(DEB_DIR)/src/*.buildinfo $(DEB_DIR)/src/*.changes $(DEB_DIR)/
	rm -rf $(DEB_DIR)/src
	@ls $(DEB_DIR)/*.deb

INSTALL_CTL = $(DESTDIR)$(PREFIX)/sbin/arpproxyctl
INSTALL_MAN8 = $(DESTDIR)$(PREFIX)/share/man/man8/arpproxyctl.8
INSTALL_MAN4 = $(DESTDIR)$(PREFIX)/share/man/man4/arpproxy.4
INSTALL_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/arpproxyctl
INSTALL_LEASE_HOOK = $(DESTDIR)$(PREFIX)/lib/arpproxy/lease-hook
# systemd also reads units under /usr/local/lib; Debian's go to /lib.
UNITDIR ?= $(PREFIX)/lib/systemd/system
INSTALL_UNIT = $(DESTDIR)$(UNITDIR)/arpproxy.service

install: ctl
	install -D -m 0755 userspace/arpproxyctl $(INSTALL_CTL)
	install -D -m 0755 userspace/lease-hook $(INSTALL_LEASE_HOOK)
	install -D -m 0644 doc/arpproxyctl.8 $(INSTALL_MAN8)
	install -D -m 0644 doc/arpproxy.4 $(INSTALL_MAN4)
	install -D -m 0644 doc/arpproxyctl.bash-completion $(INSTALL_COMPLETION)
	mkdir -p $(dir $(INSTALL_UNIT))
	sed 's|/usr/sbin/arpproxyctl|$(PREFIX)/sbin/arpproxyctl|g' systemd/arpproxy.service >$(INSTALL_UNIT)

uninstall:
	rm -f $(INSTALL_CTL) $(INSTALL_MAN8) $(INSTALL_MAN4) $(INSTALL_COMPLETION) $(INSTALL_UNIT) \
		$(INSTALL_LEASE_HOOK)
	rmdir $(dir $(INSTALL_LEASE_HOOK)) 2>/dev/null || true

clean:
	rm -rf $(BUILD) userspace/arpproxyctl userspace/lease-hook
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
