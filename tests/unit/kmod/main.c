// SPDX-License-Identifier: GPL-2.0
/*
 * The module's parts that need no kernel, as one runner of their own: they
 * build from kmod/ and tests/shim alone, without the tool.
 */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(acl_suite());
	int failed;

	srunner_add_suite(sr, bucket_suite());
	srunner_add_suite(sr, station_set_suite());
	srunner_add_suite(sr, mac_share_suite());
	srunner_add_suite(sr, ns_suite());
	/* CK_VERBOSITY=verbose lists every test. */
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
