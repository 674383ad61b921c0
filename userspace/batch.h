/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXYCTL_BATCH_H
#define ARPPROXYCTL_BATCH_H

#include <stdbool.h>

#include "nl.h"

struct cmd;

/*
 * Run the commands in file ("-": stdin). Every line is checked before any
 * is sent. Errors are reported here, as FILE:LINE: where they have a line;
 * returns -1 if anything failed.
 */
int batch_run(struct nl *nl, const char *file, bool force);
/*
 * Replace the whole configuration with the changes in file, checked as a
 * batch's: all of them at once, or with check or on any error none. Reports
 * its errors as batch_run() does.
 */
int restore_run(struct nl *nl, const char *file, bool check);
/* The requests around a restore's lines */
extern const struct cmd restore_begin, restore_commit, restore_abort;
/* Split line into at most max words, up to a word starting with '#'. */
int batch_words(char *line, char **argv, int max);

#endif
