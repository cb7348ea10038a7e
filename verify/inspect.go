package verify

import (
	"bytes"
	"cmp"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/oxbpf/oxbpf/internal/input"
)

// Options say what Inspect checks against.
type Options struct {
	// Kernel is the oldest kernel the object must load on. The zero value
	// means unknown, and the checks assume the newest; ParseKernel("") gives
	// the running kernel instead.
	Kernel Kernel
	// Unrolled says the object was built with every loop unrolled (oxbpf
	// build --unroll), so a loop left in it is one no unrolling removes.
	Unrolled bool
}

// Inspect reads the object at path and reports what it holds and what a
// loader or kernel would refuse. The error is only for a file that cannot be
// read; everything wrong inside it is a Problem.
func Inspect(path string, opts Options) (*Report, error) {
	data, err := readObject(path)
	if err != nil {
		return nil, fmt.Errorf("inspect: %w", err)
	}
	r := InspectBytes(data, opts)
	r.File = path
	return r, nil
}

// InspectReader is Inspect for an object that is not a file. It reads all
// of r first, so an error is always a read error.
func InspectReader(r io.Reader, opts Options) (*Report, error) {
	var data bytes.Buffer
	if err := input.Read(&data, r, 0, maxObject); err != nil {
		return nil, fmt.Errorf("inspect: %w", err)
	}
	return InspectBytes(data.Bytes(), opts), nil
}

// maxObject bounds what Inspect and Load read: a BPF object is kilobytes,
// a wrong argument may be endless.
const maxObject = 1 << 30

// readObject reads the object at path whole, refusing a device or a file
// past maxObject before reading it.
func readObject(path string) ([]byte, error) { return input.ReadFile(path, maxObject) }

// InspectBytes is Inspect for an object in memory. It never fails: all it
// can find wrong is a Problem.
func InspectBytes(data []byte, opts Options) *Report {
	r := &Report{
		Kernel:   opts.Kernel,
		Programs: []Program{},
		Maps:     []Map{},
		Problems: []Problem{},
		Warnings: []Problem{},
	}
	spec := r.readSpec(data)
	if spec == nil {
		return r
	}
	r.describe(spec)
	r.describeBTF(spec, data)
	if core := coreRelocations(spec); len(core) > 0 {
		r.CORE = core
	}
	r.check(spec, opts)
	r.checkDataPointers(data)
	return r
}

// readSpec checks the ELF header itself, so that the common mistakes get a
// precise problem, then leaves the rest to cilium/ebpf. It returns nil when
// there is nothing more to inspect.
func (r *Report) readSpec(data []byte) *ebpf.CollectionSpec {
	if !bytes.HasPrefix(data, []byte(elf.ELFMAG)) {
		r.add(Problem{Kind: NotELF, Message: notELFMessage(data)})
		return nil
	}
	const machineEnd = 20 // e_machine is the half-word after e_ident and e_type
	if len(data) < machineEnd {
		r.add(Problem{Kind: Malformed, Message: fmt.Sprintf("truncated ELF header: the file ends after %d bytes", len(data))})
		return nil
	}
	var order binary.ByteOrder
	switch elf.Data(data[elf.EI_DATA]) {
	case elf.ELFDATA2LSB:
		order, r.ByteOrder = binary.LittleEndian, "little"
	case elf.ELFDATA2MSB:
		order, r.ByteOrder = binary.BigEndian, "big"
	default:
		r.add(Problem{Kind: Malformed, Message: fmt.Sprintf("ELF header gives no byte order (%v)", elf.Data(data[elf.EI_DATA]))})
		return nil
	}
	// Old LLVM wrote EM_NONE into BPF objects; loaders accept it.
	if m := elf.Machine(order.Uint16(data[18:machineEnd])); m != elf.EM_BPF && m != elf.EM_NONE {
		r.ByteOrder = ""
		r.add(Problem{Kind: NotBPF, Message: fmt.Sprintf("an ELF object for %v, not BPF (EM_BPF): compile for the bpfel target (clang -target bpfel, llc -march=bpfel)", m)})
		return nil
	}
	if host := hostByteOrder(); r.ByteOrder != host {
		r.add(Problem{Kind: ByteOrder, Message: fmt.Sprintf("%s-endian BPF object, but this host is %s-endian: build for the %s target", r.ByteOrder, host, bpfTarget[host])})
	}
	spec, err := loadSpec(data)
	if err != nil {
		r.add(loaderProblem(err))
		return nil
	}
	return spec
}

// loadSpec reads the object in data with cilium/ebpf, once every section
// is known to lie inside data; one past the end is a *problemError.
// debug/elf does not check, and cilium/ebpf sizes buffers from the headers:
// a fuzzed 1 KB object whose code section claimed 1.7 GB made it allocate
// gigabytes for instructions that are not there, stalling or killing the
// process. Headers debug/elf cannot read are left to cilium/ebpf to report.
func loadSpec(data []byte) (*ebpf.CollectionSpec, error) {
	if f, err := elf.NewFile(bytes.NewReader(data)); err == nil {
		size := uint64(len(data))
		for _, s := range f.Sections {
			if s.Type == elf.SHT_NULL || s.Type == elf.SHT_NOBITS {
				continue // no bytes in the file
			}
			// FileSize, not Size: a compressed section is smaller in the file.
			if s.Offset > size || s.FileSize > size-s.Offset {
				return nil, &problemError{Problem{Kind: Malformed, Section: s.Name, Message: fmt.Sprintf(
					"truncated ELF: section %q claims %d bytes at offset %d, but the file has %d", s.Name, s.FileSize, s.Offset, size)}}
			}
		}
	}
	return ebpf.LoadCollectionSpecFromReader(bytes.NewReader(data))
}

// problemError is a Problem found before cilium/ebpf read the object.
type problemError struct{ Problem }

func (e *problemError) Error() string { return e.Message }

func notELFMessage(data []byte) string {
	if bytes.HasPrefix(data, []byte("BC\xc0\xde")) {
		return "LLVM bitcode, not an ELF object: compile it with llc -filetype=obj"
	}
	return "not an ELF object: expected the .o file llc or clang -c writes"
}

var bpfTarget = map[string]string{"little": "bpfel", "big": "bpfeb"}

func hostByteOrder() string {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	if b[0] == 1 {
		return "little"
	}
	return "big"
}

// cilium/ebpf v0.22.0 refuses the whole object when code refers to a symbol
// in a section it does not track (e.g. a -fcommon global in SHN_COMMON); its
// error names the symbol only in text.
var unknownReference = regexp.MustCompile(`section "([^"]*)": reference to "([^"]*)" in section ([^:]+):`)

// undefinedSymbolHint names the construct behind a reference to a symbol
// the compiler left undefined on purpose, or "".
func undefinedSymbolHint(name string) string {
	switch {
	case strings.HasPrefix(name, "BPF.JT."):
		return fmt.Sprintf("refers to %s, a jump table LLVM 22 made of a large match (or switch) at -mcpu v4, which no loader "+
			"here can place: build with --mcpu v3, or with oxbpf's llc options (-bpf-min-jump-table-entries)", name)
	case name == "":
		return "refers to a symbol without a name, as coverage instrumentation (-C instrument-coverage) and sanitizers " +
			"write: BPF cannot run them; build without those flags"
	}
	return ""
}

func loaderProblem(err error) Problem {
	var pe *problemError
	if errors.As(err, &pe) {
		return pe.Problem
	}
	if m := unknownReference.FindStringSubmatch(err.Error()); m != nil {
		if hint := undefinedSymbolHint(m[2]); hint != "" {
			return Problem{Kind: Unresolved, Section: m[1], Symbol: m[2], Message: hint}
		}
		return Problem{
			Kind:    Unresolved,
			Section: m[1],
			Symbol:  m[2],
			Message: fmt.Sprintf("refers to %s, which lives in %s, where no loader can place it: define it in .data, .bss or .rodata (initialise globals, no -fcommon), or drop the reference", m[2], m[3]),
		}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return Problem{Kind: Malformed, Message: "truncated ELF: a header or section lies past the end of the file"}
	}
	return Problem{Kind: Malformed, Message: "cannot read the object: " + err.Error()}
}

// describe lists programs and maps in name order, so a report is stable.
func (r *Report) describe(spec *ebpf.CollectionSpec) {
	for _, p := range spec.Programs {
		prog := Program{
			Name:         p.Name,
			Section:      p.SectionName,
			Type:         p.Type.String(),
			Instructions: int(p.Instructions.Size() / 8),
		}
		if p.AttachType != ebpf.AttachNone {
			prog.AttachType = p.AttachType.String()
		}
		r.Programs = append(r.Programs, prog)
		r.License = p.License
	}
	slices.SortFunc(r.Programs, func(a, b Program) int { return cmp.Compare(a.Name, b.Name) })
	for name, m := range spec.Maps {
		r.Maps = append(r.Maps, Map{
			Name:       name,
			Type:       m.Type.String(),
			KeySize:    m.KeySize,
			ValueSize:  m.ValueSize,
			MaxEntries: m.MaxEntries,
			Flags:      m.Flags,
		})
	}
	slices.SortFunc(r.Maps, func(a, b Map) int { return cmp.Compare(a.Name, b.Name) })
}

func (r *Report) add(p Problem) { r.Problems = append(r.Problems, p) }
