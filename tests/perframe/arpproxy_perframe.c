// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxy_perframe: what one ARP request costs the receive path, for the
 * benchmarks only. A load generator in userspace stops at its own ceiling,
 * where arpproxy, the kernel's own address and proxy_arp tie; this module
 * pushes prebuilt requests into netif_receive_skb() of a device, as its
 * driver would, and times them, so that whatever answers (or does not) is
 * measured alone.
 *
 * In a network namespace, write to /proc/net/arpproxy_perframe
 *
 *	IFNAME TARGET_IP SENDER_IP SENDER_MAC FRAMES CPUS
 *
 * and read back one line: "frames=N cpus=N ns=N ns_per_frame=N", N being
 * all the frames of all the CPUs, each CPU (0 to CPUS - 1, a kernel thread
 * bound to it) sending FRAMES, ns the wall time from the first frame to the
 * last, replies and the softirqs they raise included. Replies go out of
 * IFNAME as usual: the harness makes its peer drop them cheaply.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/inet.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/net_namespace.h>

#define PERFRAME_CPUS_MAX	8
/* Frames pushed per BH-disabled stretch: the replies' softirqs run between. */
#define PERFRAME_BATCH		64

struct perframe_run {
	struct net_device *dev;
	u8 frame[ETH_HLEN + sizeof(struct arphdr) + 2 * (ETH_ALEN + 4)];
	unsigned long frames;		/* per CPU */
	atomic_t ready;
	struct completion go;
	struct completion done[PERFRAME_CPUS_MAX];
};

static DEFINE_MUTEX(perframe_lock);	/* one run at a time, and its result */
static char perframe_result[128];

static void perframe_build(struct perframe_run *run, __be32 target, __be32 sender,
			   const u8 *mac)
{
	struct ethhdr *eth = (struct ethhdr *)run->frame;
	struct arphdr *arp = (struct arphdr *)(eth + 1);
	u8 *p = (u8 *)(arp + 1);

	eth_broadcast_addr(eth->h_dest);
	ether_addr_copy(eth->h_source, mac);
	eth->h_proto = htons(ETH_P_ARP);
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = ETH_ALEN;
	arp->ar_pln = 4;
	arp->ar_op = htons(ARPOP_REQUEST);
	ether_addr_copy(p, mac);
	memcpy(p + ETH_ALEN, &sender, 4);
	eth_zero_addr(p + ETH_ALEN + 4);
	memcpy(p + 2 * ETH_ALEN + 4, &target, 4);
}

/* One frame as the driver would hand it up; false without memory. */
static bool perframe_push(struct perframe_run *run)
{
	struct sk_buff *skb = netdev_alloc_skb(run->dev, sizeof(run->frame));

	if (!skb)
		return false;
	skb_put_data(skb, run->frame, sizeof(run->frame));
	skb->protocol = eth_type_trans(skb, run->dev);
	netif_receive_skb(skb);
	return true;
}

struct perframe_thread {
	struct perframe_run *run;
	int cpu;
};

static int perframe_thread_fn(void *data)
{
	struct perframe_thread *t = data;
	struct perframe_run *run = t->run;
	unsigned long i = 0;

	atomic_inc(&run->ready);
	wait_for_completion(&run->go);
	while (i < run->frames) {
		unsigned int n;

		local_bh_disable();
		for (n = 0; n < PERFRAME_BATCH && i < run->frames; n++, i++)
			if (!perframe_push(run))
				break;
		local_bh_enable();
		cond_resched();
	}
	complete(&run->done[t->cpu]);
	return 0;
}

static int perframe_measure(struct perframe_run *run, int cpus, u64 *ns)
{
	struct perframe_thread threads[PERFRAME_CPUS_MAX];
	struct task_struct *task;
	u64 start;
	int cpu;

	atomic_set(&run->ready, 0);
	init_completion(&run->go);
	for (cpu = 0; cpu < cpus; cpu++) {
		threads[cpu] = (struct perframe_thread) { run, cpu };
		init_completion(&run->done[cpu]);
		task = kthread_create_on_cpu(perframe_thread_fn, &threads[cpu], cpu,
					     "arpproxy_perframe/%u");
		if (IS_ERR(task)) {
			/* Those started wait for go: let them go, then wait. */
			cpus = cpu;
			break;
		}
		wake_up_process(task);
	}
	while (atomic_read(&run->ready) < cpus)
		cond_resched();
	start = ktime_get_ns();
	complete_all(&run->go);
	for (cpu = 0; cpu < cpus; cpu++)
		wait_for_completion(&run->done[cpu]);
	*ns = ktime_get_ns() - start;
	return cpus;
}

static ssize_t perframe_write(struct file *file, const char __user *ubuf, size_t len,
			      loff_t *off)
{
	struct net *net = pde_data(file_inode(file));
	char buf[160], ifname[IFNAMSIZ], target[16], sender[16], mac[18];
	struct perframe_run *run;
	__be32 target_ip, sender_ip;
	u8 sender_mac[ETH_ALEN];
	unsigned long frames;
	int cpus, started;
	u64 ns;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%15s %15s %15s %17s %lu %d", ifname, target, sender, mac, &frames,
		   &cpus) != 6 ||
	    !in4_pton(target, -1, (u8 *)&target_ip, -1, NULL) ||
	    !in4_pton(sender, -1, (u8 *)&sender_ip, -1, NULL) || !mac_pton(mac, sender_mac) ||
	    !frames || cpus < 1 || cpus > PERFRAME_CPUS_MAX || cpus > num_online_cpus())
		return -EINVAL;
	run = kzalloc(sizeof(*run), GFP_KERNEL);
	if (!run)
		return -ENOMEM;
	run->dev = dev_get_by_name(net, ifname);
	if (!run->dev) {
		kfree(run);
		return -ENODEV;
	}
	run->frames = frames;
	perframe_build(run, target_ip, sender_ip, sender_mac);
	mutex_lock(&perframe_lock);
	started = perframe_measure(run, cpus, &ns);
	snprintf(perframe_result, sizeof(perframe_result),
		 "frames=%lu cpus=%d ns=%llu ns_per_frame=%llu\n", frames * started, started, ns,
		 started ? div64_u64(ns, frames * started) : 0);
	mutex_unlock(&perframe_lock);
	dev_put(run->dev);
	kfree(run);
	return started == cpus ? len : -ENOMEM;
}

static int perframe_show(struct seq_file *m, void *v)
{
	mutex_lock(&perframe_lock);
	seq_puts(m, perframe_result);
	mutex_unlock(&perframe_lock);
	return 0;
}

static int perframe_open(struct inode *inode, struct file *file)
{
	return single_open(file, perframe_show, NULL);
}

static const struct proc_ops perframe_proc_ops = {
	.proc_open = perframe_open,
	.proc_read = seq_read,
	.proc_write = perframe_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __net_init perframe_net_init(struct net *net)
{
	return proc_create_data("arpproxy_perframe", 0600, net->proc_net, &perframe_proc_ops,
				net) ? 0 : -ENOMEM;
}

static void __net_exit perframe_net_exit(struct net *net)
{
	remove_proc_entry("arpproxy_perframe", net->proc_net);
}

static struct pernet_operations perframe_net_ops = {
	.init = perframe_net_init,
	.exit = perframe_net_exit,
};

static int __init perframe_init(void)
{
	return register_pernet_subsys(&perframe_net_ops);
}

static void __exit perframe_exit(void)
{
	unregister_pernet_subsys(&perframe_net_ops);
}

module_init(perframe_init);
module_exit(perframe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("arpproxy benchmark: ARP requests pushed into a device's receive path");
