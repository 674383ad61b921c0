/* SPDX-License-Identifier: GPL-2.0 */
#ifndef ARPPROXY_TEST_SUITES_H
#define ARPPROXY_TEST_SUITES_H

#include <check.h>

Suite *parse_suite(void);	/* test_parse.c: words to requests */
Suite *msg_suite(void);		/* test_msg.c: requests to netlink */
Suite *print_suite(void);	/* test_print.c: replies to text and JSON */
Suite *monitor_suite(void);	/* test_monitor.c: events to text and JSON */
Suite *proto_suite(void);	/* test_proto.c: the module's ARP checks */
Suite *lookup_suite(void);	/* test_lookup.c: the module's binding lookup */
Suite *lease_suite(void);	/* test_lease.c: the DHCP lease hook's plans */

#endif
