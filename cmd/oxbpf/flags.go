package main

import (
	"cmp"
	"io"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/urfave/cli/v2"
)

// compileFlags are the flags of the commands that compile IR.
func compileFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "mcpu", Value: toolchain.DefaultCPU, DefaultText: toolchain.DefaultCPU + ", v1 for --kernel before 4.14", Usage: "BPF `CPU` for llc: v1, v2 (Linux 4.14), v3 (5.1) or v4 (6.6), checked against --kernel"},
		boolFlag("unroll", "unroll every loop fully, for kernels before 5.3"),
		boolFlag("strict", "treat rewrite warnings as errors"),
		boolFlag("bigendian", "build bpfeb objects instead of bpfel"),
		boolFlag("keep-temps", "keep the intermediate files (rewritten and optimised IR, object) and say where"),
		boolFlag("no-cache", "neither read nor write oxbpf's caches (the tools found, objects made before): build everything anew"),
		btfFlag(),
		coreFlag(),
	}
}

// checkFlags are the flags of the commands that check objects.
func checkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "kernel", Usage: "oldest kernel the objects must load on, `X.Y` or host for the running one: what it predates is refused (default: the newest)"},
		boolFlag("load", "load the objects into the running kernel (needs root or CAP_BPF)"),
		&cli.StringFlag{Name: "kernel-btf", EnvVars: []string{"OXBPF_KERNEL_BTF"}, Usage: "fix CO-RE relocations against the BTF in `FILE` (raw, or an ELF with .BTF) instead of the kernel's own, for kernels built without it: here, and in each --vm kernel"},
		boolFlag("json", "print the result as JSON (stable keys: go doc github.com/oxbpf/oxbpf/pipeline)"),
		boolFlag("verbose", "print the commands run, the tools' stderr and verifier logs", "v"),
	}
}

// vmFlags are the flags of the commands that check objects in other
// kernels under qemu: verify, build, test.
func vmFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "vm", Usage: "also load the objects in kernel `KERNEL` booted under qemu: a vmlinuz/bzImage, or 5.10, 6.1, 6.12 as scripts/fetch-kernels.sh caches them"},
		&cli.StringFlag{Name: "qemu", Usage: "the qemu-system-x86_64 `PATH` to boot --vm kernels with", EnvVars: []string{"OXBPF_QEMU"}, DefaultText: "on PATH"},
	}
}

// options turns the flags c has into build options; flags a command does
// not define read as their zero value.
func options(c *cli.Context) (pipeline.Options, error) {
	opts := pipeline.Options{
		Opt:         c.String("opt"),
		Llc:         c.String("llc"),
		LLVMBin:     c.String("llvm-bin"),
		ToolTimeout: c.Duration("timeout"),
		CPU:         explicit(c, "mcpu"),
		Unroll:      c.Bool("unroll"),
		Strict:      c.Bool("strict"),
		NoBTF:       !c.Bool("btf"),
		NoCORE:      c.IsSet("core") && !c.Bool("core"),
		BigEndian:   c.Bool("bigendian"),
		KeepTemps:   c.Bool("keep-temps"),
		NoCache:     c.Bool("no-cache"),
		Load:        c.Bool("load"),
		KernelBTF:   c.String("kernel-btf"),
		VMs:         c.StringSlice("vm"),
		Qemu:        c.String("qemu"),
		Toolchain:   c.String("toolchain"),
		Stdin:       c.App.Reader,
		Stdout:      c.App.Writer,
	}
	// A file that is no BTF is the command line's fault: say so before
	// anything builds.
	if _, err := verify.KernelTypes(opts.KernelBTF); err != nil {
		return opts, usagef(c, "--kernel-btf: %v", err)
	}
	if s := c.String("kernel"); s != "" {
		k, err := verify.ParseKernel(s)
		if err != nil {
			return opts, usagef(c, "%v", err)
		}
		opts.Kernel = k
	}
	verbose, asJSON := c.Bool("verbose"), c.Bool("json")
	if verbose {
		opts.Trace = c.App.ErrWriter
	}
	if verbose || !asJSON {
		opts.Progress = progress(c.App.ErrWriter)
	}
	return opts, nil
}

// finish prints a run's result, as JSON or as tables, on stdout, and passes
// its error on. Most errors come with a result, which shows how far each
// bin got.
func finish(c *cli.Context, res *pipeline.Result, err error) error {
	return finishTo(c, c.App.Writer, res, err)
}

// finishTo is finish printing to w: stderr when the object itself went to
// stdout.
func finishTo(c *cli.Context, w io.Writer, res *pipeline.Result, err error) error {
	if res == nil {
		return err
	}
	var perr error
	if c.Bool("json") {
		perr = writeJSON(w, res)
	} else {
		perr = printResult(w, res, c.Bool("verbose"))
	}
	return cmp.Or(err, perr)
}

// btfFlag turns BTF off with --btf=false.
func btfFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "btf", Value: true, Usage: "write BTF (.BTF, .BTF.ext: types, line info, BTF-defined maps), which libbpf, bpftool and iproute2 need; --btf=false for none"}
}

// coreFlag turns CO-RE relocations off with --core=false.
func coreFlag() *cli.BoolFlag {
	return &cli.BoolFlag{Name: "core", Value: true, Usage: "make kernel struct fields read through the crate's core_* macros relocate to the running kernel's offsets (CO-RE); --core=false reads them at the offsets of the types as written, for kernels without BTF"}
}

// boolFlag is a switch, whose help shows no "(default: false)".
func boolFlag(name, usage string, aliases ...string) *cli.BoolFlag {
	return &cli.BoolFlag{Name: name, Aliases: aliases, Usage: usage, DisableDefaultText: true}
}

// explicit is the value of flag name when the command line gives it, and
// "" when the flag's default stands, so that the default can depend on
// other flags.
func explicit(c *cli.Context, name string) string {
	if !c.IsSet(name) {
		return ""
	}
	return c.String(name)
}
