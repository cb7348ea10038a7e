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
	"strings"
)

// CopyOf is a write function for WriteFile that copies the file at src.
func CopyOf(src string) func(io.Writer) error {
	return func(w io.Writer) error {
		f, err := os.Open(src)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	}
}

// WriteFile writes the file at path atomically: write fills a new file in
// the same directory, which then replaces path in one rename. Readers see
// the old file or the whole new one, never a part of it; on any error path
// is left as it was and the new file removed.
//
// A symbolic link is followed: the file it names is replaced, not the link,
// and a dangling link gets its target created. A path that is a device, a
// pipe or a terminal, or that names an open file descriptor (/dev/stdout,
// /proc/self/fd/1, /dev/fd/N), is written to in place: renaming over it
// would replace the device or the link itself, as root even /dev/null or
// /dev/stdout.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	target, inPlace, err := resolve(path)
	if err != nil {
		return fileError(path, err)
	}
	if inPlace {
		return writeInPlace(path, write)
	}
	// A fixed-length name: the user's own may already be as long as a
	// file name can be.
	f, err := os.CreateTemp(filepath.Dir(target), ".oxbpf-*.tmp")
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
	return fileError(path, os.Rename(f.Name(), target))
}

// maxLinks bounds how many symbolic links resolve follows, as the kernel
// does (ELOOP after 40).
const maxLinks = 40

// resolve says where WriteFile writes for path: the file to replace, with
// every symbolic link followed, or in place at path itself.
func resolve(path string) (target string, inPlace bool, err error) {
	target = path
	for range maxLinks {
		fi, err := os.Lstat(target)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return target, false, nil // a new file, or the target of a dangling link
		case err != nil:
			return "", false, err
		case fi.IsDir():
			return "", false, errors.New("is a directory")
		case fi.Mode().IsRegular():
			return target, false, nil
		case fi.Mode()&fs.ModeSymlink == 0:
			return "", true, nil // a device, pipe, socket or terminal
		}
		if isDescriptorDir(filepath.Dir(target)) {
			// /proc/self/fd/1 links to "pipe:[123]" or to the file the
			// descriptor has open; either way the descriptor is what the
			// user named, and the file behind it may not be ours to replace.
			return "", true, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", false, errors.New("too many levels of symbolic links")
}

// isDescriptorDir reports whether dir lists a process's open files, whose
// entries are links to what each descriptor has open.
func isDescriptorDir(dir string) bool {
	if dir == "/dev/fd" {
		return true
	}
	rest, ok := strings.CutPrefix(dir, "/proc/")
	if !ok {
		return false
	}
	_, last, _ := strings.Cut(rest, "/")
	return last == "fd" || strings.HasSuffix(last, "/fd") // /proc/self/fd, /proc/1/task/1/fd
}

// writeInPlace writes to the device, pipe or descriptor at path, which
// holds nothing to protect from a partial write. A regular file behind a
// descriptor (stdout redirected to a file) is truncated first, as the
// shell's > does.
func writeInPlace(path string, write func(io.Writer) error) error {
	flags := os.O_WRONLY
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0)
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

// Same reports whether path names the file, device or pipe that other
// names (by device and inode, so through links and other spellings). A
// path that does not exist names nothing.
func Same(path, other string) bool {
	a, errA := os.Stat(path)
	b, errB := os.Stat(other)
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// IsFile reports whether w is an *os.File open on what path names: how a
// caller tells that an output path is its own standard output.
func IsFile(w io.Writer, path string) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	a, errA := f.Stat()
	b, errB := os.Stat(path)
	return errA == nil && errB == nil && os.SameFile(a, b)
}
