//go:build unix

package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCancellableFIFO opens a FIFO nobody writes, which blocks in open(2)
// for good, and cancels: the call must return the cause at once.
func TestCancellableFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("skipping: no FIFO: %v", err)
	}
	stop := errors.New("interrupt signal received")
	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(50*time.Millisecond, func() { cancel(stop) })
	_, err := Cancellable(ctx, func() (*os.File, error) {
		f, _, err := Open(path)
		return f, err
	})
	if !errors.Is(err, stop) {
		t.Errorf("err = %v, want the cancel cause", err)
	}
	// Let the blocked open end, so the test leaves no goroutine behind.
	if w, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
		w.Close()
	}
}

func TestCancellableResult(t *testing.T) {
	got, err := Cancellable(context.Background(), func() (int, error) { return 7, nil })
	if got != 7 || err != nil {
		t.Errorf("got %d, %v", got, err)
	}
}
