package input

import "context"

// Cancellable runs read, which may block for good: opening a FIFO that
// no one writes, reading a terminal that no one types into. It returns
// read's result, or ctx's error as soon as ctx ends, leaving read to
// finish, or to block, in the background. Use it where the process is
// about to exit when ctx ends, as a command line's is after Ctrl-C.
func Cancellable[T any](ctx context.Context, read func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := read()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, context.Cause(ctx)
	}
}
