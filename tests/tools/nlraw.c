// SPDX-License-Identifier: GPL-2.0
/*
 * nlraw: send one arpproxy request built attribute by attribute, with no
 * validation of its own, to show what the kernel accepts and refuses.
 *
 * usage: nlraw COMMAND [NAME=VALUE ...]
 *   COMMAND: the number of an ARPPROXY_CMD_*, or add, replace, del, flush,
 *            iface-set, cache-set, acl-add, station-get, stats-reset,
 *            restore-begin, restore-commit
 *   NAME:    prefix (dotted quad), plen, ifindex, flags, mode (numbers;
 *            an ACL rule's action),
 *            mac (12 hex digits): attributes of the command's object, in
 *            its nest (a command without one has them at the top level);
 *            attr:N, the value hex bytes: attribute type N of that nest,
 *            sent exactly as given; top:N likewise at the top level;
 *            version=N: N as the generic netlink header's version;
 *            dump=1: send it as a dump request (only its first reply is
 *            read: enough to see a refusal);
 *            reserved=N: N in its reserved byte
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

/* A command's object nest and the types of its named attributes there. */
struct object {
	int nest;
	int prefix, plen, ifindex, flags, mode, mac;
};

static const struct object binding = {
	ARPPROXY_A_BINDING, ARPPROXY_BINDING_A_PREFIX4, ARPPROXY_BINDING_A_PLEN,
	ARPPROXY_BINDING_A_IFINDEX, ARPPROXY_BINDING_A_FLAGS, -1, ARPPROXY_BINDING_A_MAC,
};
static const struct object iface = {
	ARPPROXY_A_IFACE, -1, -1, ARPPROXY_IFACE_A_IFINDEX, -1, ARPPROXY_IFACE_A_PROXY_MODE, -1,
};
static const struct object cache = { ARPPROXY_A_CACHE, -1, -1, -1, -1, -1, -1 };
static const struct object acl = {
	ARPPROXY_A_ACL, ARPPROXY_ACL_A_PREFIX4, ARPPROXY_ACL_A_PLEN, ARPPROXY_ACL_A_IFINDEX, -1,
	ARPPROXY_ACL_A_ACTION, ARPPROXY_ACL_A_MAC,
};
static const struct object station = {
	ARPPROXY_A_STATION, ARPPROXY_STATION_A_ADDR4, ARPPROXY_STATION_A_PLEN,
	ARPPROXY_STATION_A_IFINDEX, -1, -1, ARPPROXY_STATION_A_MAC,
};
static const struct object top = { 0, -1, -1, ARPPROXY_A_IFINDEX, -1, -1, -1 };

static const struct {
	const char *name;
	int cmd;
	const struct object *obj;
} commands[] = {
	{ "add", ARPPROXY_CMD_BINDING_ADD, &binding },
	{ "replace", ARPPROXY_CMD_BINDING_REPLACE, &binding },
	{ "del", ARPPROXY_CMD_BINDING_DEL, &binding },
	{ "flush", ARPPROXY_CMD_BINDING_FLUSH, &binding },
	{ "iface-set", ARPPROXY_CMD_IFACE_SET, &iface },
	{ "cache-set", ARPPROXY_CMD_CACHE_SET, &cache },
	{ "acl-add", ARPPROXY_CMD_ACL_ADD, &acl },
	{ "station-get", ARPPROXY_CMD_STATION_GET, &station },
	{ "stats-reset", ARPPROXY_CMD_STATS_RESET, &top },
	{ "restore-begin", ARPPROXY_CMD_RESTORE_BEGIN, &top },
	{ "restore-commit", ARPPROXY_CMD_RESTORE_COMMIT, &top },
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

/* Type @type of the object, or fail: the command's object has no @name. */
static int named(int type, const char *name)
{
	if (type < 0) {
		fprintf(stderr, "nlraw: this command's object has no %s\n", name);
		exit(2);
	}
	return type;
}

static void put_attr(struct nlmsghdr *nlh, struct genlmsghdr *genl,
		     const struct object *obj, const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *v = eq ? eq + 1 : "";
	struct in_addr a;

	if (!eq)
		fail("arguments are NAME=VALUE");
	if (!strncmp(arg, "reserved=", 9)) {
		genl->reserved = atoi(v);
	} else if (!strncmp(arg, "dump=", 5)) {
		if (atoi(v))
			nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	} else if (!strncmp(arg, "version=", 8)) {
		genl->version = atoi(v);
	} else if (!strncmp(arg, "prefix=", 7)) {
		if (inet_pton(AF_INET, v, &a) != 1)
			fail("bad prefix");
		mnl_attr_put_u32(nlh, named(obj->prefix, "prefix"), a.s_addr);
	} else if (!strncmp(arg, "plen=", 5)) {
		mnl_attr_put_u8(nlh, named(obj->plen, "plen"), atoi(v));
	} else if (!strncmp(arg, "ifindex=", 8)) {
		mnl_attr_put_u32(nlh, named(obj->ifindex, "ifindex"), strtoul(v, NULL, 0));
	} else if (!strncmp(arg, "flags=", 6)) {
		mnl_attr_put_u32(nlh, named(obj->flags, "flags"), strtoul(v, NULL, 0));
	} else if (!strncmp(arg, "mode=", 5)) {
		mnl_attr_put_u8(nlh, named(obj->mode, "mode"), atoi(v));
	} else if (!strncmp(arg, "mac=", 4)) {
		put_hex(nlh, named(obj->mac, "mac"), v);
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

/* An ack: its error, and its extended ack message if the kernel sent one. */
static int ack_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	unsigned int off = sizeof(*err);
	struct nlattr *attr;

	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += mnl_nlmsg_get_payload_len(&err->msg);
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		mnl_attr_for_each(attr, nlh, off)
			if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG)
				*(const char **)data = mnl_attr_get_str(attr);
	if (!err->error)
		return MNL_CB_STOP;
	errno = -err->error;
	return MNL_CB_ERROR;
}

/*
 * A dump refused at its start ends at once: NLMSG_DONE carries the error,
 * then the extended ack. libmnl stops there without a word, so say it.
 */
static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *attr;
	int error = 0;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(error))
		memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		mnl_attr_for_each(attr, nlh, sizeof(error))
			if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG)
				*(const char **)data = mnl_attr_get_str(attr);
	if (!error)
		return MNL_CB_STOP;
	errno = -error;
	return MNL_CB_ERROR;
}

int main(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], rbuf[MNL_SOCKET_BUFFER_SIZE];
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;
	const char *msg = "";
	const struct object *obj = &top;
	struct nlattr *nest = NULL;
	int family = 0, cmd = -1, one = 1, ret;

	if (argc < 2)
		fail("usage: nlraw COMMAND [NAME=VALUE ...]");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name)) {
			cmd = commands[i].cmd;
			obj = commands[i].obj;
		}
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
	/* The top level's attributes first, then the object's nest. */
	for (int i = 2; i < argc; i++)
		if (!strncmp(argv[i], "top:", 4) && strchr(argv[i], '='))
			put_hex(nlh, atoi(argv[i] + 4), strchr(argv[i], '=') + 1);
	if (obj->nest)
		nest = mnl_attr_nest_start(nlh, obj->nest);
	for (int i = 2; i < argc; i++)
		if (strncmp(argv[i], "top:", 4))
			put_attr(nlh, genl, obj, argv[i]);
	if (nest)
		mnl_attr_nest_end(nlh, nest);

	nlh->nlmsg_seq = time(NULL);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		fail("sendto");
	ret = mnl_socket_recvfrom(nl, rbuf, sizeof(rbuf));
	if (ret < 0)
		fail("recvfrom");
	ret = mnl_cb_run2(rbuf, ret, nlh->nlmsg_seq, mnl_socket_get_portid(nl), NULL, &msg,
			  (mnl_cb_t[NLMSG_MIN_TYPE]){ [NLMSG_ERROR] = ack_cb,
						      [NLMSG_DONE] = done_cb },
			  NLMSG_MIN_TYPE);
	if (ret < 0) {
		printf("error %s: %s\n", strerrorname_np(errno) ? strerrorname_np(errno) : "?", msg);
		return 1;
	}
	printf("ok\n");
	return 0;
}
