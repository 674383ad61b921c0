// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cmd.h"
#include "err.h"

/* No command of the grammar comes near this many words. */
#define BATCH_MAX_WORDS	32
/* Bytes of requests per sendmsg: well within the socket's send buffer. */
#define BATCH_WINDOW	(64 * 1024)

struct batch_line {
	struct req req;
	unsigned int lineno;
};

struct batch {
	const char *name;		/* the FILE of FILE:LINE */
	struct batch_line *lines;
	size_t n;
	size_t size;
	struct nl *nl;
	bool force;
	bool restore;			/* config changes only, applied all or none */
	bool stop;			/* a line failed without -f: send no more */
	unsigned int failed;
	unsigned int fail_line;
	uint32_t seq0;			/* lines[i] goes out as seq0 + i */
	size_t start;			/* the window in flight: lines[start..end) */
	size_t end;
	size_t late;			/* window lines applied after its failure */
};

int batch_words(char *line, char **argv, int max)
{
	static const char blanks[] = " \t\r\n\v\f";
	char *save, *word;
	int n = 0;

	for (word = strtok_r(line, blanks, &save); word && *word != '#';
	     word = strtok_r(NULL, blanks, &save)) {
		if (n == max)
			return err_set("too many words");
		argv[n++] = word;
	}
	return n;
}

static int batch_add(struct batch *b, int argc, char **argv, unsigned int lineno)
{
	size_t size = b->size ? 2 * b->size : 1024;
	struct batch_line *lines;
	const struct cmd *cmd;

	if (b->n == b->size) {
		lines = realloc(b->lines, size * sizeof(*lines));
		if (!lines)
			return err_set("out of memory");
		b->lines = lines;
		b->size = size;
	}
	if (cmd_parse(argc, argv, &b->lines[b->n].req))
		return -1;
	cmd = b->lines[b->n].req.cmd;
	/* Anything else would be done at once, or not at all. */
	if (b->restore && !cmd->config)
		return err_set("restore takes only binding, acl, iface set and cache set changes");
	/* Monitor runs until killed; a restore is a batch of its own. */
	if (cmd->kind == REQ_MONITOR || cmd->kind == REQ_RESTORE)
		return err_set("%s cannot be used in a batch", argv[0]);
	b->lines[b->n++].lineno = lineno;
	return 0;
}

static int batch_load(struct batch *b, FILE *fp)
{
	char *line = NULL, *argv[BATCH_MAX_WORDS];
	unsigned int lineno = 0;
	size_t cap = 0;
	int argc, ret = 0;

	while (!ret && getline(&line, &cap, fp) >= 0) {
		lineno++;
		argc = batch_words(line, argv, BATCH_MAX_WORDS);
		ret = argc > 0 ? batch_add(b, argc, argv, lineno) : argc;
	}
	free(line);
	if (ret) {
		err_report(b->name, lineno);
		return -1;
	}
	if (ferror(fp)) {
		err_set("cannot read \"%s\": %s", b->name, strerror(errno));
		err_report(NULL, 0);
		return -1;
	}
	return 0;
}

static void batch_fail(struct batch *b, size_t i)
{
	err_report(b->name, b->lines[i].lineno);
	b->failed++;
	b->fail_line = b->lines[i].lineno;
	b->stop = !b->force;
}

static void batch_ack(uint32_t seq, int err, const char *extack, void *data)
{
	struct batch *b = data;
	size_t i = (uint32_t)(seq - b->seq0);

	if (i < b->start || i >= b->end)
		return;
	if (!err) {
		/* The kernel goes on with a window past a failed line. */
		if (b->stop)
			b->late++;
		return;
	}
	if (b->stop)
		return;
	err_set("%s", req_strerror(&b->lines[i].req, err, extack, b->nl->extack_off));
	batch_fail(b, i);
}

/* Send the window lines[start..end) and take its acks. */
static void batch_send(struct batch *b, struct mnl_nlmsg_batch *mb, size_t end)
{
	int ret;

	b->end = end;
	b->late = 0;
	ret = nl_batch(b->nl, mnl_nlmsg_batch_head(mb), mnl_nlmsg_batch_size(mb),
		       end - b->start, batch_ack, b);
	if (ret) {
		/* Without its acks, what the kernel did is unknown: stop. */
		err_set("sending the batch failed: %s", strerror(-ret));
		err_report(NULL, 0);
		b->failed++;
		b->stop = true;
	} else if (b->late && !b->restore) {
		fprintf(stderr, "%s: %zu line%s after line %u %s already applied\n",
			b->name, b->late, b->late == 1 ? "" : "s", b->fail_line,
			b->late == 1 ? "was" : "were");
	}
	mnl_nlmsg_batch_reset(mb);
	b->start = end;
}

static void batch_flush(struct batch *b, struct mnl_nlmsg_batch *mb, size_t end)
{
	if (!b->stop && !mnl_nlmsg_batch_is_empty(mb))
		batch_send(b, mb, end);
}

/*
 * Changes go out in windows of many requests per sendmsg, each acked and
 * matched to its line by sequence number; a line that prints first flushes
 * the window, so that output and changes keep the file's order.
 */
static void batch_exec(struct batch *b, struct mnl_nlmsg_batch *mb)
{
	const struct req *req;
	size_t i;

	b->seq0 = b->nl->seq + 1;
	/* Lines that print number their requests past the batch's own. */
	b->nl->seq += b->n;
	for (i = 0; i < b->n && !b->stop; i++) {
		req = &b->lines[i].req;
		if (req->cmd->kind != REQ_CHANGE) {
			batch_flush(b, mb, i);
			if (!b->stop && cmd_run(b->nl, req))
				batch_fail(b, i);
			continue;
		}
		if (mnl_nlmsg_batch_is_empty(mb))
			b->start = i;
		req_build(req, mnl_nlmsg_batch_current(mb), b->nl->family, b->seq0 + i);
		/* Full: line i's request moves on to start the next window. */
		if (!mnl_nlmsg_batch_next(mb))
			batch_send(b, mb, i);
		else if (i + 1 - b->start >= b->nl->max_acks)
			batch_send(b, mb, i + 1);
	}
	batch_flush(b, mb, i);
}

static int batch_connect(struct batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->lines[i].req.cmd->kind != REQ_LOCAL)
			return nl_open(b->nl);
	return 0;
}

/* Read and check every line of file ("-": stdin); reports its errors. */
static int batch_read(struct batch *b, const char *file)
{
	bool is_stdin = !strcmp(file, "-");
	FILE *fp = is_stdin ? stdin : fopen(file, "r");
	int ret;

	b->name = is_stdin ? "<stdin>" : file;
	if (!fp) {
		err_set("cannot open \"%s\": %s", file, strerror(errno));
		err_report(NULL, 0);
		return -1;
	}
	ret = batch_load(b, fp);
	if (!is_stdin)
		fclose(fp);
	return ret;
}

/* Run the lines read; -1 if any failed (reported). */
static int batch_send_lines(struct batch *b)
{
	static char buf[BATCH_WINDOW + NL_MSG_SIZE];
	struct mnl_nlmsg_batch *mb = mnl_nlmsg_batch_start(buf, BATCH_WINDOW);

	if (!mb) {
		err_set("out of memory");
		err_report(NULL, 0);
		return -1;
	}
	batch_exec(b, mb);
	mnl_nlmsg_batch_stop(mb);
	return b->failed ? -1 : 0;
}

int batch_run(struct nl *nl, const char *file, bool force)
{
	struct batch b = { .nl = nl, .force = force };
	int ret = batch_read(&b, file);

	if (!ret && batch_connect(&b)) {
		err_report(NULL, 0);
		ret = -1;
	}
	if (!ret)
		ret = batch_send_lines(&b);
	free(b.lines);
	return ret;
}

const struct cmd restore_begin = { .id = ARPPROXY_CMD_RESTORE_BEGIN, .kind = REQ_CHANGE };
const struct cmd restore_commit = { .id = ARPPROXY_CMD_RESTORE_COMMIT, .kind = REQ_CHANGE };
const struct cmd restore_abort = { .id = ARPPROXY_CMD_RESTORE_ABORT, .kind = REQ_CHANGE };

static int restore_step(struct nl *nl, const struct cmd *cmd)
{
	struct req req = { .cmd = cmd };

	if (!cmd_run(nl, &req))
		return 0;
	err_report(NULL, 0);
	return -1;
}

/*
 * The kernel applies the lines to a new, empty configuration of this
 * socket's, which the commit puts in place of the one in use at once.
 */
static int restore_exec(struct batch *b, bool check)
{
	struct req discard = { .cmd = &restore_abort };

	if (nl_open(b->nl)) {
		err_report(NULL, 0);
		return -1;
	}
	if (restore_step(b->nl, &restore_begin))
		return -1;
	if (batch_send_lines(b)) {
		/* Closing the socket would discard it too: nothing to report. */
		cmd_run(b->nl, &discard);
		return -1;
	}
	return restore_step(b->nl, check ? &restore_abort : &restore_commit);
}

int restore_run(struct nl *nl, const char *file, bool check)
{
	struct batch b = { .nl = nl, .restore = true };
	int ret = batch_read(&b, file);

	if (!ret)
		ret = restore_exec(&b, check);
	free(b.lines);
	return ret;
}
