//go:build !unix

package toolchain

import "os/exec"

// killProcessGroupOnCancel keeps exec's default, which kills only the child:
// Windows has no process groups to signal, and grandchildren there would need
// a job object. WaitDelay still keeps Run from hanging on their pipes.
func killProcessGroupOnCancel(cmd *exec.Cmd) {}
