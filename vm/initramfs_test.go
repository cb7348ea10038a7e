package vm

import (
	"bytes"
	"debug/elf"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cavaliergopher/cpio"
)

// TestWriteInitramfs reads the archive back: every directory before what
// is in it, the mount points, files with their bytes and modes.
func TestWriteInitramfs(t *testing.T) {
	src := t.TempDir() + "/obj.o"
	if err := os.WriteFile(src, []byte("ELF bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err := writeInitramfs(&buf, []file{
		{name: "init", data: []byte("#!init"), mode: 0o755},
		{name: "/lib/x86_64-linux-gnu/libc.so.6", data: []byte("libc"), mode: 0o755},
		{name: "oxbpf/suites/0/objects/a.o", source: src},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := cpio.NewReader(&buf)
	var names []string
	files := map[string]string{}
	modes := map[string]cpio.FileMode{}
	for {
		h, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		modes[h.Name] = h.Mode
		if h.Mode.IsRegular() {
			b, _ := io.ReadAll(r)
			files[h.Name] = string(b)
		}
	}
	for _, dir := range []string{"dev", "proc", "sys", "tmp", "lib", "lib/x86_64-linux-gnu", "oxbpf", "oxbpf/suites", "oxbpf/suites/0", "oxbpf/suites/0/objects"} {
		if !modes[dir].IsDir() {
			t.Errorf("no directory %s in %v", dir, names)
		}
	}
	if !(slices.Index(names, "lib") < slices.Index(names, "lib/x86_64-linux-gnu") && slices.Index(names, "lib/x86_64-linux-gnu") < slices.Index(names, "lib/x86_64-linux-gnu/libc.so.6")) {
		t.Errorf("a directory after what is in it: %v", names)
	}
	want := map[string]string{"init": "#!init", "lib/x86_64-linux-gnu/libc.so.6": "libc", "oxbpf/suites/0/objects/a.o": "ELF bytes"}
	for name, content := range want {
		if files[name] != content {
			t.Errorf("%s holds %q, want %q", name, files[name], content)
		}
	}
	if modes["init"].Perm() != 0o755 || modes["oxbpf/suites/0/objects/a.o"].Perm() != 0o644 {
		t.Errorf("modes: init %v, object %v", modes["init"], modes["oxbpf/suites/0/objects/a.o"])
	}
}

// TestInitFiles: a binary as init brings its interpreter and every
// library it needs, also those its libraries need (none when it is
// static, as this test binary usually is; /bin/sh is not); a file that is
// no x86-64 executable is refused with a message that says so.
func TestInitFiles(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	checkInitFiles(t, self)
	checkInitFiles(t, "/bin/sh")
	script := t.TempDir() + "/init"
	os.WriteFile(script, []byte("#!/bin/sh\n"), 0o755)
	if _, err := initFiles(script); err == nil || !strings.Contains(err.Error(), "the VM's init") {
		t.Errorf("a shell script as init: err = %v", err)
	}
}

func checkInitFiles(t *testing.T, self string) {
	t.Helper()
	files, err := initFiles(self)
	if err != nil {
		t.Fatal(err)
	}
	if files[0].name != "init" || files[0].source != self {
		t.Fatalf("first file %+v, want init from %s", files[0], self)
	}
	f, err := elf.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, _ := f.ImportedLibraries()
	if interp := interpreter(f); interp != "" {
		if files[1].name != interp {
			t.Errorf("second file %s, want the interpreter %s", files[1].name, interp)
		}
		for _, lib := range libs {
			if !slices.ContainsFunc(files, func(f file) bool { return filepath.Base(f.name) == lib }) {
				t.Errorf("%s needs %s, which is not in %v", self, lib, files)
			}
		}
	} else if len(files) != 1 {
		t.Errorf("a static init brings %v", files)
	}
}
