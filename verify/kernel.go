package verify

import (
	"fmt"
	"strconv"
	"strings"
)

// Kernel is a Linux kernel version, major and minor. The zero value means
// unknown, and the checks then assume the newest kernel.
type Kernel struct {
	Major, Minor int
}

// Kernels that changed what the verifier accepts.
var (
	kernelBPFCalls = Kernel{4, 16} // BPF-to-BPF calls
	kernelMillion  = Kernel{5, 2}  // 1M instructions instead of 4096
	kernelLoops    = Kernel{5, 3}  // bounded loops
	kernelMemcg    = Kernel{5, 11} // BPF memory charged to cgroups, not RLIMIT_MEMLOCK
)

// ParseKernel reads "X.Y", and also what uname -r prints ("6.1.0-18-amd64").
// "host" and the empty string mean the running kernel: see RunningKernel;
// off Linux, where there is none, "host" is an error.
func ParseKernel(s string) (Kernel, error) {
	if s == "" {
		return RunningKernel(), nil
	}
	if s == "host" {
		if k := RunningKernel(); k.Known() {
			return k, nil
		}
		return Kernel{}, fmt.Errorf("kernel version host: this is no Linux host; give major.minor, e.g. 5.10")
	}
	k, ok := parseRelease(s)
	if !ok {
		return Kernel{}, fmt.Errorf("kernel version %q: want major.minor, e.g. 5.10, or host", s)
	}
	return k, nil
}

// parseRelease takes the leading "X.Y" of s and ignores whatever follows a
// further non-digit.
func parseRelease(s string) (Kernel, bool) {
	major, rest, ok := strings.Cut(s, ".")
	if !ok {
		return Kernel{}, false
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(rest)
	} else if rest[end] != '.' && rest[end] != '-' && rest[end] != '+' {
		return Kernel{}, false
	}
	x, err1 := strconv.Atoi(major)
	y, err2 := strconv.Atoi(rest[:end])
	if err1 != nil || err2 != nil || x <= 0 || y < 0 || major[0] == '+' {
		return Kernel{}, false
	}
	return Kernel{x, y}, true
}

// Known reports whether k names a version rather than "unknown".
func (k Kernel) Known() bool { return k != Kernel{} }

// Before reports whether k is older than o. An unknown kernel is never
// older: it stands for the newest.
func (k Kernel) Before(o Kernel) bool {
	if !k.Known() {
		return false
	}
	return k.Major < o.Major || k.Major == o.Major && k.Minor < o.Minor
}

// String gives "X.Y", or "unknown" for the zero value.
func (k Kernel) String() string {
	if !k.Known() {
		return "unknown"
	}
	return fmt.Sprintf("%d.%d", k.Major, k.Minor)
}

// Set parses s as ParseKernel does, so that a Kernel can be a flag.Value.
func (k *Kernel) Set(s string) error {
	v, err := ParseKernel(s)
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// MarshalText writes String, so JSON shows "5.3" or "unknown".
func (k Kernel) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (k *Kernel) UnmarshalText(b []byte) error {
	if string(b) == "unknown" {
		*k = Kernel{}
		return nil
	}
	v, ok := parseRelease(string(b))
	if !ok {
		return fmt.Errorf("kernel version %q: want major.minor or unknown", b)
	}
	*k = v
	return nil
}
