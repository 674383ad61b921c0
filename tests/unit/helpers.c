// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <check.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>

#include "batch.h"
#include "cmd.h"
#include "err.h"
#include "helpers.h"
#include "print.h"

static FILE *capture_fp;
static char *capture_buf;
static size_t capture_len;

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

void put_binding_key(struct nlmsghdr *nlh, const char *prefix, uint8_t plen,
		     uint32_t ifindex)
{
	uint32_t addr;

	ck_assert_int_eq(inet_pton(AF_INET, prefix, &addr), 1);
	mnl_attr_put(nlh, ARPPROXY_A_PREFIX, sizeof(addr), &addr);
	mnl_attr_put_u8(nlh, ARPPROXY_A_PLEN, plen);
	if (ifindex)
		mnl_attr_put_u32(nlh, ARPPROXY_A_IFINDEX, ifindex);
}

uint32_t lo_index(void)
{
	uint32_t index = if_nametoindex("lo");

	ck_assert_uint_ne(index, 0);
	return index;
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
