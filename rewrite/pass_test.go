package rewrite

import (
	"strings"
	"testing"
)

func TestRegistryValid(t *testing.T) {
	if err := Validate(All()); err != nil {
		t.Fatal(err)
	}
}

func TestValidateRejects(t *testing.T) {
	run := func(*Context) error { return nil }
	a := &Pass{Name: "a", Doc: "a", Run: run}
	b := &Pass{Name: "b", Doc: "b", Run: run, Requires: []*Pass{a}}
	a.Requires = []*Pass{b}
	tests := []struct {
		name   string
		passes []*Pass
		want   string
	}{
		{"cycle", []*Pass{a, b}, "cycle"},
		{"no doc", []*Pass{{Name: "x", Run: run}}, "no doc"},
		{"no run", []*Pass{{Name: "x", Doc: "x"}}, "no Run"},
		{"bad name", []*Pass{{Name: "X y", Doc: "x", Run: run}}, "lower case"},
		{"twice", []*Pass{{Name: "x", Doc: "x", Run: run}, {Name: "x", Doc: "x", Run: run}}, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.passes)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate = %v, want error containing %q", err, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		list string
		want string
	}{
		{"bpf", "retarget,core,helpers,helper-args,inline-all,panic-exit,atomics,btf,btf-maps,downlevel,lint"},
		{"none", ""},
		{"retarget", "retarget"},
		{"downlevel,retarget", "downlevel,retarget"},
	}
	for _, tt := range tests {
		passes, err := Lookup(tt.list)
		if err != nil {
			t.Fatalf("Lookup(%q): %v", tt.list, err)
		}
		var names []string
		for _, p := range passes {
			names = append(names, p.Name)
		}
		if got := strings.Join(names, ","); got != tt.want {
			t.Errorf("Lookup(%q) = %s, want %s", tt.list, got, tt.want)
		}
	}
	if _, err := Lookup("retarget,nope"); err == nil || !strings.Contains(err.Error(), `unknown pass "nope"`) {
		t.Errorf("Lookup of an unknown pass: %v", err)
	}
}
