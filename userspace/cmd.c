// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd.h"
#include "err.h"
#include "parse.h"
#include "print.h"

struct show {
	const struct req *req;
	bool print;
};

/* A message of a dump, and where it sorts */
struct dump_msg {
	struct order_key key;
	size_t offset;
	size_t len;
};

static const struct object *const objects[] = {
	&binding_object, &acl_object, &iface_object, &cache_object, &announce_object,
	&save_object, &restore_object, &stats_object, &monitor_object, &version_object,
};

int preferred_family = AF_UNSPEC;

static const struct cmd help_cmd = { .kind = REQ_LOCAL };

static const char usage_head[] =
	"arpproxyctl [-4|-6] [-j|--json] [-p|--pretty] [-n|--netns NAME] [-b|--batch FILE|-] [-f|--force] OBJECT COMMAND\n";
static const char usage_tail[] =
	"arpproxyctl help | -h | --help ; arpproxyctl OBJECT help\n"
	"PREFIX := A.B.C.D[/LEN] (binding: or X:X::X:X[/LEN])  MAC := xx:xx:xx:xx:xx:xx\n";

void cmd_help(FILE *fp, const struct object *obj)
{
	size_t i;

	if (obj) {
		fputs(obj->usage, fp);
		return;
	}
	fputs(usage_head, fp);
	for (i = 0; i < MNL_ARRAY_SIZE(objects); i++)
		fputs(objects[i]->usage, fp);
	fputs(usage_tail, fp);
}

static int parse_help(const struct object *obj, int argc, char **argv,
		      struct req *req)
{
	if (argc)
		return err_set("unknown word \"%s\"", argv[0]);
	req->cmd = &help_cmd;
	req->help = obj;
	return 0;
}

static const struct object *object_find(const char *name)
{
	size_t i;

	for (i = 0; i < MNL_ARRAY_SIZE(objects); i++)
		if (!strcmp(objects[i]->name, name))
			return objects[i];
	return NULL;
}

static const struct cmd *cmd_find(const struct object *obj, const char *name)
{
	size_t i;

	for (i = 0; i < obj->ncmds; i++)
		if (!strcmp(obj->cmds[i].name, name))
			return &obj->cmds[i];
	return NULL;
}

int cmd_parse(int argc, char **argv, struct req *req)
{
	const struct object *obj;
	const struct cmd *cmd;

	memset(req, 0, sizeof(*req));
	if (!argc)
		return err_set("missing OBJECT (try \"arpproxyctl help\")");
	if (!strcmp(argv[0], "help"))
		return parse_help(NULL, argc - 1, argv + 1, req);
	obj = object_find(argv[0]);
	if (!obj)
		return err_set("unknown object \"%s\"", argv[0]);
	argc--, argv++;
	if (argc && !strcmp(argv[0], "help"))
		return parse_help(obj, argc - 1, argv + 1, req);
	if (!obj->cmds[0].name)
		return parse_args(&obj->cmds[0], argc, argv, req);
	if (!argc)
		return err_set("missing %s command", obj->name);
	cmd = cmd_find(obj, argv[0]);
	if (!cmd)
		return err_set("unknown %s command \"%s\"", obj->name, argv[0]);
	return parse_args(cmd, argc - 1, argv + 1, req);
}

bool dev_match(const struct req *req, const struct nlattr *ifindex)
{
	return !(req->attrs & REQ_ATTR(IFINDEX)) || mnl_attr_get_u32(ifindex) == req->ifindex;
}

static int show_msg(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[REQ_TB_LEN] = { NULL };
	const struct show *show = data;

	if (req_parse_reply(show->req, nlh, tb)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (show->print)
		show->req->cmd->print(show->req, tb);
	return MNL_CB_OK;
}

static int dump_walk(const struct req *req, const void *buf, size_t len, bool print)
{
	struct show show = { req, print };

	return mnl_cb_run(buf, len, 0, 0, show_msg, &show) < 0 ? -errno : 0;
}

int cmd_check_dump(const struct req *req, const void *buf, size_t len)
{
	return dump_walk(req, buf, len, false);
}

void cmd_print_array(const struct req *req, const char *key, const void *buf,
		     size_t len)
{
	open_json_array(key);
	dump_walk(req, buf, len, true);
	close_json_array();
}

static int dump_msg_cmp(const void *a, const void *b)
{
	const struct dump_msg *x = a, *y = b;

	for (size_t i = 0; i < MNL_ARRAY_SIZE(x->key.word); i++)
		if (x->key.word[i] != y->key.word[i])
			return x->key.word[i] < y->key.word[i] ? -1 : 1;
	return (x->offset > y->offset) - (x->offset < y->offset);
}

/* A copy of a checked dump, its messages in the order of req's key: *sorted */
static int dump_sort(const struct req *req, const char *buf, size_t len, char **sorted)
{
	const struct nlattr *tb[REQ_TB_LEN];
	const struct nlmsghdr *nlh;
	struct dump_msg *msgs;
	size_t n = 0, i, at;
	int left = len;

	for (nlh = (const void *)buf; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left))
		n++;
	msgs = calloc(n + 1, sizeof(*msgs));
	*sorted = malloc(len + 1);
	if (!msgs || !*sorted) {
		free(msgs);
		free(*sorted);
		*sorted = NULL;
		return -ENOMEM;
	}
	left = len;
	for (i = 0, nlh = (const void *)buf; i < n; i++, nlh = mnl_nlmsg_next(nlh, &left)) {
		memset(tb, 0, sizeof(tb));
		req_parse_reply(req, nlh, tb);
		req->cmd->order(tb, &msgs[i].key);
		msgs[i].offset = (const char *)nlh - buf;
		msgs[i].len = MNL_ALIGN(nlh->nlmsg_len) < (size_t)left ?
			      MNL_ALIGN(nlh->nlmsg_len) : (size_t)left;
	}
	/* Equal keys keep the kernel's order. */
	qsort(msgs, n, sizeof(*msgs), dump_msg_cmp);
	for (i = 0, at = 0; i < n; at += msgs[i].len, i++)
		memcpy(*sorted + at, buf + msgs[i].offset, msgs[i].len);
	/* What followed the last message, if anything, is no message either. */
	memset(*sorted + at, 0, len - at);
	free(msgs);
	return 0;
}

int cmd_print_dump(const struct req *req, const void *buf, size_t len)
{
	/* Check every message before printing any: never half a listing. */
	int ret = cmd_check_dump(req, buf, len);
	char *sorted = NULL;

	if (!ret && req->cmd->order)
		ret = dump_sort(req, buf, len, &sorted);
	if (!ret)
		cmd_print_array(req, NULL, sorted ? sorted : buf, len);
	free(sorted);
	return ret;
}

int cmd_dump(struct nl *nl, const struct req *req, struct nl_dump *dump)
{
	char buf[NL_MSG_SIZE];

	return nl_dump(nl, req_build(req, buf, nl->family, ++nl->seq), dump);
}

static int show_dump(struct nl *nl, const struct req *req)
{
	struct nl_dump dump = { NULL, 0, 0 };
	int ret = cmd_dump(nl, req, &dump);

	if (!ret)
		ret = cmd_print_dump(req, dump.buf, dump.len);
	free(dump.buf);
	return ret;
}

int cmd_check_force(const struct req *req)
{
	if (req->cmd->kind == REQ_RESTORE)
		return err_set("\"-f\" cannot be used with restore: it applies all of FILE or nothing");
	return 0;
}

int cmd_send(struct nl *nl, const struct req *req)
{
	struct show show = { req, true };
	char buf[NL_MSG_SIZE];
	struct nlmsghdr *nlh;
	int ret;

	if (req->cmd->kind == REQ_DUMP) {
		ret = show_dump(nl, req);
	} else {
		nlh = req_build(req, buf, nl->family, ++nl->seq);
		ret = nl_do(nl, nlh, req->cmd->print ? show_msg : NULL, &show);
	}
	if (ret)
		return err_set("%s", req_strerror(req, -ret, nl->extack, nl->extack_off));
	return 0;
}

int cmd_run(struct nl *nl, const struct req *req)
{
	if (req->cmd->run)
		return req->cmd->run(nl, req);
	if (req->cmd->kind == REQ_LOCAL) {
		cmd_help(stdout, req->help);
		return 0;
	}
	return cmd_send(nl, req);
}
