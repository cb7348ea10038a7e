package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/gentypes"
	"github.com/oxbpf/oxbpf/gogen"
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

Every struct and union is oxbpf_ebpf::co_re::Relocatable: read its fields
with core_read! (bitfields with core_read_bitfield!) and they relocate to
the offsets of the kernel that runs the program (CO-RE; README: CO-RE).

Use the file as a module of the program: #[rustfmt::skip] mod vmlinux;
(src/vmlinux.rs; the file is not formatted as rustfmt would).

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
		}, {
			Name:      "go",
			Usage:     "write Go bindings of BPF objects, as bpf2go does",
			ArgsUsage: "OBJ.o...",
			Description: `Writes <obj>_bpfel.go beside each object (or into --out, with a copy of the
object, which the Go file embeds): cilium/ebpf's bpf2go bindings, made with
its own cmd/bpf2go/gen package. load<Stem>Objects, typed structs of the
programs, maps and variables, and Go types of the maps' keys and values
and of the records of RingBuf<T> and PerfEventArray<T>, from the object's
BTF. oxbpf build --go-package does the same as part of a build.

Examples:
   oxbpf gen go --package main target/bpf/xdp_count.o
   oxbpf gen go --package probes --out internal/probes target/bpf/*.o`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "package", Usage: "Go package `NAME` of the bindings", Required: true},
				&cli.StringFlag{Name: "out", Usage: "write into `DIR` (default: beside each object)"},
				&cli.StringFlag{Name: "stem", Usage: "prefix of the Go names (default: the object's name in camel case)"},
			},
			Action: runGenGo,
		}},
	}
}

func runGenGo(c *cli.Context) error {
	objs := operands(c)
	if len(objs) == 0 {
		return usagef(c, "name one or more objects")
	}
	if c.String("stem") != "" && len(objs) > 1 {
		return usagef(c, "--stem names one object's bindings; give one object")
	}
	for _, obj := range objs {
		if _, err := os.Stat(obj); err != nil {
			return pipeline.Usage(fmt.Errorf("gen go: %w", err))
		}
		res, err := gogen.Generate(gogen.Options{Object: obj, Package: c.String("package"), Dir: c.String("out"), Stem: c.String("stem")})
		if err != nil {
			return fmt.Errorf("gen go: %w", err)
		}
		fmt.Fprintf(c.App.Writer, "wrote %s (embeds %s)\n", res.Go, filepath.Base(res.Object))
	}
	return nil
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
