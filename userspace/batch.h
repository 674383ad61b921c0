/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_BATCH_H
#define ARPPROXYCTL_BATCH_H

#include <stdbool.h>

#include "nl.h"

/*
 * Run the commands in file ("-": stdin). Every line is checked before any
 * is sent. Errors are reported here, as FILE:LINE: where they have a line;
 * returns -1 if anything failed.
 */
int batch_run(struct nl *nl, const char *file, bool force);
/* Split line into at most max words, up to a word starting with '#'. */
int batch_words(char *line, char **argv, int max);

#endif
