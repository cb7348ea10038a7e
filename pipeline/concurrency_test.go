package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentBuildsAndDeterminism runs two builds of a crate with
// several bins at the same time, on one cargo target directory, and then a
// third alone. All three must succeed with byte-identical objects and
// rewritten IR: parallel bins, parallel processes (here goroutines; the
// lock that keeps them apart is a file lock, per process) and repeated
// runs give the same bytes.
func TestConcurrentBuildsAndDeterminism(t *testing.T) {
	needE2E(t)
	target := t.TempDir()
	var mu sync.Mutex
	var waits []string
	build := func(out string) *Result {
		opts := probeOptions("net", legs[0], target, out)
		opts.Load = false
		opts.KeepTemps = true
		opts.Jobs = 2
		opts.Progress = func(e Event) {
			if e.Waiting {
				mu.Lock()
				waits = append(waits, e.Bin+": "+e.Detail)
				mu.Unlock()
			}
		}
		res, err := Build(context.Background(), opts)
		if err != nil {
			t.Errorf("build into %s: %v", out, err)
		}
		if res != nil && res.TempDir != "" {
			t.Cleanup(func() { os.RemoveAll(res.TempDir) })
		}
		return res
	}
	outs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	results := make([]*Result, 3)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() { results[i] = build(outs[i]) })
	}
	wg.Wait()
	// One build had to wait for the other, for cargo's lock or oxbpf's
	// own, and said so.
	if len(waits) == 0 {
		t.Error("two builds of one crate at once, and neither said it waited")
	}
	t.Logf("waits: %q", waits)
	results[2] = build(outs[2])
	if t.Failed() {
		return
	}
	if len(results[0].Bins) != 6 {
		t.Fatalf("built %d bins, want the 6 of net", len(results[0].Bins))
	}
	for _, b := range results[0].Bins {
		for i := 1; i < 3; i++ {
			same(t, filepath.Join(outs[0], b.Bin+".o"), filepath.Join(outs[i], b.Bin+".o"))
			same(t, filepath.Join(results[0].TempDir, b.Bin+".bpf.ll"), filepath.Join(results[i].TempDir, b.Bin+".bpf.ll"))
		}
	}
}

func same(t *testing.T, a, b string) {
	t.Helper()
	x, err1 := os.ReadFile(a)
	y, err2 := os.ReadFile(b)
	if err1 != nil || err2 != nil || !bytes.Equal(x, y) || len(x) == 0 {
		t.Errorf("%s and %s differ (%v, %v)", a, b, err1, err2)
	}
}
