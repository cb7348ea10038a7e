// Package testenv decides what a test does when the machine lacks something
// it needs (rustc, opt, llc, CAP_BPF): skip with the reason when a developer
// runs the tests by hand, fail when CI=true, because CI must really run them.
// It also finds the committed inputs the tests of several packages read,
// and keeps the crash reports of fuzz workers (KeepCrashReports).
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run under CI, where missing tools are errors.
func InCI() bool { return os.Getenv("CI") == "true" }

// Need stops the test when ok is false: it fails under CI and skips otherwise.
// what names the missing thing, e.g. "opt-19 on PATH".
func Need(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if InCI() {
		t.Fatalf("CI=true but this test needs %s", what)
	}
	t.Skipf("skipping: needs %s", what)
}

// LookPath returns the path of the named program, or stops the test as Need
// does. Under -short it skips: a test that runs another program (cargo,
// opt, llc, clang) is a long one.
func LookPath(t testing.TB, name string) string {
	t.Helper()
	Long(t, "runs "+name)
	path, err := exec.LookPath(name)
	Need(t, err == nil, name+" on PATH")
	return path
}

// Root stops the test as Need does unless it runs as root, which on the
// machines we test on is what grants CAP_BPF. Under -short it skips: a
// test that loads into the kernel is a long one.
func Root(t testing.TB) {
	t.Helper()
	Long(t, "loads BPF into the kernel")
	Need(t, os.Geteuid() == 0, "root (CAP_BPF) to load BPF programs")
}

// Long skips the test under -short, even in CI: -short is an explicit request.
func Long(t testing.TB, why string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("skipping under -short: %s", why)
	}
}

// Glob returns the files that match pattern, and fails the test when none
// does: a test over committed inputs must not pass by finding none.
func Glob(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s: %v", pattern, err)
	}
	return files
}

// Abs returns path made absolute, or fails the test.
func Abs(t testing.TB, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
