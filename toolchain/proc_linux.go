package toolchain

import "syscall"

// dieWithParent has the kernel send the child SIGKILL when oxbpf's thread
// that started it ends. Go keeps that thread as long as the process runs,
// unless a goroutine locked to it exits, which oxbpf never does.
func dieWithParent(attr *syscall.SysProcAttr) { attr.Pdeathsig = syscall.SIGKILL }
