//go:build !linux

package vm

// IsGuest is false: guests are Linux.
func IsGuest() bool { return false }

// Guest is never called off Linux.
func Guest() {}
