package verify

import "golang.org/x/sys/unix"

// RunningKernel is the version uname reports, or unknown if it cannot be read.
func RunningKernel() Kernel {
	var u unix.Utsname
	if err := unix.Uname(&u); err != nil {
		return Kernel{}
	}
	k, _ := parseRelease(unix.ByteSliceToString(u.Release[:]))
	return k
}
