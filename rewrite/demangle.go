package rewrite

import "github.com/ianlancetaylor/demangle"

// Demangle returns the Rust (v0 or legacy) or C++ name behind a symbol,
// without hashes, or the symbol itself when it is not mangled.
func Demangle(symbol string) string {
	return demangle.Filter(symbol)
}
