package verify

import (
	"context"
	"reflect"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestCORERelocations lists the relocations clang wrote for
// preserve_access_index types, each named by type and field.
func TestCORERelocations(t *testing.T) {
	r, err := Inspect("testdata/core.o", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []CORERelocation{
		{Program: "missing", Insn: 3, Kind: "field_exists", Type: "task_struct", Field: "oxbpf_no_such_field", Line: "./core.c:34"},
		{Program: "missing", Insn: 5, Kind: "byte_off", Type: "task_struct", Field: "oxbpf_no_such_field", Line: "./core.c:35"},
		{Program: "missing", Insn: 13, Kind: "type_exists", Type: "oxbpf_no_such_type", Line: "./core.c:37"},
		{Program: "read_task", Insn: 3, Kind: "byte_off", Type: "task_struct", Field: "real_parent", Line: "./core.c:24"},
		{Program: "read_task", Insn: 10, Kind: "byte_off", Type: "task_struct", Field: "pid", Line: "./core.c:25"},
	}
	if !reflect.DeepEqual(r.CORE, want) {
		t.Errorf("relocations:\n got %+v\nwant %+v", r.CORE, want)
	}
	if plain, _ := Inspect("testdata/xdp_maps.o", Options{}); plain.CORE != nil {
		t.Errorf("an object without relocations lists %v", plain.CORE)
	}
}

// TestCOREFixups: loaded here, the kernel's BTF resolves task_struct's
// pid and real_parent to its own offsets, and finds no field or type of
// the names no kernel has.
func TestCOREFixups(t *testing.T) {
	testenv.Root(t)
	rep, err := LoadFile(context.Background(), "testdata/core.o", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.COREError != "" || len(rep.CORE) != 5 {
		t.Fatalf("fixups %+v, error %q", rep.CORE, rep.COREError)
	}
	for _, f := range rep.CORE {
		wantMissing := f.Type == "oxbpf_no_such_type" || f.Field == "oxbpf_no_such_field"
		if f.Missing != wantMissing || !wantMissing && (f.Target == 0 || f.Target == f.Local) {
			t.Errorf("%s (%s): %+v", f.What(), f.Kind, f)
		}
	}
}
