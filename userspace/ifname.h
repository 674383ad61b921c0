/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_IFNAME_H
#define ARPPROXYCTL_IFNAME_H

#include <net/if.h>
#include <stdint.h>

/* Interface names of the current netns, asked of the kernel once each. */
int ifname_to_index(const char *name, uint32_t *index);
/* Name of index, "if<index>" if it has none; buf holds IF_NAMESIZE. */
const char *ifname_of(uint32_t index, char *buf);

#endif
