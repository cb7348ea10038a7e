package ir

import (
	"fmt"
	"strings"
	"testing"
)

type tokLit struct {
	tok tokenKind
	lit string
}

func lexAll(src string) (toks []tokLit, errs []string) {
	var l lexer
	l.init(src, 1, func(pos Pos, msg string) { errs = append(errs, fmt.Sprintf("%d: %s", pos, msg)) })
	for {
		_, tok, lit := l.scan()
		if tok == tokEOF {
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
		{"%x %\"a b\" %12 %.tmp %-x", []tokLit{{tokLocal, "%x"}, {tokLocal, `%"a b"`}, {tokLocal, "%12"}, {tokLocal, "%.tmp"}, {tokLocal, "%-x"}}},
		{`@f @"\01foo" @0 @llvm.dbg.value`, []tokLit{{tokGlobal, "@f"}, {tokGlobal, `@"\01foo"`}, {tokGlobal, "@0"}, {tokGlobal, "@llvm.dbg.value"}}},
		{`!12 !llvm.module.flags !DILocation !"text" !{`, []tokLit{{tokMetaID, "!12"}, {tokMetaName, "!llvm.module.flags"}, {tokMetaName, "!DILocation"}, {tokMetaString, `!"text"`}, {tokBang, "!"}, {tokLBrace, "{"}}},
		{"#0 #12 #dbg_value #dbg_declare", []tokLit{{tokAttrGroup, "#0"}, {tokAttrGroup, "#12"}, {tokDbgRecord, "#dbg_value"}, {tokDbgRecord, "#dbg_declare"}}},
		{"$comdat $\"q\" ^3", []tokLit{{tokComdat, "$comdat"}, {tokComdat, `$"q"`}, {tokSummary, "^3"}}},
		{"42 -7 0 u0x1F s0xff", []tokLit{{tokInt, "42"}, {tokInt, "-7"}, {tokInt, "0"}, {tokInt, "u0x1F"}, {tokInt, "s0xff"}}},
		{"1.5 -2.0e+10 3.e-2 0x3FF0000000000000 0xK4000C000000000000000 0xH3C00 0xR3F80 0xL0 0xM0", []tokLit{
			{tokFloat, "1.5"}, {tokFloat, "-2.0e+10"}, {tokFloat, "3.e-2"}, {tokFloat, "0x3FF0000000000000"},
			{tokFloat, "0xK4000C000000000000000"}, {tokFloat, "0xH3C00"}, {tokFloat, "0xR3F80"}, {tokFloat, "0xL0"}, {tokFloat, "0xM0"}}},
		{`"str" c"GPL\00" "k"="v"`, []tokLit{{tokString, `"str"`}, {tokCString, `c"GPL\00"`}, {tokString, `"k"`}, {tokAssign, "="}, {tokString, `"v"`}}},
		{"bb1: 12: \"a b\": -tmp: line: argmem:", []tokLit{{tokLabel, "bb1:"}, {tokLabel, "12:"}, {tokLabel, `"a b":`}, {tokLabel, "-tmp:"}, {tokLabel, "line:"}, {tokLabel, "argmem:"}}},
		{"define i32 ptr nuw DW_TAG_member DIFlagPrototyped x86_fp80 x", []tokLit{{tokWord, "define"}, {tokWord, "i32"}, {tokWord, "ptr"}, {tokWord, "nuw"}, {tokWord, "DW_TAG_member"}, {tokWord, "DIFlagPrototyped"}, {tokWord, "x86_fp80"}, {tokWord, "x"}}},
		{"= , * ( ) [ ] { } < > | : ...", []tokLit{{tokAssign, "="}, {tokComma, ","}, {tokStar, "*"}, {tokLParen, "("}, {tokRParen, ")"}, {tokLBrack, "["}, {tokRBrack, "]"}, {tokLBrace, "{"}, {tokRBrace, "}"}, {tokLess, "<"}, {tokGreater, ">"}, {tokBar, "|"}, {tokColon, ":"}, {tokEllipsis, "..."}}},
		{"i8* <{ i32 }>", []tokLit{{tokWord, "i8"}, {tokStar, "*"}, {tokLess, "<"}, {tokLBrace, "{"}, {tokWord, "i32"}, {tokRBrace, "}"}, {tokGreater, ">"}}},
		{"; a comment\nret ; trailing\n/* block\ncomment */ void", []tokLit{{tokWord, "ret"}, {tokWord, "void"}}},
		{"\"multi\nline\"", []tokLit{{tokString, "\"multi\nline\""}}},
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
	var l lexer
	l.init("a b\n c ; x\n\n/* \n */ d", 1, nil)
	var got []string
	for {
		_, tok, lit := l.scan()
		if tok == tokEOF {
			break
		}
		got = append(got, fmt.Sprintf("%s:%v", lit, l.newLine))
	}
	if want := "a:false b:false c:true d:true"; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

func TestLexerPositions(t *testing.T) {
	var l lexer
	l.init("  define\n  ret", 10, nil)
	pos1, _, _ := l.scan()
	pos2, _, _ := l.scan()
	if pos1 != 12 || pos2 != 21 {
		t.Errorf("positions %d, %d; want 12, 21", pos1, pos2)
	}
}
