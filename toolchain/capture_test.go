package toolchain

import (
	"strings"
	"testing"
)

func TestHeadTail(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"nothing", nil, ""},
		{"under the limit", []string{"ab", "c"}, "abc"},
		{"head and tail exactly", []string{"abcd", "efgh"}, "abcdefgh"},
		{"one byte too many", []string{"abcdefghi"}, "abcd\n[oxbpf: 1 bytes of this output left out]\nfghi"},
		{"many small writes", strings.Split("0123456789abcdefghij", ""), "0123\n[oxbpf: 12 bytes of this output left out]\nghij"},
		{"one big write", []string{strings.Repeat("x", 100) + "tail"}, "xxxx\n[oxbpf: 96 bytes of this output left out]\ntail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &headTail{limit: 4}
			for _, s := range tt.writes {
				if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", s, n, err)
				}
			}
			if got := string(w.Bytes()); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLineWriter(t *testing.T) {
	var lines []string
	w := &lineWriter{fn: func(s string) { lines = append(lines, s) }}
	for _, chunk := range []string{"    Blocking wai", "ting for file lock on build directory\r\nsecond\n", "third", "\n"} {
		w.Write([]byte(chunk))
	}
	w.Write([]byte(strings.Repeat("x", maxLine+10)))
	want := []string{"    Blocking waiting for file lock on build directory", "second", "third", strings.Repeat("x", maxLine+10)}
	if len(lines) != 4 || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] || len(lines[3]) != len(want[3]) {
		t.Errorf("lines %q", lines)
	}
	var what string
	notice := Project{Waiting: func(s string) { what = s }}.lockNotice()
	notice(lines[0])
	notice("   Compiling x v0.1.0")
	if what != "file lock on build directory, which another cargo holds" {
		t.Errorf("Waiting got %q", what)
	}
}
