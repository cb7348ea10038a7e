package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/oxbpf/oxbpf/scaffold"
	"github.com/urfave/cli/v2"
)

func newCommand() *cli.Command {
	var types strings.Builder
	for _, t := range scaffold.Types {
		fmt.Fprintf(&types, "   %-15s %s\n", t.Name, t.Doc)
	}
	return &cli.Command{
		Name:      "new",
		Usage:     "write a new BPF crate with one program of a type, on the oxbpf-ebpf support crate",
		ArgsUsage: "DIR",
		Description: `Writes a crate into DIR, which must be new or empty: Cargo.toml (edition
2024, the release profile oxbpf builds with), src/main.rs holding a program
of the type asked for that does something useful, and the oxbpf-ebpf
support crate this oxbpf embeds, vendored in ` + scaffold.SupportDir + ` (no
network needed, now or later). The package is named after DIR unless
--name says otherwise. Then build it with oxbpf build DIR.

Types:
` + types.String() + `
Examples:
   oxbpf new my-probe
   oxbpf new --type tracepoint opens && oxbpf build opens --load`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "type", Value: "xdp", Usage: "program `TYPE`: " + typeList()},
			&cli.StringFlag{Name: "name", Usage: "package `NAME` (default: DIR's last element)"},
			boolFlag("json", "print what was written as JSON"),
		},
		Action: runNew,
	}
}

func typeList() string {
	names := make([]string, len(scaffold.Types))
	for i, t := range scaffold.Types {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

func runNew(c *cli.Context) error {
	args, extra := splitArgs(c)
	if len(args) != 1 || len(extra) > 0 {
		return usagef(c, "want one DIR, got %d arguments", len(args)+len(extra))
	}
	res, err := scaffold.New(scaffold.Options{Dir: args[0], Name: c.String("name"), Type: c.String("type")})
	if err != nil {
		return fmt.Errorf("new: %w", err)
	}
	if c.Bool("json") {
		return writeJSON(c.App.Writer, res)
	}
	dir := args[0]
	if rel, err := filepath.Rel(".", res.Dir); err == nil && !strings.HasPrefix(rel, "..") {
		dir = rel
	}
	_, err = fmt.Fprintf(c.App.Writer, "created %s crate %s in %s (src/main.rs; the support crate in %s)\nnext: oxbpf build %s --load\n",
		res.Type, res.Name, dir, scaffold.SupportDir, shellQuote(dir))
	return err
}

// shellQuote quotes s for a POSIX shell if it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
