package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/internal/testenv"
)

// TestBTFCorpus builds fixtures/probes/btf, a crate of the types rustc
// describes in ways kernel BTF does not take as they are, with every
// installed LLVM, and has the kernel load each object's BTF. With the
// newest it runs the program, which writes one entry of its BTF map, and
// reads the entry back with bpftool, field by field.
func TestBTFCorpus(t *testing.T) {
	needE2E(t)
	target, out := t.TempDir(), t.TempDir()
	var newest string
	for _, llvm := range []int{15, 16, 19, 22} {
		t.Run(fmt.Sprintf("llvm%d", llvm), func(t *testing.T) {
			testenv.LookPath(t, fmt.Sprintf("opt-%d", llvm))
			opts := probeOptions("btf", leg{llvm: llvm}, target, filepath.Join(out, fmt.Sprint(llvm)))
			res, err := Build(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			obj := res.Bins[0].Object
			if v := res.Bins[0].Verify; !v.BTF || !v.LineInfo || v.Maps[1].Definition != "btf" {
				t.Errorf("verify: btf %v, line info %v, maps %+v", v.BTF, v.LineInfo, v.Maps)
			}
			testenv.Root(t)
			loadBTF(t, obj)
			newest = obj
		})
	}
	t.Run("map dump", func(t *testing.T) {
		if newest == "" {
			t.Skip("no object built")
		}
		testenv.Root(t)
		bpftool := testenv.LookPath(t, "bpftool")
		pin := fmt.Sprintf("/sys/fs/bpf/oxbpf-test-%d-corpus", os.Getpid())
		maps := pin + "-maps"
		t.Cleanup(func() { os.RemoveAll(pin); os.RemoveAll(maps) })
		run(t, bpftool, "prog", "loadall", newest, pin, "pinmaps", maps)
		// V4 from 10.0.0.1, Some(7), Err(9) (odd), TCP.
		data := filepath.Join(t.TempDir(), "packet")
		os.WriteFile(data, []byte{1, 10, 0, 0, 1, 5, 6, 7, 9, 6, 9, 0, 0, 0, 0, 0}, 0o644)
		run(t, bpftool, "prog", "run", "pinned", filepath.Join(pin, "btf_corpus"), "data_in", data)
		var entries []struct {
			Formatted struct{ Key, Value map[string]any } // bpftool's view through the BTF
		}
		if err := json.Unmarshal([]byte(run(t, bpftool, "-j", "map", "dump", "pinned", filepath.Join(maps, "FLOWS"))), &entries); err != nil || len(entries) != 1 {
			t.Fatalf("map dump: %v, %d entries", err, len(entries))
		}
		e := entries[0].Formatted
		for _, c := range []struct {
			path string
			want any
		}{
			{"key.proto", "Tcp"},
			{"key.ports.dst", 8080.0},
			{"key.pair.__0", 9.0},
			{"value.packet..discriminant", 1.0},
			{"value.packet..V4.ports.dst", 1234.0},
			{"value.seen..discriminant", 1.0},
			{"value.seen..Some.__0", 7.0},
			{"value.verdict..discriminant", 1.0},
			{"value.verdict..Err.__0", 9.0},
			{"value.history", []any{map[string]any{"src": 1.0, "dst": 2.0}, map[string]any{"src": 3.0, "dst": 4.0}, map[string]any{"src": 5.0, "dst": 6.0}}},
		} {
			root := map[string]any{"key": e.Key, "value": e.Value}
			if got := lookup(root, c.path); fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("%s = %v, want %v", c.path, got, c.want)
			}
		}
	})
}

// loadBTF loads an object's BTF, as cilium/ebpf reads it (data sections
// fixed up), into the kernel: the kernel's own check of every type.
func loadBTF(t *testing.T, obj string) {
	t.Helper()
	spec, err := ebpf.LoadCollectionSpec(obj)
	if err != nil {
		t.Fatal(err)
	}
	var types []btf.Type
	for typ, err := range spec.Types.All() {
		if err != nil {
			t.Fatal(err)
		}
		types = append(types, typ)
	}
	b, err := btf.NewBuilder(types, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := btf.NewHandle(b)
	if err != nil {
		t.Fatalf("the kernel refuses the BTF: %v", err)
	}
	h.Close()
}

// lookup follows a dotted path through decoded JSON; an empty element
// names the member without a name (an enum's union).
func lookup(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
