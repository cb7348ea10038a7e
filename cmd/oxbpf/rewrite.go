package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/oxbpf/oxbpf/internal/output"
	"github.com/oxbpf/oxbpf/ir"
	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/rewrite"
	"github.com/urfave/cli/v2"
)

func rewriteCommand() *cli.Command {
	return &cli.Command{
		Name:      "rewrite",
		Usage:     "rewrite one LLVM IR file for BPF, without compiling it",
		ArgsUsage: "IN.ll|-",
		Description: `Parses IN.ll ("-": stdin), runs the rewrite passes and prints the result to
-o ("-" or none: stdout; a file is replaced atomically, and only on success).
Text the passes do not touch comes out byte for byte; --passes none is a
parse and print round trip. Diagnostics go to stderr; an error (with
--strict, any diagnostic) writes nothing and exits with status 1.

Passes, in the order bpf runs them:
` + passList() + `
Examples:
   oxbpf rewrite --llvm 19 xdp_parse.ll -o xdp_parse.bpf.ll
   oxbpf rewrite --passes retarget,inline-all -v - < in.ll > out.ll
   oxbpf rewrite --passes none in.ll | cmp - in.ll`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "-", Usage: "write the result to `OUT.ll`"},
			&cli.StringFlag{Name: "passes", Value: "bpf", Usage: "bpf (all), none (round trip) or a comma-separated `LIST` of passes"},
			&cli.IntFlag{Name: "llvm", Usage: "LLVM major `M` of the opt and llc that will read the output (0: the input's own syntax)"},
			boolFlag("bigendian", "retarget to bpfeb instead of bpfel"),
			boolFlag("strict", "treat warnings as errors"),
			btfFlag(),
			coreFlag(),
			boolFlag("json", "print the report (changes, diagnostics) as JSON on stdout; needs -o FILE"),
			boolFlag("verbose", "print the number of edits of each rule on stderr", "v"),
		},
		Action: runRewrite,
	}
}

// passList is one line per pass: its name and title.
func passList() string {
	var b strings.Builder
	for _, p := range rewrite.BPF() {
		fmt.Fprintf(&b, "   %-11s %s\n", p.Name, p.Title())
	}
	return b.String()
}

func runRewrite(c *cli.Context) error {
	args := operands(c)
	if len(args) != 1 {
		return usagef(c, "want one IN.ll or -, got %d arguments", len(args))
	}
	out := c.String("output")
	if c.Bool("json") && (out == "-" || output.IsFile(c.App.Writer, out)) {
		return usagef(c, "--json prints on stdout, so the IR needs -o FILE")
	}
	if llvm := c.Int("llvm"); llvm != 0 && llvm < ir.OldestLLVM {
		return usagef(c, "--llvm %d: want the major of an LLVM from %d on, or 0 for the input's own", llvm, ir.OldestLLVM)
	}
	if args[0] != "-" && out != "-" && output.Same(out, args[0]) {
		return usagef(c, "output %s is the input file; give another -o", out)
	}
	m, err := pipeline.ReadIR(c.Context, args[0], c.App.Reader)
	if err != nil {
		return err
	}
	opts := pipeline.Options{Passes: c.String("passes"), BigEndian: c.Bool("bigendian"), Strict: c.Bool("strict"), NoBTF: !c.Bool("btf"),
		NoCORE: c.IsSet("core") && !c.Bool("core")}
	rep, err := pipeline.RunPasses(m, c.Int("llvm"), opts)
	if rep != nil {
		for _, d := range rep.Diagnostics() {
			fmt.Fprintln(c.App.ErrWriter, d)
		}
		if c.Bool("verbose") {
			printChanges(c.App.ErrWriter, rep)
		}
	}
	if err != nil {
		return err
	}
	write := func(w io.Writer) error { return ir.Fprint(w, m) }
	if out == "-" {
		return write(c.App.Writer)
	}
	if err := output.WriteFile(out, write); err != nil {
		return err
	}
	if c.Bool("json") {
		return writeJSON(c.App.Writer, rep)
	}
	return nil
}

func printChanges(w io.Writer, rep *rewrite.Report) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, ch := range rep.Changes() {
		fmt.Fprintf(tw, "%s\t%s\t%d\n", ch.Pass, ch.Rule, ch.Count)
	}
	fmt.Fprintf(tw, "total\t\t%d\n", rep.Edits())
	tw.Flush()
}
