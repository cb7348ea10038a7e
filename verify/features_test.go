package verify_test

import (
	"context"
	"slices"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/oxbpf/oxbpf/internal/controls"
	"github.com/oxbpf/oxbpf/internal/testenv"
	"github.com/oxbpf/oxbpf/verify"
)

func readControls(t *testing.T) []controls.Control {
	t.Helper()
	list, err := controls.Read("testdata/kernel")
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// before returns the release before k.
func before(t *testing.T, k verify.Kernel) verify.Kernel {
	t.Helper()
	releases := verify.Releases(verify.Kernel{})
	i := slices.Index(releases, k)
	if i < 1 {
		t.Fatalf("no release before %v", k)
	}
	return releases[i-1]
}

// TestControlsStatic inspects every control object for the release before
// the one that brought what it uses, which must refuse it (or, for what
// the loaders adapt, note it), and for that release, which must take it.
func TestControlsStatic(t *testing.T) {
	for _, c := range readControls(t) {
		t.Run(c.Name, func(t *testing.T) {
			old, err := verify.Inspect(c.Path, verify.Options{Kernel: before(t, c.Since)})
			if err != nil {
				t.Fatal(err)
			}
			now, err := verify.Inspect(c.Path, verify.Options{Kernel: c.Since})
			if err != nil {
				t.Fatal(err)
			}
			if c.How == controls.Note {
				if len(old.Problems) > 0 || len(old.Notes) == 0 {
					t.Errorf("for %v: problems %v, notes %v; want a note and no problem", old.Kernel, old.Problems, old.Notes)
				}
			} else if len(old.Problems) == 0 {
				t.Errorf("for %v: no problem, want one", old.Kernel)
			}
			if len(now.Problems) > 0 || len(now.Notes) > 0 {
				t.Errorf("for %v: problems %v, notes %v; want none", now.Kernel, now.Problems, now.Notes)
			}
		})
	}
}

// TestControlsCoverTables wants a control object for every entry of the
// tables: each helper, map type, program type and checked attach type.
func TestControlsCoverTables(t *testing.T) {
	helpersSeen := map[int32]bool{}
	maps := map[ebpf.MapType]bool{}
	programs := map[ebpf.ProgramType]bool{}
	attaches := map[ebpf.AttachType]bool{}
	for _, c := range readControls(t) {
		spec, err := verify.ReadSpec(c.Path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range spec.Maps {
			maps[m.Type] = true
		}
		for _, p := range spec.Programs {
			programs[p.Type] = true
			if slices.Contains(verify.AttachChecked, p.Type) {
				attaches[p.AttachType] = true
			}
			for _, ins := range p.Instructions {
				if ins.IsBuiltinCall() {
					helpersSeen[int32(ins.Constant)] = true
				}
			}
		}
	}
	for id := int32(1); id <= verify.LastHelper; id++ {
		if !helpersSeen[id] {
			t.Errorf("no control calls helper %d", id)
		}
	}
	for typ := range verify.MapTypes {
		if !maps[typ] {
			t.Errorf("no control has a %v map", typ)
		}
	}
	for typ := range verify.ProgramTypes {
		if !programs[typ] {
			t.Errorf("no control is a %v program", typ)
		}
	}
	for typ := range verify.AttachTypes {
		if !attaches[typ] {
			t.Errorf("no control loads with attach type %v", typ)
		}
	}
}

// TestControlsOnThisKernel loads every control object into the running
// kernel: its verdict must agree with what --kernel says of this kernel's
// release (verify/testdata/kernel's controls; the vm tests do the same on
// other kernels).
func TestControlsOnThisKernel(t *testing.T) {
	testenv.Root(t)
	k := verify.RunningKernel()
	for _, c := range readControls(t) {
		rep, err := verify.LoadFile(context.Background(), c.Path, verify.LoadOptions{})
		agrees, what, cerr := c.Agrees(k, rep, err)
		if cerr != nil {
			t.Fatal(cerr)
		}
		if !agrees {
			t.Errorf("%s: %s", c.Name, what)
		}
	}
}
