package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	ctx, stop := notifyContext(context.Background())
	err := newApp(os.Stdin, os.Stdout, os.Stderr).RunContext(ctx, os.Args)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "oxbpf:", err)
	}
	os.Exit(exitCode(err))
}
