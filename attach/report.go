package attach

import (
	"errors"
	"time"

	"github.com/cilium/ebpf/btf"
)

// ErrNothingAttached is matched by the error of a run none of whose
// programs could be attached (the skipped reports say why), or whose
// objects hold none.
var ErrNothingAttached = errors.New("no program attached")

// Options say where to attach and what to report.
type Options struct {
	// Iface is the interface XDP, tc and socket filter programs attach to.
	Iface string
	// Cgroup is the cgroup v2 directory cgroup programs attach to.
	Cgroup string
	// Uprobe is BINARY:SYMBOL for uprobes whose section names no target.
	Uprobe string
	// Duration ends the run; 0 runs until ctx ends.
	Duration time.Duration
	// Interval, if set, reports the maps every Interval as well as at the end.
	Interval time.Duration
	// Report gets what happens, from one goroutine at a time.
	Report func(Report)
	// KernelTypes is the kernel BTF to fix CO-RE relocations against;
	// nil means the running kernel's (/sys/kernel/btf/vmlinux).
	KernelTypes *btf.Spec
}

// A Report is one thing that happened: a program attached or skipped, an
// event, or the maps' contents.
type Report struct {
	Object  string     `json:"object,omitempty"`
	Program string     `json:"program,omitempty"`
	Section string     `json:"section,omitempty"`
	Kind    ReportKind `json:"kind"`
	Time    time.Time  `json:"time"`
	// Where a program was attached, or why it was not.
	Detail string `json:"detail,omitempty"`
	// Map and Record for an event: the map it came through, and the
	// record decoded through its BTF type (raw hex without one).
	Map    string `json:"map,omitempty"`
	Record any    `json:"record,omitempty"`
	Text   string `json:"text,omitempty"`
	// Maps are the maps' contents.
	Maps []MapDump `json:"maps,omitempty"`
}

// ReportKind says what a Report is.
type ReportKind string

// The kinds of reports.
const (
	Attached ReportKind = "attached"
	Skipped  ReportKind = "skipped"
	Event    ReportKind = "event"
	Maps     ReportKind = "maps"
)

// A MapDump is a map's entries, key and value each for people (Text)
// and JSON.
type MapDump struct {
	Object  string  `json:"object"`
	Map     string  `json:"map"`
	Entries []Entry `json:"entries"`
	// More counts the entries left out past the first maxEntries.
	More int `json:"more,omitempty"`
	// Err says why the entries stop short, when the kernel ended the
	// iteration early (a map changing under it).
	Err string `json:"error,omitempty"`
}

// An Entry is one key and its value.
type Entry struct {
	Key       any    `json:"key"`
	Value     any    `json:"value"`
	KeyText   string `json:"-"`
	ValueText string `json:"-"`
}
