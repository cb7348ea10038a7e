package vm

import (
	"io"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/cavaliergopher/cpio"
)

// A file of the initramfs: its path there, and where its bytes come from
// (a host file) or the bytes themselves.
type file struct {
	name   string
	source string
	data   []byte
	mode   cpio.FileMode
}

// writeInitramfs writes files as a newc cpio archive, which the kernel
// unpacks into its first root file system, with every directory they are
// in and the mount points the guest needs. Names are paths in the guest,
// relative to its root or absolute ("init", "/lib/x86_64-linux-gnu/libc.so.6"). /dev/console, which init's standard
// streams are, comes from the kernel's built-in initramfs, unpacked first.
func writeInitramfs(w io.Writer, files []file) error {
	dirs := map[string]bool{"dev": true, "proc": true, "sys": true, "tmp": true}
	for i := range files {
		files[i].name = strings.TrimPrefix(path.Clean(files[i].name), "/")
		for d := path.Dir(files[i].name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names) // a directory before what is in it
	cw := cpio.NewWriter(w)
	for _, d := range names {
		if err := cw.WriteHeader(&cpio.Header{Name: d, Mode: cpio.TypeDir | 0o755}); err != nil {
			return err
		}
	}
	for _, f := range files {
		data := f.data
		if f.source != "" {
			var err error
			if data, err = os.ReadFile(f.source); err != nil {
				return err
			}
		}
		mode := f.mode
		if mode == 0 {
			mode = 0o644
		}
		if err := cw.WriteHeader(&cpio.Header{Name: f.name, Mode: cpio.TypeReg | mode, Size: int64(len(data))}); err != nil {
			return err
		}
		if _, err := cw.Write(data); err != nil {
			return err
		}
	}
	return cw.Close()
}
