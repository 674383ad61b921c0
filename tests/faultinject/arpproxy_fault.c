// SPDX-License-Identifier: GPL-2.0
/*
 * arpproxy_fault: fail one slab allocation on demand, for tests only.
 *
 * Debian's kernels have neither failslab nor function error injection, but
 * they have kretprobes. As with failslab's /proc/PID/fail-nth, writing N to
 * the parameter nth fails the Nth eligible allocation from then on, once.
 * Eligible is an allocation that may fail (no __GFP_NOFAIL), made in process
 * context by the process whose tgid is in the parameter pid while the kernel
 * handles one of its generic netlink requests (inside genl_rcv_msg()). The
 * allocator runs as usual; on its return the object is freed and NULL is
 * returned instead. The parameter fired counts the allocations failed so.
 *
 * On a kernel with failslab (the sanitizer kernel), failslab=1 leaves the
 * failing to the kernel's own fault injection instead: the Nth eligible
 * allocation of the request is current->fail_nth, armed on the way into
 * genl_rcv_msg() and disarmed on the way out, with failslab's
 * ignore-gfp-wait off so that sleeping allocations count too.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

static int fault_pid;
module_param_named(pid, fault_pid, int, 0644);
MODULE_PARM_DESC(pid, "Tgid of the process whose allocations may fail");

static atomic_t fault_nth = ATOMIC_INIT(0);
static atomic_t fault_fired = ATOMIC_INIT(0);

static int fault_nth_set(const char *val, const struct kernel_param *kp)
{
	int n, err;

	err = kstrtoint(val, 0, &n);
	if (err)
		return err;
	if (n < 0)
		return -EINVAL;
	atomic_set(&fault_nth, n);
	return 0;
}

static int fault_atomic_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(kp->arg));
}

static const struct kernel_param_ops fault_nth_ops = {
	.set = fault_nth_set,
	.get = fault_atomic_get,
};

static const struct kernel_param_ops fault_fired_ops = {
	.get = fault_atomic_get,
};

module_param_cb(nth, &fault_nth_ops, &fault_nth, 0644);
MODULE_PARM_DESC(nth, "Fail the Nth eligible allocation from now on (0: none); reads back how many are left to go");
module_param_cb(fired, &fault_fired_ops, &fault_fired, 0444);
MODULE_PARM_DESC(fired, "How many allocations were failed");

static bool fault_failslab;

static int fault_failslab_set(const char *val, const struct kernel_param *kp)
{
	if (!IS_ENABLED(CONFIG_FAILSLAB))
		return -EOPNOTSUPP;
	return param_set_bool(val, kp);
}

static const struct kernel_param_ops fault_failslab_ops = {
	.set = fault_failslab_set,
	.get = param_get_bool,
};

module_param_cb(failslab, &fault_failslab_ops, &fault_failslab, 0644);
MODULE_PARM_DESC(failslab, "Fail through the kernel's failslab and fail-nth, not the probes (needs CONFIG_FAILSLAB)");

/* The target task while it is inside genl_rcv_msg(), or NULL. */
static struct task_struct *fault_genl_task;

#ifdef CONFIG_FAILSLAB
/* Hands what is left of nth to failslab for this request: armed or not. */
static bool fault_failslab_arm(void)
{
	int nth = atomic_xchg(&fault_nth, 0);

	if (nth <= 0)
		return false;
	current->fail_nth = nth;
	return true;
}

/* fail_nth reaches zero exactly when failslab failed an allocation. */
static void fault_failslab_disarm(void)
{
	unsigned int left = current->fail_nth;

	current->fail_nth = 0;
	if (left)
		atomic_set(&fault_nth, left);
	else
		atomic_inc(&fault_fired);
}
#else
static bool fault_failslab_arm(void)
{
	return false;
}

static void fault_failslab_disarm(void)
{
}
#endif

static int fault_genl_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	int target = READ_ONCE(fault_pid);
	bool *armed = (bool *)ri->data;

	if (!target || task_tgid_nr(current) != target)
		return 1;	/* not ours: no return probe */
	*armed = READ_ONCE(fault_failslab) && fault_failslab_arm();
	if (!READ_ONCE(fault_failslab))
		WRITE_ONCE(fault_genl_task, current);
	return 0;
}

static int fault_genl_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	if (*(bool *)ri->data)
		fault_failslab_disarm();
	if (READ_ONCE(fault_genl_task) == current)
		WRITE_ONCE(fault_genl_task, NULL);
	return 0;
}

static struct kretprobe fault_genl_probe = {
	.kp.symbol_name = "genl_rcv_msg",
	.entry_handler = fault_genl_entry,
	.handler = fault_genl_return,
	.data_size = sizeof(bool),
};

/* A slab entry point, and where its arguments are. */
struct fault_probe {
	struct kretprobe rp;
	unsigned int gfp_arg;	/* index of the gfp_t argument */
	bool from_cache;	/* the first argument is the object's cache */
};

/* Runs for every allocation in the system: the common case first. */
static int fault_alloc_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	const struct fault_probe *fp;
	gfp_t gfp;

	if (READ_ONCE(fault_genl_task) != current || !in_task())
		return 1;	/* not eligible: no return probe */
	fp = container_of(get_kretprobe(ri), struct fault_probe, rp);
	gfp = (__force gfp_t)regs_get_kernel_argument(regs, fp->gfp_arg);
	if (gfp & __GFP_NOFAIL)
		return 1;
	/* Zero exactly when nth was 1: this is the allocation to fail. */
	if (atomic_dec_if_positive(&fault_nth))
		return 1;
	*(struct kmem_cache **)ri->data = fp->from_cache ?
		(struct kmem_cache *)regs_get_kernel_argument(regs, 0) : NULL;
	return 0;
}

static int fault_alloc_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct kmem_cache *cache = *(struct kmem_cache **)ri->data;
	void *obj = (void *)regs_return_value(regs);

	/* Failed already, or kmalloc(0), which never fails. */
	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	if (cache)
		kmem_cache_free(cache, obj);
	else
		kfree(obj);
	regs_set_return_value(regs, 0);
	atomic_inc(&fault_fired);
	return 0;
}

#define FAULT_PROBE(sym, gfp, cache) {				\
	.rp = {							\
		.kp.symbol_name = sym,				\
		.entry_handler = fault_alloc_entry,		\
		.handler = fault_alloc_return,			\
		.data_size = sizeof(struct kmem_cache *),	\
	},							\
	.gfp_arg = gfp,						\
	.from_cache = cache,					\
}

/* With CONFIG_SLAB_BUCKETS, DECL_BUCKET_PARAMS() is two arguments. */
#ifdef CONFIG_SLAB_BUCKETS
#define FAULT_BUCKET_GFP 2
#else
#define FAULT_BUCKET_GFP 1
#endif

/*
 * Every way into the slab allocator that can fail (not the bulk API, nor
 * kmalloc_large(), which takes pages): 6.1's names, then 6.12's. The
 * kernel has one set or the other; missing ones are skipped.
 */
static struct fault_probe fault_probes[] = {
	FAULT_PROBE("kmem_cache_alloc", 1, true),
	FAULT_PROBE("kmem_cache_alloc_lru", 2, true),
	FAULT_PROBE("kmem_cache_alloc_node", 1, true),
	FAULT_PROBE("__kmalloc", 1, false),
	FAULT_PROBE("__kmalloc_node", 1, false),
	FAULT_PROBE("kmalloc_trace", 1, false),
	FAULT_PROBE("kmalloc_node_trace", 1, false),
	FAULT_PROBE("__kmalloc_node_track_caller", 1, false),
	FAULT_PROBE("kmem_cache_alloc_noprof", 1, true),
	FAULT_PROBE("kmem_cache_alloc_lru_noprof", 2, true),
	FAULT_PROBE("kmem_cache_alloc_node_noprof", 1, true),
	FAULT_PROBE("__kmalloc_noprof", 1, false),
	FAULT_PROBE("__kmalloc_node_noprof", FAULT_BUCKET_GFP, false),
	FAULT_PROBE("__kmalloc_cache_noprof", 1, false),
	FAULT_PROBE("__kmalloc_cache_node_noprof", 1, false),
	FAULT_PROBE("__kmalloc_node_track_caller_noprof", FAULT_BUCKET_GFP, false),
};

static struct kretprobe *fault_live[ARRAY_SIZE(fault_probes) + 1];
static int fault_nlive;

static int __init fault_init(void)
{
	const char *sym;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(fault_probes); i++) {
		sym = fault_probes[i].rp.kp.symbol_name;
		err = register_kretprobe(&fault_probes[i].rp);
		if (err == -ENOENT)
			continue;
		if (err)
			goto fail;
		fault_live[fault_nlive++] = &fault_probes[i].rp;
	}
	if (!fault_nlive) {
		pr_err("no slab entry point found\n");
		return -ENOENT;
	}
	sym = fault_genl_probe.kp.symbol_name;
	err = register_kretprobe(&fault_genl_probe);
	if (err)
		goto fail;
	fault_live[fault_nlive++] = &fault_genl_probe;
	pr_info("%d slab entry points probed\n", fault_nlive - 1);
	return 0;

fail:
	pr_err("cannot probe %s: %d\n", sym, err);
	unregister_kretprobes(fault_live, fault_nlive);
	return err;
}

static void __exit fault_exit(void)
{
	unregister_kretprobes(fault_live, fault_nlive);
}

module_init(fault_init);
module_exit(fault_exit);
MODULE_DESCRIPTION("Fail slab allocations of one process's generic netlink requests, for tests");
MODULE_LICENSE("GPL");
