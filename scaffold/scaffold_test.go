package scaffold

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// TestNewGolden writes an xdp crate and compares its manifest and program
// with testdata/<name>.golden (go test -update rewrites them).
func TestNewGolden(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "My Probe")
	res, err := New(Options{Dir: dir, Type: "xdp"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Name != "my-probe" || res.Bin != "my_probe" || res.Dir != dir {
		t.Errorf("result %+v", res)
	}
	for _, f := range []string{"Cargo.toml", "src/main.rs"} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "xdp-"+strings.ReplaceAll(f, "/", "-")+".golden")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s differs from %s (go test -update rewrites it): %v", f, golden, err)
		}
	}
}

// TestNewFiles: every type writes the same files, the support crate's
// whole source among them, and a directory anyone may read.
func TestNewFiles(t *testing.T) {
	for _, typ := range Types {
		dir := filepath.Join(t.TempDir(), typ.Name)
		res, err := New(Options{Dir: dir, Type: typ.Name})
		if err != nil {
			t.Fatalf("%s: %v", typ.Name, err)
		}
		for _, want := range []string{".gitignore", "Cargo.toml", "src/main.rs", SupportDir + "/Cargo.toml", SupportDir + "/src/lib.rs", SupportDir + "/src/helpers/raw.rs", SupportDir + "/src/maps/hash.rs"} {
			if !slices.Contains(res.Files, want) {
				t.Errorf("%s: no %s in %v", typ.Name, want, res.Files)
			}
			if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
				t.Errorf("%s: %v", typ.Name, err)
			}
		}
		if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o755 {
			t.Errorf("%s: directory %v, %v; want mode 0755", typ.Name, fi, err)
		}
		main, _ := os.ReadFile(filepath.Join(dir, "src/main.rs"))
		if strings.Contains(string(main), "{{") {
			t.Errorf("%s: src/main.rs has a template action left", typ.Name)
		}
	}
}

func TestNewRefuses(t *testing.T) {
	tmp := t.TempDir()
	full := filepath.Join(tmp, "full")
	os.MkdirAll(full, 0o755)
	os.WriteFile(filepath.Join(full, "notes.txt"), []byte("mine"), 0o644)
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, nil, 0o644)
	for _, tt := range []struct {
		opts Options
		want string
	}{
		{Options{Dir: full, Type: "xdp"}, "is not empty (it holds notes.txt)"},
		{Options{Dir: file, Type: "xdp"}, "is a file"},
		{Options{Dir: filepath.Join(tmp, "a"), Type: "lsm"}, `unknown type "lsm": want one of xdp, tc, socket`},
		{Options{Dir: filepath.Join(tmp, "b"), Type: "xdp", Name: "9lives"}, `package name "9lives"`},
		{Options{Dir: filepath.Join(tmp, "___"), Type: "xdp"}, `package name "___"`},
	} {
		_, err := New(tt.opts)
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want a usage error with %q", tt.opts, err, tt.want)
		}
	}
	if data, err := os.ReadFile(filepath.Join(full, "notes.txt")); err != nil || string(data) != "mine" {
		t.Errorf("the non-empty directory's file: %q, %v", data, err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 2 {
		t.Errorf("refused runs left %d entries in the parent, want the 2 the test made", len(entries))
	}
}

// TestNewEmptyDir writes into an existing empty directory.
func TestNewEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if _, err := New(Options{Dir: dir, Type: "tc", Name: "shaper"}); err != nil {
		t.Fatal(err)
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, "Cargo.toml"))
	if !strings.Contains(string(manifest), `name = "shaper"`) {
		t.Errorf("Cargo.toml:\n%s", manifest)
	}
}

// TestNewLeavesNothing: a write that fails part way (a full file system
// as root, a read-only directory otherwise) leaves neither the crate nor
// the temporary directory.
func TestNewLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	if os.Geteuid() == 0 {
		// The crate is some 300 KB: 64 KB fills part way.
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", parent).CombinedOutput(); err != nil {
			t.Skipf("skipping: cannot mount a tmpfs: %s", out)
		}
		defer exec.Command("umount", parent).Run()
	} else {
		if err := os.Chmod(parent, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(parent, 0o755)
	}
	if _, err := New(Options{Dir: filepath.Join(parent, "p"), Type: "xdp"}); err == nil || errors.Is(err, ErrUsage) {
		t.Errorf("New where it cannot write: %v, want a write error", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
}

func TestPackageName(t *testing.T) {
	for _, tt := range []struct{ name, base, want string }{
		{"", "my-probe", "my-probe"},
		{"", "My Probe", "my-probe"},
		{"", "xdp.filter", "xdp-filter"},
		{"", "2fast", "bpf-2fast"},
		{"", "probe_v2", "probe_v2"},
		{"Custom", "ignored", "Custom"},
	} {
		if got, err := packageName(tt.name, tt.base); err != nil || got != tt.want {
			t.Errorf("packageName(%q, %q) = %q, %v; want %q", tt.name, tt.base, got, err, tt.want)
		}
	}
}

// TestTemplatesLint holds every type's crate to what the support crate
// is held to: rustfmt, and clippy without a warning.
func TestTemplatesLint(t *testing.T) {
	cargo := testenv.LookPath(t, "cargo")
	target := t.TempDir()
	for _, typ := range Types {
		dir := filepath.Join(t.TempDir(), typ.Name)
		if _, err := New(Options{Dir: dir, Type: typ.Name}); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"fmt", "--check"}, {"clippy", "--release", "--", "-D", "warnings"}} {
			cmd := exec.Command(cargo, args...)
			cmd.Dir, cmd.Env = dir, append(os.Environ(), "CARGO_TARGET_DIR="+target, "CARGO_NET_OFFLINE=true")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: cargo %s: %v\n%s", typ.Name, strings.Join(args, " "), err, out)
			}
		}
	}
}
