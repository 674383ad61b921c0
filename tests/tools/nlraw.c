// SPDX-License-Identifier: GPL-2.0
/*
 * nlraw: send one arpproxy request built attribute by attribute, with no
 * validation of its own, to show what the kernel accepts and refuses.
 *
 * usage: nlraw COMMAND [NAME=VALUE ...]
 *   COMMAND: the number of an ARPPROXY_CMD_*, or add, replace, del,
 *            flush, iface-set, stats-reset, restore-begin, restore-commit
 *   NAME:    prefix (dotted quad), plen, ifindex, flags, mode (numbers),
 *            mac (12 hex digits), or attr:N (N is the attribute type, the
 *            value hex bytes: the attribute is sent exactly as given),
 *            or reserved=N: N in the generic netlink header's reserved byte
 * Prints "ok", or "error ERRNO: EXTACK-MESSAGE" and exits 1.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/arpproxy.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct {
	const char *name;
	int cmd;
} commands[] = {
	{ "add", ARPPROXY_CMD_BINDING_ADD },
	{ "replace", ARPPROXY_CMD_BINDING_REPLACE },
	{ "del", ARPPROXY_CMD_BINDING_DEL },
	{ "flush", ARPPROXY_CMD_BINDING_FLUSH },
	{ "iface-set", ARPPROXY_CMD_IFACE_SET },
	{ "stats-reset", ARPPROXY_CMD_STATS_RESET },
	{ "restore-begin", ARPPROXY_CMD_RESTORE_BEGIN },
	{ "restore-commit", ARPPROXY_CMD_RESTORE_COMMIT },
};

static void fail(const char *what)
{
	fprintf(stderr, "nlraw: %s\n", what);
	exit(2);
}

static int family_id_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr))
		if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID)
			*(int *)data = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

static void put_hex(struct nlmsghdr *nlh, int type, const char *hex)
{
	unsigned char buf[256];
	size_t n = 0;

	while (hex[0] && hex[1] && n < sizeof(buf)) {
		if (sscanf(hex, "%2hhx", &buf[n++]) != 1)
			fail("bad hex value");
		hex += 2;
	}
	mnl_attr_put(nlh, type, n, buf);
}

static void put_attr(struct nlmsghdr *nlh, struct genlmsghdr *genl, const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *v = eq ? eq + 1 : "";
	struct in_addr a;

	if (!eq)
		fail("arguments are NAME=VALUE");
	if (!strncmp(arg, "reserved=", 9)) {
		genl->reserved = atoi(v);
	} else if (!strncmp(arg, "prefix=", 7)) {
		if (inet_pton(AF_INET, v, &a) != 1)
			fail("bad prefix");
		mnl_attr_put_u32(nlh, ARPPROXY_A_PREFIX, a.s_addr);
	} else if (!strncmp(arg, "plen=", 5)) {
		mnl_attr_put_u8(nlh, ARPPROXY_A_PLEN, atoi(v));
	} else if (!strncmp(arg, "ifindex=", 8)) {
		mnl_attr_put_u32(nlh, ARPPROXY_A_IFINDEX, strtoul(v, NULL, 0));
	} else if (!strncmp(arg, "flags=", 6)) {
		mnl_attr_put_u32(nlh, ARPPROXY_A_FLAGS, strtoul(v, NULL, 0));
	} else if (!strncmp(arg, "mode=", 5)) {
		mnl_attr_put_u8(nlh, ARPPROXY_A_PROXY_MODE, atoi(v));
	} else if (!strncmp(arg, "mac=", 4)) {
		put_hex(nlh, ARPPROXY_A_MAC, v);
	} else if (!strncmp(arg, "attr:", 5)) {
		put_hex(nlh, atoi(arg + 5), v);
	} else {
		fail("unknown attribute name");
	}
}

static int request(struct mnl_socket *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	unsigned int portid = mnl_socket_get_portid(nl);
	int ret;

	nlh->nlmsg_seq = time(NULL);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		fail("sendto");
	while ((ret = mnl_socket_recvfrom(nl, buf, sizeof(buf))) > 0) {
		ret = mnl_cb_run(buf, ret, nlh->nlmsg_seq, portid, cb, data);
		if (ret <= MNL_CB_STOP)
			break;
	}
	return ret;
}

/* The extended ack message of the error in @nlh, if the kernel sent one. */
static int extack_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	unsigned int off = sizeof(*err);
	struct nlattr *attr;

	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += mnl_nlmsg_get_payload_len(&err->msg);
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return MNL_CB_OK;
	mnl_attr_for_each(attr, nlh, off)
		if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG)
			*(const char **)data = mnl_attr_get_str(attr);
	return MNL_CB_OK;
}

int main(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], rbuf[MNL_SOCKET_BUFFER_SIZE];
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;
	const char *msg = "";
	int family = 0, cmd = -1, one = 1, ret;

	if (argc < 2)
		fail("usage: nlraw COMMAND [NAME=VALUE ...]");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			cmd = commands[i].cmd;
	if (cmd < 0)
		cmd = atoi(argv[1]);

	nl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		fail("cannot open a netlink socket");
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = CTRL_CMD_GETFAMILY;
	genl->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ARPPROXY_GENL_NAME);
	if (request(nl, nlh, family_id_cb, &family) < 0 || !family)
		fail("arpproxy module is not loaded");

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = ARPPROXY_GENL_VERSION;
	for (int i = 2; i < argc; i++)
		put_attr(nlh, genl, argv[i]);

	nlh->nlmsg_seq = time(NULL);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		fail("sendto");
	ret = mnl_socket_recvfrom(nl, rbuf, sizeof(rbuf));
	if (ret < 0)
		fail("recvfrom");
	mnl_cb_run2(rbuf, ret, 0, 0, NULL, &msg,
		    (mnl_cb_t[NLMSG_MIN_TYPE]){ [NLMSG_ERROR] = extack_cb }, NLMSG_MIN_TYPE);
	ret = mnl_cb_run(rbuf, ret, nlh->nlmsg_seq, mnl_socket_get_portid(nl), NULL, NULL);
	if (ret < 0) {
		printf("error %s: %s\n", strerrorname_np(errno) ? strerrorname_np(errno) : "?", msg);
		return 1;
	}
	printf("ok\n");
	return 0;
}
