// Package output writes the files a user asks for: atomically, so that a
// failed or interrupted run leaves the previous file as it was, and in
// place for devices and pipes, which a rename would replace.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes the file at path atomically: write fills a new file in
// the same directory, which then replaces path in one rename. Readers see
// the old file or the whole new one, never a part of it; on any error path
// is left as it was and the new file removed. A path that is a device or a
// pipe (/dev/null, /dev/stdout) is written to in place: renaming over it
// would replace the device itself, as root even /dev/null.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return fileError(path, errors.New("is a directory"))
		case !fi.Mode().IsRegular():
			return writeInPlace(path, write)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fileError(path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return writerError(path, f, err)
	}
	// CreateTemp's 0600 suits secrets, not build outputs.
	if err := f.Chmod(0o644); err != nil {
		return fileError(path, err)
	}
	if err := f.Sync(); err != nil {
		return fileError(path, err)
	}
	if err := f.Close(); err != nil {
		return fileError(path, err)
	}
	return fileError(path, os.Rename(f.Name(), path))
}

// writeInPlace writes to the device or pipe at path, which holds nothing to
// protect from a partial write.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fileError(path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return writerError(path, f, err)
	}
	return fileError(path, f.Close())
}

// writerError names path in a failure to write f, and leaves the caller's
// own errors as they are.
func writerError(path string, f *os.File, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == f.Name() {
		return fileError(path, err)
	}
	return err
}

// fileError names path, not the temporary file, in err: path is what the
// user asked for.
func fileError(path string, err error) error {
	if err == nil {
		return nil
	}
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("write %s: %w", path, err)
}
