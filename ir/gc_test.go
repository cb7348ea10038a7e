package ir

import (
	"runtime/debug"
	"sync"
	"testing"
)

// TestPauseGC: collection is off while any parse runs, parses in parallel
// included, and as it was once the last one ends.
func TestPauseGC(t *testing.T) {
	old := debug.SetGCPercent(137)
	defer debug.SetGCPercent(old)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := Parse("x.ll", "define i32 @f() {\n  ret i32 0\n}\n"); err != nil {
				t.Error(err)
			}
		})
	}
	outer := pauseGC()
	inner := pauseGC()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("during a parse: GC percent %d, want off", p)
	}
	inner()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("while another parse runs: GC percent %d, want off", p)
	}
	outer()
	wg.Wait()
	if p := debug.SetGCPercent(137); p != 137 {
		t.Errorf("after the parses: GC percent %d, want 137", p)
	}
}
