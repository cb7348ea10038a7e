//go:build unix

package toolchain

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// killProcessGroupOnCancel puts the child in a process group of its own and
// makes cancellation kill that whole group: cargo's rustc and anything a tool
// forks die with it instead of lingering after Ctrl-C or a timeout. Being in
// its own group also keeps the terminal's SIGINT from reaching the child
// directly, so oxbpf alone decides when it stops.
//
// Where the system offers it (Linux), the child also dies with oxbpf: a
// SIGKILL of oxbpf, which no handler sees, must not leave opt running
// for minutes.
func killProcessGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	dieWithParent(cmd.SysProcAttr)
	cmd.Cancel = func() error {
		err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		if errors.Is(err, syscall.ESRCH) {
			return os.ErrProcessDone
		}
		return err
	}
}
