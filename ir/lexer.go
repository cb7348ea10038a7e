package ir

import (
	"fmt"
	"strings"
)

// An ErrorHandler receives each lexical error with its position.
type ErrorHandler func(pos Pos, msg string)

// Lexer splits LLVM IR text into tokens. Its zero value is not usable; call
// Init. A Lexer never allocates: token text is a slice of the source.
type Lexer struct {
	// immutable state
	src  string
	base Pos
	err  ErrorHandler

	// scanning state
	off int // offset of the next unread byte

	// public state
	NewLine    bool // a newline preceded the last token returned by Scan
	ErrorCount int
}

// Init prepares l to tokenize src, whose first byte has position base.
// err may be nil. Init resets every field, so a Lexer can be reused.
func (l *Lexer) Init(src string, base Pos, err ErrorHandler) {
	*l = Lexer{src: src, base: base, err: err}
}

func (l *Lexer) error(off int, format string, args ...any) {
	l.ErrorCount++
	if l.err != nil {
		l.err(l.base+Pos(off), fmt.Sprintf(format, args...))
	}
}

// Pos returns the position of the next unread byte.
func (l *Lexer) Pos() Pos { return l.base + Pos(l.off) }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isHex(c byte) bool    { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// isNameChar reports whether c may appear in a bare identifier after its
// sigil: [-a-zA-Z$._0-9], as LLVM's lexer has it.
func isNameChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '-' || c == '$' || c == '.' || c == '_'
}

// isWordChar reports whether c may appear in a keyword: no '-' there.
func isWordChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '$' || c == '.' || c == '_'
}

// Scan returns the next token: its position, kind and text. At the end of
// input it returns EOF; on an error it reports it and returns ILLEGAL with
// the offending text, then continues after it.
func (l *Lexer) Scan() (pos Pos, tok Token, lit string) {
	l.NewLine = false
	l.skipSpace()
	start := l.off
	pos = l.base + Pos(start)
	if l.off >= len(l.src) {
		return pos, EOF, ""
	}
	c := l.src[l.off]
	l.off++
	switch {
	case c == '"':
		tok = l.scanQuoted(start)
		if tok == STRING && l.peek() == ':' {
			l.off++
			tok = LABEL
		}
	case c == 'c' && l.peek() == '"':
		l.off++
		tok = l.scanQuoted(start)
		if tok == STRING {
			tok = CSTRING
		}
	case c == '%':
		tok = l.scanSigil(start, LOCAL)
	case c == '@':
		tok = l.scanSigil(start, GLOBAL)
	case c == '$':
		tok = l.scanSigil(start, COMDAT)
	case c == '!':
		tok = l.scanBang(start)
	case c == '#':
		tok = l.scanHash(start)
	case c == '^':
		if l.scanDigits() == 0 {
			l.error(start, "expected summary ID after '^'")
			tok = ILLEGAL
		} else {
			tok = SUMMARY
		}
	case isDigit(c) || c == '-' || c == '+':
		tok = l.scanNumber(start)
	case isLetter(c) || c == '_' || c == '.' && !l.hasPrefix(".."):
		tok = l.scanWord(start)
	default:
		tok = l.scanPunct(start, c)
	}
	return pos, tok, l.src[start:l.off]
}

func (l *Lexer) peek() byte {
	if l.off < len(l.src) {
		return l.src[l.off]
	}
	return 0
}

func (l *Lexer) hasPrefix(s string) bool {
	return len(l.src)-l.off >= len(s) && l.src[l.off:l.off+len(s)] == s
}

func (l *Lexer) skipSpace() {
	for l.off < len(l.src) {
		switch l.src[l.off] {
		case ' ', '\t', '\r':
			l.off++
		case '\n':
			l.NewLine = true
			l.off++
		case ';':
			for l.off < len(l.src) && l.src[l.off] != '\n' {
				l.off++
			}
		case '/':
			if !l.hasPrefix("/*") {
				return
			}
			start := l.off
			end := strings.Index(l.src[l.off+2:], "*/")
			if end < 0 {
				l.error(start, "comment not terminated")
				l.off = len(l.src)
				return
			}
			end += l.off + 2
			if strings.IndexByte(l.src[l.off:end], '\n') >= 0 {
				l.NewLine = true
			}
			l.off = end + 2
		default:
			return
		}
	}
}

// scanQuoted reads the rest of a string whose opening quote was consumed.
// LLVM strings have no escaped quote (a quote is written \22), so the
// string ends at the next '"'.
func (l *Lexer) scanQuoted(start int) Token {
	for l.off < len(l.src) {
		c := l.src[l.off]
		l.off++
		if c == '"' {
			return STRING
		}
	}
	l.error(start, "string not terminated")
	return ILLEGAL
}

// scanSigil reads an identifier after %, @ or $: a bare name, a number or a
// quoted string.
func (l *Lexer) scanSigil(start int, tok Token) Token {
	switch c := l.peek(); {
	case c == '"':
		l.off++
		if l.scanQuoted(start) == ILLEGAL {
			return ILLEGAL
		}
		if l.off-start == 3 {
			l.error(start, "empty quoted name")
			return ILLEGAL
		}
		return tok
	case isDigit(c):
		l.scanDigits()
		return tok
	case isNameChar(c) || c == '\\':
		l.scanName()
		return tok
	}
	l.error(start, "expected a name after %q", l.src[start])
	return ILLEGAL
}

func (l *Lexer) scanName() {
	for l.off < len(l.src) && (isNameChar(l.src[l.off]) || l.src[l.off] == '\\') {
		l.off++
	}
}

func (l *Lexer) scanDigits() int {
	n := 0
	for l.off < len(l.src) && isDigit(l.src[l.off]) {
		l.off++
		n++
	}
	return n
}

func (l *Lexer) scanBang(start int) Token {
	switch c := l.peek(); {
	case c == '"':
		l.off++
		if l.scanQuoted(start) == ILLEGAL {
			return ILLEGAL
		}
		return METASTRING
	case isDigit(c):
		l.scanDigits()
		return METAID
	case isLetter(c) || c == '-' || c == '$' || c == '.' || c == '_' || c == '\\':
		l.scanName()
		return METANAME
	}
	return BANG
}

func (l *Lexer) scanHash(start int) Token {
	if l.scanDigits() > 0 {
		return ATTRGROUP
	}
	if l.hasPrefix("dbg_") {
		for l.off < len(l.src) && isWordChar(l.src[l.off]) {
			l.off++
		}
		return DBGRECORD
	}
	l.error(start, "expected attribute group ID or debug record after '#'")
	return ILLEGAL
}

// scanNumber reads integers, decimal floats, hexadecimal floats (0x…,
// 0xK…, 0xL…, 0xM…, 0xH…, 0xR…) and numbered labels (12:).
func (l *Lexer) scanNumber(start int) Token {
	first := l.src[start]
	if first == '0' && (l.peek() == 'x') {
		l.off++
		if c := l.peek(); c == 'K' || c == 'L' || c == 'M' || c == 'H' || c == 'R' {
			l.off++
		}
		n := 0
		for l.off < len(l.src) && isHex(l.src[l.off]) {
			l.off++
			n++
		}
		if n == 0 {
			l.error(start, "expected hexadecimal digits after %s", shorten(l.src[start:l.off]))
			return ILLEGAL
		}
		return FLOAT
	}
	digits := 0
	if isDigit(first) {
		digits = 1
	}
	digits += l.scanDigits()
	if digits == 0 {
		if first == '-' && (isLetter(l.peek()) || l.peek() == '_' || l.peek() == '.' || l.peek() == '$') {
			return l.scanLabelOrIllegal(start)
		}
		l.error(start, "expected digits after %q", first)
		return ILLEGAL
	}
	if l.peek() == '.' {
		l.off++
		l.scanDigits()
		if c := l.peek(); c == 'e' || c == 'E' {
			save := l.off
			l.off++
			if c := l.peek(); c == '-' || c == '+' {
				l.off++
			}
			if l.scanDigits() == 0 {
				l.off = save
			}
		}
		return FLOAT
	}
	if first != '+' && l.off < len(l.src) && (isNameChar(l.src[l.off]) || l.src[l.off] == ':') {
		return l.scanLabelOrIllegal(start)
	}
	if first == '+' {
		l.error(start, "expected a decimal point in %s", shorten(l.src[start:l.off]))
		return ILLEGAL
	}
	return INT
}

// scanLabelOrIllegal finishes a token that can only be a label such as 12:
// or -tmp:.
func (l *Lexer) scanLabelOrIllegal(start int) Token {
	l.scanName()
	if l.peek() == ':' {
		l.off++
		return LABEL
	}
	l.error(start, "unexpected %s", shorten(l.src[start:l.off]))
	return ILLEGAL
}

// scanWord reads a keyword, type name, enum value or label. u0x…/s0x… are
// hexadecimal integers.
func (l *Lexer) scanWord(start int) Token {
	if c := l.src[start]; (c == 'u' || c == 's') && l.hasPrefix("0x") {
		l.off += 2
		n := 0
		for l.off < len(l.src) && isHex(l.src[l.off]) {
			l.off++
			n++
		}
		if n > 0 {
			return INT
		}
		l.off = start + 1
	}
	for l.off < len(l.src) && isWordChar(l.src[l.off]) {
		l.off++
	}
	end := l.off
	for l.off < len(l.src) && isNameChar(l.src[l.off]) {
		l.off++
	}
	if l.peek() == ':' {
		l.off++
		return LABEL
	}
	l.off = end
	return WORD
}

func (l *Lexer) scanPunct(start int, c byte) Token {
	switch c {
	case '=':
		return ASSIGN
	case ',':
		return COMMA
	case '*':
		return STAR
	case '(':
		return LPAREN
	case ')':
		return RPAREN
	case '[':
		return LBRACK
	case ']':
		return RBRACK
	case '{':
		return LBRACE
	case '}':
		return RBRACE
	case '<':
		return LESS
	case '>':
		return GREATER
	case '|':
		return BAR
	case ':':
		return COLON
	case '.':
		if l.hasPrefix("..") {
			l.off += 2
			return ELLIPSIS
		}
	}
	if c < 0x20 || c >= 0x7f {
		l.error(start, "invalid character %#02x", c)
	} else {
		l.error(start, "invalid character %q", c)
	}
	return ILLEGAL
}
