package verify

import (
	"errors"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// effectiveCaps reads this process's effective capability mask from
// procfs.
func effectiveCaps() (capabilities, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return capabilities{}, err
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		v, ok := strings.CutPrefix(line, "CapEff:")
		if !ok {
			continue
		}
		mask, err := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
		if err != nil {
			return capabilities{}, err
		}
		has := func(c int) bool { return mask&(1<<c) != 0 }
		return capabilities{bpf: has(unix.CAP_BPF), sysAdmin: has(unix.CAP_SYS_ADMIN)}, nil
	}
	return capabilities{}, errors.New("no CapEff line in /proc/self/status")
}
