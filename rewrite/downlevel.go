package rewrite

import "errors"

// Downlevel is a placeholder until the pass lands.
var Downlevel = &Pass{
	Name: "downlevel",
	Doc:  "downlevel (not yet implemented)",
	Run:  func(*Context) error { return errors.New("not implemented") },
}
