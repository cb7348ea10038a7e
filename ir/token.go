package ir

// tokenKind is the kind of a lexical token of textual LLVM IR.
type tokenKind uint8

// The token kinds. Literal kinds lie between literalBeg and literalEnd;
// their text is the source slice, never a copy.
const (
	tokIllegal tokenKind = iota
	tokEOF

	literalBeg
	tokWord       // keyword, type or enum: define, i32, nuw, DW_TAG_member, DIFlagPrototyped
	tokLabel      // a label or field name with its colon: bb1:, "a b":, line:
	tokLocal      // %x, %"x y", %12
	tokGlobal     // @f, @"f", @0
	tokMetaName   // !foo, !llvm.module.flags, !DILocation (name after '!')
	tokMetaID     // !12
	tokAttrGroup  // #0
	tokComdat     // $name, $"name"
	tokSummary    // ^0 (module summary entries)
	tokDbgRecord  // #dbg_value, #dbg_declare, #dbg_assign, #dbg_label
	tokInt        // 42, -7, u0x1F, s0x1F
	tokFloat      // 1.5, -2.0e+10, 0x3FF0000000000000, 0xK4000…, 0xH3C00
	tokString     // "text"
	tokCString    // c"text\00"
	tokMetaString // !"text"
	literalEnd

	tokAssign   // =
	tokComma    // ,
	tokStar     // *
	tokLParen   // (
	tokRParen   // )
	tokLBrack   // [
	tokRBrack   // ]
	tokLBrace   // {
	tokRBrace   // }
	tokLess     // <
	tokGreater  // >
	tokBang     // ! (before { or another node)
	tokBar      // |
	tokColon    // :
	tokEllipsis // ...
)

var tokenNames = [...]string{
	tokIllegal:    "illegal token",
	tokEOF:        "end of file",
	tokWord:       "word",
	tokLabel:      "label",
	tokLocal:      "local identifier",
	tokGlobal:     "global identifier",
	tokMetaName:   "metadata name",
	tokMetaID:     "metadata reference",
	tokAttrGroup:  "attribute group reference",
	tokComdat:     "comdat name",
	tokSummary:    "summary entry",
	tokDbgRecord:  "debug record",
	tokInt:        "integer",
	tokFloat:      "float",
	tokString:     "string",
	tokCString:    "c-string",
	tokMetaString: "metadata string",
	tokAssign:     "'='",
	tokComma:      "','",
	tokStar:       "'*'",
	tokLParen:     "'('",
	tokRParen:     "')'",
	tokLBrack:     "'['",
	tokRBrack:     "']'",
	tokLBrace:     "'{'",
	tokRBrace:     "'}'",
	tokLess:       "'<'",
	tokGreater:    "'>'",
	tokBang:       "'!'",
	tokBar:        "'|'",
	tokColon:      "':'",
	tokEllipsis:   "'...'",
}

func (t tokenKind) String() string {
	if int(t) < len(tokenNames) && tokenNames[t] != "" {
		return tokenNames[t]
	}
	return "token(?)"
}

// isLiteral reports whether the token's text carries its meaning.
func (t tokenKind) isLiteral() bool { return literalBeg < t && t < literalEnd }
