/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_STATS_H
#define ARPPROXYCTL_STATS_H

#include <stdbool.h>
#include <net/if.h>

#include "nl.h"
#include "parse.h"
#include "req.h"

/* stats show --format prometheus: the requests of its parts, in the order it prints them */
enum { METRICS_NETNS, METRICS_IFACES, METRICS_BINDINGS, METRICS_PARTS };
extern const struct cmd metrics_cmds[METRICS_PARTS];
/*
 * Print the replies to metrics_cmds, those of METRICS_BINDINGS only if
 * bindings; 0, or -EBADMSG with nothing printed.
 */
int metrics_print(const struct nl_dump *dumps, bool bindings);
/* prefix="...",dev="...", every character of the values escaped */
#define METRICS_LABELS_STRLEN	(sizeof("prefix=\"\",dev=\"\"") + \
				 2 * (PREFIX_STRLEN + IF_NAMESIZE))
/* Append name="value" to labels, escaping \\, " and newline as the format wants. */
void metrics_label_add(char *labels, const char *name, const char *value);

#endif
