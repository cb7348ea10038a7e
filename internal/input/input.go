// Package input reads the files a user names whole, with a bound: a device
// such as /dev/zero is refused before the first byte, and a stream longer
// than the bound stops at it, so a wrong argument cannot fill memory.
package input

import (
	"errors"
	"fmt"
	"io"
	"os"
)

var (
	// ErrNotFile is returned by Open for a device.
	ErrNotFile = errors.New("a device, not a file")
	// ErrTooLarge is returned by Copy for a stream longer than its limit.
	ErrTooLarge = errors.New("input too large")
)

// Open opens path for Copy and returns the size to expect, or 0 when the
// file is a pipe whose size is unknown. A device is refused: it may never
// end.
func Open(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if fi.Mode()&os.ModeDevice != 0 {
		f.Close()
		return nil, 0, fmt.Errorf("read %s: %w", path, ErrNotFile)
	}
	if !fi.Mode().IsRegular() {
		return f, 0, nil
	}
	return f, fi.Size(), nil
}

// Copy copies r to w and fails with ErrTooLarge, having read limit+1 bytes
// at most, when r holds more than limit.
func Copy(w io.Writer, r io.Reader, limit int64) error {
	n, err := io.Copy(w, io.LimitReader(r, limit+1))
	if err != nil {
		return err
	}
	if n > limit {
		return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return nil
}
