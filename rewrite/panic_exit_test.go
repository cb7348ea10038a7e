package rewrite

import "testing"

func TestPanicExit(t *testing.T) { runGolden(t, "panic-exit", []*Pass{PanicExit}) }
