package rewrite

import "errors"

// InlineAll is a placeholder until the pass lands.
var InlineAll = &Pass{
	Name: "inline-all",
	Doc:  "inline-all (not yet implemented)",
	Run:  func(*Context) error { return errors.New("not implemented") },
}
