package main

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"testing"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/urfave/cli/v2"
)

func TestExitCode(t *testing.T) {
	program := fmt.Errorf("bin a: verify: loop: %w", pipeline.ErrProgram)
	tools := fmt.Errorf("bin b: opt-19: crashed: %w", pipeline.ErrToolchain)
	usage := pipeline.Usage(errors.New("no such bin"))
	for _, tt := range []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, exitOK},
		{"unclassified", errors.New("disk full"), exitProgram},
		{"program", program, exitProgram},
		{"usage", usage, exitUsage},
		{"toolchain", tools, exitToolchain},
		{"urfave's own", cli.Exit("No help topic for 'x'", 3), exitUsage},
		{"an ExitCoder deep inside", fmt.Errorf("bin a: %w", &toolchain.ToolError{Tool: "llc-19", ExitCode: 1, Err: &exec.ExitError{}}), exitProgram},
		{"interrupted, though its tools failed too", errors.Join(tools, context.Canceled), exitInterrupted},
		{"a usage error outranks a toolchain failure", errors.Join(tools, usage), exitUsage},
		{"a toolchain failure outranks a faulty program", errors.Join(program, tools), exitToolchain},
	} {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("%s: exitCode(%v) = %d, want %d", tt.name, tt.err, got, tt.want)
		}
	}
}
