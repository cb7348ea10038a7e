package main

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// waitFor polls out until it holds want, for up to a minute (a build
// comes first).
func waitFor(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !strings.Contains(out.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in a minute:\n%s", want, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestRunXDP runs oxbpf run on the example crate in a network namespace
// of the test's: without --iface nothing attaches (exit 2, and why); with
// it, pings from the far end of a veth pair are counted, the counts print
// every --interval and at the end, and the interface has no XDP program
// after.
func TestRunXDP(t *testing.T) {
	testenv.LookPath(t, "cargo")
	ping := testenv.LookPath(t, "ping")
	ip := testenv.LookPath(t, "ip")
	bin := oxbpfBinary(t)
	near, far := testenv.VethPair(t)
	build := []string{"--out", t.TempDir(), "--target-dir", sharedTarget(t)}

	stderr, code := runBinary(t, ip, false, nil, append([]string{"netns", "exec", near, bin, "run", "../../example", "-d", "1s"}, build...)...)
	if code != exitUsage || !strings.Contains(stderr, "skip") || !strings.Contains(stderr, "give --iface NAME") ||
		lastLine(stderr) != "oxbpf: no program attached; the skipped lines say why" {
		t.Errorf("without --iface: exit %d, want 2 and why:\n%s", code, stderr)
	}

	cmd := exec.Command(ip, append([]string{"netns", "exec", near, bin, "run", "../../example", "--iface", "veth0", "--duration", "4s", "--interval", "1s"}, build...)...)
	var stdout, errOut syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, &errOut, "xdp_count: XDP on veth0")
	if out, err := exec.Command(ip, "netns", "exec", far, ping, "-c", "3", "-i", "0.2", "-W", "2", testenv.NearAddr).CombinedOutput(); err != nil {
		t.Errorf("ping: %v\n%s", err, out)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("oxbpf run: %v\n%s", err, errOut.String())
	}
	// Every second, and at the end: how many times a busy machine decides.
	if got := regexp.MustCompile(`(?m)^maps after [\d.]+s:$`).FindAllString(stdout.String(), -1); len(got) < 2 {
		t.Errorf("maps printed %q, want them every second and at the end", got)
	}
	m := regexp.MustCompile(`(?m)^maps after [\d.]+s:\n  PROTOCOLS\[1\] = (\d+)\n\z`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no ICMP count at the end:\n%s", stdout.String())
	}
	if n, _ := strconv.Atoi(m[1]); n < 3 {
		t.Errorf("%d ICMP packets counted, want at least the 3 pings:\n%s", n, stdout.String())
	}
	if out, err := exec.Command(ip, "-n", near, "link", "show", "veth0").CombinedOutput(); err != nil || strings.Contains(string(out), "xdp") {
		t.Errorf("veth0 after the run (%v):\n%s", err, out)
	}
}

// TestRunStops ends oxbpf run --json on the exec fixture with SIGINT and
// with SIGTERM, each the normal end of a run: exit 0, events decoded
// with the Rust field names, the maps last, and the program gone.
func TestRunStops(t *testing.T) {
	testenv.LookPath(t, "cargo")
	truePath := testenv.LookPath(t, "true")
	testenv.Root(t)
	testenv.Tracefs(t)
	bin := oxbpfBinary(t)
	out := t.TempDir()
	if stderr, code := runBinary(t, bin, false, nil, "build", "../../fixtures/probes/crate", "--bin", "exec", "--out", out, "--target-dir", sharedTarget(t)); code != 0 {
		t.Fatalf("oxbpf build: exit %d\n%s", code, stderr)
	}
	obj := filepath.Join(out, "exec.o")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			before := pins(t)
			cmd := exec.Command(bin, "run", obj, "--json")
			var stdout, stderr syncBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waitFor(t, &stdout, `"kind":"attached"`)
			child := exec.Command(truePath)
			if err := child.Run(); err != nil {
				t.Fatal(err)
			}
			pid := child.Process.Pid
			waitFor(t, &stdout, `"pid":`+strconv.Itoa(pid)+`,`)
			cmd.Process.Signal(sig)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("oxbpf run after %v: %v, want exit 0\n%s", sig, err, stderr.String())
			}

			var kinds []string
			events := 0
			sc := bufio.NewScanner(strings.NewReader(stdout.String()))
			for sc.Scan() {
				var rep struct {
					Kind   string         `json:"kind"`
					Map    string         `json:"map"`
					Record map[string]any `json:"record"`
				}
				if err := json.Unmarshal(sc.Bytes(), &rep); err != nil {
					t.Fatalf("line %q: %v", sc.Text(), err)
				}
				kinds = append(kinds, rep.Kind)
				if rep.Kind == "event" && rep.Record["pid"] == float64(pid) {
					events++
					if rep.Record["comm"] != "true" {
						t.Errorf("%s record %v, want comm true", rep.Map, rep.Record)
					}
				}
			}
			if events != 2 {
				t.Errorf("%d events of pid %d, want one through each of EXECS and EXEC_PERF:\n%s", events, pid, stdout.String())
			}
			if len(kinds) < 3 || kinds[0] != "attached" || kinds[len(kinds)-1] != "maps" {
				t.Errorf("reports %v, want attached first, maps last", kinds)
			}
			// What the run attached and loaded went with its file
			// descriptors; only a pin would outlive it.
			if after := pins(t); after != before {
				t.Errorf("pins under /sys/fs/bpf were %q before the run, %q after", before, after)
			}
		})
	}
}

// pins lists what is pinned under /sys/fs/bpf but for the pins of the
// test binaries of other packages, which run at the same time
// (oxbpf-test-<pid>-*).
func pins(t *testing.T) string {
	t.Helper()
	var names []string
	filepath.WalkDir("/sys/fs/bpf", func(path string, d fs.DirEntry, err error) error {
		if d != nil && strings.HasPrefix(d.Name(), "oxbpf-test-") {
			return fs.SkipDir
		}
		names = append(names, path)
		return nil
	})
	return strings.Join(names, " ")
}
