// Package input reads the files a user names whole, with a bound: a device
// such as /dev/zero is refused before the first byte, and a stream longer
// than the bound stops at it, so a wrong argument cannot fill memory.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

var (
	// ErrNotFile is returned by Check and Open for a device.
	ErrNotFile = errors.New("a device, not a file")
	// ErrTooLarge is returned by Read for a stream longer than its limit.
	ErrTooLarge = errors.New("input too large")
)

// Check reports, without opening it, whether Open would accept path: it
// must exist and not be a device.
func Check(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return notDevice(path, fi)
}

// notDevice refuses a device: it may never end.
func notDevice(path string, fi fs.FileInfo) error {
	if fi.Mode()&os.ModeDevice != 0 {
		return fmt.Errorf("read %s: %w", path, ErrNotFile)
	}
	return nil
}

// Open opens path for Read and returns the size to expect, or 0 when the
// file is a pipe whose size is unknown. A device is refused.
func Open(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = notDevice(path, fi)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !fi.Mode().IsRegular() {
		return f, 0, nil
	}
	return f, fi.Size(), nil
}

// Buffer is what Read fills: a bytes.Buffer or a strings.Builder.
type Buffer interface {
	io.Writer
	Grow(n int)
}

// Read copies r into b, growing b once for the size Open gave (0: unknown),
// and fails with ErrTooLarge, having read limit+1 bytes at most, when r
// holds more than limit.
func Read(b Buffer, r io.Reader, size, limit int64) error {
	if size > 0 && size <= limit {
		// bytes.Buffer.ReadFrom wants MinRead bytes free to see the end.
		b.Grow(int(size) + bytes.MinRead)
	}
	n, err := io.Copy(b, io.LimitReader(r, limit+1))
	if err != nil {
		return err
	}
	if n > limit {
		return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return nil
}

// ReadFile reads the file at path whole: Open, then Read with limit. Its
// errors name path.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, size, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var data bytes.Buffer
	if err := Read(&data, f, size, limit); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data.Bytes(), nil
}
