package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestTestCommand runs oxbpf test on the example with cases of its own:
// a line per case, a failure's diff and the summary, exit 1; the same as
// JSON; and the usage errors.
func TestTestCommand(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	testenv.Root(t)
	const cases = "testdata/example-cases.toml"
	target := sharedTarget(t)
	out, errOut, code := run(t, "", "test", "../../example", "--cases", cases, "--target-dir", target, "--out", t.TempDir())
	want := []string{
		"ok    DNS passes (xdp_count)",
		"FAIL  a wrong expectation (xdp_count)",
		"      return: got XDP_PASS (2), want XDP_DROP (1)",
		"      map PROTOCOLS[17]: got 1, want 5",
		"FAIL  1 passed, 1 failed, 0 skipped",
	}
	if code != exitProgram || !strings.Contains(out, strings.Join(want, "\n")) || lastLine(errOut) != "oxbpf: 1 case of 2 failed" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, _, code = run(t, "", "test", "../../example", "--cases", cases, "--target-dir", target, "--out", t.TempDir(), "--json", "--run", "DNS")
	var res struct {
		Tests struct {
			Results []struct{ Case, Status string }
			Passed  int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || res.Tests.Passed != 1 || len(res.Tests.Results) != 1 || res.Tests.Results[0].Status != "pass" {
		t.Errorf("--json --run DNS: exit %d, %v\n%s", code, err, out)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"test", "../../example", "--run", "("}, "--run: error parsing regexp"},
		{[]string{"test", "../../example", "--cases", "testdata/nonesuch.toml", "--target-dir", target, "--out", t.TempDir()}, "no test cases at testdata/nonesuch.toml"},
		{[]string{"test", "../../example", "--cases", cases, "--run", "^nothing$", "--target-dir", target, "--out", t.TempDir()}, "no case matches ^nothing$"},
	} {
		_, errOut, code := run(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %s", tt.args, code, lastLine(errOut))
		}
	}
	if _, err := os.Stat(cases); err != nil {
		t.Fatal(err)
	}
}

// TestTestCommandVM runs the cases in a kernel under qemu as well: the
// failing case fails there too, under a header naming the kernel, and
// --json has the kernel's results under build.vms.
func TestTestCommandVM(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	testenv.Root(t)
	testenv.Kernels(t)
	const cases = "testdata/example-cases.toml"
	target := sharedTarget(t)
	out, errOut, code := run(t, "", "test", "../../example", "--cases", cases, "--target-dir", target, "--out", t.TempDir(), "--vm", "6.1")
	kernel := strings.Index(out, "=== Linux 6.1.")
	if code != exitProgram || kernel < 0 || !strings.Contains(out[kernel:], "FAIL  a wrong expectation (xdp_count)") ||
		!strings.Contains(lastLine(errOut), "Linux 6.1.") || !strings.Contains(lastLine(errOut), "1 of the cases failed") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, _, code = run(t, "", "test", "../../example", "--cases", cases, "--target-dir", target, "--out", t.TempDir(), "--json", "--run", "DNS", "--vm", "5.10")
	var res struct {
		Build struct {
			VMs []struct {
				Kernel string
				Suites []struct {
					Tests struct{ Passed, Failed int }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 || len(res.Build.VMs) != 1 || res.Build.VMs[0].Kernel != "5.10" ||
		len(res.Build.VMs[0].Suites) != 1 || res.Build.VMs[0].Suites[0].Tests.Passed != 1 {
		t.Errorf("--json --vm 5.10: exit %d, %v, %+v\n%.2000s", code, err, res, out)
	}
}
