package main

import (
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check a BPF object, and load it into the running kernel",
		ArgsUsage: "OBJ.o",
		Description: `Lists the object's programs and maps and the problems a loader or kernel
would refuse (BPF-to-BPF calls, unresolved symbols, loops before 5.3, ...),
for --kernel or the newest. With --load, loads every map and program into
the running kernel and shows the verifier's verdict (-v: its log); without
root or CAP_BPF that fails with exit status 3.

Examples:
   oxbpf verify target/bpf/xdp_parse.o
   oxbpf verify --kernel 4.19 --json probe.o
   sudo oxbpf verify --load -v probe.o`,
		Flags:  checkFlags(),
		Action: runVerify,
	}
}

func runVerify(c *cli.Context) error {
	args := operands(c)
	if len(args) != 1 {
		return usagef(c, "want one OBJ.o, got %d arguments", len(args))
	}
	opts, err := options(c)
	if err != nil {
		return err
	}
	res, err := pipeline.VerifyObject(c.Context, args[0], opts)
	return finish(c, res, err)
}
