/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_ERR_H
#define ARPPROXYCTL_ERR_H

/*
 * Failures are recorded, not printed: a single command prints them after
 * "arpproxyctl: ", a batch after "FILE:LINE: ".
 */
int err_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *err_msg(void);
/* Print the recorded reason; file NULL means no batch line to blame. */
void err_report(const char *file, unsigned int line);

#endif
