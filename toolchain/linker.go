package toolchain

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// linkerEnv, set in the environment of the cargo runs whose linker is
// oxbpf (CargoArgs.Linker), names the file where the linker records the
// output it wrote; rustc passes the environment on to its linker.
const linkerEnv = "OXBPF_LINKER_STUB"

// IsLinkerCall reports whether this process is oxbpf run by rustc as the
// linker of one of oxbpf's cargo runs: then main calls LinkerMain and
// nothing else.
func IsLinkerCall() bool { return os.Getenv(linkerEnv) != "" }

// LinkerMain is oxbpf as rustc's linker. The BPF object comes from the IR
// rustc emitted, so no program is linked; but cargo counts a bin as
// built only when its file is there, and reruns rustc every time it is
// not. LinkerMain writes a stub in its place, a script that says what it
// is, and records where, so that a build can make cargo run rustc again
// when the IR is gone. It returns the exit status.
func LinkerMain(args []string) int {
	args, err := expandResponseFiles(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "oxbpf (as linker): %v\n", err)
		return 1
	}
	out := ""
	for i, a := range args {
		if a == "-o" && i+1 < len(args) {
			out = args[i+1]
		}
	}
	if out == "" {
		fmt.Fprintf(os.Stderr, "oxbpf (as linker): no -o among %q\n", args)
		return 1
	}
	stub := fmt.Sprintf("#!/bin/sh\necho '%s is no program: oxbpf build made a BPF object of this bin' >&2\nexit 1\n", filepath.Base(out))
	if err := os.WriteFile(out, []byte(stub), 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "oxbpf (as linker): %v\n", err)
		return 1
	}
	if err := os.WriteFile(os.Getenv(linkerEnv), []byte(out), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "oxbpf (as linker): %v\n", err)
		return 1
	}
	return 0
}

// expandResponseFiles replaces each @file argument with the lines of
// file, as rustc writes them when a command line is too long.
func expandResponseFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		path, ok := strings.CutPrefix(a, "@")
		if !ok {
			out = append(out, a)
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			out = append(out, sc.Text())
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
