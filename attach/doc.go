// Package attach loads BPF objects, attaches every program by its
// section, streams the records of ring buffers and perf event arrays
// decoded through BTF, and reads the maps: `oxbpf run`. Everything
// attached is detached, and everything loaded unloaded, when the run
// ends; nothing is pinned.
package attach
