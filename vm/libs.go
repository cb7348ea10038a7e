package vm

import (
	"debug/elf"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// libDirs are where the dynamic linker looks for libraries on the hosts
// oxbpf runs on (Debian's multiarch directories first).
var libDirs = []string{"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"}

// initFiles are the files the guest needs to run binary as /init: the
// binary and, if it is dynamically linked (a Go binary built with cgo),
// its interpreter and every library it needs, at the paths they have
// here. Only a Linux x86-64 executable can be the guest's init.
func initFiles(binary string) ([]file, error) {
	f, err := elf.Open(binary)
	if err != nil {
		return nil, fmt.Errorf("the VM's init %s: %w", binary, err)
	}
	defer f.Close()
	if f.Machine != elf.EM_X86_64 || f.OSABI != elf.ELFOSABI_NONE && f.OSABI != elf.ELFOSABI_LINUX {
		return nil, fmt.Errorf("the VM's init %s is no Linux x86-64 executable (%v): give a Linux build of oxbpf", binary, f.Machine)
	}
	files := []file{{name: "init", source: binary, mode: 0o755}}
	interp := interpreter(f)
	if interp == "" {
		return files, nil // static
	}
	files = append(files, file{name: interp, source: interp, mode: 0o755})
	seen := map[string]bool{interp: true}
	need := []string{binary}
	for len(need) > 0 {
		obj := need[0]
		need = need[1:]
		libs, err := neededLibraries(obj)
		if err != nil {
			return nil, err
		}
		for _, lib := range libs {
			path, err := findLibrary(lib)
			if err != nil {
				return nil, fmt.Errorf("the VM's init %s needs %s: %w", binary, lib, err)
			}
			if seen[path] {
				continue
			}
			seen[path] = true
			files = append(files, file{name: path, source: path, mode: 0o755})
			need = append(need, path)
		}
	}
	return files, nil
}

// interpreter returns the program interpreter (PT_INTERP) of f, or "" for
// a static executable.
func interpreter(f *elf.File) string {
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			b := make([]byte, p.Filesz)
			if _, err := p.ReadAt(b, 0); err != nil {
				return ""
			}
			if n := len(b); n > 0 && b[n-1] == 0 {
				b = b[:n-1]
			}
			return string(b)
		}
	}
	return ""
}

func neededLibraries(path string) ([]string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if errors.Is(err, elf.ErrNoSymbols) {
		return nil, nil
	}
	return libs, err
}

func findLibrary(name string) (string, error) {
	if filepath.IsAbs(name) {
		return name, nil
	}
	for _, dir := range libDirs {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("not in %v", libDirs)
}
