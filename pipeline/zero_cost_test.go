package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// portedCrates hold the fixture probes written on oxbpf-ebpf, whose
// hand-written twins (helper numbers, legacy maps, contexts laid out by
// hand) are the bins of fixtures/probes/raw.
var portedCrates = []string{"net", "trace", "counter", "unroll", "calls"}

// TestZeroCost builds the ported probes and their hand-written twins: no
// program may take more BPF instructions on the support crate than by
// hand.
func TestZeroCost(t *testing.T) {
	needE2E(t)
	target := t.TempDir()
	count := func(crate string) map[string]int {
		res, err := Build(context.Background(), Options{Dir: filepath.Join(probes, crate), OutDir: t.TempDir(), TargetDir: target})
		if err != nil {
			t.Fatalf("%s: %v", crate, err)
		}
		n := map[string]int{}
		for _, b := range res.Bins {
			for _, p := range b.Verify.Programs {
				n[p.Name] = p.Instructions
			}
		}
		return n
	}
	raw := count("raw")
	ported := map[string]int{}
	for _, crate := range portedCrates {
		for name, n := range count(crate) {
			ported[name] = n
		}
	}
	var table strings.Builder
	for name, byHand := range raw {
		n, ok := ported[name]
		switch {
		case !ok:
			t.Errorf("%s has no ported twin", name)
		case n > byHand:
			t.Errorf("%s: %d instructions on oxbpf-ebpf, %d by hand", name, n, byHand)
		}
		fmt.Fprintf(&table, "%-16s %4d %4d\n", name, byHand, n)
	}
	t.Logf("program, instructions by hand and on oxbpf-ebpf:\n%s", table.String())
}
