//go:build unix

package output

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Writing to a pipe or device (such as -o /dev/null) must write into it:
// the atomic rename would put a regular file in its place, and as root
// that replaced /dev/null itself.
func TestWriteFileToPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("skipping: no FIFO: %v", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "object bytes")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Before waiting for the reader: had the FIFO been replaced, it would
	// wait for a writer forever.
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("after the write %s is %v (%v), want the FIFO still", path, fi.Mode(), err)
	}
	if s := <-got; s != "object bytes" {
		t.Errorf("the reader got %q", s)
	}
}
