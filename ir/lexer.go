package ir

import (
	"fmt"
	"strings"
)

// An errorHandler receives each lexical error with its position.
type errorHandler func(pos Pos, msg string)

// lexer splits LLVM IR text into tokens. Its zero value is not usable; call
// init. A lexer never allocates: token text is a slice of the source.
type lexer struct {
	// immutable state
	src  string
	base Pos
	err  errorHandler

	// scanning state
	off int // offset of the next unread byte

	// state the parser reads
	newLine    bool // a newline preceded the last token returned by scan
	errorCount int
}

// init prepares l to tokenize src, whose first byte has position base.
// err may be nil. init resets every field, so a lexer can be reused.
func (l *lexer) init(src string, base Pos, err errorHandler) {
	*l = lexer{src: src, base: base, err: err}
}

func (l *lexer) error(off int, format string, args ...any) {
	l.errorCount++
	if l.err != nil {
		l.err(l.base+Pos(off), fmt.Sprintf(format, args...))
	}
}

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

// scan returns the next token: its position, kind and text. At the end of
// input it returns tokEOF; on an error it reports it and returns tokIllegal with
// the offending text, then continues after it.
func (l *lexer) scan() (pos Pos, tok tokenKind, lit string) {
	l.newLine = false
	l.skipSpace()
	start := l.off
	pos = l.base + Pos(start)
	if l.off >= len(l.src) {
		return pos, tokEOF, ""
	}
	c := l.src[l.off]
	l.off++
	switch {
	case c == '"':
		tok = l.scanQuoted(start)
		if tok == tokString && l.peek() == ':' {
			l.off++
			tok = tokLabel
		}
	case c == 'c' && l.peek() == '"':
		l.off++
		tok = l.scanQuoted(start)
		if tok == tokString {
			tok = tokCString
		}
	case c == '%':
		tok = l.scanSigil(start, tokLocal)
	case c == '@':
		tok = l.scanSigil(start, tokGlobal)
	case c == '$':
		tok = l.scanSigil(start, tokComdat)
	case c == '!':
		tok = l.scanBang(start)
	case c == '#':
		tok = l.scanHash(start)
	case c == '^':
		if l.scanDigits() == 0 {
			l.error(start, "expected summary ID after '^'")
			tok = tokIllegal
		} else {
			tok = tokSummary
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

func (l *lexer) peek() byte {
	if l.off < len(l.src) {
		return l.src[l.off]
	}
	return 0
}

func (l *lexer) hasPrefix(s string) bool {
	return len(l.src)-l.off >= len(s) && l.src[l.off:l.off+len(s)] == s
}

func (l *lexer) skipSpace() {
	for l.off < len(l.src) {
		switch l.src[l.off] {
		case ' ', '\t', '\r':
			l.off++
		case '\n':
			l.newLine = true
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
				l.newLine = true
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
func (l *lexer) scanQuoted(start int) tokenKind {
	for l.off < len(l.src) {
		c := l.src[l.off]
		l.off++
		if c == '"' {
			return tokString
		}
	}
	l.error(start, "string not terminated")
	return tokIllegal
}

// scanSigil reads an identifier after %, @ or $: a bare name, a number or a
// quoted string.
func (l *lexer) scanSigil(start int, tok tokenKind) tokenKind {
	switch c := l.peek(); {
	case c == '"':
		l.off++
		if l.scanQuoted(start) == tokIllegal {
			return tokIllegal
		}
		if l.off-start == 3 {
			l.error(start, "empty quoted name")
			return tokIllegal
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
	return tokIllegal
}

func (l *lexer) scanName() {
	for l.off < len(l.src) && (isNameChar(l.src[l.off]) || l.src[l.off] == '\\') {
		l.off++
	}
}

func (l *lexer) scanDigits() int {
	n := 0
	for l.off < len(l.src) && isDigit(l.src[l.off]) {
		l.off++
		n++
	}
	return n
}

func (l *lexer) scanBang(start int) tokenKind {
	switch c := l.peek(); {
	case c == '"':
		l.off++
		if l.scanQuoted(start) == tokIllegal {
			return tokIllegal
		}
		return tokMetaString
	case isDigit(c):
		l.scanDigits()
		return tokMetaID
	case isLetter(c) || c == '-' || c == '$' || c == '.' || c == '_' || c == '\\':
		l.scanName()
		return tokMetaName
	}
	return tokBang
}

func (l *lexer) scanHash(start int) tokenKind {
	if l.scanDigits() > 0 {
		return tokAttrGroup
	}
	if l.hasPrefix("dbg_") {
		for l.off < len(l.src) && isWordChar(l.src[l.off]) {
			l.off++
		}
		return tokDbgRecord
	}
	l.error(start, "expected attribute group ID or debug record after '#'")
	return tokIllegal
}

// scanNumber reads integers, decimal floats, hexadecimal floats (0x…,
// 0xK…, 0xL…, 0xM…, 0xH…, 0xR…) and numbered labels (12:).
func (l *lexer) scanNumber(start int) tokenKind {
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
			return tokIllegal
		}
		return tokFloat
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
		return tokIllegal
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
		return tokFloat
	}
	if first != '+' && l.off < len(l.src) && (isNameChar(l.src[l.off]) || l.src[l.off] == ':') {
		return l.scanLabelOrIllegal(start)
	}
	if first == '+' {
		l.error(start, "expected a decimal point in %s", shorten(l.src[start:l.off]))
		return tokIllegal
	}
	return tokInt
}

// scanLabelOrIllegal finishes a token that can only be a label such as 12:
// or -tmp:.
func (l *lexer) scanLabelOrIllegal(start int) tokenKind {
	l.scanName()
	if l.peek() == ':' {
		l.off++
		return tokLabel
	}
	l.error(start, "unexpected %s", shorten(l.src[start:l.off]))
	return tokIllegal
}

// scanWord reads a keyword, type name, enum value or label. u0x…/s0x… are
// hexadecimal integers.
func (l *lexer) scanWord(start int) tokenKind {
	if c := l.src[start]; (c == 'u' || c == 's') && l.hasPrefix("0x") {
		l.off += 2
		n := 0
		for l.off < len(l.src) && isHex(l.src[l.off]) {
			l.off++
			n++
		}
		if n > 0 {
			return tokInt
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
		return tokLabel
	}
	l.off = end
	return tokWord
}

func (l *lexer) scanPunct(start int, c byte) tokenKind {
	switch c {
	case '=':
		return tokAssign
	case ',':
		return tokComma
	case '*':
		return tokStar
	case '(':
		return tokLParen
	case ')':
		return tokRParen
	case '[':
		return tokLBrack
	case ']':
		return tokRBrack
	case '{':
		return tokLBrace
	case '}':
		return tokRBrace
	case '<':
		return tokLess
	case '>':
		return tokGreater
	case '|':
		return tokBar
	case ':':
		return tokColon
	case '.':
		if l.hasPrefix("..") {
			l.off += 2
			return tokEllipsis
		}
	}
	if c < 0x20 || c >= 0x7f {
		l.error(start, "invalid character %#02x", c)
	} else {
		l.error(start, "invalid character %q", c)
	}
	return tokIllegal
}
