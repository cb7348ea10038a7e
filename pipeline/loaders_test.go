package pipeline

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// probeCrates are the fixture crates every loader must take, with the
// CPU each needs.
var probeCrates = map[string]string{
	"net": "", "trace": "", "core": "", "counter": "", "unroll": "", "calls": "", "btf": "", "atomics": "v3", "crate": "", "byname": "", "raw": "",
}

// buildLoadable builds every probe crate that loads and the example with
// default options (BTF on), each into <dir>/<crate>, and returns dir.
func buildLoadable(t *testing.T) string {
	t.Helper()
	out, target := t.TempDir(), t.TempDir()
	for crate, cpu := range probeCrates {
		opts := Options{ManifestPath: filepath.Join(probes, crate, "Cargo.toml"), TargetDir: target, OutDir: filepath.Join(out, crate), CPU: cpu}
		if _, err := Build(context.Background(), opts); err != nil {
			t.Fatalf("%s: %v", crate, err)
		}
	}
	if _, err := Build(context.Background(), Options{Dir: "../example", TargetDir: target, OutDir: filepath.Join(out, "example")}); err != nil {
		t.Fatalf("example: %v", err)
	}
	return out
}

// TestLoaders loads every object built with default options through the
// loaders BTF is for: libbpf (bpftool prog loadall, and bpftool gen
// skeleton, which needs every map BTF-defined), and iproute2 attaching
// the XDP and classifier programs to a veth inside a network namespace
// the test makes and removes. bpftool prog dump xlated linum must show
// each program's Rust source lines.
func TestLoaders(t *testing.T) {
	needE2E(t)
	testenv.Root(t)
	bpftool := testenv.LookPath(t, "bpftool")
	dir := buildLoadable(t)
	objs := testenv.Glob(t, filepath.Join(dir, "*", "*.o"))
	if len(objs) < 12 {
		t.Fatalf("built %d objects: %v", len(objs), objs)
	}
	for _, obj := range objs {
		name := filepath.Base(filepath.Dir(obj)) + "-" + strings.TrimSuffix(filepath.Base(obj), ".o")
		t.Run(name, func(t *testing.T) {
			pin := fmt.Sprintf("/sys/fs/bpf/oxbpf-test-%d-%s", os.Getpid(), name)
			t.Cleanup(func() { os.RemoveAll(pin) })
			run(t, bpftool, "prog", "loadall", obj, pin)
			progs, _ := filepath.Glob(filepath.Join(pin, "*"))
			if len(progs) == 0 {
				t.Fatal("bpftool pinned no program")
			}
			for _, p := range progs {
				xlated := run(t, bpftool, "prog", "dump", "xlated", "pinned", p, "linum")
				if !strings.Contains(xlated, "[file:src/") && !strings.Contains(xlated, "[file:bpf-support/") {
					t.Errorf("%s: no source lines in bpftool's dump:\n%.1000s", filepath.Base(p), xlated)
				}
			}
			if skel := run(t, bpftool, "gen", "skeleton", obj); !strings.Contains(skel, "__load(") {
				t.Errorf("bpftool gen skeleton wrote no loader:\n%.500s", skel)
			}
		})
	}
	t.Run("iproute2", func(t *testing.T) {
		ip, tc := testenv.LookPath(t, "ip"), testenv.LookPath(t, "tc")
		ns := vethNamespace(t, ip)
		for _, obj := range []string{"net/xdp_parse.o", "raw/xdp_parse.o", "example/xdp_count.o", "btf/btf_corpus.o"} {
			run(t, ip, "-n", ns, "link", "set", "dev", "veth0", "xdp", "obj", filepath.Join(dir, obj), "sec", "xdp")
			if link := run(t, ip, "-n", ns, "link", "show", "veth0"); !strings.Contains(link, "prog/xdp id") {
				t.Errorf("%s: not attached:\n%s", obj, link)
			}
			run(t, ip, "-n", ns, "link", "set", "dev", "veth0", "xdp", "off")
		}
		run(t, tc, "-n", ns, "qdisc", "add", "dev", "veth0", "clsact")
		run(t, tc, "-n", ns, "filter", "add", "dev", "veth0", "ingress", "bpf", "da", "obj", filepath.Join(dir, "net", "tc_mark.o"), "sec", "tc")
		if f := run(t, tc, "-n", ns, "filter", "show", "dev", "veth0", "ingress"); !strings.Contains(f, "tc_mark") {
			t.Errorf("classifier not attached:\n%s", f)
		}
	})
}

// vethNamespace makes a network namespace holding a veth pair, veth0 and
// veth1, both up, removed when the test ends with everything in it.
func vethNamespace(t *testing.T, ip string) string {
	t.Helper()
	ns := fmt.Sprintf("oxbpf-test-%d", os.Getpid())
	run(t, ip, "netns", "add", ns)
	t.Cleanup(func() { exec.Command(ip, "netns", "del", ns).Run() })
	run(t, ip, "-n", ns, "link", "add", "veth0", "type", "veth", "peer", "name", "veth1")
	run(t, ip, "-n", ns, "link", "set", "veth0", "up")
	run(t, ip, "-n", ns, "link", "set", "veth1", "up")
	return ns
}

// run runs a command and returns its output, failing the test if it fails.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}
