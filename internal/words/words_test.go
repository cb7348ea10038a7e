package words

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{Plural(0, "map"), "0 maps"},
		{Plural(1, "map"), "1 map"},
		{Plural(2, "program"), "2 programs"},
		{AndMore(0, "error"), ""},
		{AndMore(1, "error"), " (and 1 more error)"},
		{AndMore(3, "error"), " (and 3 more errors)"},
		{Shorten("short"), "short"},
		{Shorten(strings.Repeat("x", 40)), strings.Repeat("x", 40)},
		{Shorten(strings.Repeat("x", 41)), strings.Repeat("x", 37) + "..."},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"task_struct", "task_strcut", 2}, {"same", "same", 0},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
