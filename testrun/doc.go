// Package testrun runs test cases on BPF programs in the running kernel,
// through BPF_PROG_TEST_RUN: `oxbpf test`. A case, written by hand in a
// TOML file, names a program, its input (a packet in hex or built from
// Ethernet, IPv4, IPv6, TCP and UDP fields; context bytes), the maps'
// contents before, and what must hold after: the return value (a number
// or a verdict's name), the packet, the maps' contents. Keys and values
// are written in the terms of the map's BTF types: numbers, enum names,
// text and IP addresses for byte arrays, arrays, and tables of a struct's
// fields, of which only those given are checked.
//
//	[[case]]
//	name = "UDP to the discard port is dropped"
//	program = "xdp_count"
//	packet = { eth = {}, ipv4 = { src = "10.0.0.1" }, udp = { dport = 9 } }
//	expect.return = "XDP_DROP"
//	[[case.expect.maps]]
//	map = "PROTOCOLS"
//	key = 17
//	value = 1
package testrun
