package rewrite

import "testing"

// TestCoreGolden rewrites the crate's CO-RE calls of testdata/core: the
// intrinsic chains of every path shape, the fixed offsets of --core=false,
// and an error, naming the function, for each call that cannot relocate.
func TestCoreGolden(t *testing.T) { runGolden(t, "core", []*Pass{Core}) }
