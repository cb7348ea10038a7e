//go:build unix

package output

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
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

// TestWriteFileLinks checks that links are followed, never replaced, and
// that a descriptor path writes into the file the descriptor has open
// (as -o /dev/stdout does when stdout is redirected to a file).
func TestWriteFileLinks(t *testing.T) {
	dir := t.TempDir()
	write := func(path, s string) error {
		return WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, s); return err })
	}
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	isLink := func(path string) bool {
		fi, err := os.Lstat(path)
		return err == nil && fi.Mode()&os.ModeSymlink != 0
	}

	real := filepath.Join(dir, "real.o")
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link, chain := filepath.Join(dir, "link.o"), filepath.Join(dir, "chain.o")
	os.Symlink("real.o", link) // relative, as ln -s writes it
	os.Symlink(link, chain)
	if err := write(chain, "new"); err != nil {
		t.Fatal(err)
	}
	if !isLink(link) || !isLink(chain) || read(real) != "new" {
		t.Errorf("through two links: link %v, chain %v, real %q", isLink(link), isLink(chain), read(real))
	}

	dangling := filepath.Join(dir, "dangling.o")
	os.Symlink(filepath.Join(dir, "sub", "target.o"), dangling)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	if err := write(dangling, "created"); err != nil {
		t.Fatal(err)
	}
	if !isLink(dangling) || read(filepath.Join(dir, "sub", "target.o")) != "created" {
		t.Error("a dangling link was replaced, or its target not created")
	}

	loop := filepath.Join(dir, "loop.o")
	os.Symlink("loop.o", loop)
	if err := write(loop, "x"); err == nil || err.Error() != "write "+loop+": too many levels of symbolic links" {
		t.Errorf("a link to itself: %v", err)
	}

	// A descriptor of this process open on a regular file: written in
	// place (same inode), truncated first.
	f, err := os.Create(filepath.Join(dir, "stdout.o"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("a much longer previous content")
	before, _ := f.Stat()
	fd := filepath.Join("/proc/self/fd", strconv.Itoa(int(f.Fd())))
	if _, err := os.Lstat(fd); err != nil {
		t.Skipf("skipping the descriptor case: %v", err)
	}
	if err := write(fd, "object"); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(f.Name())
	if err != nil || !os.SameFile(before, after) || read(f.Name()) != "object" {
		t.Errorf("descriptor: same file %v, content %q", err == nil && os.SameFile(before, after), read(f.Name()))
	}
}
