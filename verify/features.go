package verify

import (
	"github.com/cilium/ebpf"
)

// What each Linux release brought that an object can use, for the checks
// of --kernel. The releases come from the kernel's git history: the first
// release tag whose include/uapi/linux/bpf.h (or verifier) has the
// feature, as bcc's docs/kernel-versions.md and the eBPF docs'
// data/feature-versions.yaml (docs.ebpf.io, generated from the tags)
// record them. Where those two disagree (helpers 116–118 and 121–124:
// bcc says 5.5 and 5.6, the tags 5.6 and 5.7; helper 7: the tags say
// 4.17 for an id older than helper 8's 4.1) the tags win unless they
// break the order helper ids are given out in. The releases from 5.10 on
// are checked against real kernels (verify/kernels_test.go).

// helperReleases gives, oldest first, the last helper id each release
// brought: ids are handed out in order, so a release knows every helper up
// to its last, and none after.
var helperReleases = []struct {
	since Kernel
	last  int32
}{
	{Kernel{3, 19}, 3}, {Kernel{4, 1}, 11}, {Kernel{4, 2}, 16}, {Kernel{4, 3}, 22},
	{Kernel{4, 4}, 25}, {Kernel{4, 5}, 26}, {Kernel{4, 6}, 30}, {Kernel{4, 8}, 36},
	{Kernel{4, 9}, 41}, {Kernel{4, 10}, 44}, {Kernel{4, 11}, 45}, {Kernel{4, 12}, 47},
	{Kernel{4, 13}, 50}, {Kernel{4, 14}, 53}, {Kernel{4, 15}, 57}, {Kernel{4, 16}, 59},
	{Kernel{4, 17}, 64}, {Kernel{4, 18}, 80}, {Kernel{4, 19}, 83}, {Kernel{4, 20}, 90},
	{Kernel{5, 0}, 92}, {Kernel{5, 1}, 98}, {Kernel{5, 2}, 108}, {Kernel{5, 3}, 109},
	{Kernel{5, 4}, 110}, {Kernel{5, 5}, 115}, {Kernel{5, 6}, 118}, {Kernel{5, 7}, 124},
	{Kernel{5, 8}, 135}, {Kernel{5, 9}, 141}, {Kernel{5, 10}, 155}, {Kernel{5, 11}, 162},
	{Kernel{5, 12}, 163}, {Kernel{5, 13}, 165}, {Kernel{5, 14}, 168}, {Kernel{5, 15}, 175},
	{Kernel{5, 16}, 179}, {Kernel{5, 17}, 185}, {Kernel{5, 18}, 193}, {Kernel{5, 19}, 203},
	{Kernel{6, 0}, 207}, {Kernel{6, 1}, 209}, {Kernel{6, 2}, 211},
}

// HelperSince returns the release that brought helper id, and false for
// an id no release oxbpf knows has.
func HelperSince(id int32) (Kernel, bool) {
	for _, r := range helperReleases {
		if id >= 1 && id <= r.last {
			return r.since, true
		}
	}
	return Kernel{}, false
}

// mapTypes gives the release that brought each map type.
var mapTypes = map[ebpf.MapType]Kernel{
	ebpf.Hash: {3, 19}, ebpf.Array: {3, 19}, ebpf.ProgramArray: {4, 2}, ebpf.PerfEventArray: {4, 3},
	ebpf.PerCPUHash: {4, 6}, ebpf.PerCPUArray: {4, 6}, ebpf.StackTrace: {4, 6}, ebpf.CGroupArray: {4, 8},
	ebpf.LRUHash: {4, 10}, ebpf.LRUCPUHash: {4, 10}, ebpf.LPMTrie: {4, 11}, ebpf.ArrayOfMaps: {4, 12},
	ebpf.HashOfMaps: {4, 12}, ebpf.DevMap: {4, 14}, ebpf.SockMap: {4, 14}, ebpf.CPUMap: {4, 15},
	ebpf.XSKMap: {4, 18}, ebpf.SockHash: {4, 18}, ebpf.CGroupStorage: {4, 19}, ebpf.ReusePortSockArray: {4, 19},
	ebpf.PerCPUCGroupStorage: {4, 20}, ebpf.Queue: {4, 20}, ebpf.Stack: {4, 20}, ebpf.SkStorage: {5, 2},
	ebpf.DevMapHash: {5, 4}, ebpf.StructOpsMap: {5, 6}, ebpf.RingBuf: {5, 8}, ebpf.InodeStorage: {5, 10},
	ebpf.TaskStorage: {5, 11}, ebpf.BloomFilter: {5, 16}, ebpf.UserRingbuf: {6, 1}, ebpf.CgroupStorage: {6, 2},
	ebpf.Arena: {6, 9},
}

// programTypes gives the release that brought each program type.
var programTypes = map[ebpf.ProgramType]Kernel{
	ebpf.SocketFilter: {3, 19}, ebpf.Kprobe: {4, 1}, ebpf.SchedCLS: {4, 1}, ebpf.SchedACT: {4, 1},
	ebpf.TracePoint: {4, 7}, ebpf.XDP: {4, 8}, ebpf.PerfEvent: {4, 9}, ebpf.CGroupSKB: {4, 10},
	ebpf.CGroupSock: {4, 10}, ebpf.LWTIn: {4, 10}, ebpf.LWTOut: {4, 10}, ebpf.LWTXmit: {4, 10},
	ebpf.SockOps: {4, 13}, ebpf.SkSKB: {4, 14}, ebpf.CGroupDevice: {4, 15}, ebpf.SkMsg: {4, 17},
	ebpf.RawTracepoint: {4, 17}, ebpf.CGroupSockAddr: {4, 17}, ebpf.LWTSeg6Local: {4, 18}, ebpf.LircMode2: {4, 18},
	ebpf.SkReuseport: {4, 19}, ebpf.FlowDissector: {4, 20}, ebpf.CGroupSysctl: {5, 2}, ebpf.RawTracepointWritable: {5, 2},
	ebpf.CGroupSockopt: {5, 3}, ebpf.Tracing: {5, 5}, ebpf.StructOps: {5, 6}, ebpf.Extension: {5, 6},
	ebpf.LSM: {5, 7}, ebpf.SkLookup: {5, 9}, ebpf.Syscall: {5, 14}, ebpf.Netfilter: {6, 4},
}

// attachTypes gives the release that brought each expected attach type
// whose program types' loads check it (attachChecked); the other types'
// loads ignore the attach type, which only their attachment needs.
var attachTypes = map[ebpf.AttachType]Kernel{
	ebpf.AttachCGroupInetSockCreate: {4, 10}, ebpf.AttachCGroupInet4PostBind: {4, 17}, ebpf.AttachCGroupInet6PostBind: {4, 17},
	ebpf.AttachCgroupInetSockRelease: {5, 9},
	ebpf.AttachCGroupInet4Bind:       {4, 17}, ebpf.AttachCGroupInet6Bind: {4, 17},
	ebpf.AttachCGroupInet4Connect: {4, 17}, ebpf.AttachCGroupInet6Connect: {4, 17},
	ebpf.AttachCGroupUDP4Sendmsg: {4, 18}, ebpf.AttachCGroupUDP6Sendmsg: {4, 18},
	ebpf.AttachCGroupUDP4Recvmsg: {5, 2}, ebpf.AttachCGroupUDP6Recvmsg: {5, 2},
	ebpf.AttachCgroupInet4GetPeername: {5, 8}, ebpf.AttachCgroupInet6GetPeername: {5, 8},
	ebpf.AttachCgroupInet4GetSockname: {5, 8}, ebpf.AttachCgroupInet6GetSockname: {5, 8},
	ebpf.AttachCgroupUnixConnect: {6, 7}, ebpf.AttachCgroupUnixSendmsg: {6, 7}, ebpf.AttachCgroupUnixRecvmsg: {6, 7},
	ebpf.AttachCgroupUnixGetpeername: {6, 7}, ebpf.AttachCgroupUnixGetsockname: {6, 7},
	ebpf.AttachCGroupGetsockopt: {5, 3}, ebpf.AttachCGroupSetsockopt: {5, 3},
	ebpf.AttachTraceRawTp: {5, 5}, ebpf.AttachTraceFEntry: {5, 5}, ebpf.AttachTraceFExit: {5, 5},
	ebpf.AttachModifyReturn: {5, 7}, ebpf.AttachTraceIter: {5, 8},
	ebpf.AttachLSMMac: {5, 7}, ebpf.AttachLSMCgroup: {6, 0},
	ebpf.AttachSkLookup:  {5, 9},
	ebpf.AttachNetfilter: {6, 4},
}

// attachChecked are the program types whose load checks the expected
// attach type. The others' loads ignore it: cilium/ebpf passes AttachXDP
// for every XDP program, which kernels before 5.9 load all the same, and
// sk_reuseport programs' attach types before 5.14, which brought them.
var attachChecked = []ebpf.ProgramType{
	ebpf.CGroupSock, ebpf.CGroupSockAddr, ebpf.CGroupSockopt, ebpf.Tracing, ebpf.LSM,
	ebpf.SkLookup, ebpf.Netfilter,
}

// Releases that brought instructions and other features of programs.
var (
	kernelJumpLess      = Kernel{4, 14} // jlt, jle, jslt, jsle (-mcpu v2)
	kernelJump32        = Kernel{5, 1}  // the JMP32 class (-mcpu v3)
	kernelGlobalData    = Kernel{5, 2}  // .data, .rodata, .bss as maps
	kernelTailCallsSubs = Kernel{5, 10} // tail calls from a program with BPF-to-BPF calls (x86-64)
	kernelAtomics       = Kernel{5, 12} // atomic and/or/xor, fetch, xchg, cmpxchg
	kernelKfuncs        = Kernel{5, 13} // calls of kernel functions (kfuncs)
	kernelCPUv4         = Kernel{6, 6}  // sign extension, signed division, bswap, gotol (-mcpu v4)
	kernelAcquire       = Kernel{6, 15} // load-acquire, store-release
)

// BTF kinds and what the loaders do with them on older kernels.
var (
	// BTFFloatSince is the release of BTF's FLOAT kind, which cilium/ebpf
	// sends as it is and libbpf replaces for older kernels.
	BTFFloatSince    = Kernel{5, 13}
	kernelBTFDeclTag = Kernel{5, 16} // both loaders replace it
	kernelBTFTypeTag = Kernel{5, 17} // both loaders replace it
	kernelBTFEnum64  = Kernel{6, 0}  // both loaders replace it
)

// CPUSince returns the oldest kernel that runs what llc writes for cpu:
// v2's jumps came with 4.14, v3's 32-bit jumps with 5.1, v4's
// instructions with 6.6.
func CPUSince(cpu string) Kernel {
	switch cpu {
	case "v2":
		return kernelJumpLess
	case "v3":
		return kernelJump32
	case "v4":
		return kernelCPUv4
	}
	return Kernel{}
}
