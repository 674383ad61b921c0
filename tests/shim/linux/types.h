/* SPDX-License-Identifier: GPL-2.0 */
/* The system's <linux/types.h>, and the kernel's own names for its types. */
#ifndef _SHIM_LINUX_TYPES_H
#define _SHIM_LINUX_TYPES_H

#include_next <linux/types.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef long long s64;

#endif
