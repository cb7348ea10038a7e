package pipeline

import (
	"context"

	"github.com/oxbpf/oxbpf/internal/cache"
	"github.com/oxbpf/oxbpf/internal/kernelcache"
	"github.com/oxbpf/oxbpf/vm"

	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// DoctorReport is what oxbpf finds on this machine: the tools a build
// would use (toolchain.Findings, whose keys it shares in JSON) and
// whether this process may load BPF.
type DoctorReport struct {
	*toolchain.Findings
	BPF verify.Privileges `json:"bpf"`
	// VMs is what --vm would boot with.
	VMs VMReadiness `json:"vms"`
	// Cache is where the tools found are kept between runs; "" for none.
	Cache string `json:"cache,omitempty"`
}

// VMReadiness says whether --vm can run here: the qemu it would use (or
// why there is none), and the kernel images scripts/fetch-kernels.sh
// cached, by line.
type VMReadiness struct {
	Qemu      string            `json:"qemu,omitempty"`
	QemuError string            `json:"qemu_error,omitempty"`
	KernelDir string            `json:"kernel_dir"`
	Kernels   map[string]string `json:"kernels"`
}

// Doctor looks at the machine as Build would for opts (Dir, Toolchain and
// the explicit tools count). The error, matching ErrToolchain, says that
// no usable opt and llc pair exists; the report is complete either way.
func Doctor(ctx context.Context, opts Options) (*DoctorReport, error) {
	var err error
	rep := &DoctorReport{BPF: verify.CheckPrivileges(), Cache: cache.UserDir()}
	rep.VMs.Qemu, err = vm.FindQemu(opts.Qemu)
	if err != nil {
		rep.VMs.QemuError = err.Error()
	}
	rep.VMs.KernelDir, rep.VMs.Kernels = kernelcache.Dir(), kernelcache.Found()
	rep.Findings, err = toolchain.Survey(ctx, opts.discoverOptions(opts.Dir, false))
	return rep, mark(ErrToolchain, err)
}
