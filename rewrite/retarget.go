package rewrite

import "errors"

// Retarget is a placeholder until the pass lands.
var Retarget = &Pass{
	Name: "retarget",
	Doc:  "retarget (not yet implemented)",
	Run:  func(*Context) error { return errors.New("not implemented") },
}
