package verify

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"unsafe"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/sys/unix"
)

// verifierLogMax is the log buffer of recoverLog: the log of a program the
// verifier walked a million instructions of runs to tens of megabytes, and
// its end says why it gave up. Kernels from 6.4 on keep the end of a log
// that does not fit; older ones its start.
const verifierLogMax = 64 << 20

var processedLine = regexp.MustCompile(`^processed (\d+) insns`)

// recoverLog loads p by a BPF_PROG_LOAD of its own, against the maps
// created, to read the verifier log of a load that failed with EFAULT. It
// returns err unchanged when that is not the case or the log says nothing.
func recoverLog(p *ebpf.ProgramSpec, created map[string]*ebpf.Map, err error) error {
	if !errors.Is(err, unix.EFAULT) {
		return err
	}
	insns := slices.Clone(p.Instructions)
	for i := range insns {
		if name := insns[i].Reference(); name != "" && created[name] != nil && insns[i].IsLoadFromMap() {
			if aerr := insns[i].AssociateMap(created[name]); aerr != nil {
				return err
			}
		}
	}
	var code bytes.Buffer
	if insns.Marshal(&code, p.ByteOrder) != nil || code.Len() == 0 {
		return err
	}
	log := rawLoad(p, code.Bytes())
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	if lastWord(lines) == "" {
		return err
	}
	ge := &gaveUpError{log: lines}
	for _, l := range lines {
		if m := processedLine.FindStringSubmatch(l); m != nil {
			ge.processed = m[1]
		}
	}
	return ge
}

// rawLoad runs BPF_PROG_LOAD with log level 1 and returns the log; the
// program, if the kernel took it after all, is closed again.
func rawLoad(p *ebpf.ProgramSpec, code []byte) string {
	lic := append([]byte(p.License), 0)
	buf := make([]byte, verifierLogMax)
	// union bpf_attr for BPF_PROG_LOAD, up to expected_attach_type.
	var attr struct {
		progType, insnCnt   uint32
		insns, license      uint64
		logLevel, logSize   uint32
		logBuf              uint64
		kernVersion, flags  uint32
		name                [16]byte
		ifindex, attachType uint32
	}
	attr.progType = uint32(p.Type)
	attr.insnCnt = uint32(len(code) / asm.InstructionSize)
	attr.insns = uint64(uintptr(unsafe.Pointer(&code[0])))
	attr.license = uint64(uintptr(unsafe.Pointer(&lic[0])))
	attr.logLevel, attr.logSize = 1, uint32(len(buf))
	attr.logBuf = uint64(uintptr(unsafe.Pointer(&buf[0])))
	attr.kernVersion = p.KernelVersion
	attr.flags = p.Flags
	attr.attachType = uint32(p.AttachType)
	fd, _, errno := unix.Syscall(unix.SYS_BPF, unix.BPF_PROG_LOAD, uintptr(unsafe.Pointer(&attr)), unsafe.Sizeof(attr))
	if errno == 0 {
		unix.Close(int(fd))
	}
	if end := bytes.IndexByte(buf, 0); end >= 0 {
		buf = buf[:end]
	}
	return string(buf)
}
