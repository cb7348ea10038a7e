//go:build unix

package toolchain

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/oxbpf/oxbpf/internal/testenv"
)

func TestRunCapturesOutput(t *testing.T) {
	dir := t.TempDir()
	tool := testenv.WriteScript(t, filepath.Join(dir, "tool"), `pwd; echo "args: $*"; echo progress >&2`)
	var trace bytes.Buffer
	stdout, stderr, err := Run(context.Background(), Command{Path: tool, Args: []string{"a b", "c"}, Dir: dir, Trace: &trace})
	if err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(dir)
	if got, want := string(stdout), real+"\nargs: a b c\n"; got != want {
		t.Errorf("stdout %q, want %q (Dir must be used, args not split)", got, want)
	}
	if string(stderr) != "progress\n" {
		t.Errorf("stderr %q", stderr)
	}
	if want := "+ " + tool + " 'a b' c\nprogress\n"; trace.String() != want {
		t.Errorf("trace %q, want %q", trace.String(), want)
	}
}

func TestRunExitError(t *testing.T) {
	dir := t.TempDir()
	opt := testenv.WriteScript(t, filepath.Join(dir, "opt-19"), `echo "$0: in.ll:12:5: error: expected type" >&2
echo "  %x = add i32 %a" >&2
echo "       ^" >&2
exit 1
`)
	_, _, err := Run(context.Background(), Command{Path: opt, Args: []string{"in.ll"}, Dir: dir})
	var te *ToolError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *ToolError", err)
	}
	if want := "opt-19: exit status 1: in.ll:12:5: error: expected type"; err.Error() != want {
		t.Errorf("Error() = %q, want %q", err, want)
	}
	if te.ExitCode != 1 || te.Dir != dir || strings.Join(te.Args, " ") != "in.ll" {
		t.Errorf("ExitCode %d, Dir %q, Args %q", te.ExitCode, te.Dir, te.Args)
	}
	if want := opt + " in.ll"; te.Command() != want {
		t.Errorf("Command() = %q, want %q", te.Command(), want)
	}
	if !strings.Contains(string(te.Stderr), "%x = add i32 %a") {
		t.Errorf("Stderr lost its later lines: %q", te.Stderr)
	}
}

func TestRunSignal(t *testing.T) {
	dir := t.TempDir()
	llc := testenv.WriteScript(t, filepath.Join(dir, "llc-19"), `cat >&2 <<'END'
PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/ and include the crash backtrace.
Stack dump:
0.	Program arguments: llc-19 -march=bpfel x.ll
1.	Running pass 'BPF Assembly Printer' on function '@prog'
 #0 0x00007f0d llvm::sys::PrintStackTrace(llvm::raw_ostream&, int)
END
kill -SEGV $$
`)
	_, _, err := Run(context.Background(), Command{Path: llc, Dir: dir})
	var te *ToolError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *ToolError", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "llc-19: signal: segmentation fault") ||
		!strings.HasSuffix(msg, ": 1. Running pass 'BPF Assembly Printer' on function '@prog'") {
		t.Errorf("Error() = %q", msg)
	}
	if te.ExitCode != -1 {
		t.Errorf("ExitCode = %d, want -1", te.ExitCode)
	}
}

func TestRunMissing(t *testing.T) {
	_, _, err := Run(context.Background(), Command{Path: filepath.Join(t.TempDir(), "opt-19"), Dir: "/"})
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), "opt-19: ") {
		t.Errorf("absolute path: err = %v, want a not-exist error naming opt-19", err)
	}
	_, _, err = Run(context.Background(), Command{Path: "oxbpf-no-such-tool", Dir: "/"})
	if !errors.Is(err, exec.ErrNotFound) || !strings.HasPrefix(err.Error(), "oxbpf-no-such-tool: ") {
		t.Errorf("bare name: err = %v, want exec.ErrNotFound", err)
	}
}

// hangingTool starts a grandchild and waits for it, writing both pids.
func hangingTool(t *testing.T) (path, dir string) {
	dir = t.TempDir()
	path = testenv.WriteScript(t, filepath.Join(dir, "hang"), `sleep 300 &
echo $! > "$1/grandchild.pid"
echo $$ > "$1/child.pid"
wait
`)
	return path, dir
}

func TestRunTimeoutKillsProcessGroup(t *testing.T) {
	tool, dir := hangingTool(t)
	start := time.Now()
	_, _, err := Run(context.Background(), Command{Path: tool, Args: []string{dir}, Dir: dir, Timeout: 500 * time.Millisecond})
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("Run took %v", elapsed)
	}
	if want := "hang: timed out after 500ms"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(err, context.DeadlineExceeded) is false for %v", err)
	}
	checkGone(t, dir, "child.pid", "grandchild.pid")
}

func TestRunCancelKillsProcessGroup(t *testing.T) {
	tool, dir := hangingTool(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		waitForFile(t, filepath.Join(dir, "child.pid"))
		cancel()
	}()
	_, _, err := Run(ctx, Command{Path: tool, Args: []string{dir}, Dir: dir})
	if !errors.Is(err, context.Canceled) || err.Error() != "hang: context canceled" {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	checkGone(t, dir, "child.pid", "grandchild.pid")
}

// A tool that exits 0 but leaves a background process holding its stderr
// open must not make Run hang or fail.
func TestRunSucceedsDespiteStraggler(t *testing.T) {
	dir := t.TempDir()
	tool := testenv.WriteScript(t, filepath.Join(dir, "leaky"), `sleep 300 &
echo $! > "$1/grandchild.pid"
echo done
`)
	t.Cleanup(func() { killPidFile(dir, "grandchild.pid") })
	start := time.Now()
	stdout, _, err := Run(context.Background(), Command{Path: tool, Args: []string{dir}, Dir: dir})
	if err != nil || string(stdout) != "done\n" {
		t.Errorf("Run = %q, %v; want done, nil", stdout, err)
	}
	if elapsed := time.Since(start); elapsed > waitDelay+3*time.Second {
		t.Errorf("Run took %v, want about waitDelay (%v)", elapsed, waitDelay)
	}
}

func waitForFile(t *testing.T, path string) {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && bytes.HasSuffix(b, []byte("\n")) {
			return
		}
	}
	t.Errorf("%s never appeared", path)
}

func readPid(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the tool did not start far enough: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// checkGone waits briefly for each pid to be gone: killed and reaped, or a
// zombie waiting for an init that does not reap (as in some containers).
func checkGone(t *testing.T, dir string, pidFiles ...string) {
	t.Helper()
	for _, f := range pidFiles {
		pid := readPid(t, filepath.Join(dir, f))
		deadline := time.Now().Add(3 * time.Second)
		for alive(pid) && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if alive(pid) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Errorf("%s %d still runs", strings.TrimSuffix(f, ".pid"), pid)
		}
	}
}

func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	if runtime.GOOS != "linux" {
		return true
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name.
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}

func killPidFile(dir, name string) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return
	}
	if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
		syscall.Kill(pid, syscall.SIGKILL)
	}
}

// A tool that floods stderr (60 MB here) still fails with its first error,
// and Run keeps a bounded part of what it wrote.
func TestRunBoundsStderr(t *testing.T) {
	tool := testenv.WriteScript(t, filepath.Join(t.TempDir(), "opt"), `echo "opt: x.ll:1:1: error: expected top-level entity" >&2; yes noise | head -c 60000000 >&2; exit 1`)
	_, stderr, err := Run(context.Background(), Command{Path: tool})
	var te *ToolError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "x.ll:1:1: error: expected top-level entity") {
		t.Fatalf("err = %v, want the first error line", err)
	}
	if len(stderr) > 2*stderrKeep+100 || len(te.Stderr) != len(stderr) || !strings.Contains(string(stderr), "bytes of this output left out") {
		t.Errorf("kept %d bytes of stderr (ToolError: %d), want at most %d with a gap line", len(stderr), len(te.Stderr), 2*stderrKeep+100)
	}
}
