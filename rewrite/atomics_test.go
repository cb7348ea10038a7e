package rewrite

import "testing"

func TestAtomics(t *testing.T) { runGolden(t, "atomics", []*Pass{Atomics}) }
