package verify

import (
	"fmt"
	"os"
	"runtime"
)

// Privileges say whether this process can load BPF programs, and why.
type Privileges struct {
	OS          string `json:"os"`
	Kernel      string `json:"kernel"` // "unknown" off Linux
	Root        bool   `json:"root"`
	CapBPF      bool   `json:"cap_bpf"`
	CapSysAdmin bool   `json:"cap_sys_admin"`
	CanLoad     bool   `json:"can_load"`
	Reason      string `json:"reason"`
}

// kernelCapBPF is the first kernel with CAP_BPF; before it loading needs
// CAP_SYS_ADMIN.
var kernelCapBPF = Kernel{Major: 5, Minor: 8}

// CheckPrivileges reads this process's capabilities and the running
// kernel's version, and says whether Load and Run can work here.
func CheckPrivileges() Privileges {
	p := Privileges{OS: runtime.GOOS, Kernel: "unknown", Root: os.Geteuid() == 0}
	if runtime.GOOS != "linux" {
		p.Reason = "loading BPF needs Linux; objects still build and verify statically here"
		return p
	}
	k := RunningKernel()
	p.Kernel = k.String()
	caps, err := effectiveCaps()
	if err != nil {
		p.Reason = "cannot read this process's capabilities: " + err.Error()
		return p
	}
	p.CapSysAdmin = caps.sysAdmin
	p.CapBPF = caps.bpf && !k.Before(kernelCapBPF)
	p.CanLoad = p.CapBPF || p.CapSysAdmin
	switch {
	case p.CanLoad:
		p.Reason = fmt.Sprintf("this process may load BPF programs into Linux %v (--load)", k)
	case k.Before(kernelCapBPF):
		p.Reason = fmt.Sprintf("Linux %v has no CAP_BPF: run as root (CAP_SYS_ADMIN) to use --load", k)
	default:
		p.Reason = "no CAP_BPF: run as root, or grant CAP_BPF (setcap cap_bpf,cap_perfmon+ep), to use --load"
	}
	return p
}

// capabilities are the effective capabilities that matter for loading.
type capabilities struct{ bpf, sysAdmin bool }
