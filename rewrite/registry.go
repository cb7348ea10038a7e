package rewrite

// All returns every pass, in the order the bpf pipeline runs them.
func All() []*Pass {
	return []*Pass{Retarget, InlineAll, PanicExit, Atomics, Downlevel, Lint}
}

// BPF returns the passes a BPF build needs, in order: retarget and
// inline-all first, panic-exit before downlevel so that downlevel sees
// every body, lint last so it reports on what opt will get.
func BPF() []*Pass { return All() }
