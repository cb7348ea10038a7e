package rewrite

// All returns every pass: the bpf pipeline's, in its order, then those
// that run on opt's output.
func All() []*Pass {
	return append(BPF(), AfterOpt()...)
}

// BPF returns the passes a BPF build needs before opt, in order:
// retarget and inline-all first (helpers and helper-args before them, so
// that every helper call is one and is marked), panic-exit before downlevel so that
// downlevel sees every body, btf and btf-maps before downlevel so that
// what they write is downlevelled too, lint last so it reports on what opt will get.
func BPF() []*Pass {
	return []*Pass{Retarget, Core, Helpers, HelperArgs, InlineAll, PanicExit, Atomics, BTF, BTFMaps, Downlevel, Lint}
}

// AfterOpt returns the passes a BPF build runs on opt's output, before
// llc: what opt itself introduced and llc would compile wrongly, and the
// line info of what opt inlined.
func AfterOpt() []*Pass { return []*Pass{PanicReturn, SharedSlots, Forwarders, UndefZero, UserLines} }
