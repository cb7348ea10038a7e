package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build a crate's bin targets into BPF objects",
		ArgsUsage: "[crate dir | Cargo.toml] [-- extra rustc flags]",
		Description: `Builds each bin target of the crate (in the current directory, the one given,
or --manifest-path) into <out>/<bin>.o: cargo emits the bin's LLVM IR, oxbpf
rewrites it for BPF, opt and llc compile it, and the object is checked (and
with --load, loaded into the running kernel). Bins build in parallel. Each
step prints a line with its time on stderr; a table of the programs and maps
follows on stdout. An object is written only when every step passed, and
atomically: a failed build leaves the previous object in place. With --vm,
the objects are then loaded in each of those kernels under qemu, as
oxbpf verify --vm does.

A build with nothing changed reuses what it can (tens of milliseconds): rustc
does not run (oxbpf is its linker and writes a stub where the bin would be,
so cargo's fingerprint holds), the tools found come from ~/.cache/oxbpf
($OXBPF_CACHE), and the object opt and llc made of the same IR with the same
tools and flags from <target>/release/oxbpf/cache; the object is still
checked and written. --no-cache builds everything anew.

Examples:
   oxbpf build fixtures/probes/net
   oxbpf build --manifest-path probes/Cargo.toml --bin xdp_parse --load
   oxbpf build --kernel 4.19 --unroll --mcpu v1 -- -C debug-assertions=off
   oxbpf build --kernel 5.10 --vm 5.10 --vm 6.12
   oxbpf build example --go-package main --go-out example/loader   # //go:generate`,
		Flags:  append(buildFlags(), vmFlags()...),
		Action: runBuild,
	}
}

func runBuild(c *cli.Context) error {
	opts, err := crateOptions(c)
	if err != nil {
		return err
	}
	res, err := pipeline.Build(c.Context, opts)
	return finish(c, res, err)
}

// buildFlags are the flags of commands that build a crate: build, test.
func buildFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "manifest-path", Usage: "the crate's `Cargo.toml` (instead of a crate directory)"},
		&cli.StringSliceFlag{Name: "bin", Usage: "build only bin target `B` (repeatable; default: every bin)"},
		&cli.StringSliceFlag{Name: "features", Usage: "cargo features `F` to enable (comma or space separated)"},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write <bin>.o into `DIR` (default: <crate>/target/bpf)"},
		&cli.StringFlag{Name: "toolchain", Usage: "rustup toolchain `NAME` to build with, e.g. nightly (default: rustup's choice for the crate)"},
		&cli.StringFlag{Name: "target-dir", Usage: "cargo's target directory `DIR` (default: cargo's)"},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "build at most `N` bins at once", DefaultText: "one per CPU"},
		&cli.StringFlag{Name: "go-package", Usage: "also write Go bindings of each object (bpf2go's) in package `NAME`"},
		&cli.StringFlag{Name: "go-out", Usage: "write the Go bindings and the object they embed into `DIR` (default: beside the object)"},
	}
	flags = append(flags, compileFlags()...)
	return append(flags, checkFlags()...)
}

// crateOptions reads the crate a command builds (a directory, its
// Cargo.toml, or --manifest-path) and the build flags.
func crateOptions(c *cli.Context) (pipeline.Options, error) {
	args, extra := splitArgs(c)
	if len(args) > 1 {
		return pipeline.Options{}, usagef(c, "at most one crate directory, got %q", args)
	}
	opts, err := options(c)
	if err != nil {
		return opts, err
	}
	opts.ManifestPath = c.String("manifest-path")
	if fi, err := os.Stat(opts.ManifestPath); err == nil && fi.IsDir() {
		return opts, usagef(c, "--manifest-path %s is a directory: give its Cargo.toml, or the directory as the crate", opts.ManifestPath)
	}
	if len(args) == 1 {
		if opts.ManifestPath != "" {
			return opts, usagef(c, "give a crate directory or --manifest-path, not both")
		}
		// A Cargo.toml is as good as its directory, as cargo's
		// --manifest-path is.
		switch fi, err := os.Stat(args[0]); {
		case err == nil && !fi.IsDir() && filepath.Base(args[0]) == "Cargo.toml":
			opts.ManifestPath = args[0]
		case err == nil && !fi.IsDir():
			return opts, usagef(c, "%s is a file: give a crate directory or its Cargo.toml", args[0])
		default:
			opts.Dir = args[0]
		}
	}
	opts.Bins = c.StringSlice("bin")
	opts.Features = features(c.StringSlice("features"))
	opts.OutDir = c.String("out")
	opts.TargetDir = c.String("target-dir")
	opts.Jobs = c.Int("jobs")
	opts.GoPackage, opts.GoOut = c.String("go-package"), c.String("go-out")
	if opts.GoOut != "" && opts.GoPackage == "" {
		return opts, usagef(c, "--go-out needs --go-package")
	}
	opts.RustcFlags = extra
	// oxbpf itself is rustc's linker: see main and toolchain.LinkerMain.
	opts.Linker, _ = os.Executable()
	return opts, nil
}

// features splits cargo's feature list the way cargo does: on commas
// (which urfave already did) and spaces.
func features(list []string) []string {
	var out []string
	for _, f := range list {
		out = append(out, strings.Fields(f)...)
	}
	return out
}
