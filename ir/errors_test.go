package ir

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "t.ll: not textual LLVM IR: the file is empty"},
		{"blank", "  \n\n", "t.ll: not textual LLVM IR: the file is empty"},
		{"byte-order mark", "\uFEFFtarget triple = \"bpfel\"\n", "t.ll:1:1: the file starts with a UTF-8 byte-order mark, which LLVM's parsers refuse; save it without one"},
		{"bitcode", "BC\xc0\xde\x35\x14", "t.ll: not textual LLVM IR: this is LLVM bitcode, not text; emit text IR with rustc --emit=llvm-ir (or convert it with llvm-dis)"},
		{"bitcode wrapper", "\xde\xc0\x17\x0b\x00\x00", "t.ll: not textual LLVM IR: this is LLVM bitcode, not text; emit text IR with rustc --emit=llvm-ir (or convert it with llvm-dis)"},
		{"object file", "\x7fELF\x02\x01\x01", "t.ll: not textual LLVM IR: this is an ELF object file, not LLVM IR; give the .ll that rustc --emit=llvm-ir wrote"},
		{"binary", "\x01\x02\x00garbage\xff", "t.ll: not textual LLVM IR: this is binary data (it holds NUL bytes), not LLVM IR text"},
		{"NUL after the first 4 KB", strings.Repeat("; filler\n", 500) + "; comment with \x00 in it\n", `t.ll:501:16: NUL byte: textual LLVM IR never holds one (write it as \00 in a c"..." string)`},
		{"NUL in a string", "@s = constant [1 x i8] c\"\x00\"\n", "t.ll: not textual LLVM IR: this is binary data (it holds NUL bytes), not LLVM IR text"},
		{"invalid byte", "@g = global i32 \xff\n", "t.ll:1:17: invalid character 0xff"},
		{"unterminated c-string", "@s = constant [2 x i8] c\"ab", "t.ll:1:24: string not terminated"},
		{"unterminated name", "@\"abc = global i32 0\n", "t.ll:1:1: string not terminated"},
		{"unterminated comment", "/* x\n@g = global i32 0\n", "t.ll:1:1: comment not terminated"},
		{"missing brace", "define void @f() {\n  ret void\n", "t.ll:3:1: expected '}' to end the function, found end of file"},
		{"unbalanced paren", "define void @f() #0 {\n  ret void\n}\nattributes #0 = { foo(1 }\n", "t.ll:4:25: expected ')' to match the '(', found '}'"},
		{"unbalanced bracket", "@g = global [2 x i32] [i32 1, i32 2\n", "t.ll:2:1: expected ']', found end of file"},
		{"deep nesting", "@g = global " + strings.Repeat("{", 10000) + "\n", "t.ll:1:513: nesting deeper than 500 levels"},
		{"a million stars", "@g = global i8" + strings.Repeat("*", 1_000_000) + " null\n", "t.ll:1:516: nesting deeper than 500 levels"},
		{"unknown instruction", "define void @f() {\n  frobnicate i32 1\n  ret void\n}\n", `t.ll:2:3: unknown instruction "frobnicate"`},
		{"unknown top level", "frob @x\n", `t.ll:1:1: expected top-level entity, found "frob"`},
		{"two on a line", "@g = global i32 1 2\n", `t.ll:1:19: expected newline, found "2"`},
		{"unquoted triple", "target triple = x86\n", `t.ll:1:17: expected string, found "x86"`},
		{"trailing comma", "%T = type { i32, }\n", "t.ll:1:18: expected another element after ',', found '}'"},
		{"extra operand", "define i32 @f() {\n  ret i32 %x %y\n}\n", `t.ll:2:14: expected end of instruction, found "%y"`},
		{"record and instruction on one line", "define void @f() {\n  #dbg_label(!1, !2) ret void\n}\n", `t.ll:2:22: expected end of instruction, found "ret"`},
		{"missing operand", "define i32 @f() {\n  %a = add i32 %x,\n  ret i32 %a\n}\n", `t.ll:3:3: expected value, found newline (then "ret")`},
		{"open metadata", "!0 = !{!1\n", "t.ll:2:1: expected '}', found end of file"},
		{"splat without value", "@v = global <2 x i8> splat (i8)\n", `t.ll:1:31: expected value, found ')'`},
		{"inrange without range", "@p = global ptr getelementptr inrange nusw (i8, ptr @g, i64 2)\n", `t.ll:1:39: expected ( after inrange, found "nusw"`},
		{"long line", "@g = global i32 " + strings.Repeat("x", 1<<20) + "\n", `t.ll:1:17: expected value, found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.ll", tt.src)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines")
			}
		})
	}
}

func TestNotTextIsDistinguishable(t *testing.T) {
	_, err := Parse("x.bc", "BC\xc0\xde")
	if !errors.Is(err, ErrNotText) {
		t.Errorf("bitcode error %v does not wrap ErrNotText", err)
	}
	_, err = Parse("x.ll", "frob\n")
	if errors.Is(err, ErrNotText) {
		t.Errorf("syntax error %v wraps ErrNotText", err)
	}
}

// TestErrorsCollected checks that one bad instruction costs one error, the
// rest of the module still parses, and the list stops at ten.
func TestErrorsCollected(t *testing.T) {
	src := "define void @f() {\n  bad1\n  ret void\n}\ndefine void @g() {\n  bad2\n  ret void\n}\n@ok = global i32 0\n"
	m, err := Parse("t.ll", src)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("errors %v, want two", err)
	}
	if len(m.Funcs) != 2 || len(m.Globals) != 1 || len(m.Funcs[0].Body.Blocks[0].Instrs) != 1 {
		t.Errorf("partial module: %d funcs, %d globals", len(m.Funcs), len(m.Globals))
	}
	many := strings.Repeat("@g = junk\n", 50)
	_, err = Parse("t.ll", many)
	if !errors.As(err, &list) || len(list) != maxErrors {
		t.Errorf("got %d errors, want %d", len(list), maxErrors)
	}
	if !strings.HasSuffix(err.Error(), "(and 9 more errors)") {
		t.Errorf("error %q does not count the rest", err)
	}
}

// TestTruncated cuts a real module at 100 places: each cut either parses
// and prints back exactly, or gives a positioned error; never a panic.
func TestTruncated(t *testing.T) {
	src, err := os.ReadFile("../fixtures/ir/rustc-1.95/structs.O3-lto-g.ll")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 100; i++ {
		cut := string(src[:len(src)*i/101])
		m, err := Parse("cut.ll", cut)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "cut.ll:") {
				t.Errorf("cut %d: error without position: %v", i, err)
			}
			continue
		}
		if string(m.Bytes()) != cut {
			t.Errorf("cut %d parsed but does not round-trip", i)
		}
	}
}
