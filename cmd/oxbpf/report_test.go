package main

import (
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/pipeline"
	"github.com/oxbpf/oxbpf/verify"
)

// TestTableCells: a name with a newline or tab (a section named so, by
// accident or on purpose) is quoted, so every row stays one line.
func TestTableCells(t *testing.T) {
	res := &pipeline.Result{Bins: []*pipeline.BinResult{{
		Bin: "b",
		Verify: &verify.Report{
			Programs: []verify.Program{{Name: "prog", Section: "xdp\nfake row\t1", Type: "XDP", Instructions: 3}},
			Maps:     []verify.Map{{Name: "m\x1b[31m", Type: "Array"}},
		},
	}}}
	var b strings.Builder
	if err := printResult(&b, res, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`"xdp\nfake row\t1"`, `"m\x1b[31m"`} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %s:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 5 { // header, row, blank, header, row
		t.Errorf("%d lines:\n%s", n, out)
	}
}
