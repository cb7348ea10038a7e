package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a b ü.o")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error {
			_, err := io.WriteString(w, s)
			return err
		}
	}
	if err := WriteFile(path, write("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, write("two")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if err != boom {
		t.Errorf("err = %v, want the writer's", err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "two" {
		t.Errorf("after a failed write the file holds %q (%v), want the previous contents", data, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm()&0o044 != 0o044 {
		t.Errorf("mode %v (%v): want readable by all", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %v: a temporary file was left", entries)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.o"), write("x")); err == nil {
		t.Error("no error for a missing directory")
	}
}

// TestCopyOf: WriteFile with CopyOf writes a copy of the source; a source
// that is not there is WriteFile's error, and the target stays as it was.
func TestCopyOf(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "dst")
	os.WriteFile(src, []byte("object bytes"), 0o644)
	os.WriteFile(dst, []byte("previous"), 0o644)
	if err := WriteFile(dst, CopyOf(src)); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(dst); string(got) != "object bytes" {
		t.Errorf("copy holds %q", got)
	}
	if err := WriteFile(dst, CopyOf(filepath.Join(dir, "none"))); err == nil {
		t.Error("a missing source: no error")
	}
	if got, _ := os.ReadFile(dst); string(got) != "object bytes" {
		t.Errorf("after a failed copy the target holds %q", got)
	}
}
