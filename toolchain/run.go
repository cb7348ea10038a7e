package toolchain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Command is one run of a child process. Every tool of this package goes
// through Run, so they all get the same timeout, cancellation and errors.
type Command struct {
	// Name is how errors call the tool; empty means the base name of Path.
	// It matters when Path is a launcher, as in `rustup run nightly cargo`.
	Name string
	// Path is the executable: absolute, relative to Dir, or a bare name
	// looked up in PATH.
	Path string
	// Args are the arguments after the program name. There is never a shell.
	Args []string
	// Dir is the working directory. Set it: tools name files relative to it
	// in their messages, and output must not depend on where oxbpf runs.
	Dir string
	// Env, if not nil, is appended to the environment of this process.
	Env []string
	// Timeout bounds this run; zero means only ctx does.
	Timeout time.Duration
	// Trace, if not nil, receives the command line and then the child's
	// stderr as it arrives (for -v). Stderr is captured either way.
	Trace io.Writer
	// OnLine, if not nil, gets each line of stderr as it arrives, without
	// its newline, so a caller can tell what the child is doing.
	OnLine func(line string)
}

// String renders the command as a shell would need it typed, for -v and
// error reports.
func (c Command) String() string {
	words := make([]string, 0, 1+len(c.Args))
	for _, w := range append([]string{c.Path}, c.Args...) {
		words = append(words, shellQuote(w))
	}
	return strings.Join(words, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_=+./,:@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// waitDelay bounds how long Run waits for a child's output pipes after the
// child is gone, in case a grandchild that left the process group holds
// them open.
const waitDelay = 2 * time.Second

// Run starts c, waits for it and returns what it wrote to stdout and stderr
// (of stderr, the first and the last MiB).
// When ctx is done or c.Timeout passes, the child and everything it started
// (its process group, on unix) are killed. Any failure is a *ToolError.
func Run(ctx context.Context, c Command) (stdout, stderr []byte, err error) {
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, c.Timeout, &timeoutError{c.Timeout})
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, c.Path, c.Args...)
	cmd.Dir = c.Dir
	if c.Env != nil {
		cmd.Env = append(os.Environ(), c.Env...)
	}
	var outBuf bytes.Buffer
	errBuf := &headTail{limit: stderrKeep}
	cmd.Stdout = &outBuf
	cmd.Stderr = errBuf
	if c.Trace != nil {
		fmt.Fprintf(c.Trace, "+ %s\n", c)
		cmd.Stderr = io.MultiWriter(cmd.Stderr, c.Trace)
	}
	if c.OnLine != nil {
		cmd.Stderr = io.MultiWriter(cmd.Stderr, &lineWriter{fn: c.OnLine})
	}
	cmd.WaitDelay = waitDelay
	killProcessGroupOnCancel(cmd)

	err = cmd.Run()
	if errors.Is(err, exec.ErrWaitDelay) && cmd.ProcessState != nil && cmd.ProcessState.Success() {
		// The tool succeeded; only a straggler it left behind kept a pipe open.
		err = nil
	}
	stderr = errBuf.Bytes()
	if err == nil {
		return outBuf.Bytes(), stderr, nil
	}
	name := c.Name
	if name == "" {
		name = toolName(c.Path)
	}
	te := &ToolError{
		Tool:     name,
		Path:     c.Path,
		Args:     c.Args,
		Dir:      c.Dir,
		Stderr:   stderr,
		ExitCode: -1,
		Err:      err,
	}
	switch {
	case ctx.Err() != nil:
		te.Err = context.Cause(ctx)
	case cmd.ProcessState != nil:
		te.ExitCode = cmd.ProcessState.ExitCode()
	}
	return outBuf.Bytes(), stderr, te
}

// toolName is how errors name a tool: "opt-19", not "/usr/bin/opt-19.exe".
func toolName(path string) string {
	name := filepath.Base(path)
	return strings.TrimSuffix(name, ".exe")
}

type timeoutError struct{ after time.Duration }

func (e *timeoutError) Error() string { return "timed out after " + e.after.String() }

// Unwrap lets errors.Is(err, context.DeadlineExceeded) see timeouts.
func (e *timeoutError) Unwrap() error { return context.DeadlineExceeded }

// ToolError is a child process that failed: it did not start, exited with a
// non-zero status, died of a signal, timed out or was cancelled.
type ToolError struct {
	Tool     string   // short name, e.g. "opt-19"
	Path     string   // the executable as run
	Args     []string // arguments after the program name
	Dir      string   // working directory
	Stderr   []byte   // what the tool wrote to stderr (first and last MiB), for -v
	ExitCode int      // -1 unless the tool exited by itself
	// Err is the cause: an *exec.ExitError, a start error such as
	// exec.ErrNotFound, context.Canceled, or a timeout that matches
	// context.DeadlineExceeded.
	Err error
}

// Error is one line: the tool, what happened, and the first meaningful line
// of stderr, e.g. "opt-19: exit status 1: in.ll:12:5: error: expected type".
func (e *ToolError) Error() string {
	var exit *exec.ExitError
	if !errors.As(e.Err, &exit) {
		// Not started, timed out or cancelled: stderr, if any, is not why.
		return e.Tool + ": " + e.Err.Error()
	}
	msg := e.Tool + ": " + exit.ProcessState.String()
	if line := firstMeaningfulLine(e.Stderr, e.Path); line != "" {
		msg += ": " + line
	}
	return msg
}

func (e *ToolError) Unwrap() error { return e.Err }

// Command returns the failed command line, for -v.
func (e *ToolError) Command() string {
	return Command{Path: e.Path, Args: e.Args}.String()
}
