/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_SAVE_H
#define ARPPROXYCTL_SAVE_H

#include "nl.h"

/* The replies save prints, in this order */
enum { SAVE_BINDINGS, SAVE_IFACES, SAVE_ACLS, SAVE_CACHE, SAVE_PARTS };
/* Print dumps[SAVE_PARTS] as save does; 0, or -EBADMSG with nothing printed. */
int save_print(const struct nl_dump *dumps);

#endif
