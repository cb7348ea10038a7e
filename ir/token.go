package ir

// Token is the kind of a lexical token of textual LLVM IR.
type Token uint8

// The token kinds. Literal kinds lie between literalBeg and literalEnd;
// their text is the source slice, never a copy.
const (
	ILLEGAL Token = iota
	EOF

	literalBeg
	WORD       // keyword, type or enum: define, i32, nuw, DW_TAG_member, DIFlagPrototyped
	LABEL      // a label or field name with its colon: bb1:, "a b":, line:
	LOCAL      // %x, %"x y", %12
	GLOBAL     // @f, @"f", @0
	METANAME   // !foo, !llvm.module.flags, !DILocation (name after '!')
	METAID     // !12
	ATTRGROUP  // #0
	COMDAT     // $name, $"name"
	SUMMARY    // ^0 (module summary entries)
	DBGRECORD  // #dbg_value, #dbg_declare, #dbg_assign, #dbg_label
	INT        // 42, -7, u0x1F, s0x1F
	FLOAT      // 1.5, -2.0e+10, 0x3FF0000000000000, 0xK4000…, 0xH3C00
	STRING     // "text"
	CSTRING    // c"text\00"
	METASTRING // !"text"
	literalEnd

	ASSIGN   // =
	COMMA    // ,
	STAR     // *
	LPAREN   // (
	RPAREN   // )
	LBRACK   // [
	RBRACK   // ]
	LBRACE   // {
	RBRACE   // }
	LESS     // <
	GREATER  // >
	BANG     // ! (before { or another node)
	BAR      // |
	COLON    // :
	ELLIPSIS // ...
)

var tokenNames = [...]string{
	ILLEGAL:    "illegal token",
	EOF:        "end of file",
	WORD:       "word",
	LABEL:      "label",
	LOCAL:      "local identifier",
	GLOBAL:     "global identifier",
	METANAME:   "metadata name",
	METAID:     "metadata reference",
	ATTRGROUP:  "attribute group reference",
	COMDAT:     "comdat name",
	SUMMARY:    "summary entry",
	DBGRECORD:  "debug record",
	INT:        "integer",
	FLOAT:      "float",
	STRING:     "string",
	CSTRING:    "c-string",
	METASTRING: "metadata string",
	ASSIGN:     "'='",
	COMMA:      "','",
	STAR:       "'*'",
	LPAREN:     "'('",
	RPAREN:     "')'",
	LBRACK:     "'['",
	RBRACK:     "']'",
	LBRACE:     "'{'",
	RBRACE:     "'}'",
	LESS:       "'<'",
	GREATER:    "'>'",
	BANG:       "'!'",
	BAR:        "'|'",
	COLON:      "':'",
	ELLIPSIS:   "'...'",
}

func (t Token) String() string {
	if int(t) < len(tokenNames) && tokenNames[t] != "" {
		return tokenNames[t]
	}
	return "token(?)"
}

// IsLiteral reports whether the token's text carries its meaning.
func (t Token) IsLiteral() bool { return literalBeg < t && t < literalEnd }
