//go:build !linux

package testenv

import "testing"

// InNetns skips the test: network namespaces are Linux's.
func InNetns(t testing.TB, ns string, fn func()) {
	t.Helper()
	t.Skip("network namespaces need Linux")
}
