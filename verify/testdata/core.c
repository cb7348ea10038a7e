// CO-RE relocations as clang writes them for preserve_access_index types:
// task_struct's pid and real_parent (which every kernel has), a field no
// kernel has (oxbpf_no_such_field: its offset cannot be resolved, its
// existence is false), and a type no kernel has.
#include "common.h"

struct task_struct {
	int pid;
	struct task_struct *real_parent;
	int oxbpf_no_such_field;
} __attribute__((preserve_access_index));

struct oxbpf_no_such_type {
	int x;
} __attribute__((preserve_access_index));

static long (*probe_read_kernel)(void *dst, __u32 size, const void *src) = (void *)113;
static __u64 (*get_current_task)(void) = (void *)35;

SEC("tracepoint/syscalls/sys_enter_getppid")
int read_task(void *ctx)
{
	struct task_struct *task = (void *)get_current_task(), *parent;
	int pid = 0;
	probe_read_kernel(&parent, sizeof(parent), &task->real_parent);
	probe_read_kernel(&pid, sizeof(pid), &parent->pid);
	return pid;
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int missing(void *ctx)
{
	struct task_struct *task = (void *)get_current_task();
	int x = 0;
	if (__builtin_preserve_field_info(task->oxbpf_no_such_field, 2 /* exists */))
		probe_read_kernel(&x, sizeof(x), &task->oxbpf_no_such_field);
	return x + __builtin_preserve_type_info(*(struct oxbpf_no_such_type *)0, 0 /* exists */);
}

char _license[] SEC("license") = "GPL";
