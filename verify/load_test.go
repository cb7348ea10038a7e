package verify

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilium/ebpf"
)

func TestShortMessage(t *testing.T) {
	for _, tc := range []struct {
		log  string
		want string
	}{
		{"0: R1=ctx() R10=fp0\n0: (95) exit\nR0 !read_ok\nprocessed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
			"R0 !read_ok"},
		{"0: (61) r1 = *(u32 *)(r1 +0)          ; R1=pkt(r=0)\n1: (71) r1 = *(u8 *)(r1 +0)\ninvalid access to packet, off=0 size=1, R1(id=0,off=0,r=0)\nR1 offset is outside of the packet\nprocessed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0",
			"invalid access to packet, off=0 size=1, R1(id=0,off=0,r=0): R1 offset is outside of the packet"},
		{"back-edge from insn 12 to 4\n\nprocessed 14 insns\nstack depth 0\nverification time 20 usec\n",
			"back-edge from insn 12 to 4"},
		{"from 4 to 6: R0=1\nR3 pointer arithmetic prohibited", "R3 pointer arithmetic prohibited"},
		{"; return x;\nR2 type=scalar expected=fp", "R2 type=scalar expected=fp"},
	} {
		err := fmt.Errorf("program p: %w", &ebpf.VerifierError{Cause: errors.New("permission denied"), Log: strings.Split(tc.log, "\n")})
		if got := shortMessage("p", err); got != tc.want {
			t.Errorf("shortMessage(%q)\n got %q\nwant %q", tc.log, got, tc.want)
		}
		if got := fullLog(err); got != tc.log {
			t.Errorf("fullLog = %q, want the whole log", got)
		}
	}
	err := fmt.Errorf("program p: %w", errors.New(`Call at insn 5: symbol "memcpy": unsatisfied program reference`))
	if got := shortMessage("p", err); got != `Call at insn 5: symbol "memcpy": unsatisfied program reference` {
		t.Errorf("shortMessage without a log = %q", got)
	}
	if got := fullLog(err); got != "" {
		t.Errorf("fullLog without a log = %q", got)
	}
}

// LoadFile and RunFile read the object themselves, so they must refuse a
// section the file does not hold before cilium/ebpf sizes buffers from it.
func TestLoadFileSectionPastEnd(t *testing.T) {
	good, err := os.ReadFile("testdata/xdp_maps.o")
	if err != nil {
		t.Fatal(err)
	}
	obj := filepath.Join(t.TempDir(), "bad.o")
	if err := os.WriteFile(obj, withSectionSize(t, good, "xdp", 0x670000f8), 0o644); err != nil {
		t.Fatal(err)
	}
	want := `truncated ELF: section "xdp" claims 1728053496 bytes`
	if _, err := LoadFile(context.Background(), obj, LoadOptions{}); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("LoadFile: %v, want %q", err, want)
	}
	if _, err := RunFile(context.Background(), obj, "xdp_count", make([]byte, 14)); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("RunFile: %v, want %q", err, want)
	}
}

// TestReadSpec reads good and bad objects: each bad one is one line that
// names the file and says what is wrong with it.
func TestReadSpec(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("testdata/bpfcall.o")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		path string
		want string // in the error; "" for none
	}{
		{"testdata/bpfcall.o", ""},
		{write("text.o", []byte("garbage\n")), "text.o: not an ELF object"},
		{write("bitcode.o", []byte("BC\xc0\xde\x35\x14")), "bitcode.o: LLVM bitcode, not an ELF object"},
		{write("truncated.o", good[:100]), "truncated.o: truncated ELF object: it ends after 100 bytes"},
		{filepath.Join(dir, "nonesuch.o"), "nonesuch.o: no such file"},
	} {
		_, err := ReadSpec(tc.path)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.path, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n")):
			t.Errorf("%s: error %v, want one line with %q", tc.path, err, tc.want)
		}
	}
}
