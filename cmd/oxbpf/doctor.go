package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/oxbpf/oxbpf/internal/kernelcache"
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
	"github.com/urfave/cli/v2"
)

func doctorCommand() *cli.Command {
	return &cli.Command{
		Name:      "doctor",
		Usage:     "show the rustc, cargo, opt and llc found, the pair chosen, and whether BPF loads here",
		ArgsUsage: "[crate dir]",
		Description: `Lists every rustc and cargo (on PATH and as rustup toolchains) and every opt
and llc discovery considers, in its search order, with versions; marks (*)
what a build would use and says why; says what to install when no usable
opt and llc pair exists (exit status 3); and tells whether this process may
load BPF programs (root or CAP_BPF) into the running kernel, whether --vm
has qemu and which kernels scripts/fetch-kernels.sh cached. A crate
directory counts for rustup's choice of toolchain (rust-toolchain.toml).

Examples:
   oxbpf doctor
   oxbpf doctor --toolchain nightly --json
   OXBPF_LLVM_BIN=/usr/lib/llvm-19/bin oxbpf doctor`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "toolchain", Usage: "rustup toolchain `NAME` a build would use, e.g. nightly"},
			boolFlag("json", "print the findings as JSON"),
		},
		Action: runDoctor,
	}
}

func runDoctor(c *cli.Context) error {
	args, extra := splitArgs(c)
	if len(args) > 1 || len(extra) > 0 {
		return usagef(c, "at most one crate directory, got %q", args)
	}
	opts, err := options(c)
	if err != nil {
		return err
	}
	if len(args) == 1 {
		if fi, err := os.Stat(args[0]); err != nil || !fi.IsDir() {
			return usagef(c, "%s is not a crate directory", args[0])
		}
		opts.Dir = args[0]
	}
	rep, err := pipeline.Doctor(c.Context, opts)
	if rep == nil {
		return err
	}
	var perr error
	if c.Bool("json") {
		perr = writeJSON(c.App.Writer, rep)
	} else {
		perr = printDoctor(c.App.Writer, rep)
	}
	if err != nil {
		return err
	}
	return perr
}

func printDoctor(w io.Writer, rep *pipeline.DoctorReport) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	mark := func(b bool) string {
		if b {
			return "*"
		}
		return " "
	}
	orError := func(s, err string) string {
		if err != "" {
			return "error: " + err
		}
		return s
	}
	fmt.Fprintln(tw, "rustc (* used by cargo)")
	for _, r := range rep.Rustc {
		llvm := ""
		if r.LLVM != "" {
			llvm = "LLVM " + r.LLVM
		}
		fmt.Fprintf(tw, "  %s %s\t%s\t%s\t%s\n", mark(r.Used), r.Command, orError(r.Version, r.Error), llvm, r.Source)
	}
	fmt.Fprintln(tw, "cargo")
	for _, r := range rep.Cargo {
		fmt.Fprintf(tw, "  %s %s\t%s\t\t%s\n", mark(r.Used), r.Command, orError(r.Version, r.Error), r.Source)
	}
	fmt.Fprintln(tw, "opt and llc, in search order (* chosen)")
	for _, t := range rep.LLVMTools {
		version, why := "LLVM "+t.Version.String(), ""
		if t.Err != nil {
			why = t.Err.Error()
		}
		fmt.Fprintf(tw, "  %s %s %s\t%s\t\t%s (%s)\n", mark(t.Chosen), t.Name, t.Path, orError(version, why), t.Source, t.Origin)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if c := rep.Chosen; c != nil {
		fmt.Fprintf(w, "\nchosen: LLVM %d: %s and %s\n  %s\n", c.Major(), c.Opt.Path, c.Llc.Path, rep.Reason)
	} else {
		fmt.Fprintf(w, "\nno usable opt and llc: %s\n", rep.Reason)
	}
	load := "no"
	if rep.BPF.CanLoad {
		load = "yes"
	}
	fmt.Fprintf(w, "\nBPF loading (%s, kernel %s): %s: %s\n", strings.Join(bpfIdentity(rep.BPF), ", "), rep.BPF.Kernel, load, rep.BPF.Reason)
	fmt.Fprintf(w, "\nother kernels (--vm): %s\n", vmLine(rep.VMs))
	if rep.Cache != "" {
		fmt.Fprintf(w, "caches: %s (tools found; objects under each target directory)\n", rep.Cache)
	}
	return nil
}

// vmLine says what --vm has to work with.
func vmLine(r pipeline.VMReadiness) string {
	if r.QemuError != "" {
		return r.QemuError
	}
	var kernels []string
	for _, line := range kernelcache.Lines {
		if image := r.Kernels[line]; image != "" {
			kernels = append(kernels, line+" ("+filepath.Base(image)+")")
		}
	}
	have := "no kernels cached in " + r.KernelDir + ": scripts/fetch-kernels.sh fetches 5.10, 6.1 and 6.12, or give --vm a vmlinuz"
	if len(kernels) > 0 {
		have = "kernels " + strings.Join(kernels, ", ") + " in " + r.KernelDir
	}
	return r.Qemu + "; " + have
}

func bpfIdentity(b verify.Privileges) []string {
	ids := []string{b.OS}
	if b.Root {
		ids = append(ids, "root")
	}
	if b.CapBPF {
		ids = append(ids, "CAP_BPF")
	}
	if b.CapSysAdmin {
		ids = append(ids, "CAP_SYS_ADMIN")
	}
	return ids
}
