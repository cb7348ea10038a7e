package main

import (
	"context"
	"fmt"
	"os"

	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/vm"
)

func main() {
	if toolchain.IsLinkerCall() {
		os.Exit(toolchain.LinkerMain(os.Args[1:]))
	}
	if vm.IsGuest() {
		vm.Guest() // powers the machine off
		os.Exit(1)
	}
	ctx, stop := notifyContext(context.Background())
	err := newApp(os.Stdin, os.Stdout, os.Stderr).RunContext(ctx, os.Args)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "oxbpf:", err)
	}
	os.Exit(exitCode(err))
}
