package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestKernelChecksRust builds a crate of oxbpf new whose program calls a
// helper of Linux 5.11 and runs an atomic of 5.12: --kernel refuses each
// for the release before, at the user's source line, and takes the crate
// from the release that brought them; --mcpu is checked against --kernel.
func TestKernelChecksRust(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	bin := oxbpfBinary(t)
	dir := filepath.Join(t.TempDir(), "kernel checks")
	if out, err := exec.Command(bin, "new", "--type", "xdp", dir).CombinedOutput(); err != nil {
		t.Fatalf("oxbpf new: %v\n%s", err, out)
	}
	main := filepath.Join(dir, "src", "main.rs")
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	const count = "unsafe { *count += 1 };"
	if !strings.Contains(string(src), count) {
		t.Fatalf("the xdp template no longer holds %q", count)
	}
	line := strings.Count(string(src[:strings.Index(string(src), count)]), "\n") + 1
	uses := `unsafe { *count += oxbpf_ebpf::helpers::raw::bpf_ktime_get_coarse_ns() & 1 };
            let seen = unsafe { core::sync::atomic::AtomicU64::from_ptr(count) };
            if seen.fetch_or(2, core::sync::atomic::Ordering::Relaxed) == 0 {
                return XDP_DROP;
            }`
	testenv.WriteFile(t, main, strings.Replace(string(src), count, uses, 1), 0o644)
	build := func(args ...string) (string, int) {
		t.Helper()
		return runBinary(t, bin, false, []string{"CARGO_NET_OFFLINE=true"},
			append([]string{"build", dir, "--out", t.TempDir(), "--target-dir", sharedTarget(t)}, args...)...)
	}
	for _, tc := range []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"--kernel", "5.10", "--mcpu", "v3"}, exitProgram, []string{
			"calls helper bpf_ktime_get_coarse_ns (160), which Linux 5.11 brought: the target kernel 5.10 refuses it (src/main.rs:" + strconv.Itoa(line) + ")",
			"(and 1 more problem)"}},
		{[]string{"--kernel", "5.11", "--mcpu", "v3"}, exitProgram, []string{"runs the atomic FetchOr, which Linux 5.12 brought: the target kernel 5.11 refuses it"}},
		{[]string{"--kernel", "5.12", "--mcpu", "v3"}, 0, nil},
		{[]string{"--kernel", "4.19", "--mcpu", "v3"}, exitUsage, []string{"cpu v3 writes instructions Linux 5.1 brought, which kernel 4.19 predates: use cpu v2"}},
		{[]string{"--kernel", "host", "--mcpu", "v3"}, 0, nil},
	} {
		stderr, code := build(tc.args...)
		if code != tc.code {
			t.Errorf("build %v: exit %d, want %d\n%s", tc.args, code, tc.code, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("build %v: stderr lacks %q:\n%s", tc.args, w, stderr)
			}
		}
	}
	// The real verifiers agree: 5.10 refuses what --kernel 5.10 refused
	// (its verifier stops at the atomic, before the helper), 6.1 takes it. The VMs' init is this oxbpf binary, a dynamically
	// linked one, with its libraries.
	t.Run("vm", func(t *testing.T) {
		testenv.Kernels(t)
		stderr, code := build("--mcpu", "v3", "--vm", "5.10", "--vm", "6.1")
		last := lastLine(stderr)
		if code != exitProgram || !strings.Contains(last, "oxbpf: in Linux 5.10.") || !strings.Contains(last, "BPF_STX uses reserved fields") || strings.Contains(last, "Linux 6.1.") {
			t.Errorf("exit %d, want %d and a refusal of 5.10 only:\n%s", code, exitProgram, stderr)
		}
		if !strings.Contains(stderr, "Linux 6.1.") || !strings.Contains(stderr, " vm ") {
			t.Errorf("no progress line for 6.1:\n%s", stderr)
		}
	})
}
