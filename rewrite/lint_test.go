package rewrite

import "testing"

func TestLint(t *testing.T) { runGolden(t, "lint", []*Pass{Lint}) }
