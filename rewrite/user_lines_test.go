package rewrite

import "testing"

func TestUserLines(t *testing.T) { runGolden(t, "user-lines", []*Pass{UserLines}) }
