// Package cache keeps what oxbpf can reuse from one run to the next (the
// tools discovery found, the objects opt and llc made) in files named by
// the hash of a key. A key holds everything the result depends on, so a
// stale entry is never found: it is simply not asked for again. Entries
// are written atomically and never updated in place; a cache that cannot
// be read or written is no cache, never an error.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"github.com/oxbpf/oxbpf/internal/output"
)

// A Dir is a cache directory; the zero Dir caches nothing.
type Dir struct{ path string }

// Open returns the cache in dir, which need not exist yet; "" gives the
// zero Dir.
func Open(dir string) Dir { return Dir{dir} }

// UserDir is where oxbpf keeps what does not belong to one crate: the
// OXBPF_CACHE environment variable, else oxbpf under the user's cache
// directory ($XDG_CACHE_HOME, ~/.cache), else "" (no cache).
func UserDir() string {
	if d := os.Getenv("OXBPF_CACHE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "oxbpf")
	}
	return ""
}

// Enabled reports whether d caches anything: whether it is not the zero
// Dir.
func (d Dir) Enabled() bool { return d.path != "" }

// Path is the file of key's entry in d, "" for the zero Dir.
func (d Dir) Path(key []byte, ext string) string {
	if d.path == "" {
		return ""
	}
	sum := sha256.Sum256(key)
	return filepath.Join(d.path, hex.EncodeToString(sum[:16])+ext)
}

// Get reads key's entry into v, reporting whether there was one.
func (d Dir) Get(key []byte, v any) bool {
	path := d.Path(key, ".json")
	if path == "" {
		return false
	}
	b, err := os.ReadFile(path)
	return err == nil && json.Unmarshal(b, v) == nil
}

// Put writes v as key's entry.
func (d Dir) Put(key []byte, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	d.write(d.Path(key, ".json"), func(w io.Writer) error { _, err := w.Write(b); return err })
}

// GetFile copies key's entry with extension ext to the file dst,
// reporting whether there was one.
func (d Dir) GetFile(key []byte, ext, dst string) bool {
	path := d.Path(key, ext)
	return path != "" && output.WriteFile(dst, output.CopyOf(path)) == nil
}

// PutFile copies the file src in as key's entry with extension ext.
func (d Dir) PutFile(key []byte, ext, src string) {
	d.write(d.Path(key, ext), output.CopyOf(src))
}

func (d Dir) write(path string, write func(io.Writer) error) {
	if path == "" || os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	output.WriteFile(path, write)
}
