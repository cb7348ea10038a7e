package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Leftovers lists what this test process left behind in the kernel:
// its pins under /sys/fs/bpf (oxbpf-test-<pid>-*), network namespaces and cgroups it
// made, and BPF programs and links it still holds open (each holds an attachment
// or a load). A test binary's TestMain fails the run on any, so that no
// test leaves anything attached or pinned.
func Leftovers() []string {
	var left []string
	// Tests pin under oxbpf-test-<pid>-*; the test binaries of other
	// packages run at the same time and pin their own.
	if pins, _ := filepath.Glob(fmt.Sprintf("/sys/fs/bpf/oxbpf-test-%d-*", os.Getpid())); len(pins) > 0 {
		left = append(left, "pinned: "+strings.Join(pins, ", "))
	}
	if out, err := exec.Command("ip", "netns", "list").Output(); err == nil {
		for line := range strings.Lines(string(out)) {
			name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
			if strings.HasPrefix(name, "oxbpf-") && strings.HasSuffix(name, fmt.Sprint(os.Getpid())) {
				left = append(left, "network namespace "+name)
			}
		}
	}
	if root := cgroup2Mount(); root != "" {
		if cg := filepath.Join(root, fmt.Sprintf("oxbpf-test-%d", os.Getpid())); dirExists(cg) {
			left = append(left, "cgroup "+cg)
		}
	}
	fds, _ := os.ReadDir("/proc/self/fd")
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err == nil && (target == "anon_inode:bpf_link" || target == "anon_inode:bpf-prog") {
			left = append(left, fmt.Sprintf("fd %s: %s still open", fd.Name(), target))
		}
	}
	return left
}

// CheckLeftovers is the exit status of a test binary whose tests ended
// with code: 1 if they passed but left something behind (printed), as
// Leftovers finds; for TestMain.
func CheckLeftovers(code int) int {
	if left := Leftovers(); len(left) > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "tests left behind:\n  %s\n", strings.Join(left, "\n  "))
		return 1
	}
	return code
}

func dirExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
