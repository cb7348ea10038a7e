package rewrite

import "testing"

func TestInlineAll(t *testing.T) { runGolden(t, "inline-all", []*Pass{InlineAll}) }
