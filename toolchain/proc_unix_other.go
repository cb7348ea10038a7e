//go:build unix && !linux

package toolchain

import "syscall"

// dieWithParent does nothing where the system has no parent-death signal;
// a cancelled run still kills the child's whole process group.
func dieWithParent(*syscall.SysProcAttr) {}
