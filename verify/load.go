package verify

import (
	"bytes"
	"context"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/btf"
)

// ErrNoPermission is matched (errors.Is) by the error of Load and Run when
// the kernel refused for lack of privilege rather than for the program.
var ErrNoPermission = errors.New("loading BPF needs root or CAP_BPF")

// ErrNotSupported is matched by the error of Load and Run off Linux.
var ErrNotSupported = errors.New("loading BPF needs Linux")

// LoadOptions tune Load.
type LoadOptions struct {
	// VerifierLog asks the verifier for its log also for the programs it
	// accepts. Rejected programs always come with their log.
	VerifierLog bool
	// KernelTypes are the running kernel's types to fix CO-RE relocations
	// against, as KernelTypes reads them from a file; nil means
	// /sys/kernel/btf/vmlinux.
	KernelTypes *btf.Spec
}

// KernelTypes reads the kernel BTF a load fixes CO-RE relocations
// against from file (raw, as /sys/kernel/btf/vmlinux, or an ELF with a
// .BTF section: BTFHub's files, for kernels without it), or nil for "".
func KernelTypes(file string) (*btf.Spec, error) {
	if file == "" {
		return nil, nil
	}
	spec, err := btf.LoadSpec(file)
	if err != nil {
		return nil, fmt.Errorf("kernel BTF %s: %w", file, err)
	}
	return spec, nil
}

// LoadReport is what the running kernel said about each map and program.
// See the package documentation for its JSON form.
type LoadReport struct {
	Kernel   Kernel        `json:"kernel"`
	Maps     []MapLoad     `json:"maps"`
	Programs []ProgramLoad `json:"programs"`
	// CORE is what the kernel's BTF made of each CO-RE relocation, as the
	// loader fixes it; COREError why that could not be worked out (a
	// kernel without BTF).
	CORE      []COREFixup `json:"core,omitempty"`
	COREError string      `json:"core_error,omitempty"`
}

// OK reports whether every map and program loaded.
func (r *LoadReport) OK() bool {
	for _, m := range r.Maps {
		if !m.OK {
			return false
		}
	}
	for _, p := range r.Programs {
		if !p.OK {
			return false
		}
	}
	return true
}

// Rejections are the maps and programs the kernel rejected, one line
// each: "map M: why", "program P rejected at src/main.rs:42: why".
func (r *LoadReport) Rejections() []string {
	var out []string
	for _, m := range r.Maps {
		if !m.OK {
			out = append(out, "map "+m.Name+": "+m.Error)
		}
	}
	for _, p := range r.Programs {
		if !p.OK {
			at := ""
			if p.Line != "" {
				at = " at " + p.Line
			}
			out = append(out, "program "+p.Name+" rejected"+at+": "+p.Error)
		}
	}
	return out
}

// MapLoad is the outcome of creating one map.
type MapLoad struct {
	Name  string `json:"name"`
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

// ProgramLoad is the outcome of loading one program.
type ProgramLoad struct {
	Name    string `json:"name"`
	Section string `json:"section"`
	OK      bool   `json:"ok"`
	// Error is one line: for a verifier rejection, the verifier's last
	// meaningful line, e.g. "R0 !read_ok".
	Error string `json:"error,omitempty"`
	// Line is the source line of the instruction the verifier refused,
	// "src/main.rs:42", from the object's BTF line info.
	Line string `json:"line,omitempty"`
	// Log is the verifier's whole log, when there is one.
	Log string `json:"log,omitempty"`
	// Verified is how many instructions the verifier processed to accept
	// the program, its cost to verify; 0 when the kernel (before 5.16)
	// does not say.
	Verified int `json:"verified_insns,omitempty"`
}

// LoadFile reads the object at path and loads it as Load does.
func LoadFile(ctx context.Context, path string, opts LoadOptions) (*LoadReport, error) {
	spec, err := ReadSpec(path)
	if err != nil {
		return nil, err
	}
	return Load(ctx, spec, opts)
}

// RunFile reads the object at path and runs one program as Run does.
func RunFile(ctx context.Context, path, program string, data []byte) (uint32, error) {
	spec, err := ReadSpec(path)
	if err != nil {
		return 0, err
	}
	return Run(ctx, spec, program, data)
}

// ReadSpec reads the object at path for cilium/ebpf, as
// ebpf.LoadCollectionSpec does, but bounded as Inspect reads objects (a
// size limit, sections checked to lie inside the file) and with a plain
// message for a file that is no ELF object.
func ReadSpec(path string) (*ebpf.CollectionSpec, error) {
	data, err := readObject(path)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(elf.ELFMAG)) {
		return nil, fmt.Errorf("%s: %s", path, notELFMessage(data))
	}
	spec, err := loadSpec(data)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("%s: truncated ELF object: it ends after %d bytes (%w)", path, len(data), err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return spec, nil
}

// verifierStats are the lines a verifier log ends with whatever the outcome.
var verifierStats = []string{"processed ", "verification time ", "stack depth ", "max_states_per_insn "}

// shortMessage gives one line for a load error: the verifier's last
// meaningful line if it left a log, else the error without the program name
// the report already shows.
func shortMessage(program string, err error) string {
	var ve *ebpf.VerifierError
	if errors.As(err, &ve) {
		if line := lastWord(ve.Log); line != "" {
			return line
		}
	}
	if errors.Is(err, syscall.EPERM) {
		// Load reports EPERM for want of privilege itself, so this one is
		// the kernel refusing the program; cilium/ebpf's hint about
		// RLIMIT_MEMLOCK is beside the point on kernels that charge memory
		// to cgroups, and misleading before them, where Load lifts it.
		return "the kernel refused it with EPERM (operation not permitted) although this process may load BPF: " +
			"this kernel does not allow this program type or attach point here (lockdown, a missing CAP_PERFMON or CAP_NET_ADMIN, or its configuration)"
	}
	return strings.TrimPrefix(err.Error(), "program "+program+": ")
}

// lastWord finds the verifier's last meaningful line. When that line is
// about a register ("R1 offset is outside of the packet") and the line
// before explains it ("invalid access to packet, off=0 size=1, ..."), both
// are given, joined by ": "; an instruction or state dump before it is not.
func lastWord(log []string) string {
	i := len(log) - 1
	for i >= 0 && (strings.TrimSpace(log[i]) == "" || hasAnyPrefix(log[i], verifierStats)) {
		i--
	}
	if i < 0 {
		return ""
	}
	last := strings.TrimSpace(log[i])
	if i > 0 && isRegisterLine(last) && isProse(log[i-1]) {
		return strings.TrimSpace(log[i-1]) + ": " + last
	}
	return last
}

func isRegisterLine(s string) bool {
	return len(s) > 1 && s[0] == 'R' && s[1] >= '0' && s[1] <= '9'
}

// isProse tells the verifier's explanations, which start with a lower-case
// word, from instruction lines ("1: (95) exit"), state lines ("from 4 to 6:
// R0=...") and source lines ("; return x;").
func isProse(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && !strings.HasPrefix(s, "from ")
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// fullLog is the verifier log of a load error, if any.
func fullLog(err error) string {
	var ve *ebpf.VerifierError
	var ge *gaveUpError
	switch {
	case errors.As(err, &ve):
		return strings.Join(ve.Log, "\n")
	case errors.As(err, &ge):
		return strings.Join(ge.log, "\n")
	}
	return ""
}

// gaveUpError is a rejection whose verifier log cilium/ebpf did not keep:
// for EFAULT (returned, for one, when the verifier gives up on a sequence
// of jumps too complex to follow) it reports only "bad address (hit
// verifier bug, ...)". recoverLog loads the program once more itself, with
// a buffer large enough for the whole log.
type gaveUpError struct {
	log       []string
	processed string // "147472", from the verifier's statistics line
}

func (e *gaveUpError) Error() string {
	last := lastWord(e.log)
	if e.processed != "" {
		return fmt.Sprintf("the verifier gave up after %s instructions: %s", e.processed, last)
	}
	return "the verifier gave up: " + last
}
