// SPDX-License-Identifier: GPL-2.0
/* Words to requests: userspace/parse.c, cmd.c and batch_words(). */
#include <arpa/inet.h>
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cmd.h"
#include "err.h"
#include "helpers.h"
#include "parse.h"
#include "suites.h"

struct bad {
	const char *input;
	const char *error;
};

static uint32_t ip(const char *s)
{
	uint32_t a;

	ck_assert_int_eq(inet_pton(AF_INET, s, &a), 1);
	return a;
}

static const struct {
	const char *word, *addr;
	uint8_t plen;
} good_prefixes[] = {
	{ "10.0.0.5", "10.0.0.5", 32 },
	{ "172.16.20.0/24", "172.16.20.0", 24 },
	{ "0.0.0.0/0", "0.0.0.0", 0 },
	{ "255.255.255.255/32", "255.255.255.255", 32 },
	{ "10.0.0.0/8", "10.0.0.0", 8 },
	{ "192.168.1.128/25", "192.168.1.128", 25 },
};

START_TEST(test_prefix_good)
{
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix(good_prefixes[_i].word, &addr, &plen), 0);
	ck_assert_uint_eq(addr, ip(good_prefixes[_i].addr));
	ck_assert_uint_eq(plen, good_prefixes[_i].plen);
}
END_TEST

static const struct bad bad_prefixes[] = {
	{ "172.16.20.1/24",
	  "prefix \"172.16.20.1/24\" has host bits set (did you mean 172.16.20.0/24?)" },
	{ "10.0.0.1/0", "prefix \"10.0.0.1/0\" has host bits set (did you mean 0.0.0.0/0?)" },
	{ "1.2.3.4/33", "invalid prefix length in \"1.2.3.4/33\": expected 0..32" },
	{ "1.2.3.4/", "invalid prefix length in \"1.2.3.4/\": expected 0..32" },
	{ "1.2.3.4/-1", "invalid prefix length in \"1.2.3.4/-1\": expected 0..32" },
	{ "1.2.3.4/+8", "invalid prefix length in \"1.2.3.4/+8\": expected 0..32" },
	{ "1.2.3.4/ 8", "invalid prefix length in \"1.2.3.4/ 8\": expected 0..32" },
	{ "1.2.3.0/24x", "invalid prefix length in \"1.2.3.0/24x\": expected 0..32" },
	{ "1.2.3.0/0x8", "invalid prefix length in \"1.2.3.0/0x8\": expected 0..32" },
	{ "1.2.3.0/24/8", "invalid prefix length in \"1.2.3.0/24/8\": expected 0..32" },
	{ "1.2.3.256", "invalid prefix \"1.2.3.256\": expected A.B.C.D[/LEN]" },
	{ "1.2.3", "invalid prefix \"1.2.3\": expected A.B.C.D[/LEN]" },
	{ "1.2.3.4.5", "invalid prefix \"1.2.3.4.5\": expected A.B.C.D[/LEN]" },
	{ "01.2.3.4", "invalid prefix \"01.2.3.4\": expected A.B.C.D[/LEN]" },
	{ " 1.2.3.4", "invalid prefix \" 1.2.3.4\": expected A.B.C.D[/LEN]" },
	{ "1.2.3.4 ", "invalid prefix \"1.2.3.4 \": expected A.B.C.D[/LEN]" },
	{ "x1.2.3.4", "invalid prefix \"x1.2.3.4\": expected A.B.C.D[/LEN]" },
	{ "abc", "invalid prefix \"abc\": expected A.B.C.D[/LEN]" },
	{ "", "invalid prefix \"\": expected A.B.C.D[/LEN]" },
	{ "/24", "invalid prefix \"/24\": expected A.B.C.D[/LEN]" },
	{ "1111.2222.3333.4444/8", "invalid prefix \"1111.2222.3333.4444/8\": expected A.B.C.D[/LEN]" },
};

START_TEST(test_prefix_bad)
{
	uint32_t addr;
	uint8_t plen;

	ck_assert_int_eq(parse_prefix(bad_prefixes[_i].input, &addr, &plen), -1);
	ck_assert_str_eq(err_msg(), bad_prefixes[_i].error);
}
END_TEST

START_TEST(test_mac_good)
{
	static const uint8_t want[] = { 0xaa, 0xbb, 0xcc, 0x0d, 0xee, 0xf1 };
	uint8_t mac[ETH_ALEN];

	ck_assert_int_eq(parse_mac("AA:bb:Cc:0d:EE:f1", mac), 0);
	ck_assert_mem_eq(mac, want, ETH_ALEN);
	ck_assert_int_eq(parse_mac("02:00:00:00:00:01", mac), 0);
	ck_assert_uint_eq(mac[0], 2);
	ck_assert_uint_eq(mac[5], 1);
}
END_TEST

#define MAC_SYNTAX ": expected six colon-separated hex pairs"

static const struct bad bad_macs[] = {
	{ "01:00:5e:00:00:01", "MAC \"01:00:5e:00:00:01\" is a multicast address" },
	{ "03:00:00:00:00:00", "MAC \"03:00:00:00:00:00\" is a multicast address" },
	{ "ff:ff:ff:ff:ff:ff", "MAC \"ff:ff:ff:ff:ff:ff\" is the broadcast address" },
	{ "FF:FF:FF:FF:FF:FF", "MAC \"FF:FF:FF:FF:FF:FF\" is the broadcast address" },
	{ "00:00:00:00:00:00", "MAC \"00:00:00:00:00:00\" is all zeros" },
	{ "02:00:00:00:00", "invalid MAC \"02:00:00:00:00\"" MAC_SYNTAX },
	{ "02:00:00:00:00:01:02", "invalid MAC \"02:00:00:00:00:01:02\"" MAC_SYNTAX },
	{ "02:00:00:00:00:0g", "invalid MAC \"02:00:00:00:00:0g\"" MAC_SYNTAX },
	{ "2:0:0:0:0:1", "invalid MAC \"2:0:0:0:0:1\"" MAC_SYNTAX },
	{ "02-00-00-00-00-01", "invalid MAC \"02-00-00-00-00-01\"" MAC_SYNTAX },
	{ "02:00:00:00:00:01 ", "invalid MAC \"02:00:00:00:00:01 \"" MAC_SYNTAX },
	{ "02:00:00:00:00:001", "invalid MAC \"02:00:00:00:00:001\"" MAC_SYNTAX },
	{ "0200.0000.0001", "invalid MAC \"0200.0000.0001\"" MAC_SYNTAX },
	{ "", "invalid MAC \"\"" MAC_SYNTAX },
};

START_TEST(test_mac_bad)
{
	uint8_t mac[ETH_ALEN];

	ck_assert_int_eq(parse_mac(bad_macs[_i].input, mac), -1);
	ck_assert_str_eq(err_msg(), bad_macs[_i].error);
}
END_TEST

START_TEST(test_proxy_mode)
{
	uint8_t mode = 0xff;

	ck_assert_int_eq(parse_proxy_mode("off", &mode), 0);
	ck_assert_uint_eq(mode, ARPPROXY_PROXY_OFF);
	ck_assert_int_eq(parse_proxy_mode("route", &mode), 0);
	ck_assert_uint_eq(mode, ARPPROXY_PROXY_ROUTE);
	ck_assert_int_eq(parse_proxy_mode("on", &mode), -1);
	ck_assert_str_eq(err_msg(), "invalid proxy mode \"on\": expected off or route");
}
END_TEST

START_TEST(test_binding_add_minimal)
{
	struct req req = parse_ok("binding add 10.0.0.0/8");

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_BINDING_ADD);
	ck_assert_uint_eq(req.cmd->kind, REQ_CHANGE);
	ck_assert_uint_eq(req.attrs, REQ_ATTR(PREFIX) | REQ_ATTR(PLEN) | REQ_ATTR(FLAGS));
	ck_assert_uint_eq(req.prefix, ip("10.0.0.0"));
	ck_assert_uint_eq(req.plen, 8);
	ck_assert_uint_eq(req.flags, 0);
}
END_TEST

static const char *const any_order[] = {
	"binding replace 10.1.0.0/16 dev lo mac 02:00:00:00:00:01 onlink",
	"binding replace 10.1.0.0/16 onlink mac 02:00:00:00:00:01 dev lo",
	"binding replace 10.1.0.0/16 mac 02:00:00:00:00:01 onlink dev lo",
};

START_TEST(test_binding_keywords_any_order)
{
	static const uint8_t mac[] = { 2, 0, 0, 0, 0, 1 };
	struct req req = parse_ok(any_order[_i]);

	ck_assert_uint_eq(req.cmd->id, ARPPROXY_CMD_BINDING_REPLACE);
	ck_assert_uint_eq(req.attrs, REQ_ATTR(PREFIX) | REQ_ATTR(PLEN) | REQ_ATTR(FLAGS) |
				     REQ_ATTR(IFINDEX) | REQ_ATTR(MAC));
	ck_assert_uint_eq(req.ifindex, lo_index());
	ck_assert_mem_eq(req.mac, mac, ETH_ALEN);
	ck_assert_uint_eq(req.flags, ARPPROXY_BINDING_F_ONLINK);
}
END_TEST

START_TEST(test_binding_exclude_and_mac_auto)
{
	struct req req = parse_ok("binding add 10.0.0.5 exclude onlink");

	ck_assert_uint_eq(req.flags, ARPPROXY_BINDING_F_EXCLUDE | ARPPROXY_BINDING_F_ONLINK);
	ck_assert_uint_eq(req.plen, 32);
	ck_assert_uint_eq(req.attrs & REQ_ATTR(MAC), 0);
	req = parse_ok("binding add 10.0.0.0/8 mac auto");
	ck_assert_uint_eq(req.attrs & REQ_ATTR(MAC), 0);
	ck_assert_uint_eq(req.flags, 0);
}
END_TEST

#define KEY		(REQ_ATTR(PREFIX) | REQ_ATTR(PLEN))
#define DEV		REQ_ATTR(IFINDEX)

static const struct {
	const char *line;
	uint8_t id;
	uint8_t kind;
	unsigned int attrs;
} good_lines[] = {
	{ "binding add 10.0.0.0/8", ARPPROXY_CMD_BINDING_ADD, REQ_CHANGE,
	  KEY | REQ_ATTR(FLAGS) },
	{ "binding replace 10.0.0.0/8 dev lo", ARPPROXY_CMD_BINDING_REPLACE, REQ_CHANGE,
	  KEY | DEV | REQ_ATTR(FLAGS) },
	{ "binding del 10.0.0.0/8", ARPPROXY_CMD_BINDING_DEL, REQ_CHANGE, KEY },
	{ "binding del 10.0.0.0/8 dev lo", ARPPROXY_CMD_BINDING_DEL, REQ_CHANGE, KEY | DEV },
	{ "binding flush", ARPPROXY_CMD_BINDING_FLUSH, REQ_CHANGE, 0 },
	{ "binding flush dev lo", ARPPROXY_CMD_BINDING_FLUSH, REQ_CHANGE, DEV },
	{ "binding show", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, 0 },
	{ "binding show dev lo", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, DEV },
	{ "binding show 10.0.0.0/8", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, KEY },
	{ "binding show 10.0.0.0/8 dev lo", ARPPROXY_CMD_BINDING_GET, REQ_DUMP, KEY | DEV },
	{ "iface set lo proxy route", ARPPROXY_CMD_IFACE_SET, REQ_CHANGE,
	  DEV | REQ_ATTR(PROXY_MODE) },
	{ "iface show", ARPPROXY_CMD_IFACE_GET, REQ_DUMP, 0 },
	{ "iface show lo", ARPPROXY_CMD_IFACE_GET, REQ_DUMP, DEV },
	{ "stats show", ARPPROXY_CMD_STATS_GET, REQ_GET, 0 },
	{ "stats reset", ARPPROXY_CMD_STATS_RESET, REQ_CHANGE, 0 },
	{ "version", ARPPROXY_CMD_VERSION_GET, REQ_GET, 0 },
	{ "monitor", 0, REQ_MONITOR, 0 },
};

START_TEST(test_good_lines)
{
	struct req req = parse_ok(good_lines[_i].line);

	ck_assert_uint_eq(req.cmd->id, good_lines[_i].id);
	ck_assert_uint_eq(req.cmd->kind, good_lines[_i].kind);
	ck_assert_uint_eq(req.attrs, good_lines[_i].attrs);
	if (req.attrs & DEV)
		ck_assert_uint_eq(req.ifindex, lo_index());
}
END_TEST

START_TEST(test_iface_set_values)
{
	struct req req = parse_ok("iface set lo proxy route");

	ck_assert_uint_eq(req.proxy_mode, ARPPROXY_PROXY_ROUTE);
	req = parse_ok("iface set lo proxy off");
	ck_assert_uint_eq(req.proxy_mode, ARPPROXY_PROXY_OFF);
	ck_assert_uint_eq(req.attrs, DEV | REQ_ATTR(PROXY_MODE));
}
END_TEST

START_TEST(test_help)
{
	struct req req = parse_ok("help");

	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_null(req.help);
	req = parse_ok("binding help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &binding_object);
	req = parse_ok("stats help");
	ck_assert_ptr_eq(req.help, &stats_object);
	req = parse_ok("monitor help");
	ck_assert_uint_eq(req.cmd->kind, REQ_LOCAL);
	ck_assert_ptr_eq(req.help, &monitor_object);
}
END_TEST

static const struct bad bad_lines[] = {
	{ "", "missing OBJECT (try \"arpproxyctl help\")" },
	{ "frob", "unknown object \"frob\"" },
	{ "binding", "missing binding command" },
	{ "binding frob", "unknown binding command \"frob\"" },
	{ "binding add", "missing PREFIX" },
	{ "binding add 1.2.3.4/33", "invalid prefix length in \"1.2.3.4/33\": expected 0..32" },
	{ "binding add dev lo", "invalid prefix \"dev\": expected A.B.C.D[/LEN]" },
	{ "binding add 10.0.0.0/8 foo", "unknown word \"foo\"" },
	{ "binding add 10.0.0.0/8 dev lo dev lo", "\"dev\" given twice" },
	{ "binding add 10.0.0.0/8 onlink onlink", "\"onlink\" given twice" },
	{ "binding add 10.0.0.0/8 mac auto mac auto", "\"mac\" given twice" },
	{ "binding add 10.0.0.0/8 exclude exclude", "\"exclude\" given twice" },
	{ "binding add 10.0.0.5 exclude mac 02:00:00:00:00:01",
	  "\"mac\" cannot be used with \"exclude\"" },
	{ "binding add 10.0.0.5 mac 02:00:00:00:00:01 exclude",
	  "\"exclude\" cannot be used with \"mac\"" },
	{ "binding add 10.0.0.5 exclude mac auto", "\"mac\" cannot be used with \"exclude\"" },
	{ "binding add 10.0.0.0/8 dev", "missing IFNAME after \"dev\"" },
	{ "binding add 10.0.0.0/8 mac", "missing MAC after \"mac\"" },
	{ "binding add 10.0.0.0/8 dev nosuchdev0", "cannot find device \"nosuchdev0\"" },
	{ "binding add 10.0.0.0/8 dev averyveryverylongifname", "cannot find device \"averyveryverylongifname\"" },
	{ "binding add 10.0.0.0/8 mac ff:ff:ff:ff:ff:ff",
	  "MAC \"ff:ff:ff:ff:ff:ff\" is the broadcast address" },
	{ "binding add 10.0.0.0/8 mac 02:00", "invalid MAC \"02:00\"" MAC_SYNTAX },
	{ "binding del", "missing PREFIX" },
	{ "binding del 10.0.0.0/8 mac 02:00:00:00:00:01", "unknown word \"mac\"" },
	{ "binding del 10.0.0.0/8 onlink", "unknown word \"onlink\"" },
	{ "binding show dev", "missing IFNAME after \"dev\"" },
	{ "binding show foo", "invalid prefix \"foo\": expected A.B.C.D[/LEN]" },
	{ "binding show 10.0.0.0/8 10.0.0.0/8", "unknown word \"10.0.0.0/8\"" },
	{ "binding flush 10.0.0.0/8", "unknown word \"10.0.0.0/8\"" },
	{ "iface set", "missing IFNAME" },
	{ "iface set lo", "missing a setting: proxy or inspect" },
	{ "iface set lo inspect", "missing off|log|enforce after \"inspect\"" },
	{ "iface set lo inspect on", "invalid inspect mode \"on\": expected off, log or enforce" },
	{ "binding add 10.0.0.5 static", "\"static\" needs \"mac\"" },
	{ "binding add 10.0.0.5 static exclude", "\"exclude\" cannot be used with \"static\"" },
	{ "iface set lo proxy", "missing off|route after \"proxy\"" },
	{ "iface set lo proxy on", "invalid proxy mode \"on\": expected off or route" },
	{ "iface set lo proxy off proxy route", "\"proxy\" given twice" },
	{ "iface set nosuchdev0 proxy off", "cannot find device \"nosuchdev0\"" },
	{ "iface show lo extra", "unknown word \"extra\"" },
	{ "stats", "missing stats command" },
	{ "stats show extra", "unknown word \"extra\"" },
	{ "stats clear", "unknown stats command \"clear\"" },
	{ "version extra", "unknown word \"extra\"" },
	{ "monitor extra", "unknown word \"extra\"" },
	{ "monitor help extra", "unknown word \"extra\"" },
	{ "help extra", "unknown word \"extra\"" },
	{ "binding help extra", "unknown word \"extra\"" },
	{ "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7",
	  "too many words" },
};

START_TEST(test_bad_lines)
{
	struct req req;

	ck_assert_msg(parse_line(bad_lines[_i].input, &req) == -1, "accepted \"%s\"",
		      bad_lines[_i].input);
	ck_assert_str_eq(err_msg(), bad_lines[_i].error);
}
END_TEST

START_TEST(test_batch_words)
{
	char line[] = "\tbinding  add 10.0.0.0/8 # dev lo\r\n", blank[] = "  \t\n";
	char comment[] = "# binding add 10.0.0.0/8", *argv[8];

	ck_assert_int_eq(batch_words(line, argv, 8), 3);
	ck_assert_str_eq(argv[0], "binding");
	ck_assert_str_eq(argv[1], "add");
	ck_assert_str_eq(argv[2], "10.0.0.0/8");
	ck_assert_int_eq(batch_words(blank, argv, 8), 0);
	ck_assert_int_eq(batch_words(comment, argv, 8), 0);
}
END_TEST

START_TEST(test_batch_words_limit)
{
	char line[] = "a b c", *argv[2];

	ck_assert_int_eq(batch_words(line, argv, 2), -1);
	ck_assert_str_eq(err_msg(), "too many words");
}
END_TEST

static char *help_text(const struct object *obj)
{
	char *buf = NULL;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);

	cmd_help(fp, obj);
	fclose(fp);
	return buf;
}

START_TEST(test_help_text)
{
	char *all = help_text(NULL), *binding = help_text(&binding_object);
	char *monitor = help_text(&monitor_object);

	ck_assert_str_eq(all,
		"arpproxyctl [-j|--json] [-p|--pretty] [-n|--netns NAME] [-b|--batch FILE|-] [-f|--force] OBJECT COMMAND\n"
		"arpproxyctl binding add|replace PREFIX [dev IFNAME] [mac MAC] [onlink] [exclude] [static]\n"
		"arpproxyctl binding del PREFIX [dev IFNAME]\n"
		"arpproxyctl binding show [PREFIX] [dev IFNAME]\n"
		"arpproxyctl binding flush [dev IFNAME]\n"
		"arpproxyctl iface set IFNAME [proxy off|route] [inspect off|log|enforce]\n"
		"arpproxyctl iface show [IFNAME]\n"
		"arpproxyctl stats show | stats reset\n"
		"arpproxyctl monitor\n"
		"arpproxyctl version\n"
		"arpproxyctl help | -h | --help ; arpproxyctl OBJECT help\n"
		"PREFIX := A.B.C.D[/LEN]  MAC := xx:xx:xx:xx:xx:xx | auto\n");
	ck_assert_str_eq(binding,
		"arpproxyctl binding add|replace PREFIX [dev IFNAME] [mac MAC] [onlink] [exclude] [static]\n"
		"arpproxyctl binding del PREFIX [dev IFNAME]\n"
		"arpproxyctl binding show [PREFIX] [dev IFNAME]\n"
		"arpproxyctl binding flush [dev IFNAME]\n");
	ck_assert_str_eq(monitor, "arpproxyctl monitor\n");
	free(all);
	free(binding);
	free(monitor);
}
END_TEST

Suite *parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *words = tcase_create("words");
	TCase *lines = tcase_create("lines");

	tcase_add_loop_test(words, test_prefix_good, 0, N(good_prefixes));
	tcase_add_loop_test(words, test_prefix_bad, 0, N(bad_prefixes));
	tcase_add_test(words, test_mac_good);
	tcase_add_loop_test(words, test_mac_bad, 0, N(bad_macs));
	tcase_add_test(words, test_proxy_mode);
	tcase_add_test(words, test_batch_words);
	tcase_add_test(words, test_batch_words_limit);
	suite_add_tcase(s, words);

	tcase_add_test(lines, test_binding_add_minimal);
	tcase_add_loop_test(lines, test_binding_keywords_any_order, 0, N(any_order));
	tcase_add_test(lines, test_binding_exclude_and_mac_auto);
	tcase_add_loop_test(lines, test_good_lines, 0, N(good_lines));
	tcase_add_test(lines, test_iface_set_values);
	tcase_add_test(lines, test_help);
	tcase_add_test(lines, test_help_text);
	tcase_add_loop_test(lines, test_bad_lines, 0, N(bad_lines));
	suite_add_tcase(s, lines);
	return s;
}
