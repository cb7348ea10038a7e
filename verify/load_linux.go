package verify

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
	"golang.org/x/sys/unix"
)

// verifierLogStart is the log buffer the verifier first gets: large enough
// for the whole log of most programs, so that cilium/ebpf seldom has to load
// twice to grow it.
const verifierLogStart = 4 << 20

// Load creates every map of spec in the running kernel, then loads every
// program on its own, so that one rejection does not hide the others'
// outcomes. Everything is closed again before Load returns.
//
// Before Linux 5.11 the kernel charges BPF memory to RLIMIT_MEMLOCK, so Load
// then lifts that limit for the whole process.
func Load(ctx context.Context, spec *ebpf.CollectionSpec, opts LoadOptions) (*LoadReport, error) {
	k := RunningKernel()
	prepare(k)
	rep := &LoadReport{Kernel: k, Maps: []MapLoad{}, Programs: []ProgramLoad{}}

	created := make(map[string]*ebpf.Map)
	defer func() {
		for _, m := range created {
			m.Close()
		}
	}()
	for _, name := range slices.Sorted(maps.Keys(spec.Maps)) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("load: %w", err)
		}
		m, err := createMap(spec, name)
		if noPermission(err) {
			return nil, fmt.Errorf("load map %s: %w", name, ErrNoPermission)
		}
		if err != nil {
			rep.Maps = append(rep.Maps, MapLoad{Name: name, Error: err.Error()})
			continue
		}
		created[name] = m
		rep.Maps = append(rep.Maps, MapLoad{Name: name, OK: true})
	}

	progOpts := ebpf.ProgramOptions{LogSizeStart: verifierLogStart, KernelTypes: opts.KernelTypes}
	if opts.VerifierLog {
		progOpts.LogLevel = ebpf.LogLevelBranch
		if !k.Before(kernelMillion) { // the stats level came with 5.2
			progOpts.LogLevel |= ebpf.LogLevelStats
		}
	}
	progs := slices.SortedFunc(maps.Values(spec.Programs), func(a, b *ebpf.ProgramSpec) int { return cmp.Compare(a.Name, b.Name) })
	for _, p := range progs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("load: %w", err)
		}
		pl := ProgramLoad{Name: p.Name, Section: p.SectionName}
		if p.Type == ebpf.UnspecifiedProgram {
			// NewCollection skips these silently; say why instead.
			pl.Error = fmt.Sprintf("section %q names no program type, so no loader can load it", p.SectionName)
			rep.Programs = append(rep.Programs, pl)
			continue
		}
		log, verified, err := loadProgram(spec, p, created, progOpts)
		err = recoverLog(p, created, err)
		if noPermission(err) {
			return nil, fmt.Errorf("load program %s: %w", p.Name, ErrNoPermission)
		}
		pl.OK, pl.Log, pl.Verified = err == nil, log, verified
		if err != nil {
			pl.Error, pl.Log = shortMessage(p.Name, err), fullLog(err)
			pl.Line = failingLine(p.Instructions, strings.Split(pl.Log, "\n"))
		}
		rep.Programs = append(rep.Programs, pl)
	}
	rep.CORE, rep.COREError = kernelFixups(spec, opts.KernelTypes)
	return rep, nil
}

// kernelFixups is what the kernel's BTF (kernel, or the running
// kernel's own when nil) makes of the CO-RE relocations of spec, or why
// that cannot be said; nothing for an object without any.
func kernelFixups(spec *ebpf.CollectionSpec, kernel *btf.Spec) ([]COREFixup, string) {
	programs := locateRelocations(spec)
	if len(programs) == 0 {
		return nil, ""
	}
	if kernel == nil {
		var err error
		if kernel, err = btf.LoadKernelSpec(); err != nil {
			return nil, fmt.Sprintf("the kernel's BTF (/sys/kernel/btf/vmlinux): %v", err)
		}
	}
	fixups, err := coreFixups(spec, programs, kernel)
	if err != nil {
		return nil, err.Error()
	}
	return fixups, ""
}

// Run loads one program of spec with the maps it uses, runs it once on data
// (BPF_PROG_TEST_RUN) and returns its return value. The kernel supports this
// for XDP, socket filter, classifier and a few other types; XDP and skb
// programs need at least 14 bytes of data, an Ethernet header.
func Run(ctx context.Context, spec *ebpf.CollectionSpec, program string, data []byte) (uint32, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("run %s: %w", program, err)
	}
	if spec.Programs[program] == nil {
		return 0, fmt.Errorf("run %s: no such program", program)
	}
	prepare(RunningKernel())
	one := spec.Copy()
	one.Programs = map[string]*ebpf.ProgramSpec{program: one.Programs[program]}
	coll, err := ebpf.NewCollectionWithOptions(one, ebpf.CollectionOptions{
		Programs: ebpf.ProgramOptions{LogSizeStart: verifierLogStart},
	})
	if noPermission(err) {
		return 0, fmt.Errorf("run %s: %w", program, ErrNoPermission)
	}
	if err != nil {
		return 0, fmt.Errorf("run %s: %w", program, err)
	}
	defer coll.Close()
	ret, err := coll.Programs[program].Run(&ebpf.RunOptions{Data: data, Repeat: 1})
	if noPermission(err) {
		return 0, fmt.Errorf("run %s: %w", program, ErrNoPermission)
	}
	if err != nil {
		return 0, fmt.Errorf("run %s: %w", program, err)
	}
	return ret, nil
}

// prepare lifts RLIMIT_MEMLOCK on kernels that charge BPF memory to it. If
// that fails, the load fails with EPERM and says so.
func prepare(k Kernel) {
	if k.Before(kernelMemcg) {
		inf := unix.Rlimit{Cur: unix.RLIM_INFINITY, Max: unix.RLIM_INFINITY}
		_ = unix.Setrlimit(unix.RLIMIT_MEMLOCK, &inf)
	}
}

// createMap creates one map through a collection of its own, so that data
// sections get their contents and flags as in a full load.
func createMap(spec *ebpf.CollectionSpec, name string) (*ebpf.Map, error) {
	m := spec.Maps[name]
	switch m.Type {
	case ebpf.ProgramArray, ebpf.ArrayOfMaps, ebpf.HashOfMaps:
		// Their contents name programs and maps that a check does not need.
		m = m.Copy()
		m.Contents = nil
	}
	one := &ebpf.CollectionSpec{
		Maps:      map[string]*ebpf.MapSpec{name: m},
		Variables: variablesIn(spec, func(section string) bool { return section == name }),
		Types:     spec.Types,
		ByteOrder: spec.ByteOrder,
	}
	coll, err := ebpf.NewCollection(one)
	if err != nil {
		return nil, err
	}
	defer coll.Close()
	return coll.DetachMap(name), nil
}

// loadProgram loads p alone, against the maps Load created, and returns the
// verifier log it got.
// loadProgram loads p with the maps created, and returns the verifier's
// log and how many instructions it processed (0 before Linux 5.16, which
// does not say).
func loadProgram(spec *ebpf.CollectionSpec, p *ebpf.ProgramSpec, created map[string]*ebpf.Map, opts ebpf.ProgramOptions) (string, int, error) {
	one := &ebpf.CollectionSpec{
		Maps:      make(map[string]*ebpf.MapSpec),
		Programs:  map[string]*ebpf.ProgramSpec{p.Name: p},
		Variables: variablesIn(spec, func(section string) bool { return created[section] != nil }),
		Types:     spec.Types,
		ByteOrder: spec.ByteOrder,
	}
	for name := range created {
		one.Maps[name] = spec.Maps[name]
	}
	coll, err := ebpf.NewCollectionWithOptions(one, ebpf.CollectionOptions{MapReplacements: created, Programs: opts})
	if err != nil {
		return "", 0, err
	}
	defer coll.Close()
	prog := coll.Programs[p.Name]
	verified := 0
	if info, err := prog.Info(); err == nil {
		n, _ := info.VerifiedInstructions()
		verified = int(n)
	}
	return prog.VerifierLog, verified, nil
}

func variablesIn(spec *ebpf.CollectionSpec, keep func(section string) bool) map[string]*ebpf.VariableSpec {
	vars := make(map[string]*ebpf.VariableSpec)
	for name, v := range spec.Variables {
		if keep(v.SectionName) {
			vars[name] = v
		}
	}
	return vars
}

// noPermission tells a refusal for lack of privilege from a verifier
// rejection: both can be EPERM, but only the verifier leaves a log. A
// process that has CAP_BPF or CAP_SYS_ADMIN is not short of privilege:
// its EPERM is the kernel refusing the program (a program type it may not
// load, a lockdown), which the report says as the kernel put it.
func noPermission(err error) bool {
	if !errors.Is(err, unix.EPERM) {
		return false
	}
	var ve *ebpf.VerifierError
	if errors.As(err, &ve) && len(ve.Log) > 0 {
		return false
	}
	return !privileged()
}

// privileged reports whether this process holds what loading BPF needs,
// read once.
var privileged = sync.OnceValue(func() bool { return CheckPrivileges().CanLoad })
