package rewrite

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/ir"
)

// installedOpts returns the LLVM majors from 14 on whose opt-N is on PATH.
func installedOpts() []int {
	var majors []int
	for m := ir.OldestLLVM; m <= ir.NewestLLVM; m++ {
		if _, err := exec.LookPath(fmt.Sprintf("opt-%d", m)); err == nil {
			majors = append(majors, m)
		}
	}
	return majors
}

// TestDownlevelMatrix downlevels every fixture module for every installed
// LLVM that can take it and has that LLVM's opt verify the result: exit
// status 0 and not a single warning (a verifier that dislikes debug info
// drops all of it with only a warning, and the BTF with it), also for
// rustc 1.63's debug info on LLVM 19 and 22 (see unnestSubprograms).
// Opaque-pointer modules must be refused for LLVM 14. The big modules of gen.sh big join in when they
// were generated, except under -short.
func TestDownlevelMatrix(t *testing.T) {
	testenv.Long(t, "runs every installed opt on every fixture")
	majors := installedOpts()
	testenv.Need(t, len(majors) > 0, "opt-N for some N from 14 on PATH")
	start := time.Now()
	t.Cleanup(func() { t.Logf("matrix of %d LLVM versions took %v", len(majors), time.Since(start)) })
	// The corpus of every compiler, and the big debug modules of gen.sh big
	// when they were generated.
	for _, file := range testenv.Glob(t, "../fixtures/ir/*/*.ll") {
		name := strings.TrimPrefix(file, "../fixtures/ir/")
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, major := range majors {
			t.Run(fmt.Sprintf("%s/llvm%d", name, major), func(t *testing.T) {
				t.Parallel()
				m, err := ir.Parse(file, string(src))
				if err != nil {
					t.Fatal(err)
				}
				_, err = Run(m, []*Pass{Downlevel}, Options{LLVM: major})
				if major < 15 && m.Syntax.OpaquePointers {
					if err == nil || !strings.Contains(err.Error(), "opaque pointers") {
						t.Fatalf("downlevel to LLVM %d of an opaque-pointer module: %v, want a refusal", major, err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				out := filepath.Join(t.TempDir(), "out.ll")
				if err := os.WriteFile(out, m.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				verify(t, major, out)
			})
		}
	}
}

// verify runs opt-major's verifier over path and fails on any output but
// lines containing one of the allowed messages, and the dumps of the
// metadata nodes they name.
func verify(t *testing.T, major int, path string, allowed ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, fmt.Sprintf("opt-%d", major), "-passes=verify", "-disable-output", path)
	cmd.Dir = filepath.Dir(path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var unexpected []string
	for line := range strings.Lines(stderr.String()) {
		ok := strings.HasPrefix(line, "!") && len(allowed) > 0
		for _, a := range allowed {
			ok = ok || strings.Contains(line, a)
		}
		if !ok {
			unexpected = append(unexpected, line)
		}
	}
	if err != nil || len(unexpected) > 0 {
		msg := strings.Join(unexpected, "")
		if len(msg) > 2000 {
			msg = msg[:2000] + "..."
		}
		t.Fatalf("opt-%d -passes=verify: %v\n%s", major, err, msg)
	}
}
