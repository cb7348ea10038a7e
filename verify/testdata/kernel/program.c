/* Programs that use one feature of the verifier or loader, by FEATURE:
 * GLOBAL reads a static (global data), CALL calls a function that is not
 * inlined (BPF-to-BPF calls), LOOP runs a bounded loop, TAILSUB makes a
 * tail call from a program with a BPF-to-BPF call, KFUNC calls a kernel
 * function, BIG runs more than 4096 instructions. */
#include "control.h"

#if defined(GLOBAL)
static volatile int counter = 1;
SEC("socket")
int control(void *ctx)
{
	return counter;
}
#elif defined(CALL)
static __attribute__((noinline)) int twice(int x)
{
	return x * 2;
}
SEC("socket")
int control(void *ctx)
{
	return twice(*(volatile int *)ctx & 1);
}
#elif defined(LOOP)
SEC("socket")
int control(void *ctx)
{
	int sum = 0;
	for (int i = 0; i < (*(volatile int *)ctx & 7); i++)
		sum += *(volatile int *)ctx;
	return sum;
}
#elif defined(TAILSUB)
struct {
	__uint(type, 3);
	__uint(key_size, 4);
	__uint(value_size, 4);
	__uint(max_entries, 1);
} jumps SEC(".maps");
static __attribute__((noinline)) int jump(void *ctx)
{
	((long (*)(void *, void *, int))12)(ctx, &jumps, 0);
	return 0;
}
SEC("tc")
int control(void *ctx)
{
	return jump(ctx);
}
#elif defined(KFUNC)
extern void bpf_rcu_read_lock(void) __attribute__((section(".ksyms")));
extern void bpf_rcu_read_unlock(void) __attribute__((section(".ksyms")));
SEC("tc")
int control(void *ctx)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return 0;
}
#elif defined(BIG)
#define I1 asm volatile("r0 = 0" ::: "r0");
#define I10 I1 I1 I1 I1 I1 I1 I1 I1 I1 I1
#define I100 I10 I10 I10 I10 I10 I10 I10 I10 I10 I10
#define I1000 I100 I100 I100 I100 I100 I100 I100 I100 I100 I100
SEC("socket")
int control(void *ctx)
{
	I1000 I1000 I1000 I1000 I100
	return 0;
}
#endif
