package toolchain

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

// TestDiscoverThisMachine runs discovery for real: it must pick a pair of
// one major, 15 or newer, rustc's own major if installed, else the newest.
func TestDiscoverThisMachine(t *testing.T) {
	testenv.LookPath(t, "rustc")
	pairs := installedLLVM(t)
	d, err := Discover(context.Background(), DiscoverOptions{})
	if err != nil {
		t.Fatalf("%v\n%s", err, toolList(d.Tools))
	}
	t.Logf("rustc %s (LLVM %s); chose:\n%s\n%s", d.Rustc.ReleaseString, d.Rustc.LLVM, d.LLVM.Opt, d.LLVM.Llc)
	if d.LLVM.Opt.Version.Major != d.LLVM.Llc.Version.Major || d.LLVM.Major() < ir.OldestOpaquePointerLLVM {
		t.Errorf("chose %s", pair(d.LLVM))
	}
	want := pairs[0].Major()
	if d.LLVM.Opt.Source == SourceRustup {
		want = d.Rustc.LLVM.Major
	}
	for _, p := range pairs {
		if p.Major() == d.Rustc.LLVM.Major {
			want = p.Major()
		}
	}
	if d.LLVM.Major() != want {
		t.Errorf("chose LLVM %d, want %d; found:\n%s", d.LLVM.Major(), want, toolList(d.Tools))
	}
}

// TestDiscoverThisMachineExplicit pins the oldest installed pair by flags.
func TestDiscoverThisMachineExplicit(t *testing.T) {
	pairs := installedLLVM(t)
	oldest := pairs[len(pairs)-1]
	opts := DiscoverOptions{
		Opt:           fmt.Sprintf("opt-%d", oldest.Major()),
		Llc:           oldest.Llc.Path,
		TypedPointers: oldest.Major() < ir.OldestOpaquePointerLLVM,
	}
	d, err := Discover(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if d.LLVM.Major() != oldest.Major() || d.LLVM.Opt.Origin != "--opt" || d.LLVM.Llc.Origin != "--llc" {
		t.Errorf("chose %s, want the explicit LLVM %d pair", pair(d.LLVM), oldest.Major())
	}
	if path, _ := exec.LookPath(opts.Opt); d.LLVM.Opt.Path != path {
		t.Errorf("--opt %s resolved to %s, want %s", opts.Opt, d.LLVM.Opt.Path, path)
	}
}

// pair describes the chosen tools as "opt:SOURCE:VERSION llc:SOURCE:VERSION".
func pair(l *LLVM) string {
	if l == nil {
		return "<nil>"
	}
	return fmt.Sprintf("opt:%s:%s llc:%s:%s", l.Opt.Origin, l.Opt.Version, l.Llc.Origin, l.Llc.Version)
}

func toolList(tools []Tool) string {
	var lines []string
	for _, t := range tools {
		lines = append(lines, t.String())
	}
	return strings.Join(lines, "\n")
}
