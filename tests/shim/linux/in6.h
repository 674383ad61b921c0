/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for the kernel's <linux/in6.h>: libc's struct in6_addr. */
#ifndef _SHIM_LINUX_IN6_H
#define _SHIM_LINUX_IN6_H

#include <netinet/in.h>

#endif
