package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

const header = "/usr/include/bpf/bpf_helper_defs.h"

// TestUpToDate regenerates both files from the pinned header and compares
// them with the committed ones: a change to the generator must come with
// its output (scripts/gen-helpers.sh).
func TestUpToDate(t *testing.T) {
	testenv.LookPath(t, "rustfmt")
	_, err := os.Stat(header)
	testenv.Need(t, err == nil, "libbpf-dev's "+header+" (scripts/setup.sh installs it)")
	dir := t.TempDir()
	// rustfmt reads the crate's settings from beside the file.
	testenv.CopyFile(t, "../../../scaffold/crate/rustfmt.toml", filepath.Join(dir, "rustfmt.toml"), 0o644)
	goOut, rustOut := filepath.Join(dir, "table.go"), filepath.Join(dir, "raw.rs")
	if err := run(header, goOut, rustOut); err != nil {
		t.Fatal(err)
	}
	for got, committed := range map[string]string{goOut: "../table.go", rustOut: "../../../scaffold/crate/src/helpers/raw.rs"} {
		a, err1 := os.ReadFile(got)
		b, err2 := os.ReadFile(committed)
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s is not what the generator writes now (%v, %v): run scripts/gen-helpers.sh", committed, err1, err2)
		}
	}
}

func TestParse(t *testing.T) {
	src := "/*\n * bpf_a\n *\n * \tDoes a.\n *\n * Returns\n * \t0.\n */\nstatic long (*bpf_a)(void *map, const char *s, ...) = (void *) 1;\n" +
		"static __u64 (*bpf_b)(void) = (void *) 2;\n"
	hs, err := parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].proto != "long bpf_a(void *map, const char *s, ...)" || !hs[0].varargs || len(hs[0].params) != 2 ||
		hs[0].doc[0] != "\tDoes a." || hs[0].returns[0] != "\t0." || hs[1].ret != "__u64" || len(hs[1].params) != 0 {
		t.Errorf("parse = %+v", hs)
	}
	if _, err := parse("static long (*bpf_a)(void) = (void *) 2;\n"); err == nil {
		t.Error("no error for a gap in the numbers")
	}
}
