package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

// interspersed reorders args so that a command's flags may follow its
// arguments, as in `oxbpf compile in.ll -o out.o`: urfave/cli v2 parses
// flags with package flag, which stops at the first argument. Global flags
// given after the command move before it. Everything after a "--" stays
// as it is, behind a "--" of its own.
//
// The result is: program, global flags, command (and subcommand), its
// flags, "--", its
// arguments, and "--" and the rest if the user wrote one. splitArgs undoes
// the last part. Arguments that name no command pass through unchanged,
// and a command's help flag drops its arguments. A flag that takes a value
// but ends the arguments (or stands before a "--") is a usage error: the
// reordering would give it the "--" as its value.
func interspersed(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	out := []string{args[0]}
	i := 1
	for i < len(args) && isFlag(args[i]) {
		n, err := flagWords(app.Flags, args[i:])
		if err != nil {
			return nil, err
		}
		out = append(out, args[i:i+n]...)
		i += n
	}
	if i == len(args) || app.Command(args[i]) == nil {
		return append(out, args[i:]...), nil
	}
	cmd := app.Command(args[i])
	path := []string{args[i]} // the command, and its subcommand (gen types)
	for i+1 < len(args) && cmd.Command(args[i+1]) != nil {
		i++
		cmd = cmd.Command(args[i])
		path = append(path, args[i])
	}
	rest := args[i+1:]
	var extra []string
	dash := slices.Index(rest, "--")
	if dash >= 0 {
		rest, extra = rest[:dash], rest[dash+1:]
	}
	var global, local, positional []string
	for j := 0; j < len(rest); {
		if !isFlag(rest[j]) {
			positional = append(positional, rest[j])
			j++
			continue
		}
		flags, to := cmd.Flags, &local
		if lookup(cmd.Flags, rest[j]) == nil && lookup(app.Flags, rest[j]) != nil {
			flags, to = app.Flags, &global
		}
		// Unknown flags stay with the command, whose parser reports them.
		n, err := flagWords(flags, rest[j:])
		if err != nil {
			return nil, err
		}
		*to = append(*to, rest[j:j+n]...)
		j += n
	}
	out = append(out, global...)
	out = append(out, path...)
	if slices.ContainsFunc(local, isHelp) {
		// urfave would take the first argument for a help topic.
		return append(out, "--help"), nil
	}
	out = append(out, local...)
	out = append(out, "--")
	out = append(out, positional...)
	if dash >= 0 {
		out = append(out, "--")
		out = append(out, extra...)
	}
	return out, nil
}

func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "-help" }

// isFlag reports whether arg is a flag; "-" alone is an argument (stdin).
func isFlag(arg string) bool { return len(arg) > 1 && arg[0] == '-' }

// flagWords returns how many words of args the flag args[0] takes: two for
// a flag with a value given as the next word, else one. A flag that needs
// a value and has none is an error.
func flagWords(flags []cli.Flag, args []string) (int, error) {
	if strings.Contains(args[0], "=") {
		return 1, nil
	}
	f := lookup(flags, args[0])
	if f == nil {
		return 1, nil
	}
	if _, isBool := f.(*cli.BoolFlag); isBool {
		return 1, nil
	}
	if len(args) < 2 || args[1] == "--" {
		return 0, pipeline.Usage(fmt.Errorf("flag needs an argument: %s", args[0]))
	}
	return 2, nil
}

// lookup finds the flag that arg ("-o", "--out=x") names.
func lookup(flags []cli.Flag, arg string) cli.Flag {
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

// operands returns the arguments of a command that takes files: a "--"
// the user wrote ends the flags, so what follows it is files too, even a
// name that starts with "-".
func operands(c *cli.Context) []string {
	args, extra := splitArgs(c)
	return append(args, extra...)
}

// splitArgs returns a command's arguments and what followed the user's
// "--", as interspersed arranged them.
func splitArgs(c *cli.Context) (args, extra []string) {
	all := c.Args().Slice()
	if i := slices.Index(all, "--"); i >= 0 {
		return all[:i], all[i+1:]
	}
	return all, nil
}
