package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Tracefs mounts tracefs at /sys/kernel/tracing for the test unless it is
// there, as attaching to tracepoints needs it; without it the test stops
// as Need does.
func Tracefs(t testing.TB) {
	t.Helper()
	const dir = "/sys/kernel/tracing"
	if _, err := os.Stat(filepath.Join(dir, "events")); err == nil {
		return
	}
	out, err := exec.Command("mount", "-t", "tracefs", "nodev", dir).CombinedOutput()
	Need(t, err == nil, fmt.Sprintf("tracefs at %s (mount: %v %s)", dir, err, out))
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
}

// UprobeTarget builds a Go program whose main calls main.called twice, a
// symbol for uprobes (go test strips its own binaries' symbols).
func UprobeTarget(t testing.TB) string {
	t.Helper()
	goTool := LookPath(t, "go")
	dir := t.TempDir()
	WriteFile(t, filepath.Join(dir, "go.mod"), "module target\n", 0o644)
	WriteFile(t, filepath.Join(dir, "main.go"), "package main\n\n//go:noinline\nfunc called(n int) int { return n + 1 }\n\nfunc main() { called(called(1)) }\n", 0o644)
	bin := filepath.Join(dir, "target")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Cgroup makes a cgroup v2 directory for the test, removed when it ends,
// under wherever cgroup2 is mounted (/sys/fs/cgroup, or its unified
// directory on a hybrid machine).
func Cgroup(t testing.TB) string {
	t.Helper()
	Root(t)
	root := cgroup2Mount()
	Need(t, root != "", "a cgroup2 file system mounted")
	dir := filepath.Join(root, fmt.Sprintf("oxbpf-test-%d", os.Getpid()))
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(dir) })
	return dir
}

// cgroup2Mount returns where cgroup2 is mounted, or "".
func cgroup2Mount() string {
	mounts, err := os.ReadFile("/proc/self/mounts")
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(mounts)) {
		if f := strings.Fields(line); len(f) > 2 && f[2] == "cgroup2" {
			return f[1]
		}
	}
	return ""
}
