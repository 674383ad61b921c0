/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for the kernel's <linux/jiffies.h>: the comparisons. */
#ifndef _SHIM_LINUX_JIFFIES_H
#define _SHIM_LINUX_JIFFIES_H

/* True if @a is before @b, across the counter's wrap. */
#define time_before(a, b) ((long)((a) - (b)) < 0)

#endif
