package rewrite

import "errors"

// Lint is a placeholder until the pass lands.
var Lint = &Pass{
	Name: "lint",
	Doc:  "lint (not yet implemented)",
	Run:  func(*Context) error { return errors.New("not implemented") },
}
