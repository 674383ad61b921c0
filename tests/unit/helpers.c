// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <check.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libmnl/libmnl.h>

#include "batch.h"
#include "cmd.h"
#include "err.h"
#include "helpers.h"
#include "print.h"

static FILE *capture_fp;
static char *capture_buf;
static size_t capture_len;
static char batch_stderr[4096];

int parse_line(const char *line, struct req *req)
{
	char buf[512], *argv[32];
	int argc;

	snprintf(buf, sizeof(buf), "%s", line);
	argc = batch_words(buf, argv, 32);
	if (argc < 0)
		return argc;
	return cmd_parse(argc, argv, req);
}

struct req parse_ok(const char *line)
{
	struct req req;

	ck_assert_msg(!parse_line(line, &req), "\"%s\": %s", line, err_msg());
	return req;
}

uint16_t object_nest(uint8_t cmd)
{
	switch (cmd) {
	case ARPPROXY_CMD_BINDING_ADD:
	case ARPPROXY_CMD_BINDING_REPLACE:
	case ARPPROXY_CMD_BINDING_DEL:
	case ARPPROXY_CMD_BINDING_GET:
	case ARPPROXY_CMD_BINDING_FLUSH:
	case ARPPROXY_CMD_BINDING_EXPIRE:
		return ARPPROXY_A_BINDING;
	case ARPPROXY_CMD_IFACE_SET:
	case ARPPROXY_CMD_IFACE_GET:
	case ARPPROXY_CMD_IFACE_TRACK:
		return ARPPROXY_A_IFACE;
	case ARPPROXY_CMD_ACL_ADD:
	case ARPPROXY_CMD_ACL_DEL:
	case ARPPROXY_CMD_ACL_GET:
	case ARPPROXY_CMD_ACL_FLUSH:
		return ARPPROXY_A_ACL;
	case ARPPROXY_CMD_STATION_GET:
	case ARPPROXY_CMD_STATION_FLUSH:
		return ARPPROXY_A_STATION;
	case ARPPROXY_CMD_ANNOUNCE:
		return ARPPROXY_A_ANNOUNCE;
	case ARPPROXY_CMD_CACHE_SET:
	case ARPPROXY_CMD_CACHE_GET:
		return ARPPROXY_A_CACHE;
	case ARPPROXY_CMD_SPOOF:
	case ARPPROXY_CMD_RATE_LIMIT:
	case ARPPROXY_CMD_STATION_NEW:
	case ARPPROXY_CMD_STATION_CHANGED:
		return ARPPROXY_A_EVENT;
	}
	return 0;
}

void put_binding_key(struct nlmsghdr *nlh, const char *prefix, uint8_t plen,
		     uint32_t ifindex)
{
	uint8_t addr[16];

	if (strchr(prefix, ':')) {
		ck_assert_int_eq(inet_pton(AF_INET6, prefix, addr), 1);
		mnl_attr_put(nlh, ARPPROXY_BINDING_A_PREFIX6, 16, addr);
	} else {
		ck_assert_int_eq(inet_pton(AF_INET, prefix, addr), 1);
		mnl_attr_put(nlh, ARPPROXY_BINDING_A_PREFIX4, 4, addr);
	}
	mnl_attr_put_u8(nlh, ARPPROXY_BINDING_A_PLEN, plen);
	if (ifindex)
		mnl_attr_put_u32(nlh, ARPPROXY_BINDING_A_IFINDEX, ifindex);
}

void put_iface(struct nlmsghdr *nlh, uint32_t ifindex, const struct iface_settings *s)
{
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_IFINDEX, ifindex);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_PROXY_MODE, s->proxy);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_INSPECT, s->inspect);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_RARP, s->rarp);
	mnl_attr_put_u8(nlh, ARPPROXY_IFACE_A_LEARN, s->learn);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_RATE, s->rate);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_RATE_BURST, s->burst);
	mnl_attr_put_u32(nlh, ARPPROXY_IFACE_A_RATE_PER_HOST, s->per_host);
}

void put_acl_rule(struct nlmsghdr *nlh, uint32_t ifindex, uint32_t pref,
		  uint8_t action, const char *prefix, uint8_t plen, const uint8_t *mac)
{
	uint32_t addr;

	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_IFINDEX, ifindex);
	mnl_attr_put_u32(nlh, ARPPROXY_ACL_A_PREF, pref);
	mnl_attr_put_u8(nlh, ARPPROXY_ACL_A_ACTION, action);
	if (prefix) {
		ck_assert_int_eq(inet_pton(AF_INET, prefix, &addr), 1);
		mnl_attr_put(nlh, ARPPROXY_ACL_A_PREFIX4, sizeof(addr), &addr);
		mnl_attr_put_u8(nlh, ARPPROXY_ACL_A_PLEN, plen);
	}
	if (mac)
		mnl_attr_put(nlh, ARPPROXY_ACL_A_MAC, ETH_ALEN, mac);
}

uint32_t lo_index(void)
{
	uint32_t index = if_nametoindex("lo");

	ck_assert_uint_ne(index, 0);
	return index;
}

/* Run text as FILE "BATCH" with run(nl, "BATCH", flag): what it wrote to stderr */
static const char *run_file(const char *text, int (*run)(struct nl *, const char *, bool),
			    bool flag, struct nl *nl, int *ret)
{
	char dir[] = "/tmp/arpproxy-unit-XXXXXX", cwd[4096];
	FILE *fp, *err = tmpfile();
	int saved = dup(STDERR_FILENO);
	size_t len;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_int_eq(chdir(dir), 0);
	fp = fopen("BATCH", "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_ge(fputs(text, fp), 0);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_ptr_nonnull(err);
	fflush(stderr);
	ck_assert_int_ge(dup2(fileno(err), STDERR_FILENO), 0);
	*ret = run(nl, "BATCH", flag);
	fflush(stderr);
	ck_assert_int_ge(dup2(saved, STDERR_FILENO), 0);
	close(saved);
	unlink("BATCH");
	ck_assert_int_eq(chdir(cwd), 0);
	rmdir(dir);
	rewind(err);
	len = fread(batch_stderr, 1, sizeof(batch_stderr) - 1, err);
	batch_stderr[len] = '\0';
	fclose(err);
	return batch_stderr;
}

void capture_start(bool json, bool pretty)
{
	free(capture_buf);
	capture_buf = NULL;
	capture_fp = open_memstream(&capture_buf, &capture_len);
	ck_assert_ptr_nonnull(capture_fp);
	print_init(capture_fp, json, pretty);
}

const char *capture_end(void)
{
	ck_assert_int_eq(fclose(capture_fp), 0);
	capture_fp = NULL;
	return capture_buf;
}

const char *run_batch(const char *text, struct nl *nl, int *ret)
{
	return run_file(text, batch_run, false, nl, ret);
}

const char *run_restore(const char *text, bool check, struct nl *nl, int *ret)
{
	return run_file(text, restore_run, check, nl, ret);
}
