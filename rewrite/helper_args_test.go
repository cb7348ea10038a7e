package rewrite

import "testing"

func TestHelperArgs(t *testing.T) { runGolden(t, "helper-args", []*Pass{HelperArgs}) }
