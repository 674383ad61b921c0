// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "batch.h"
#include "cmd.h"
#include "err.h"
#include "nl.h"
#include "print.h"

struct opts {
	bool json;
	bool pretty;
	bool force;
	bool help;
	bool version;
	const char *netns;
	const char *batch;
};

static const struct option long_opts[] = {
	{ "json", no_argument, NULL, 'j' },
	{ "pretty", no_argument, NULL, 'p' },
	{ "netns", required_argument, NULL, 'n' },
	{ "batch", required_argument, NULL, 'b' },
	{ "force", no_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Static: it holds a dump-sized receive buffer. */
static struct nl nl;

static int parse_opts(int argc, char **argv, struct opts *o)
{
	int c;

	/* Errors are ours to word; "+" stops at OBJECT, as ip does. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:jpn:b:fhV46", long_opts, NULL)) != -1) {
		switch (c) {
		/* As ip: the last of -4 and -6 given counts. */
		case '4':
			preferred_family = AF_INET;
			break;
		case '6':
			preferred_family = AF_INET6;
			break;
		case 'j':
			o->json = true;
			break;
		case 'p':
			o->pretty = true;
			break;
		case 'n':
			o->netns = optarg;
			break;
		case 'b':
			o->batch = optarg;
			break;
		case 'f':
			o->force = true;
			break;
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case ':':
			return err_set("option \"%s\" needs an argument", argv[optind - 1]);
		default:
			return err_set("unknown option \"%s\"", argv[optind - 1]);
		}
	}
	return 0;
}

/* Like ip -n: names, never paths, are looked up under /run/netns. */
static int netns_enter(const char *name)
{
	char path[PATH_MAX];
	int fd, ret;

	if (strchr(name, '/'))
		return err_set("invalid network namespace name \"%s\"", name);
	snprintf(path, sizeof(path), "/run/netns/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set("cannot open network namespace \"%s\": %s", name, strerror(errno));
	ret = setns(fd, CLONE_NEWNET);
	if (ret < 0)
		err_set("cannot enter network namespace \"%s\": %s", name, strerror(errno));
	close(fd);
	return ret;
}

static int run_one(int argc, char **argv, bool force)
{
	struct req req;

	if (cmd_parse(argc, argv, &req))
		return -1;
	if (force && cmd_check_force(&req))
		return -1;
	if (req.cmd->kind == REQ_RESTORE) {
		/* Reports its own errors, with the line they are on. */
		return restore_run(&nl, req.file, req.check) ? 1 : 0;
	}
	if (req.cmd->kind != REQ_LOCAL && nl_open(&nl))
		return -1;
	return cmd_run(&nl, &req);
}

static int run(int argc, char **argv, const struct opts *o)
{
	static char version[] = "version";
	char *version_argv[] = { version };

	if (o->netns && netns_enter(o->netns))
		return -1;
	/* As "ip -V": the "version" command, before any word that would follow */
	if (o->version)
		return argc ? err_set("unexpected word \"%s\" after -V", argv[0]) :
			      run_one(1, version_argv, o->force);
	if (!o->batch)
		return run_one(argc, argv, o->force);
	if (argc)
		return err_set("unexpected word \"%s\" after --batch", argv[0]);
	/* Reports its own errors, with the line they are on. */
	return batch_run(&nl, o->batch, o->force) ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .json = false };
	int ret;

	if (parse_opts(argc, argv, &o)) {
		err_report(NULL, 0);
		return 1;
	}
	if (o.help) {
		cmd_help(stdout, NULL);
		return 0;
	}
	print_init(stdout, o.json, o.pretty);
	ret = run(argc - optind, argv + optind, &o);
	if (ret < 0)
		err_report(NULL, 0);
	nl_close(&nl);
	if (fflush(stdout) == EOF) {
		err_set("cannot write output: %s", strerror(errno));
		err_report(NULL, 0);
		ret = 1;
	}
	return ret ? 1 : 0;
}
