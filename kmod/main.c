// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxy: answer proxy ARP requests from a per-netns binding table, in
 * the kernel, at once. This file only brings the parts up in order.
 *
 * The interface notifier comes up before the netlink family, so that no
 * command can bind an interface whose removal would go unseen; it goes
 * down first too, while the family is still there for the flush events
 * that its last NETDEV_UNREGISTER replay sends. The address notifier,
 * which tells the interfaces that track an address that it came or went,
 * comes up and goes down beside it. The family goes before the
 * namespaces' state, so that no command runs on state being freed.
 */
#include <linux/module.h>

#include "nl.h"
#include "version.h"

static int __init arpproxy_init(void)
{
	int err;

	err = arpproxy_binding_slab_init();
	if (err)
		return err;
	err = arpproxy_netns_init();
	if (err)
		goto err_slab;
	err = arpproxy_netdev_init();
	if (err)
		goto err_netns;
	err = arpproxy_track_init();
	if (err)
		goto err_netdev;
	err = arpproxy_restore_init();
	if (err)
		goto err_track;
	err = arpproxy_genl_init();
	if (err)
		goto err_restore;
	arpproxy_rarp_init();
	pr_info("version " ARPPROXY_VERSION " loaded\n");
	return 0;

err_restore:
	arpproxy_restore_exit();
err_track:
	arpproxy_track_exit();
err_netdev:
	arpproxy_netdev_exit();
err_netns:
	arpproxy_netns_exit();
err_slab:
	arpproxy_binding_slab_exit();
	return err;
}

static void __exit arpproxy_exit(void)
{
	arpproxy_rarp_exit();
	arpproxy_track_exit();
	arpproxy_netdev_exit();
	arpproxy_genl_exit();
	arpproxy_restore_exit();
	arpproxy_netns_exit();
	arpproxy_binding_slab_exit();
}

module_init(arpproxy_init);
module_exit(arpproxy_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("In-kernel proxy ARP responder");
MODULE_AUTHOR("The arpproxy developers");
MODULE_VERSION(ARPPROXY_VERSION);
MODULE_ALIAS_GENL_FAMILY(ARPPROXY_GENL_NAME);
