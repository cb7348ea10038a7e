package main

import (
	"context"
	"errors"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/scaffold"
	"github.com/urfave/cli/v2"
)

// Exit codes, as oxbpf --help documents them.
const (
	exitOK          = 0
	exitProgram     = 1
	exitUsage       = 2
	exitToolchain   = 3
	exitInterrupted = 130 // 128 + SIGINT, as shells report it; other signals 128 + theirs
)

// exitCode maps an error to the command's exit status. An interrupted run
// counts as interrupted even though its tools then fail too, and when bins
// fail for different reasons a usage error outranks a toolchain failure,
// which outranks a faulty program: each names what to fix first.
//
// urfave's own errors ("No help topic for 'x'") are usage errors. They
// come unwrapped and are the only cli.ExitCoders at the top, as actions
// never return one; deeper in a chain, *exec.ExitError is an ExitCoder too.
func exitCode(err error) int {
	if _, ok := err.(cli.ExitCoder); ok {
		return exitUsage
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		return signalStatus(err)
	case errors.Is(err, pipeline.ErrUsage), errors.Is(err, scaffold.ErrUsage):
		return exitUsage
	case errors.Is(err, pipeline.ErrToolchain):
		return exitToolchain
	}
	return exitProgram
}
