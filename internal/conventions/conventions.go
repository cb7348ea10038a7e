// Package conventions holds what oxbpf writes into objects for its own
// tools to read back, so that the writer (rewrite) and the readers
// (verify, gogen, oxbpf run) agree.
package conventions

// EventSection is where oxbpf records the record type of each ring buffer
// and perf event array built on oxbpf-ebpf's RingBuf<T> and
// PerfEventArray<T>: a variable EventVarPrefix+<map> of type T. libbpf
// and cilium/ebpf skip sections named .debug_*, quietly.
const EventSection = ".debug_oxbpf_events"

// EventVarPrefix begins the name of a map's event variable.
const EventVarPrefix = "__oxbpf_event_"
