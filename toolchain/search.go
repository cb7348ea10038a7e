package toolchain

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/ir"
)

// explicitTools returns the opt and llc the user named, flag before
// environment, a single path before a directory.
func (s system) explicitTools(opts DiscoverOptions) []Tool {
	var tools []Tool
	for _, name := range []string{"opt", "llc"} {
		flag, env := opts.Opt, "OXBPF_OPT"
		if name == "llc" {
			flag, env = opts.Llc, "OXBPF_LLC"
		}
		choices := []struct {
			path   string
			source Source
			origin string
		}{
			{flag, SourceFlag, "--" + name},
			{dirJoin(opts.LLVMBin, s.exe(name)), SourceFlag, "--llvm-bin"},
			{s.getenv(env), SourceEnv, "$" + env},
			{dirJoin(s.getenv("OXBPF_LLVM_BIN"), s.exe(name)), SourceEnv, "$OXBPF_LLVM_BIN"},
		}
		for _, c := range choices {
			if c.path != "" {
				tools = append(tools, Tool{Name: name, Path: s.resolve(c.path), Source: c.source, Origin: c.origin})
				break
			}
		}
	}
	return tools
}

// resolve makes a user-given path absolute, so that running it in another
// directory finds the same file; a bare name such as "opt-19" is looked up
// in PATH.
func (s system) resolve(path string) string {
	if !strings.ContainsAny(path, `/\`) {
		if found, err := s.lookPath(path); err == nil {
			return found
		}
		return path
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

func dirJoin(dir, name string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, name)
}

// searchTools lists the opt and llc candidates that exist, in search order.
func (s system) searchTools(ctx context.Context, rustc *Rustc) []Tool {
	var tools []Tool
	addDir := func(dir string, source Source, origin string) {
		for _, name := range []string{"opt", "llc"} {
			path := filepath.Join(dir, s.exe(name))
			if isFile(path) {
				tools = append(tools, Tool{Name: name, Path: path, Source: source, Origin: origin})
			}
		}
	}
	if rustc != nil && rustc.Sysroot != "" && rustc.Host != "" {
		addDir(filepath.Join(rustc.Sysroot, "lib", "rustlib", rustc.Host, "bin"), SourceRustup, "rustup llvm-tools")
	}
	for n := newestSearchedMajor; n >= ir.OldestLLVM; n-- {
		suffix := "-" + strconv.Itoa(n)
		for _, name := range []string{"opt", "llc"} {
			if path, err := s.lookPath(s.exe(name + suffix)); err == nil {
				tools = append(tools, Tool{Name: name, Path: path, Source: SourceVersioned, Origin: "PATH"})
			}
		}
		if config, err := s.lookPath(s.exe("llvm-config" + suffix)); err == nil && !hasBoth(tools, suffix) {
			if dir, err := llvmConfigBindir(ctx, config); err == nil {
				addDir(dir, SourceLLVMConfig, "llvm-config"+suffix+" --bindir")
			}
		}
		if s.goos == "windows" {
			continue
		}
		addDir(filepath.Join(s.root, "/usr/lib/llvm"+suffix, "bin"), SourceLLVMDir, "/usr/lib/llvm"+suffix)
		if s.goos == "darwin" {
			for _, prefix := range homebrewPrefixes {
				addDir(filepath.Join(s.root, prefix, "opt/llvm@"+strconv.Itoa(n), "bin"), SourceHomebrew, prefix+"/opt/llvm@"+strconv.Itoa(n))
			}
		}
	}
	if s.goos == "darwin" {
		for _, prefix := range homebrewPrefixes {
			addDir(filepath.Join(s.root, prefix, "opt/llvm/bin"), SourceHomebrew, prefix+"/opt/llvm")
		}
	}
	for _, name := range []string{"opt", "llc"} {
		if path, err := s.lookPath(s.exe(name)); err == nil {
			tools = append(tools, Tool{Name: name, Path: path, Source: SourcePath, Origin: "PATH"})
		}
	}
	return tools
}

// hasBoth reports whether opt-N and llc-N were already found on PATH, in
// which case llvm-config-N would only name the same files again.
func hasBoth(tools []Tool, suffix string) bool {
	n := 0
	for _, t := range tools {
		if t.Source == SourceVersioned && strings.HasSuffix(toolName(t.Path), suffix) {
			n++
		}
	}
	return n == 2
}

// homebrewPrefixes are Homebrew's homes on Apple silicon and on Intel Macs.
var homebrewPrefixes = []string{"/opt/homebrew", "/usr/local"}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func llvmConfigBindir(ctx context.Context, config string) (string, error) {
	out, _, err := Run(ctx, Command{Path: config, Args: []string{"--bindir"}, Dir: filepath.Dir(config), Timeout: probeTimeout})
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
