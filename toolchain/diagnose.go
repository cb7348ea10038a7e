package toolchain

import (
	"path/filepath"
	"strings"
)

// firstMeaningfulLine picks what a tool's stderr says went wrong, as one
// line: the first error line, else the first line that is not crash-report
// boilerplate. LLVM tools prefix messages with their argv[0] ("opt-19: ",
// llc even "llc: error: llc: "), which the error already names, so those
// prefixes go. What cargo and rustc put after the error joins it:
//
//   - rustc's location ("--> src/main.rs:3:3") and its first help
//     ("help: wrap the attribute in `unsafe(...)`");
//   - the detail cargo indents below a short error ("c3@0.1.0 requires
//     rustc 1.99");
//   - the root of cargo's "Caused by:" chain, where its first line is
//     generic ("failed to run custom build command"): the panic message of
//     a build script, the error a child printed, or the last cause.
func firstMeaningfulLine(stderr []byte, argv0 string) string {
	prefixes := []string{argv0 + ": ", filepath.Base(argv0) + ": "}
	var raw, lines []string
	for _, line := range strings.Split(string(stderr), "\n") {
		for _, p := range prefixes {
			line = strings.ReplaceAll(line, p, "")
		}
		raw = append(raw, line)
		line = strings.Join(strings.Fields(line), " ")
		if rest, ok := strings.CutPrefix(line, "error: "); ok && strings.Contains(rest, "error:") {
			line = rest
		}
		lines = append(lines, line)
	}
	for i, line := range lines {
		lower := strings.ToLower(line)
		switch {
		case strings.HasPrefix(line, "error"): // cargo's or rustc's
			return strings.TrimSuffix(line, ":") + details(raw[i+1:], lines[i+1:])
		case strings.HasPrefix(lower, "error") || strings.Contains(lower, "error:"): // LLVM's, before the source it echoes
			return line
		}
	}
	for _, line := range lines {
		if line != "" && !isCrashBoilerplate(line) {
			return line
		}
	}
	return ""
}

// details reads the lines after an error line, up to the next top-level
// error or warning, for what explains it (see firstMeaningfulLine). raw
// keeps the indentation that lines, folded, lost.
func details(raw, lines []string) string {
	var loc, detail, help string
	for k, line := range lines {
		topLevel := raw[k] != "" && raw[k][0] != ' ' && raw[k][0] != '\t'
		switch {
		case k > 0 && topLevel && (strings.HasPrefix(line, "error") || strings.HasPrefix(line, "warning")):
			return join(loc, detail, help)
		case k == 0 && strings.HasPrefix(line, "--> "):
			loc = " (" + strings.TrimPrefix(line, "--> ") + ")"
		case k == 0 && !topLevel && line != "" && !strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "="):
			detail = ": " + line // cargo's indented detail
		case help == "" && (strings.HasPrefix(line, "help: ") || strings.HasPrefix(line, "= help: ")):
			help = "; help: " + strings.TrimPrefix(strings.TrimPrefix(line, "= "), "help: ")
		case line == "Caused by:":
			if cause := rootCause(lines[k+1:]); cause != "" {
				detail = ": " + cause
			}
			return join(loc, detail, help)
		}
	}
	return join(loc, detail, help)
}

func join(parts ...string) string { return strings.Join(parts, "") }

// rootCause reads cargo's "Caused by:" block: a build script's panic
// message, else the last error a child printed, else the last cause.
func rootCause(lines []string) string {
	var lastError, last string
	for k, line := range lines {
		switch {
		case strings.Contains(line, "panicked at ") && k+1 < len(lines) && lines[k+1] != "":
			return lines[k+1] + " (" + strings.TrimSuffix(line[strings.Index(line, "panicked at ")+len("panicked at "):], ":") + ")"
		case strings.HasPrefix(line, "error: "):
			if lastError == "" {
				lastError = strings.TrimPrefix(line, "error: ")
			}
		case line == "" || line == "--- stderr" || line == "--- stdout" || strings.HasPrefix(line, "note: ") ||
			strings.HasPrefix(line, "stack backtrace:") || strings.HasPrefix(line, "process didn't exit successfully"):
		default:
			if !isBacktraceFrame(line) {
				last = line
			}
		}
	}
	if lastError != "" {
		return lastError
	}
	return last
}

// isBacktraceFrame tells a line of a Rust backtrace ("0: core::...", "at
// /rustc/...") from a message.
func isBacktraceFrame(line string) bool {
	if strings.HasPrefix(line, "at ") {
		return true
	}
	num, _, ok := strings.Cut(line, ": ")
	return ok && strings.Trim(num, "0123456789") == ""
}

func isCrashBoilerplate(line string) bool {
	for _, p := range []string{"PLEASE submit a bug report", "Stack dump", "#", "0. Program arguments:"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}
