package main

import (
	"strings"

	"github.com/oxbpf/oxbpf/internal/output"
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

func compileCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the object to `OUT.o`, - for stdout (default: IN with .o for .ll)"},
		&cli.StringFlag{Name: "passes", Value: "bpf", Usage: "rewrite passes: bpf, none (for IR that is BPF already) or a comma-separated `LIST`"},
	}
	flags = append(flags, compileFlags()...)
	flags = append(flags, checkFlags()...)
	return &cli.Command{
		Name:      "compile",
		Usage:     "compile one LLVM IR file into a BPF object",
		ArgsUsage: "IN.ll",
		Description: `Does what build does after cargo, for a .ll that is already there: rewrite,
opt, llc and the checks (and with --load, a load into the running kernel).
The object is written atomically, and only when every step passed; with
-o - (or -o /dev/stdout) it goes to stdout and the tables to stderr. IN.ll
may be - for stdin; -- ends the flags, for a file whose name starts with -.

Examples:
   oxbpf compile xdp_parse.ll -o xdp_parse.o
   oxbpf compile --passes none --load clang-output.ll`,
		Flags:  flags,
		Action: runCompile,
	}
}

func runCompile(c *cli.Context) error {
	args := operands(c)
	if len(args) != 1 {
		return usagef(c, "want one IN.ll, got %d arguments", len(args))
	}
	in := args[0]
	out := c.String("output")
	switch {
	case out == "" && in == "-":
		out = "-"
	case out == "":
		out = strings.TrimSuffix(in, ".ll") + ".o"
	}
	opts, err := options(c)
	if err != nil {
		return err
	}
	opts.Passes = c.String("passes")
	res, err := pipeline.Compile(c.Context, in, out, opts)
	tables := c.App.Writer
	if out == "-" || output.IsFile(c.App.Writer, out) {
		tables = c.App.ErrWriter // never mixed into the object
	}
	return finishTo(c, tables, res, err)
}
