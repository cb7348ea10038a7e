package main

import (
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check BPF objects, and load them into this kernel or others under qemu",
		ArgsUsage: "OBJ.o...",
		Description: `Lists the objects' programs and maps and the problems a loader or kernel
would refuse (BPF-to-BPF calls, unresolved symbols, loops before 5.3, a
helper, map type or instruction newer than --kernel, ...), for --kernel or
the newest. With --load, loads every map and program into the running
kernel and shows the verifier's verdict (-v: its log); without root or
CAP_BPF that fails with exit status 3.

With --vm KERNEL (repeatable), boots each kernel image under qemu (KVM when
it works, else TCG: seconds per kernel) with oxbpf itself as init, loads
every object there as --load does, and shows each kernel's verdict per
program (-v: the logs of what it rejected). scripts/fetch-kernels.sh
fetches Debian's 5.10, 6.1 and 6.12, which --vm then takes by version.
Exit status 1 when any kernel rejects a program, 3 without qemu or when a
kernel does not boot.

Examples:
   oxbpf verify target/bpf/xdp_parse.o
   oxbpf verify --kernel 4.19 --json probe.o
   sudo oxbpf verify --load -v probe.o
   oxbpf verify target/bpf/*.o --vm 5.10 --vm 6.1 --vm ~/kernels/bzImage`,
		Flags:  append(checkFlags(), vmFlags()...),
		Action: runVerify,
	}
}

func runVerify(c *cli.Context) error {
	args := operands(c)
	if len(args) == 0 {
		return usagef(c, "want one or more OBJ.o")
	}
	opts, err := options(c)
	if err != nil {
		return err
	}
	res, err := pipeline.VerifyObjects(c.Context, args, opts)
	return finish(c, res, err)
}
