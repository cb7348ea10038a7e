package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/gentypes"
	"github.com/oxbpf/oxbpf/internal/output"
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

// kernelBTF is where the running kernel publishes its types.
const kernelBTF = "/sys/kernel/btf/vmlinux"

func genCommand() *cli.Command {
	return &cli.Command{
		Name:  "gen",
		Usage: "generate Rust code for BPF programs",
		Subcommands: []*cli.Command{{
			Name:      "types",
			Usage:     "write Rust definitions of kernel types and tracepoint records",
			ArgsUsage: "[TYPE...]",
			Description: `Writes #[repr(C)] Rust definitions of the kernel types named (structs,
unions, enums, typedefs) from BTF, with every type they hold by value;
types they only point to are declared opaque, name them too to get their
fields. Offsets are the kernel's exactly (explicit padding, packed where C
packs), bitfields are getter and setter methods, enums are constants. The
BTF is the running kernel's (` + kernelBTF + `) unless --btf names
a file (vmlinux BTF from bpftool btf dump file ... format raw, or any ELF
with a .BTF section). --tracepoint adds the record of a tracepoint, read
from its tracefs format file, to read with TracePointContext::args.

Use the file as a module of the program: mod vmlinux; (src/vmlinux.rs).

Examples:
   oxbpf gen types task_struct sk_buff -o src/vmlinux.rs
   oxbpf gen types --tracepoint syscalls/sys_enter_openat -o src/tp.rs
   oxbpf gen types --btf vmlinux-6.1.btf iphdr tcphdr`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "btf", Usage: "read types from BTF `FILE` (default: " + kernelBTF + ")"},
				&cli.StringSliceFlag{Name: "tracepoint", Usage: "add the record of tracepoint `CAT/NAME` (repeatable)"},
				&cli.StringFlag{Name: "tracefs", Usage: "tracefs `DIR` holding events/ (default: /sys/kernel/tracing, then /sys/kernel/debug/tracing)"},
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "-", Usage: "write to `FILE` (- is stdout)"},
			},
			Action: runGenTypes,
		}},
	}
}

func runGenTypes(c *cli.Context) error {
	names, extra := splitArgs(c)
	names = append(names, extra...)
	if len(names) == 0 && len(c.StringSlice("tracepoint")) == 0 {
		return usagef(c, "name a kernel type or a --tracepoint")
	}
	opts := gentypes.Options{Types: names}
	var tps []*gentypes.Tracepoint
	for _, tp := range c.StringSlice("tracepoint") {
		t, err := gentypes.ReadTracepoint(c.String("tracefs"), tp)
		if err != nil {
			return fmt.Errorf("gen types: %w", err)
		}
		tps = append(tps, t)
	}
	opts.Tracepoints = tps
	var spec *btf.Spec
	if len(names) > 0 {
		var err error
		spec, opts.Source, err = loadBTF(c.String("btf"))
		if err != nil {
			return err
		}
	} else {
		opts.Source = "tracefs"
	}
	src, err := gentypes.Generate(spec, opts)
	if err != nil {
		return fmt.Errorf("gen types: %w", err)
	}
	write := func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(src))
		return err
	}
	if out := c.String("output"); out != "-" {
		return output.WriteFile(out, write)
	}
	return write(c.App.Writer)
}

// loadBTF reads types from file, or from the running kernel's BTF.
func loadBTF(file string) (*btf.Spec, string, error) {
	if file == "" {
		spec, err := btf.LoadKernelSpec()
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, btf.ErrNotSupported) {
			return nil, "", pipeline.Toolchain(fmt.Errorf("gen types: this kernel publishes no BTF at %s (it needs CONFIG_DEBUG_INFO_BTF): give --btf FILE", kernelBTF))
		}
		if err != nil {
			return nil, "", fmt.Errorf("gen types: %s: %w", kernelBTF, err)
		}
		return spec, kernelBTF, nil
	}
	spec, err := btf.LoadSpec(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", pipeline.Usage(fmt.Errorf("gen types: --btf %s: %w", file, err))
	}
	if err != nil {
		return nil, "", fmt.Errorf("gen types: --btf %s: %w", file, err)
	}
	return spec, "BTF file " + file, nil
}
