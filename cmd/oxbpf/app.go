package main

import (
	"context"
	"fmt"
	"io"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/urfave/cli/v2"
)

// app is the oxbpf command line.
type app struct{ cli *cli.App }

const description = `oxbpf turns a Rust eBPF crate into BPF ELF objects that the kernel verifier
accepts: cargo emits each bin's LLVM IR, oxbpf rewrites it for BPF and for
the opt and llc it finds, compiles it with them, checks the object and, on
request, loads it into the running kernel.

Flags may follow a command's arguments (oxbpf compile in.ll -o out.o).

Exit status:
   0  ok
   1  the input or program is at fault: a rustc error, IR that does not
      parse, a rewrite error (with --strict also a warning), an object a
      loader refuses, a verifier rejection
   2  usage: unknown command or flag, bad flag value, missing file or bin
   3  a tool or capability is missing or failed: no usable opt and llc,
      opt or llc crashed or refused oxbpf's IR, no CAP_BPF for --load, a
      full TMPDIR
 128+N  ended by signal N, its tools and temporary files with it: 130
      Ctrl-C, 143 SIGTERM, 129 SIGHUP (terminal closed), 131 SIGQUIT;
      but for oxbpf run, whose programs, once attached, run until a
      signal, which ends it normally (0)`

// newApp builds the command line around the given standard streams.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	a := &cli.App{
		Name:        "oxbpf",
		Usage:       "build Rust eBPF crates into BPF objects the kernel verifier accepts",
		Description: description,
		Version:     version().String(),
		Reader:      stdin,
		Writer:      stdout,
		ErrWriter:   stderr,
		Flags:       toolFlags(),
		Commands: []*cli.Command{
			newCommand(),
			buildCommand(),
			testCommand(),
			runCommand(),
			genCommand(),
			compileCommand(),
			verifyCommand(),
			rewriteCommand(),
			doctorCommand(),
			versionCommand(),
		},
		Action:       noCommand,
		OnUsageError: usageError,
		// Errors go back to main, which maps them to exit codes; without
		// a handler urfave would exit itself on a cli.ExitCoder.
		ExitErrHandler: func(*cli.Context, error) {},
		Suggest:        true,
	}
	for _, c := range a.Commands {
		c.OnUsageError = usageError
		for _, sub := range c.Subcommands {
			sub.OnUsageError = usageError
		}
	}
	return &app{cli: a}
}

// RunContext runs the command line args (args[0] is the program name).
func (a *app) RunContext(ctx context.Context, args []string) error {
	args, err := interspersed(a.cli, args)
	if err != nil {
		return err
	}
	return a.cli.RunContext(ctx, args)
}

// toolFlags say which opt and llc to run. The environment variables are
// read by discovery itself, which tells a flag from a variable in doctor.
func toolFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "opt", Usage: "opt to run (default: $OXBPF_OPT, else discovered; see oxbpf doctor)"},
		&cli.StringFlag{Name: "llc", Usage: "llc to run (default: $OXBPF_LLC, else discovered)"},
		&cli.StringFlag{Name: "llvm-bin", Usage: "directory holding opt and llc (default: $OXBPF_LLVM_BIN)"},
		&cli.DurationFlag{Name: "timeout", EnvVars: []string{"OXBPF_TIMEOUT"}, Value: pipeline.DefaultToolTimeout, Usage: "kill opt or llc when one run takes longer than `DURATION`"},
	}
}

// noCommand runs when the arguments name no command.
func noCommand(c *cli.Context) error {
	if c.Args().Present() {
		return pipeline.Usage(fmt.Errorf("unknown command %q; see oxbpf --help", c.Args().First()))
	}
	return cli.ShowAppHelp(c)
}

// usageError marks urfave's flag errors as usage errors (exit status 2).
func usageError(c *cli.Context, err error, isSubcommand bool) error {
	if c.Command != nil && c.Command.Name != c.App.Name {
		return pipeline.Usage(fmt.Errorf("%s: %w; see oxbpf %s --help", c.Command.Name, err, c.Command.Name))
	}
	return pipeline.Usage(fmt.Errorf("%w; see oxbpf --help", err))
}

// usagef is a usage error of command c.
func usagef(c *cli.Context, format string, args ...any) error {
	return pipeline.Usage(fmt.Errorf("%s: %s; see oxbpf %s --help", c.Command.Name, fmt.Sprintf(format, args...), c.Command.Name))
}
