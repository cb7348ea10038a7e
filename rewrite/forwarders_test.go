package rewrite

import "testing"

func TestForwarders(t *testing.T) { runGolden(t, "forwarders", []*Pass{Forwarders}) }
