// SPDX-License-Identifier: GPL-2.0
#include <arpa/inet.h>
#include <inttypes.h>
#include <libmnl/libmnl.h>

#include "ifname.h"
#include "parse.h"
#include "print.h"

/* Output nests an array of objects holding arrays at the most. */
#define JSON_MAX_DEPTH	8

static struct {
	FILE *fp;
	bool json;
	bool pretty;
	unsigned int depth;
	bool empty[JSON_MAX_DEPTH];	/* container at this depth has no value yet */
} out;

void print_init(FILE *fp, bool json, bool pretty)
{
	out.fp = fp;
	out.json = json;
	out.pretty = pretty;
	out.depth = 0;
}

bool is_json_context(void)
{
	return out.json;
}

static void json_indent(void)
{
	if (out.pretty)
		fprintf(out.fp, "\n%*s", 2 * out.depth, "");
}

static void json_string(const char *s)
{
	fputc('"', out.fp);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out.fp, "\\%c", c);
		else if (c < 0x20)
			fprintf(out.fp, "\\u%04x", c);
		else
			fputc(c, out.fp);
	}
	fputc('"', out.fp);
}

/* Separate a value from the one before it, and name it inside an object. */
static void json_key(const char *key)
{
	if (out.depth) {
		if (!out.empty[out.depth])
			fputc(',', out.fp);
		out.empty[out.depth] = false;
		json_indent();
	}
	if (key) {
		json_string(key);
		fputs(out.pretty ? ": " : ":", out.fp);
	}
}

static void json_open(const char *key, char c)
{
	if (!out.json)
		return;
	json_key(key);
	fputc(c, out.fp);
	out.empty[++out.depth] = true;
}

static void json_close(char c)
{
	if (!out.json)
		return;
	if (!out.empty[out.depth--])
		json_indent();
	fputc(c, out.fp);
	if (!out.depth)
		fputc('\n', out.fp);
}

void open_json_object(const char *key)
{
	json_open(key, '{');
}

void close_json_object(void)
{
	json_close('}');
}

void open_json_array(const char *key)
{
	json_open(key, '[');
}

void close_json_array(void)
{
	json_close(']');
}

/* Whether a value of this type shows in the current mode; starts it in JSON. */
static bool print_begin(enum output_type type, const char *key)
{
	if (!(type & (out.json ? PRINT_JSON : PRINT_FP)))
		return false;
	if (out.json)
		json_key(key);
	return true;
}

void print_string(enum output_type type, const char *key, const char *fmt,
		  const char *value)
{
	if (!print_begin(type, key))
		return;
	if (out.json)
		json_string(value);
	else
		fprintf(out.fp, fmt, value);
}

void print_u64(enum output_type type, const char *key, const char *fmt,
	       uint64_t value)
{
	if (!print_begin(type, key))
		return;
	if (out.json)
		fprintf(out.fp, "%" PRIu64, value);
	else
		fprintf(out.fp, fmt, value);
}

void print_null(enum output_type type, const char *key, const char *fmt,
		const char *value)
{
	if (!print_begin(type, key))
		return;
	if (out.json)
		fputs("null", out.fp);
	else
		fprintf(out.fp, fmt, value);
}

void print_mac(const char *key, const char *fmt, const struct nlattr *mac)
{
	char buf[MAC_STRLEN];

	if (mac)
		print_string(PRINT_ANY, key, fmt, format_mac(buf, mnl_attr_get_payload(mac)));
}

void print_ip(const char *key, const char *fmt, const struct nlattr *ip)
{
	char buf[INET_ADDRSTRLEN];

	if (ip)
		print_string(PRINT_ANY, key, fmt,
			     inet_ntop(AF_INET, mnl_attr_get_payload(ip), buf, sizeof(buf)));
}

void print_ip6(const char *key, const char *fmt, const struct nlattr *ip)
{
	char buf[INET6_ADDRSTRLEN];

	if (ip)
		print_string(PRINT_ANY, key, fmt,
			     inet_ntop(AF_INET6, mnl_attr_get_payload(ip), buf, sizeof(buf)));
}

void print_dev(const char *fmt, const struct nlattr *ifindex)
{
	char dev[IF_NAMESIZE];

	print_string(PRINT_ANY, "dev", fmt, ifname_of(mnl_attr_get_u32(ifindex), dev));
}

void print_dev_scope(const struct nlattr *ifindex)
{
	if (ifindex)
		print_dev(" dev %s", ifindex);
	else
		print_null(PRINT_JSON, "dev", NULL, NULL);
}

void print_hits(const struct nlattr *hits)
{
	print_u64(PRINT_ANY, "hits", " hits %" PRIu64, hits ? mnl_attr_get_u64(hits) : 0);
}

void print_nl(void)
{
	if (!out.json)
		fputc('\n', out.fp);
}

int print_flush(void)
{
	return fflush(out.fp);
}
