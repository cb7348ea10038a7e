package rewrite

import "testing"

func TestHelpers(t *testing.T) { runGolden(t, "helpers", []*Pass{Helpers}) }
