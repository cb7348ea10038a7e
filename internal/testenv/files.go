package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// WriteFile writes content to path with the given mode, making the
// directories it needs, and returns path; it fails the test on any error.
func WriteFile(t testing.TB, path, content string, mode os.FileMode) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode is cut by the umask; scripts must be executable.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

// WriteScript writes an executable shell script with body to path, as
// WriteFile does: a fake tool for a test to run.
func WriteScript(t testing.TB, path, body string) string {
	t.Helper()
	return WriteFile(t, path, "#!/bin/sh\n"+body, 0o755)
}

// CopyFile copies src to dst with the given mode and returns dst.
func CopyFile(t testing.TB, src, dst string, mode os.FileMode) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	return WriteFile(t, dst, string(data), mode)
}
