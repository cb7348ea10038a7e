/* A socket filter running the instructions INSN, written as the BPF
 * assembler reads them, on a zeroed stack slot and registers. */
#include "control.h"

SEC("socket")
int control(void *ctx)
{
	asm volatile("r0 = 0\n"
		     "r1 = 0\n"
		     "*(u64 *)(r10 - 8) = r1\n" INSN
		     : : : "r0", "r1", "r2", "r3", "r4", "r5", "memory");
	return 0;
}
