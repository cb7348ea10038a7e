package rewrite

import "testing"

func TestPanicReturn(t *testing.T) { runGolden(t, "panic-return", []*Pass{PanicReturn}) }
