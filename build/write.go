package build

import (
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes the file at path atomically: write fills a new file in
// the same directory, which then replaces path in one rename. Readers see
// the old file or the whole new one, never a part of it; on any error path
// is left as it was and the new file removed.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	// CreateTemp's 0600 suits secrets, not build outputs.
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
