// Package words writes the small pieces of English that oxbpf's messages
// share: counts with their nouns, and long text cut to fit a line.
package words

import "fmt"

// Plural writes n and the noun, with an s unless n is 1: "1 map", "2 maps".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// AndMore writes how many more there are after the first one a message
// names: "", " (and 1 more error)", " (and 3 more errors)".
func AndMore(n int, noun string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (and 1 more " + noun + ")"
	}
	return fmt.Sprintf(" (and %d more %ss)", n, noun)
}

// Shorten cuts s to at most 40 bytes, ending a cut one in "...", so that
// a constant expression or a token fits in a one-line message.
func Shorten(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}
