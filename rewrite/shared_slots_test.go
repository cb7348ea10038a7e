package rewrite

import "testing"

func TestSharedSlots(t *testing.T) { runGolden(t, "shared-slots", []*Pass{SharedSlots}) }
