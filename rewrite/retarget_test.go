package rewrite

import "testing"

func TestRetarget(t *testing.T) { runGolden(t, "retarget", []*Pass{Retarget}) }
