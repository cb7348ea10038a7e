package toolchain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkerMain writes the stub where -o says, also when rustc passes
// its arguments in a response file, records where, and fails without -o.
func TestLinkerMain(t *testing.T) {
	dir := t.TempDir()
	linked := filepath.Join(dir, "bin.linked")
	t.Setenv(linkerEnv, linked)
	out := filepath.Join(dir, "deps", "xdp_count-0123")
	os.MkdirAll(filepath.Dir(out), 0o755)
	rsp := filepath.Join(dir, "args.rsp")
	os.WriteFile(rsp, []byte("-m64\n-o\n"+out+"\n-nodefaultlibs\n"), 0o644)
	for _, args := range [][]string{{"-m64", "/tmp/x.o", "-o", out, "-Wl,--as-needed"}, {"@" + rsp}} {
		os.Remove(out)
		if code := LinkerMain(args); code != 0 {
			t.Fatalf("%q: exit %d", args, code)
		}
		stub, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(stub), "#!/bin/sh\n") || !strings.Contains(string(stub), "xdp_count-0123 is no program") {
			t.Errorf("%q: stub %q, %v", args, stub, err)
		}
		if fi, err := os.Stat(out); err != nil || fi.Mode().Perm()&0o111 == 0 {
			t.Errorf("%q: stub not executable: %v", args, err)
		}
		if got, _ := os.ReadFile(linked); string(got) != out {
			t.Errorf("%q: recorded %q, want %q", args, got, out)
		}
	}
	if code := LinkerMain([]string{"-m64"}); code == 0 {
		t.Error("no -o: exit 0")
	}
}
