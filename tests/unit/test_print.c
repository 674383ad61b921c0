// SPDX-License-Identifier: GPL-2.0
/* Replies to text and JSON: binding.c, iface.c, stats.c, version.c, print.c. */
#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <linux/netlink.h>
#include <libmnl/libmnl.h>

#include "cmd.h"
#include "helpers.h"
#include "nl.h"
#include "print.h"
#include "suites.h"

#define NO_DEV		0
#define GONE_DEV	999999	/* an ifindex no interface has */

static const uint8_t mac1[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x01 };

/* Crafted replies, one after the other as a dump delivers them. */
static char dump[4096];
static size_t dump_len;

static struct nlmsghdr *msg_start(uint8_t cmd)
{
	return nl_msg_start(dump + dump_len, 0x1234, NLM_F_MULTI, 1, cmd,
			    ARPPROXY_GENL_VERSION);
}

static void msg_end(const struct nlmsghdr *nlh)
{
	dump_len += nlh->nlmsg_len;
}

static void binding(const char *prefix, uint8_t plen, uint32_t ifindex,
		    const uint8_t *mac, uint32_t flags, uint64_t hits)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_BINDING_GET);

	put_binding_key(nlh, prefix, plen, ifindex);
	if (mac)
		mnl_attr_put(nlh, ARPPROXY_A_MAC, ETH_ALEN, mac);
	mnl_attr_put_u32(nlh, ARPPROXY_A_FLAGS, flags);
	mnl_attr_put_u64(nlh, ARPPROXY_A_HITS, hits);
	msg_end(nlh);
}

static void three_bindings(void)
{
	binding("10.0.0.5", 32, NO_DEV, NULL, ARPPROXY_BINDING_F_EXCLUDE, 0);
	binding("10.1.0.0", 16, NO_DEV, mac1, ARPPROXY_BINDING_F_ONLINK, 3);
	binding("172.16.20.0", 24, lo_index(), NULL, 0, 12);
}

static void iface(uint32_t ifindex, uint8_t mode, uint8_t inspect)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_IFACE_GET);

	mnl_attr_put_u32(nlh, ARPPROXY_A_IFINDEX, ifindex);
	mnl_attr_put_u8(nlh, ARPPROXY_A_PROXY_MODE, mode);
	mnl_attr_put_u8(nlh, ARPPROXY_A_INSPECT, inspect);
	msg_end(nlh);
}

/* A dump's output for the show command line */
static const char *show(const char *line, bool json, bool pretty)
{
	struct req req = parse_ok(line);

	capture_start(json, pretty);
	ck_assert_int_eq(cmd_print_dump(&req, dump, dump_len), 0);
	return capture_end();
}

/* The output for the single reply of a get */
static const char *show_reply(const char *line, bool json, bool pretty)
{
	const struct nlattr *tb[ARPPROXY_A_MAX + 1] = { NULL };
	struct req req = parse_ok(line);

	ck_assert_int_eq(req_parse_reply(&req, (const void *)dump, tb), 0);
	capture_start(json, pretty);
	req.cmd->print(&req, tb);
	return capture_end();
}

START_TEST(test_binding_text)
{
	three_bindings();
	ck_assert_str_eq(show("binding show", false, false),
			 "10.0.0.5/32 exclude hits 0\n"
			 "10.1.0.0/16 mac 02:00:00:00:00:01 onlink hits 3\n"
			 "172.16.20.0/24 dev lo mac auto hits 12\n");
}
END_TEST

START_TEST(test_binding_json)
{
	three_bindings();
	ck_assert_str_eq(show("binding show", true, false),
			 "[{\"prefix\":\"10.0.0.5/32\",\"dev\":null,\"mac\":null,"
			 "\"flags\":[\"exclude\"],\"hits\":0},"
			 "{\"prefix\":\"10.1.0.0/16\",\"dev\":null,\"mac\":\"02:00:00:00:00:01\","
			 "\"flags\":[\"onlink\"],\"hits\":3},"
			 "{\"prefix\":\"172.16.20.0/24\",\"dev\":\"lo\",\"mac\":null,"
			 "\"flags\":[],\"hits\":12}]\n");
}
END_TEST

START_TEST(test_binding_json_pretty)
{
	binding("10.1.0.0", 16, lo_index(), mac1,
		ARPPROXY_BINDING_F_ONLINK | ARPPROXY_BINDING_F_EXCLUDE, 3);
	binding("10.2.0.0", 16, NO_DEV, NULL, 0, 0);
	ck_assert_str_eq(show("binding show", true, true),
			 "[\n"
			 "  {\n"
			 "    \"prefix\": \"10.1.0.0/16\",\n"
			 "    \"dev\": \"lo\",\n"
			 "    \"mac\": \"02:00:00:00:00:01\",\n"
			 "    \"flags\": [\n"
			 "      \"onlink\",\n"
			 "      \"exclude\"\n"
			 "    ],\n"
			 "    \"hits\": 3\n"
			 "  },\n"
			 "  {\n"
			 "    \"prefix\": \"10.2.0.0/16\",\n"
			 "    \"dev\": null,\n"
			 "    \"mac\": null,\n"
			 "    \"flags\": [],\n"
			 "    \"hits\": 0\n"
			 "  }\n"
			 "]\n");
}
END_TEST

START_TEST(test_binding_filters)
{
	three_bindings();
	binding("10.1.0.0", 16, lo_index(), NULL, 0, 7);
	binding("10.1.0.0", 24, NO_DEV, NULL, 0, 1);
	ck_assert_str_eq(show("binding show 10.1.0.0/16", false, false),
			 "10.1.0.0/16 mac 02:00:00:00:00:01 onlink hits 3\n"
			 "10.1.0.0/16 dev lo mac auto hits 7\n");
	ck_assert_str_eq(show("binding show dev lo", false, false),
			 "172.16.20.0/24 dev lo mac auto hits 12\n"
			 "10.1.0.0/16 dev lo mac auto hits 7\n");
	ck_assert_str_eq(show("binding show 10.1.0.0/16 dev lo", false, false),
			 "10.1.0.0/16 dev lo mac auto hits 7\n");
	/* exact prefix and length, not "covered by" */
	ck_assert_str_eq(show("binding show 10.0.0.0/8", false, false), "");
	ck_assert_str_eq(show("binding show 10.0.0.0/8", true, false), "[]\n");
}
END_TEST

START_TEST(test_binding_odd_values)
{
	binding("10.2.0.0", 16, GONE_DEV, NULL, ARPPROXY_BINDING_F_ONLINK | 0x8, UINT64_MAX);
	ck_assert_str_eq(show("binding show", false, false),
			 "10.2.0.0/16 dev if999999 mac auto onlink 0x8 hits 18446744073709551615\n");
	ck_assert_str_eq(show("binding show", true, false),
			 "[{\"prefix\":\"10.2.0.0/16\",\"dev\":\"if999999\",\"mac\":null,"
			 "\"flags\":[\"onlink\",\"0x8\"],\"hits\":18446744073709551615}]\n");
}
END_TEST

START_TEST(test_empty_dump)
{
	ck_assert_str_eq(show("binding show", true, false), "[]\n");
	ck_assert_str_eq(show("binding show", true, true), "[]\n");
	ck_assert_str_eq(show("iface show", true, false), "[]\n");
	ck_assert_str_eq(show("binding show", false, false), "");
}
END_TEST

START_TEST(test_malformed_dump_prints_nothing)
{
	struct req req = parse_ok("binding show");
	struct nlmsghdr *nlh;

	three_bindings();
	nlh = msg_start(ARPPROXY_CMD_BINDING_GET);
	mnl_attr_put_u32(nlh, ARPPROXY_A_PREFIX, 0);
	msg_end(nlh);
	capture_start(_i, false);
	ck_assert_int_eq(cmd_print_dump(&req, dump, dump_len), -EBADMSG);
	ck_assert_str_eq(capture_end(), "");
}
END_TEST

START_TEST(test_iface)
{
	iface(lo_index(), ARPPROXY_PROXY_OFF, ARPPROXY_INSPECT_OFF);
	iface(GONE_DEV, ARPPROXY_PROXY_ROUTE, ARPPROXY_INSPECT_ENFORCE);
	iface(GONE_DEV + 1, 9, 7);
	ck_assert_str_eq(show("iface show", false, false),
			 "lo proxy off inspect off\n"
			 "if999999 proxy route inspect enforce\n"
			 "if1000000 proxy mode_9 inspect mode_7\n");
	ck_assert_str_eq(show("iface show", true, false),
			 "[{\"dev\":\"lo\",\"proxy\":\"off\",\"inspect\":\"off\"},"
			 "{\"dev\":\"if999999\",\"proxy\":\"route\",\"inspect\":\"enforce\"},"
			 "{\"dev\":\"if1000000\",\"proxy\":\"mode_9\",\"inspect\":\"mode_7\"}]\n");
	ck_assert_str_eq(show("iface show lo", false, false), "lo proxy off inspect off\n");
	ck_assert_str_eq(show("iface show lo", true, true),
			 "[\n  {\n    \"dev\": \"lo\",\n    \"proxy\": \"off\",\n"
			 "    \"inspect\": \"off\"\n  }\n]\n");
}
END_TEST

static void stats(const uint64_t *values, size_t n)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_STATS_GET);
	struct nlattr *nest = mnl_attr_nest_start(nlh, ARPPROXY_A_STATS);
	size_t i;

	for (i = 0; i < n; i++)
		mnl_attr_put_u64(nlh, i + 1, values[i]);
	/* the kernel pads u64s with type 0; a newer module may add counters */
	mnl_attr_put(nlh, ARPPROXY_STAT_UNSPEC, 0, NULL);
	mnl_attr_put_u64(nlh, 42, 5);
	mnl_attr_nest_end(nlh, nest);
	msg_end(nlh);
}

START_TEST(test_stats_names)
{
	static const uint64_t values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

	stats(values, N(values));
	ck_assert_str_eq(show_reply("stats show", false, false),
			 "frames 1\ninvalid 2\nnot_request 3\nrequests 4\nreplies 5\n"
			 "gratuitous 6\nprobe 7\nno_binding 8\nexcluded 9\n"
			 "local_target 10\nnot_offsubnet 11\ntx_error 12\nstat_42 5\n");
	ck_assert_str_eq(show_reply("stats show", true, false),
			 "{\"frames\":1,\"invalid\":2,\"not_request\":3,\"requests\":4,"
			 "\"replies\":5,\"gratuitous\":6,\"probe\":7,\"no_binding\":8,"
			 "\"excluded\":9,\"local_target\":10,\"not_offsubnet\":11,"
			 "\"tx_error\":12,\"stat_42\":5}\n");
}
END_TEST

START_TEST(test_stat_names)
{
	char buf[STAT_STRLEN];

	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_STATIC_MISMATCH), "static_mismatch");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_EVENTS_DROPPED), "events_dropped");
	ck_assert_str_eq(stat_name(buf, ARPPROXY_STAT_UNSPEC), "stat_0");
	ck_assert_str_eq(stat_name(buf, UINT32_MAX), "stat_4294967295");
}
END_TEST

START_TEST(test_stats_pretty)
{
	static const uint64_t values[] = { UINT64_MAX, 0 };

	stats(values, N(values));
	ck_assert_str_eq(show_reply("stats show", true, true),
			 "{\n  \"frames\": 18446744073709551615,\n  \"invalid\": 0,\n"
			 "  \"stat_42\": 5\n}\n");
}
END_TEST

START_TEST(test_version)
{
	struct nlmsghdr *nlh = msg_start(ARPPROXY_CMD_VERSION_GET);

	mnl_attr_put_strz(nlh, ARPPROXY_A_VERSION, "9.8.7");
	msg_end(nlh);
	ck_assert_str_eq(show_reply("version", false, false),
			 "arpproxyctl " ARPPROXY_VERSION "\nmodule 9.8.7\n");
	ck_assert_str_eq(show_reply("version", true, false),
			 "{\"arpproxyctl\":\"" ARPPROXY_VERSION "\",\"module\":\"9.8.7\"}\n");
}
END_TEST

START_TEST(test_json_strings_and_modes)
{
	capture_start(true, false);
	open_json_object(NULL);
	print_string(PRINT_ANY, "k\"", "%s", "a\"b\\c\n\x01");
	print_string(PRINT_FP, "text-only", "%s", "x");
	print_u64(PRINT_JSON, "n", "%" PRIu64, 7);
	close_json_object();
	ck_assert_str_eq(capture_end(), "{\"k\\\"\":\"a\\\"b\\\\c\\u000a\\u0001\",\"n\":7}\n");

	capture_start(false, false);
	open_json_object(NULL);
	print_string(PRINT_ANY, "k", "<%s>", "a\"b");
	print_null(PRINT_JSON, "json-only", NULL, NULL);
	print_u64(PRINT_FP, NULL, " %" PRIu64, 7);
	close_json_object();
	print_nl();
	ck_assert_str_eq(capture_end(), "<a\"b> 7\n");
}
END_TEST

static void reset_dump(void)
{
	dump_len = 0;
}

Suite *print_suite(void)
{
	Suite *s = suite_create("print");
	TCase *tc = tcase_create("print");

	tcase_add_checked_fixture(tc, reset_dump, NULL);
	tcase_add_test(tc, test_binding_text);
	tcase_add_test(tc, test_binding_json);
	tcase_add_test(tc, test_binding_json_pretty);
	tcase_add_test(tc, test_binding_filters);
	tcase_add_test(tc, test_binding_odd_values);
	tcase_add_test(tc, test_empty_dump);
	tcase_add_loop_test(tc, test_malformed_dump_prints_nothing, 0, 2);
	tcase_add_test(tc, test_iface);
	tcase_add_test(tc, test_stats_names);
	tcase_add_test(tc, test_stat_names);
	tcase_add_test(tc, test_stats_pretty);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_json_strings_and_modes);
	suite_add_tcase(s, tc);
	return s;
}
