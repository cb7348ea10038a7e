package vm

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/cilium/ebpf/btf"
	"github.com/oxbpf/oxbpf/attach"
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
	var kernel *btf.Spec
	if req.KernelBTF {
		if kernel, err = verify.KernelTypes("/" + kernelBTFPath); err != nil {
			res.Error = err.Error()
			return res
		}
	}
	for i, suite := range req.Suites {
		sr, err := runSuite(ctx, suiteDir(i), suite, req.VerifierLog, kernel)

		res.Suites = append(res.Suites, sr)
		if err != nil {
			res.Error = fmt.Sprintf("%s: %v", suite.Name, err)
			break
		}
	}
	return res
}

// runSuite loads the objects of a suite from dir, runs its cases and,
// with Attach, runs the programs attached.
func runSuite(ctx context.Context, dir string, suite guestSuite, verifierLog bool, kernel *btf.Spec) (SuiteResult, error) {
	res := SuiteResult{Name: suite.Name, Loads: []ObjectLoad{}}
	objects := map[string]string{}
	for _, name := range suite.Objects {
		path := filepath.Join("/", dir, "objects", name+".o")
		objects[name] = path
		l := ObjectLoad{Object: name}
		rep, err := verify.LoadFile(ctx, path, verify.LoadOptions{VerifierLog: verifierLog, KernelTypes: kernel})
		if err != nil {
			l.Error = err.Error()
		}
		l.Report = rep
		res.Loads = append(res.Loads, l)
	}
	if suite.Cases {
		if err := runCases(ctx, dir, suite, objects, kernel, &res); err != nil {
			return res, err
		}
	}
	if suite.Attach {
		programs := 0
		for _, l := range res.Loads {
			if l.Report != nil {
				programs += len(l.Report.Programs)
			}
		}
		res.Attached = runAttached(ctx, objects, programs, kernel)
	}
	return res, nil
}

// runCases runs the suite's cases on its objects.
func runCases(ctx context.Context, dir string, suite guestSuite, objects map[string]string, kernel *btf.Spec, res *SuiteResult) error {
	cases, err := testrun.ReadCases(filepath.Join("/", dir, "cases"))
	if err != nil {
		return fmt.Errorf("test cases: %w", err)
	}
	opts := testrun.Options{KernelTypes: kernel}
	if suite.Run != "" {
		if opts.Run, err = regexp.Compile(suite.Run); err != nil {
			return fmt.Errorf("test cases: %w", err)
		}
	}
	if res.Tests, err = testrun.Run(ctx, objects, cases, opts); err != nil {
		return fmt.Errorf("test cases: %w", err)
	}
	return nil
}

// runAttached attaches every program of the objects (programs in all,
// as their loads counted them) as oxbpf run does, starts a process once
// all are attached or skipped (this init again, with an argument that
// ends it: a test binary runs no test, oxbpf says it takes no such flag),
// ends the run when it exits and returns what it saw.
func runAttached(ctx context.Context, objects map[string]string, programs int, kernel *btf.Spec) *AttachResult {
	res := &AttachResult{Programs: []string{}}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := make(chan struct{})
	report := func(r attach.Report) {
		switch r.Kind {
		case attach.Attached:
			res.Programs = append(res.Programs, r.Program+": "+r.Detail)
		case attach.Skipped:
			res.Programs = append(res.Programs, r.Program+": skipped: "+r.Detail)
		case attach.Maps:
			res.Maps = r.Maps
			return
		default:
			return
		}
		if len(res.Programs) == programs {
			close(ready)
		}
	}
	done := make(chan error, 1)
	go func() {
		done <- attach.Run(ctx, slices.Sorted(maps.Values(objects)), attach.Options{Report: report, KernelTypes: kernel})
	}()
	var err error
	select {
	case <-ready:
		child := exec.Command("/init", "-test.run=^$")
		// Pipes, not /dev/null: the guest has no devtmpfs.
		child.Stdin, child.Stdout, child.Stderr = strings.NewReader(""), io.Discard, io.Discard
		// How it ends does not matter: that it started does.
		if cerr := child.Run(); child.Process == nil {
			res.Error = "starting a process: " + cerr.Error()
		} else {
			res.Child = child.Process.Pid
		}
		cancel()
		err = <-done
	case err = <-done:
	}
	if err != nil {
		res.Error = err.Error()
	}
	return res
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
