package vm

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/oxbpf/oxbpf/testrun"
	"github.com/oxbpf/oxbpf/verify"
	"golang.org/x/sys/unix"
)

// IsGuest reports whether this process is the init of a guest Run booted:
// process 1 with a request beside it. A container's first process has no
// such request and goes on as oxbpf.
func IsGuest() bool {
	if os.Getpid() != 1 {
		return false
	}
	_, err := os.Stat("/" + requestPath)
	return err == nil
}

// Guest runs the request of a guest Run booted, prints the result on the
// console and powers the machine off. It returns only if powering off
// fails.
func Guest() {
	res := guest(context.Background())
	out, err := json.Marshal(res)
	if err != nil {
		out, _ = json.Marshal(Result{Error: err.Error()})
	}
	fmt.Printf("\n%s\n%s\n%s\n", beginResult, out, endResult)
	unix.Sync()
	unix.Reboot(unix.LINUX_REBOOT_CMD_POWER_OFF)
}

func guest(ctx context.Context) Result {
	var res Result
	setUp()
	var u unix.Utsname
	if err := unix.Uname(&u); err == nil {
		res.Release = unix.ByteSliceToString(u.Release[:])
		res.Kernel, _ = verify.ParseKernel(res.Release)
	}
	data, err := os.ReadFile("/" + requestPath)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	var req guestRequest
	if err := json.Unmarshal(data, &req); err != nil {
		res.Error = "request: " + err.Error()
		return res
	}
	for i, suite := range req.Suites {
		sr, err := runSuite(ctx, suiteDir(i), suite, req.VerifierLog)

		res.Suites = append(res.Suites, sr)
		if err != nil {
			res.Error = fmt.Sprintf("%s: %v", suite.Name, err)
			break
		}
	}
	return res
}

// runSuite loads the objects of a suite from dir and runs its cases.
func runSuite(ctx context.Context, dir string, suite guestSuite, verifierLog bool) (SuiteResult, error) {
	res := SuiteResult{Name: suite.Name, Loads: []ObjectLoad{}}
	objects := map[string]string{}
	for _, name := range suite.Objects {
		path := filepath.Join("/", dir, "objects", name+".o")
		objects[name] = path
		l := ObjectLoad{Object: name}
		rep, err := verify.LoadFile(ctx, path, verify.LoadOptions{VerifierLog: verifierLog})
		if err != nil {
			l.Error = err.Error()
		}
		l.Report = rep
		res.Loads = append(res.Loads, l)
	}
	if !suite.Cases {
		return res, nil
	}
	cases, err := testrun.ReadCases(filepath.Join("/", dir, "cases"))
	if err != nil {
		return res, fmt.Errorf("test cases: %w", err)
	}
	var opts testrun.Options
	if suite.Run != "" {
		if opts.Run, err = regexp.Compile(suite.Run); err != nil {
			return res, fmt.Errorf("test cases: %w", err)
		}
	}
	if res.Tests, err = testrun.Run(ctx, objects, cases, opts); err != nil {
		return res, fmt.Errorf("test cases: %w", err)
	}
	return res, nil
}

// setUp mounts what loading and test-running need, and lifts the memory
// lock limit that kernels before 5.11 charge BPF maps and programs to.
// What fails is left out: the loads then say why.
func setUp() {
	for _, m := range []struct{ fs, dir string }{
		{"proc", "/proc"}, {"sysfs", "/sys"}, {"bpf", "/sys/fs/bpf"}, {"tracefs", "/sys/kernel/tracing"},
	} {
		os.MkdirAll(m.dir, 0o755)
		unix.Mount(m.fs, m.dir, m.fs, 0, "")
	}
	unix.Setrlimit(unix.RLIMIT_MEMLOCK, &unix.Rlimit{Cur: unix.RLIM_INFINITY, Max: unix.RLIM_INFINITY})
}
