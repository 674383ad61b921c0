/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_NL_H
#define ARPPROXYCTL_NL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <libmnl/libmnl.h>

#include "spec_gen.h"

/*
 * The largest message the kernel builds for a dump (what newer libmnl calls
 * MNL_SOCKET_DUMP_SIZE): a smaller receive buffer truncates dumps.
 */
#define NL_RECV_SIZE	32768
/* Room for any request this tool builds */
#define NL_MSG_SIZE	256

struct nl {
	char buf[NL_RECV_SIZE];
	size_t len;		/* bytes last received into buf */
	struct mnl_socket *sk;
	uint32_t portid;
	uint32_t seq;		/* last sequence number used */
	uint16_t family;	/* arpproxy's generic netlink id */
	uint32_t proto;		/* the protocol version the module speaks, 0: unknown */
	uint32_t events;	/* its "events" multicast group, 0 if none */
	size_t max_acks;	/* acks the receive buffer holds at once */
	char extack[256];	/* the kernel's message on the last error */
	uint32_t extack_off;	/* where in the request it points, 0: nowhere */
};

/* A dump's messages, copied so that none is printed before all arrived. */
struct nl_dump {
	char *buf;
	size_t len;
	size_t size;
};

/* Called with every ack of a batch: err is 0 or a positive errno. */
typedef void (*nl_ack_fn)(uint32_t seq, int err, const char *extack, void *data);

/*
 * Open the socket and find the family; err_set() and -1 on error, also
 * when the module speaks another protocol: nl->proto then says which.
 */
int nl_open(struct nl *nl);
void nl_close(struct nl *nl);
/* Whether the module speaks the tool's protocol: err_set() and -1 if not. */
int nl_check_proto(const struct nl *nl);
/*
 * A CTRL_CMD_GETFAMILY reply's family id, protocol version and events
 * group (0: none) into nl; -EBADMSG.
 */
int nl_parse_family(const struct nlmsghdr *nlh, struct nl *nl);

/*
 * An NLMSG_ERROR at least a struct nlmsgerr long: its errno, positive or 0,
 * the kernel's message and the offset it points at into nl->extack*.
 */
int nl_parse_ack(struct nl *nl, const struct nlmsghdr *nlh);

struct nlmsghdr *nl_msg_start(void *buf, uint16_t type, uint16_t flags,
			      uint32_t seq, uint8_t cmd, uint8_t version);
/*
 * Attributes after offset into tb[0..set->max], checked against their
 * types in set; -EBADMSG if malformed. Types set does not know are skipped.
 */
int nl_parse(const struct nlmsghdr *nlh, size_t offset,
	     const struct spec_set *set, const struct nlattr **tb);
int nl_parse_nested(const struct nlattr *nest, const struct spec_set *set,
		    const struct nlattr **tb);

/* These return 0 or a negative errno, the kernel's message in nl->extack. */
int nl_do(struct nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);
int nl_dump(struct nl *nl, struct nlmsghdr *nlh, struct nl_dump *dump);
/* Send n acked requests in one go and wait for all n acks. */
int nl_batch(struct nl *nl, const void *buf, size_t len, size_t n,
	     nl_ack_fn ack, void *data);

/* Also receive what the kernel multicasts to group: 0 or a negative errno. */
int nl_join(struct nl *nl, uint32_t group);
/* The next datagram into nl->buf: its length, or a negative errno. */
ssize_t nl_recv(struct nl *nl);

#endif
