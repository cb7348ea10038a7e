package ir

import (
	"runtime/debug"
	"sync"
)

// A parse allocates the module's model, nearly all of which stays live
// as long as the module does: a garbage collection during the parse walks
// the growing model and frees next to nothing. On the 24 MB module of
// scripts/bench-ir.sh the collector took a third of the round trip on one
// core, and peak memory was the same without it. So collection pauses
// while any parse runs, and resumes as it was when the last one ends.
// The memory limit stays: a program that set one (GOMEMLIMIT) still gets
// a collection when the heap reaches it.
var gcPause struct {
	sync.Mutex
	parses  int
	percent int // the setting to restore
}

// pauseGC pauses garbage collection until the returned function is called.
func pauseGC() (resume func()) {
	gcPause.Lock()
	if gcPause.parses == 0 {
		gcPause.percent = debug.SetGCPercent(-1)
	}
	gcPause.parses++
	gcPause.Unlock()
	return func() {
		gcPause.Lock()
		gcPause.parses--
		if gcPause.parses == 0 {
			debug.SetGCPercent(gcPause.percent)
		}
		gcPause.Unlock()
	}
}
