/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXY_KMOD_TEST_SUITES_H
#define ARPPROXY_KMOD_TEST_SUITES_H

#include <check.h>

Suite *acl_suite(void);		/* test_acl.c: the module's ACL matching */
Suite *bucket_suite(void);	/* test_bucket.c: the module's rate-limit buckets */
Suite *ns_suite(void);		/* test_ns.c: the module's check of Neighbor Solicitations */
Suite *station_set_suite(void);	/* test_station_set.c: one set of the station cache */
Suite *mac_share_suite(void);	/* test_mac_share.c: the stations each MAC holds */

#endif
