package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// copyTree copies the directory src to dst, leaving out target/.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == "target" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBuildCrate builds the counter probe from a directory whose name has
// spaces and non-ASCII letters, as people see it and as --json gives it.
func TestBuildCrate(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "opt-19")
	testenv.LookPath(t, "llc-19")
	testenv.Long(t, "builds a probe crate with cargo")
	// The repository's layout: counter finds the support crate at
	// ../../../scaffold/crate.
	root := filepath.Join(t.TempDir(), "crates with spaces ü")
	counter := filepath.Join(root, "fixtures", "probes", "counter")
	copyTree(t, "../../fixtures/probes/counter", counter)
	copyTree(t, "../../scaffold/crate", filepath.Join(root, "scaffold", "crate"))
	out := filepath.Join(t.TempDir(), "out dir ü")
	args := []string{"build", counter, "--target-dir", filepath.Join(root, "target"),
		"--out", out, "--opt", "opt-19", "--llc", "llc-19"}
	if os.Geteuid() == 0 {
		args = append(args, "--load")
	}

	stdout, stderr, code := run(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{"counter", "xdp", "XDP", "COUNTS", "Hash", "wrote 1 of 1 object to " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, step := range []string{"metadata", "discover", "cargo", "parse", "rewrite", "opt-19", "llc-19", "verify"} {
		if !strings.Contains(stderr, " "+step+" ") {
			t.Errorf("no progress line for %s:\n%s", step, stderr)
		}
	}

	stdout, stderr, code = run(t, "", append(args, "--json")...)
	if code != 0 || stderr != "" {
		t.Fatalf("--json: exit %d, stderr:\n%s", code, stderr)
	}
	var res struct {
		Crate string `json:"crate"`
		Bins  []struct {
			Bin    string `json:"bin"`
			OK     bool   `json:"ok"`
			Object string `json:"object"`
			Steps  []struct {
				Step    string  `json:"step"`
				Seconds float64 `json:"seconds"`
			} `json:"steps"`
		} `json:"bins"`
		Seconds float64 `json:"seconds"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if res.Crate != "counter" || len(res.Bins) != 1 || !res.Bins[0].OK || res.Seconds <= 0 {
		t.Fatalf("result %+v", res)
	}
	b := res.Bins[0]
	if _, err := os.Stat(b.Object); err != nil || b.Object != filepath.Join(out, "counter.o") {
		t.Errorf("object %q: %v", b.Object, err)
	}
	if len(b.Steps) < 6 || b.Steps[0].Step != "cargo" {
		t.Errorf("steps %+v", b.Steps)
	}
}
