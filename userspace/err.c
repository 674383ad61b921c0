// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stdio.h>

#include "err.h"

static char reason[512];

/* Returns -1 so that callers can "return err_set(...)". */
int err_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return -1;
}

const char *err_msg(void)
{
	return reason;
}

void err_report(const char *file, unsigned int line)
{
	if (file)
		fprintf(stderr, "%s:%u: %s\n", file, line, reason);
	else
		fprintf(stderr, "arpproxyctl: %s\n", reason);
}
