package testenv

import (
	"os"
	"runtime/debug"
)

// KeepCrashReports also writes the runtime's report of a fatal error (out
// of memory, stack overflow, a panic nothing recovers) to the file named by
// $OXBPF_CRASH_OUTPUT, appending. A fuzz worker's own stderr goes nowhere,
// so without this its death reads only "exit status 2". The fuzz targets
// call it first thing; make fuzz sets the variable and shows the file when
// a target fails.
func KeepCrashReports() {
	path := os.Getenv("OXBPF_CRASH_OUTPUT")
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	defer f.Close() // SetCrashOutput keeps its own duplicate of the descriptor
	debug.SetCrashOutput(f, debug.CrashOptions{})
}
