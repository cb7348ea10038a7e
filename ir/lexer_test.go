package ir

import (
	"fmt"
	"strings"
	"testing"
)

type tokLit struct {
	tok Token
	lit string
}

func lexAll(src string) (toks []tokLit, errs []string) {
	var l Lexer
	l.Init(src, 1, func(pos Pos, msg string) { errs = append(errs, fmt.Sprintf("%d: %s", pos, msg)) })
	for {
		_, tok, lit := l.Scan()
		if tok == EOF {
			return toks, errs
		}
		toks = append(toks, tokLit{tok, lit})
	}
}

func TestLexerTokens(t *testing.T) {
	tests := []struct {
		src  string
		want []tokLit
	}{
		{"%x %\"a b\" %12 %.tmp %-x", []tokLit{{LOCAL, "%x"}, {LOCAL, `%"a b"`}, {LOCAL, "%12"}, {LOCAL, "%.tmp"}, {LOCAL, "%-x"}}},
		{`@f @"\01foo" @0 @llvm.dbg.value`, []tokLit{{GLOBAL, "@f"}, {GLOBAL, `@"\01foo"`}, {GLOBAL, "@0"}, {GLOBAL, "@llvm.dbg.value"}}},
		{`!12 !llvm.module.flags !DILocation !"text" !{`, []tokLit{{METAID, "!12"}, {METANAME, "!llvm.module.flags"}, {METANAME, "!DILocation"}, {METASTRING, `!"text"`}, {BANG, "!"}, {LBRACE, "{"}}},
		{"#0 #12 #dbg_value #dbg_declare", []tokLit{{ATTRGROUP, "#0"}, {ATTRGROUP, "#12"}, {DBGRECORD, "#dbg_value"}, {DBGRECORD, "#dbg_declare"}}},
		{"$comdat $\"q\" ^3", []tokLit{{COMDAT, "$comdat"}, {COMDAT, `$"q"`}, {SUMMARY, "^3"}}},
		{"42 -7 0 u0x1F s0xff", []tokLit{{INT, "42"}, {INT, "-7"}, {INT, "0"}, {INT, "u0x1F"}, {INT, "s0xff"}}},
		{"1.5 -2.0e+10 3.e-2 0x3FF0000000000000 0xK4000C000000000000000 0xH3C00 0xR3F80 0xL0 0xM0", []tokLit{
			{FLOAT, "1.5"}, {FLOAT, "-2.0e+10"}, {FLOAT, "3.e-2"}, {FLOAT, "0x3FF0000000000000"},
			{FLOAT, "0xK4000C000000000000000"}, {FLOAT, "0xH3C00"}, {FLOAT, "0xR3F80"}, {FLOAT, "0xL0"}, {FLOAT, "0xM0"}}},
		{`"str" c"GPL\00" "k"="v"`, []tokLit{{STRING, `"str"`}, {CSTRING, `c"GPL\00"`}, {STRING, `"k"`}, {ASSIGN, "="}, {STRING, `"v"`}}},
		{"bb1: 12: \"a b\": -tmp: line: argmem:", []tokLit{{LABEL, "bb1:"}, {LABEL, "12:"}, {LABEL, `"a b":`}, {LABEL, "-tmp:"}, {LABEL, "line:"}, {LABEL, "argmem:"}}},
		{"define i32 ptr nuw DW_TAG_member DIFlagPrototyped x86_fp80 x", []tokLit{{WORD, "define"}, {WORD, "i32"}, {WORD, "ptr"}, {WORD, "nuw"}, {WORD, "DW_TAG_member"}, {WORD, "DIFlagPrototyped"}, {WORD, "x86_fp80"}, {WORD, "x"}}},
		{"= , * ( ) [ ] { } < > | : ...", []tokLit{{ASSIGN, "="}, {COMMA, ","}, {STAR, "*"}, {LPAREN, "("}, {RPAREN, ")"}, {LBRACK, "["}, {RBRACK, "]"}, {LBRACE, "{"}, {RBRACE, "}"}, {LESS, "<"}, {GREATER, ">"}, {BAR, "|"}, {COLON, ":"}, {ELLIPSIS, "..."}}},
		{"i8* <{ i32 }>", []tokLit{{WORD, "i8"}, {STAR, "*"}, {LESS, "<"}, {LBRACE, "{"}, {WORD, "i32"}, {RBRACE, "}"}, {GREATER, ">"}}},
		{"; a comment\nret ; trailing\n/* block\ncomment */ void", []tokLit{{WORD, "ret"}, {WORD, "void"}}},
		{"\"multi\nline\"", []tokLit{{STRING, "\"multi\nline\""}}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, errs := lexAll(tt.src)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestLexerErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{`"open`, "1: string not terminated"},
		{`c"open`, "1: string not terminated"},
		{`%"open`, "1: string not terminated"},
		{"/* open", "1: comment not terminated"},
		{"%", "1: expected a name after '%'"},
		{`%""`, "1: empty quoted name"},
		{"#x", "1: expected attribute group ID or debug record after '#'"},
		{"^x", "1: expected summary ID after '^'"},
		{"0x", `1: expected hexadecimal digits after "0x"`},
		{"+1", `1: expected a decimal point in "+1"`},
		{"\x00", "1: invalid character 0x00"},
		{"\xff", "1: invalid character 0xff"},
		{"`", "1: invalid character '`'"},
		{"12abc", `1: unexpected "12abc"`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			_, errs := lexAll(tt.src)
			if len(errs) == 0 || errs[0] != tt.want {
				t.Errorf("errors %q, want first %q", errs, tt.want)
			}
		})
	}
}

func TestLexerNewLine(t *testing.T) {
	var l Lexer
	l.Init("a b\n c ; x\n\n/* \n */ d", 1, nil)
	var got []string
	for {
		_, tok, lit := l.Scan()
		if tok == EOF {
			break
		}
		got = append(got, fmt.Sprintf("%s:%v", lit, l.NewLine))
	}
	if want := "a:false b:false c:true d:true"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

func TestLexerPositions(t *testing.T) {
	var l Lexer
	l.Init("  define\n  ret", 10, nil)
	pos1, _, _ := l.Scan()
	pos2, _, _ := l.Scan()
	if pos1 != 12 || pos2 != 21 {
		t.Errorf("positions %d, %d; want 12, 21", pos1, pos2)
	}
}
