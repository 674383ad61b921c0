/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_MONITOR_H
#define ARPPROXYCTL_MONITOR_H

#include <time.h>

struct nlmsghdr;

/* Print one event as received at when; -EBADMSG, printing nothing, if malformed. */
int monitor_print(const struct nlmsghdr *nlh, const struct timespec *when);

#endif
