package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestGoBindingsLoader copies the example's Go loader (example/loader, a
// module of its own) away, writes its bindings with oxbpf build
// --go-package main --go-out, vets and builds it with go, and runs it on
// the far end of a veth pair while pings cross: it must print the ICMP
// packets the XDP program counted.
func TestGoBindingsLoader(t *testing.T) {
	testenv.LookPath(t, "cargo")
	testenv.LookPath(t, "llc-19")
	goTool := testenv.LookPath(t, "go")
	ping := testenv.LookPath(t, "ping")
	ip := testenv.LookPath(t, "ip")
	testenv.Root(t)
	bin := oxbpfBinary(t)
	dir := t.TempDir()
	for _, f := range []string{"main.go", "go.mod", "go.sum"} {
		testenv.CopyFile(t, filepath.Join("../../example/loader", f), filepath.Join(dir, f), 0o644)
	}
	if stderr, code := runBinary(t, bin, false, nil, "build", "../../example", "--go-package", "main", "--go-out", dir,
		"--out", t.TempDir(), "--target-dir", sharedTarget(t)); code != 0 {
		t.Fatalf("oxbpf build --go-package: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"xdp_count_bpfel.go", "xdp_count_bpfel.o"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"vet", "."}, {"build", "-o", "loader", "."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	near, far := testenv.VethPair(t)
	loader := exec.Command(ip, "netns", "exec", far, filepath.Join(dir, "loader"), "-iface", "veth1", "-duration", "3s")
	var out syncBuffer
	loader.Stdout, loader.Stderr = &out, &out
	if err := loader.Start(); err != nil {
		t.Fatal(err)
	}
	// Pings start once the loader says it counts.
	for i := 0; i < 50 && !strings.Contains(out.String(), "counting on veth1"); i++ {
		exec.Command("sleep", "0.1").Run()
	}
	if pout, err := exec.Command(ip, "netns", "exec", near, ping, "-c", "3", "-i", "0.2", "-W", "2", testenv.FarAddr).CombinedOutput(); err != nil {
		t.Errorf("ping: %v\n%s", err, pout)
	}
	if err := loader.Wait(); err != nil {
		t.Fatalf("loader: %v\n%s", err, out.String())
	}
	m := regexp.MustCompile(`protocol 1: (\d+) packets`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("the loader printed no ICMP count:\n%s", out.String())
	}
	if n, _ := strconv.Atoi(m[1]); n < 3 {
		t.Errorf("%d ICMP packets counted, want at least the 3 pings:\n%s", n, out.String())
	}
}

// syncBuffer is a buffer a child writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
