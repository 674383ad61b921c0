// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(parse_suite());
	int failed;

	srunner_add_suite(sr, msg_suite());
	srunner_add_suite(sr, print_suite());
	srunner_add_suite(sr, monitor_suite());
	srunner_add_suite(sr, proto_suite());
	srunner_add_suite(sr, lookup_suite());
	srunner_add_suite(sr, lease_suite());
	/* CK_VERBOSITY=verbose (as make check sets it) lists every test. */
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
