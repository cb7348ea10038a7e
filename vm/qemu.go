package vm

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/oxbpf/oxbpf/testrun"
	"github.com/oxbpf/oxbpf/toolchain"
)

// ErrNoQemu is matched by the error of Run when there is no qemu to run.
var ErrNoQemu = errors.New("qemu-system-x86_64 not found: install qemu-system-x86 (apt-get install qemu-system-x86) or qemu (brew install qemu), or set OXBPF_QEMU")

// ErrBoot is matched by the error of Run when the kernel did not run the
// request to its end: a kernel image qemu cannot boot, one that panics or
// lacks what the guest needs, or a boot that timed out.
var ErrBoot = errors.New("the guest did not run")

// Run boots image under qemu with the objects and cases of req, and
// returns what the kernel said of them.
func Run(ctx context.Context, image string, req Request, opts Options) (*Result, error) {
	qemu, err := FindQemu(opts.Qemu)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(image); err != nil {
		return nil, fmt.Errorf("kernel image: %w", err)
	}
	dir, err := os.MkdirTemp("", "oxbpf-vm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	initrd := filepath.Join(dir, "initrd")
	if err := buildInitramfs(initrd, req, opts); err != nil {
		return nil, err
	}
	accels := []string{cmp.Or(opts.Accel, os.Getenv("OXBPF_VM_ACCEL"), "auto")}
	if accels[0] == "auto" {
		accels = []string{"kvm", "tcg"}
		if !kvmUsable() {
			accels = accels[1:]
		}
	}
	var res *Result
	for i, accel := range accels {
		start := time.Now()
		var gr *Result
		gr, err = boot(ctx, qemu, image, initrd, accel, opts)
		if err != nil {
			if i+1 < len(accels) && ctx.Err() == nil {
				continue // KVM that is there but does not work: TCG
			}
			return nil, err
		}
		res = gr
		res.Image, res.Accel, res.Boot = image, accel, time.Since(start)
		break
	}
	return res, nil
}

// boot runs qemu once and reads the guest's result from its console.
func boot(ctx context.Context, qemu, image, initrd, accel string, opts Options) (*Result, error) {
	mem := opts.MemoryMB
	if mem == 0 {
		mem = 512
	}
	args := []string{
		"-kernel", image, "-initrd", initrd,
		// The console on the first serial port; few kernel messages; a
		// panic ends the run rather than hanging it.
		"-append", "console=ttyS0 loglevel=1 panic=-1",
		"-m", strconv.Itoa(mem), "-smp", "1",
		"-nographic", "-nodefaults", "-no-reboot", "-serial", "stdio",
		"-accel", accel, "-cpu", map[string]string{"kvm": "host", "tcg": "max"}[accel],
	}
	for attempt := 1; ; attempt++ {
		out, stderr, err := toolchain.Run(ctx, toolchain.Command{Path: qemu, Args: args, Timeout: cmp.Or(opts.Timeout, DefaultTimeout)})
		if err != nil {
			return nil, fmt.Errorf("%w: %s under qemu (%s): %v: %s", ErrBoot, image, accel, err, lastLine(stderr))
		}
		gr, err := parseResult(out)
		if err == nil {
			return gr, nil
		}
		// Under TCG on a loaded machine a kernel has panicked in early
		// boot, before init ran ("Attempted to kill the idle task!"), once
		// in hundreds of boots: boot once more. A panic that comes back
		// is reported.
		if attempt == 1 && bytes.Contains(out, []byte("Kernel panic")) && ctx.Err() == nil {
			continue
		}
		return nil, fmt.Errorf("%w: %s under qemu (%s): %v; the console's last line: %q", ErrBoot, image, accel, err, lastLine(out))
	}
}

// buildInitramfs writes the guest's initramfs to path: the init binary
// (and its libraries), the request, the objects and the cases.
func buildInitramfs(path string, req Request, opts Options) error {
	init := opts.Init
	if init == "" {
		var err error
		if init, err = os.Executable(); err != nil {
			return err
		}
	}
	files, err := initFiles(init)
	if err != nil {
		return err
	}
	gr := guestRequest{VerifierLog: opts.VerifierLog, KernelBTF: opts.KernelBTF != ""}
	if gr.KernelBTF {
		files = append(files, file{name: kernelBTFPath, source: opts.KernelBTF})
	}
	for i, suite := range req.Suites {
		gs := guestSuite{Name: suite.Name, Objects: slices.Sorted(maps.Keys(suite.Objects)), Cases: suite.Cases != "", Run: suite.Run, Attach: suite.Attach}
		dir := suiteDir(i)
		for _, name := range gs.Objects {
			files = append(files, file{name: dir + "/objects/" + name + ".o", source: suite.Objects[name]})
		}
		if gs.Cases {
			cases, err := testrun.CaseFiles(suite.Cases)
			if err != nil {
				return err
			}
			for _, c := range cases {
				files = append(files, file{name: dir + "/cases/" + filepath.Base(c), source: c})
			}
		}
		gr.Suites = append(gr.Suites, gs)
	}
	data, err := json.Marshal(gr)
	if err != nil {
		return err
	}
	files = append(files, file{name: requestPath, data: data})
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := writeInitramfs(w, files); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// FindQemu returns the qemu-system-x86_64 that Run with Options.Qemu set
// to path would run, or an error matching ErrNoQemu.
func FindQemu(path string) (string, error) {
	path = cmp.Or(path, os.Getenv("OXBPF_QEMU"), "qemu-system-x86_64")
	found, err := exec.LookPath(path)
	if err != nil {
		return "", fmt.Errorf("%w (%v)", ErrNoQemu, err)
	}
	return found, nil
}

// kvmUsable reports whether /dev/kvm opens for reading and writing; a KVM
// that opens but cannot run the guest is found out by booting.
func kvmUsable() bool {
	f, err := os.OpenFile("/dev/kvm", os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

func lastLine(b []byte) string {
	s := strings.TrimRight(strings.ReplaceAll(string(b), "\r", ""), "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}
