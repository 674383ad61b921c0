// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/arpproxy.h>

#include "err.h"
#include "nl.h"

/* The kernel queues a whole batch window's acks before we read any. */
#define NL_RCVBUF		(4 << 20)
/* Receive buffer one ack takes (its skb), with room for an extack message */
#define NL_ACK_TRUESIZE		2048
#define NL_DUMP_TRIES		5

struct nl_ctx {
	struct nl *nl;
	mnl_cb_t data_cb;
	void *data;
	nl_ack_fn ack;		/* batch: every ack, errors included, goes here */
	size_t acks;
	size_t want;
};

struct nl_parse_ctx {
	const struct spec_set *set;
	const struct nlattr **tb;
};

static const struct spec_attr ack_attrs[] = {
	[NLMSGERR_ATTR_MSG] = { "msg", MNL_TYPE_NUL_STRING, 0, NULL },
	[NLMSGERR_ATTR_OFFS] = { "offs", MNL_TYPE_U32, 0, NULL },
};

static const struct spec_set ack_set = {
	"nlmsgerr", ack_attrs, MNL_ARRAY_SIZE(ack_attrs) - 1,
};

static int nl_parse_cb(const struct nlattr *attr, void *data)
{
	const struct nl_parse_ctx *p = data;
	unsigned int type = mnl_attr_get_type(attr);
	const struct spec_attr *spec;
	int ret;

	/* Attributes unknown here come from a newer kernel: skip them. */
	if (type > p->set->max || p->set->attrs[type].type == MNL_TYPE_UNSPEC)
		return MNL_CB_OK;
	spec = &p->set->attrs[type];
	ret = spec->len ? mnl_attr_validate2(attr, spec->type, spec->len) :
			  mnl_attr_validate(attr, spec->type);
	if (ret < 0)
		return MNL_CB_ERROR;
	p->tb[type] = attr;
	return MNL_CB_OK;
}

int nl_parse(const struct nlmsghdr *nlh, size_t offset,
	     const struct spec_set *set, const struct nlattr **tb)
{
	struct nl_parse_ctx p = { set, tb };

	return mnl_attr_parse(nlh, offset, nl_parse_cb, &p) == MNL_CB_OK ? 0 : -EBADMSG;
}

int nl_parse_nested(const struct nlattr *nest, const struct spec_set *set,
		    const struct nlattr **tb)
{
	struct nl_parse_ctx p = { set, tb };

	return mnl_attr_parse_nested(nest, nl_parse_cb, &p) == MNL_CB_OK ? 0 : -EBADMSG;
}

struct nlmsghdr *nl_msg_start(void *buf, uint16_t type, uint16_t flags,
			      uint32_t seq, uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

/* Positive errno of an ack or dump end; keeps the kernel's message on it. */
static int nl_status(struct nl *nl, const struct nlmsghdr *nlh, int error,
		     size_t tlvs)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };

	nl->extack[0] = '\0';
	nl->extack_off = 0;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || nl_parse(nlh, tlvs, &ack_set, tb))
		return -error;
	if (tb[NLMSGERR_ATTR_MSG])
		snprintf(nl->extack, sizeof(nl->extack), "%s",
			 mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
	if (tb[NLMSGERR_ATTR_OFFS])
		nl->extack_off = mnl_attr_get_u32(tb[NLMSGERR_ATTR_OFFS]);
	return -error;
}

static int nl_end(int err)
{
	errno = err;
	return err ? MNL_CB_ERROR : MNL_CB_STOP;
}

int nl_parse_ack(struct nl *nl, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t tlvs = sizeof(*e);

	/* Uncapped, the failed request comes back before the TLVs. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		tlvs += e->msg.nlmsg_len - sizeof(e->msg);
	return nl_status(nl, nlh, e->error, tlvs);
}

static int nl_error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *ctx = data;
	int err;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(struct nlmsgerr)))
		return nl_end(EBADMSG);
	err = nl_parse_ack(ctx->nl, nlh);
	if (!ctx->ack)
		return nl_end(err);
	ctx->ack(nlh->nlmsg_seq, err, ctx->nl->extack, ctx->data);
	ctx->acks++;
	return MNL_CB_OK;
}

/* A dump ends with its error code, and the kernel's message after it. */
static int nl_done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *ctx = data;
	int error = 0;

	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(error))
		memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
	return nl_end(nl_status(ctx->nl, nlh, error, sizeof(error)));
}

static int nl_data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *ctx = data;

	return ctx->data_cb ? ctx->data_cb(nlh, ctx->data) : MNL_CB_OK;
}

/* Not const: libmnl 1.0.4 takes a plain mnl_cb_t *. */
static mnl_cb_t nl_ctl_cb[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = nl_error_cb,
	[NLMSG_DONE] = nl_done_cb,
};

ssize_t nl_recv(struct nl *nl)
{
	ssize_t len = mnl_socket_recvfrom(nl->sk, nl->buf, sizeof(nl->buf));

	if (len < 0)
		return -errno;
	nl->len = len;
	return len;
}

/* Receive until the ack or dump end of seq, or until the batch's acks are in. */
static int nl_run(struct nl *nl, uint32_t seq, struct nl_ctx *ctx)
{
	ssize_t len;
	int ret;

	do {
		len = nl_recv(nl);
		if (len < 0)
			return len;
		ret = mnl_cb_run2(nl->buf, len, seq, nl->portid, nl_data_cb, ctx,
				  nl_ctl_cb, MNL_ARRAY_SIZE(nl_ctl_cb));
	} while (ret == MNL_CB_OK && (!ctx->ack || ctx->acks < ctx->want));
	return ret < 0 ? -errno : 0;
}

static int nl_send(struct nl *nl, const void *buf, size_t len)
{
	nl->extack[0] = '\0';
	nl->extack_off = 0;
	return mnl_socket_sendto(nl->sk, buf, len) < 0 ? -errno : 0;
}

int nl_do(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	struct nl_ctx ctx = { .nl = nl, .data_cb = cb, .data = data };
	int ret = nl_send(nl, nlh, nlh->nlmsg_len);

	return ret ? ret : nl_run(nl, nlh->nlmsg_seq, &ctx);
}

int nl_batch(struct nl *nl, const void *buf, size_t len, size_t n,
	     nl_ack_fn ack, void *data)
{
	struct nl_ctx ctx = { .nl = nl, .ack = ack, .data = data, .want = n };
	int ret = nl_send(nl, buf, len);

	/* Sequence 0 turns libmnl's check off: each request has its own. */
	return ret ? ret : nl_run(nl, 0, &ctx);
}

static int nl_collect(const struct nlmsghdr *nlh, void *data)
{
	size_t len = MNL_ALIGN(nlh->nlmsg_len), size;
	struct nl_dump *d = data;
	char *buf;

	for (size = d->size; size < d->len + len; size = size ? 2 * size : NL_RECV_SIZE)
		;
	if (size != d->size) {
		buf = realloc(d->buf, size);
		if (!buf) {
			errno = ENOMEM;
			return MNL_CB_ERROR;
		}
		d->buf = buf;
		d->size = size;
	}
	memset(d->buf + d->len, 0, len);
	memcpy(d->buf + d->len, nlh, nlh->nlmsg_len);
	d->len += len;
	return MNL_CB_OK;
}

/* Read what is left of an interrupted dump, so that a retry starts clean. */
static int nl_drain(struct nl *nl, uint32_t seq)
{
	const struct nlmsghdr *nlh;
	ssize_t len = nl->len;
	int left;

	for (;;) {
		left = len;
		for (nlh = (void *)nl->buf; mnl_nlmsg_ok(nlh, left);
		     nlh = mnl_nlmsg_next(nlh, &left))
			if (nlh->nlmsg_seq == seq && (nlh->nlmsg_type == NLMSG_DONE ||
						      nlh->nlmsg_type == NLMSG_ERROR))
				return 0;
		len = nl_recv(nl);
		if (len < 0)
			return len;
	}
}

int nl_dump(struct nl *nl, struct nlmsghdr *nlh, struct nl_dump *dump)
{
	int tries, ret;

	for (tries = 0; tries < NL_DUMP_TRIES; tries++) {
		dump->len = 0;
		ret = nl_do(nl, nlh, nl_collect, dump);
		/* libmnl's answer to NLM_F_DUMP_INTR: the table changed mid-dump */
		if (ret != -EINTR)
			return ret;
		ret = nl_drain(nl, nlh->nlmsg_seq);
		if (ret)
			return ret;
		nlh->nlmsg_seq = ++nl->seq;
	}
	return -EINTR;
}

static void nl_rcvbuf(struct nl *nl)
{
	int fd = mnl_socket_get_fd(nl->sk), size = NL_RCVBUF;
	socklen_t len = sizeof(size);

	/* FORCE passes rmem_max but needs CAP_NET_ADMIN; changes need it anyway. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, len) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, len);
	if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, &len) < 0)
		size = 0;
	nl->max_acks = size > NL_ACK_TRUESIZE ? size / NL_ACK_TRUESIZE : 1;
}

static int nl_family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl *nl = data;

	if (nl_parse_family(nlh, nl)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

int nl_open(struct nl *nl)
{
	char buf[NL_MSG_SIZE];
	struct nlmsghdr *nlh;
	int one = 1, ret;

	nl->sk = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sk)
		return err_set("cannot open netlink socket: %s", strerror(errno));
	/* Kernels without these still ack, just without the message. */
	mnl_socket_setsockopt(nl->sk, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sk, NETLINK_CAP_ACK, &one, sizeof(one));
	nl_rcvbuf(nl);
	if (mnl_socket_bind(nl->sk, 0, MNL_SOCKET_AUTOPID) < 0)
		return err_set("cannot bind netlink socket: %s", strerror(errno));
	nl->portid = mnl_socket_get_portid(nl->sk);
	nl->seq = time(NULL);

	nlh = nl_msg_start(buf, GENL_ID_CTRL, NLM_F_ACK, ++nl->seq,
			   CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, ARPPROXY_GENL_NAME);
	ret = nl_do(nl, nlh, nl_family_cb, nl);
	if (ret == -ENOENT)
		return err_set("arpproxy module is not loaded (modprobe arpproxy)");
	if (ret)
		return err_set("cannot find the arpproxy netlink family: %s", strerror(-ret));
	return nl_check_proto(nl);
}

int nl_join(struct nl *nl, uint32_t group)
{
	if (mnl_socket_setsockopt(nl->sk, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0)
		return -errno;
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->sk)
		mnl_socket_close(nl->sk);
	nl->sk = NULL;
}
