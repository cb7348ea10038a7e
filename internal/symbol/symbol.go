// Package symbol turns the mangled symbol names found in IR and in objects
// into the names people wrote, for the rewrite passes that match panic
// functions by name and for the messages of lint and verify.
package symbol

import "github.com/ianlancetaylor/demangle"

// maxLength bounds a demangled name at 2^16 bytes. Rust v0 back-references
// let a name of a hundred bytes expand exponentially (133 bytes to 129 MB
// unbounded, and a few more bytes exhaust memory), and symbol names come
// from whatever file the user hands us. Real Rust names are far shorter.
var maxLength = demangle.MaxLength(16)

// Demangle returns the Rust (v0 or legacy) or C++ name behind a symbol,
// without hashes, or the symbol itself when it is not mangled. A name that
// would expand past 64 KiB is cut there.
func Demangle(name string) string {
	return demangle.Filter(name, maxLength)
}
