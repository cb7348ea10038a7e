//go:build !unix

package toolchain

// lockFile does not lock off unix: there two oxbpf builds of one bin at
// the same time may read each other's IR.
func lockFile(path string, waiting func()) (unlock func(), err error) { return func() {}, nil }
