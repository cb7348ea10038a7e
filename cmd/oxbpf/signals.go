package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// stopSignals end a run: Ctrl-C, kill, a closed terminal or ssh session
// (SIGHUP), and Ctrl-\ (SIGQUIT) unless GOTRACEBACK asks for Go's
// goroutine dump, which is what SIGQUIT does to a Go program by default.
// Each cancels the context, so cargo, opt and llc end with their children
// and temporary files are removed before oxbpf exits.
func stopSignals() []os.Signal {
	sigs := []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}
	if os.Getenv("GOTRACEBACK") == "" {
		sigs = append(sigs, syscall.SIGQUIT)
	}
	return sigs
}

// signalError is the cause of a context a signal ended.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return e.sig.String() + " signal received" }

// Is makes a signal-ended run match context.Canceled, as an interrupted
// one.
func (e signalError) Is(target error) bool { return target == context.Canceled }

// notifyContext is signal.NotifyContext for stopSignals, whose cause
// names the signal, so the exit status can be 128 + its number.
func notifyContext(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals()...)
	go func() {
		select {
		case sig := <-ch:
			cancel(signalError{sig})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		cancel(context.Canceled)
	}
}

// signalStatus is the exit status of a run a signal ended: 128 + its
// number, as a shell reports a process the signal killed; 130 (SIGINT)
// when the cause does not say.
func signalStatus(err error) int {
	var se signalError
	if errors.As(err, &se) {
		if n, ok := se.sig.(syscall.Signal); ok {
			return 128 + int(n)
		}
	}
	return exitInterrupted
}
