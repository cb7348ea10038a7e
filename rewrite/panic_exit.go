package rewrite

import "errors"

// PanicExit is a placeholder until the pass lands.
var PanicExit = &Pass{
	Name: "panic-exit",
	Doc:  "panic-exit (not yet implemented)",
	Run:  func(*Context) error { return errors.New("not implemented") },
}
