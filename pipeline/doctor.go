package pipeline

import (
	"context"

	"github.com/oxbpf/oxbpf/toolchain"
	"github.com/oxbpf/oxbpf/verify"
)

// DoctorReport is what oxbpf finds on this machine: the tools a build
// would use (toolchain.Findings, whose keys it shares in JSON) and
// whether this process may load BPF.
type DoctorReport struct {
	*toolchain.Findings
	BPF verify.Privileges `json:"bpf"`
}

// Doctor looks at the machine as Build would for opts (Dir, Toolchain and
// the explicit tools count). The error, matching ErrToolchain, says that
// no usable opt and llc pair exists; the report is complete either way.
func Doctor(ctx context.Context, opts Options) (*DoctorReport, error) {
	rep := &DoctorReport{BPF: verify.CheckPrivileges()}
	var err error
	rep.Findings, err = toolchain.Survey(ctx, opts.discoverOptions(opts.Dir, false))
	return rep, mark(ErrToolchain, err)
}
