package ir

// Span is the range of source a node was parsed from: [Start, End).
// Nodes created by edits have spans in the snippet the edit added.
type Span struct {
	Start, End Pos
}

// Range returns s itself, so that every node embedding Span is a Node.
func (s Span) Range() Span { return s }

// A Node is anything with a source range; Module methods that edit text
// take Nodes.
type Node interface {
	Range() Span
}

// Word is a keyword as written: a linkage, a flag such as nuw, a predicate.
type Word struct {
	Span
	Text string
}

// Ident is an identifier with its sigil as written: %x, @"a b", !12, #0, $c.
type Ident struct {
	Span
	Raw string
}

// Name returns the identifier without its sigil, unquoted and unescaped:
// "a b" for @"a b", "12" for %12.
func (id Ident) Name() string {
	if len(id.Raw) < 2 {
		return ""
	}
	s := id.Raw[1:]
	if s[0] == '"' {
		return unescape(s[1 : len(s)-1])
	}
	return unescape(s)
}

// Str is a quoted string as written, e.g. "x86_64-unknown-linux-gnu".
type Str struct {
	Span
	Raw string // including the quotes
}

// Value returns the string's contents with \xx escapes decoded.
func (s Str) Value() string {
	if len(s.Raw) < 2 {
		return ""
	}
	return unescape(s.Raw[1 : len(s.Raw)-1])
}

// unescape decodes LLVM's \xx hexadecimal escapes and \\.
func unescape(s string) string {
	i := 0
	for i < len(s) && s[i] != '\\' {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && s[i+1] == '\\' {
			b = append(b, '\\')
			i++
			continue
		}
		if c == '\\' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// Quote writes s as an LLVM string literal: printable ASCII other than " and
// \ as is, everything else as \xx.
func Quote(s string) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			b = append(b, '\\', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, c)
	}
	return string(append(b, '"'))
}

// quoteName writes a global or local name as it follows its sigil: bare
// when every byte may stand in a bare identifier and it does not start
// with a digit (which would read as a number), else quoted.
func quoteName(s string) string {
	if s == "" || isDigit(s[0]) {
		return Quote(s)
	}
	for i := 0; i < len(s); i++ {
		if !isNameChar(s[i]) {
			return Quote(s)
		}
	}
	return s
}
