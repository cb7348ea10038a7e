package testrun

import (
	"encoding/binary"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
)

// packetBytes reads a packet: hex, or a table of layers, built in the
// order eth, ipv4 or ipv6, tcp or udp, payload:
//
//	[case.packet]
//	eth = { src = "02:00:00:00:00:01" }
//	ipv4 = { src = "10.0.0.1", dst = "10.0.0.2", ttl = 64 }
//	udp = { sport = 4000, dport = 53 }
//	payload = "68656c6c6f"
//
// Lengths, next-protocol fields and checksums are filled in; a field
// given overrides them.
func packetBytes(v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return hexBytes(v)
	case map[string]any:
		return buildPacket(v)
	}
	return nil, fmt.Errorf("want hex or a table of layers, not %T", v)
}

// layerKeys are a packet table's keys, each with the fields it takes.
var layerKeys = map[string][]string{
	"eth":     {"dst", "src", "proto"},
	"ipv4":    {"src", "dst", "ttl", "tos", "id", "proto", "check"},
	"ipv6":    {"src", "dst", "hop_limit", "next"},
	"tcp":     {"sport", "dport", "seq", "ack", "flags", "window", "check"},
	"udp":     {"sport", "dport", "check"},
	"payload": nil,
}

func buildPacket(t map[string]any) ([]byte, error) {
	layers := map[string]map[string]any{}
	for k, v := range t {
		fields, ok := layerKeys[k]
		if !ok {
			return nil, fmt.Errorf("unknown layer %q: want eth, ipv4, ipv6, tcp, udp, payload", k)
		}
		if k == "payload" {
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: want a table of fields (%s)", k, strings.Join(fields, ", "))
		}
		for f := range m {
			if !slices.Contains(fields, f) {
				return nil, fmt.Errorf("%s: unknown field %q: want %s", k, f, strings.Join(fields, ", "))
			}
		}
		layers[k] = m
	}
	if layers["ipv4"] != nil && layers["ipv6"] != nil || layers["tcp"] != nil && layers["udp"] != nil {
		return nil, fmt.Errorf("one of ipv4 and ipv6, one of tcp and udp")
	}
	var payload []byte
	if p, ok := t["payload"]; ok {
		s, ok := p.(string)
		if !ok {
			return nil, fmt.Errorf("payload: want hex")
		}
		var err error
		if payload, err = hexBytes(s); err != nil {
			return nil, fmt.Errorf("payload: %w", err)
		}
	}
	f := fields{}
	// From the inside out: each layer knows what it holds.
	var l4 []byte
	l4proto := 0
	switch {
	case layers["udp"] != nil:
		u := f.in(layers["udp"], "udp")
		l4 = make([]byte, 8)
		binary.BigEndian.PutUint16(l4[0:], uint16(u.numOr("sport", 0, 0xffff)))
		binary.BigEndian.PutUint16(l4[2:], uint16(u.numOr("dport", 0, 0xffff)))
		binary.BigEndian.PutUint16(l4[4:], uint16(8+len(payload)))
		l4proto = 17
	case layers["tcp"] != nil:
		c := f.in(layers["tcp"], "tcp")
		l4 = make([]byte, 20)
		binary.BigEndian.PutUint16(l4[0:], uint16(c.numOr("sport", 0, 0xffff)))
		binary.BigEndian.PutUint16(l4[2:], uint16(c.numOr("dport", 0, 0xffff)))
		binary.BigEndian.PutUint32(l4[4:], uint32(c.numOr("seq", 0, 0xffffffff)))
		binary.BigEndian.PutUint32(l4[8:], uint32(c.numOr("ack", 0, 0xffffffff)))
		l4[12] = 5 << 4
		l4[13] = byte(c.tcpFlags("flags"))
		binary.BigEndian.PutUint16(l4[14:], uint16(c.numOr("window", 65535, 0xffff)))
		l4proto = 6
	}
	l4 = append(l4, payload...)
	var l3 []byte
	ethProto := 0
	switch {
	case layers["ipv4"] != nil:
		ip := f.in(layers["ipv4"], "ipv4")
		src, dst := ip.addr("src", 4), ip.addr("dst", 4)
		l3 = make([]byte, 20)
		l3[0], l3[1] = 0x45, byte(ip.numOr("tos", 0, 0xff))
		binary.BigEndian.PutUint16(l3[2:], uint16(20+len(l4)))
		binary.BigEndian.PutUint16(l3[4:], uint16(ip.numOr("id", 0, 0xffff)))
		l3[8], l3[9] = byte(ip.numOr("ttl", 64, 0xff)), byte(ip.numOr("proto", l4proto, 0xff))
		copy(l3[12:], src)
		copy(l3[16:], dst)
		binary.BigEndian.PutUint16(l3[10:], uint16(ip.numOr("check", int(checksum(l3, 0)), 0xffff)))
		if len(l4) >= 8 && l4proto != 0 {
			fillL4Checksum(f, layers, l4, l4proto, pseudo(src, dst, l4proto, len(l4)))
		}
		ethProto = 0x0800
	case layers["ipv6"] != nil:
		ip := f.in(layers["ipv6"], "ipv6")
		src, dst := ip.addr("src", 16), ip.addr("dst", 16)
		l3 = make([]byte, 40)
		l3[0] = 0x60
		binary.BigEndian.PutUint16(l3[4:], uint16(len(l4)))
		l3[6], l3[7] = byte(ip.numOr("next", l4proto, 0xff)), byte(ip.numOr("hop_limit", 64, 0xff))
		copy(l3[8:], src)
		copy(l3[24:], dst)
		if len(l4) >= 8 && l4proto != 0 {
			fillL4Checksum(f, layers, l4, l4proto, pseudo(src, dst, l4proto, len(l4)))
		}
		ethProto = 0x86dd
	}
	var l2 []byte
	if e := layers["eth"]; e != nil || l3 != nil {
		eth := f.in(e, "eth")
		l2 = make([]byte, 14)
		copy(l2[0:], eth.mac("dst"))
		copy(l2[6:], eth.mac("src"))
		binary.BigEndian.PutUint16(l2[12:], uint16(eth.numOr("proto", ethProto, 0xffff)))
	}
	if f.err != nil {
		return nil, f.err
	}
	return slices.Concat(l2, l3, l4), nil
}

func fillL4Checksum(f fields, layers map[string]map[string]any, l4 []byte, proto int, pseudo uint32) {
	at, name := 6, "udp"
	if proto == 6 {
		at, name = 16, "tcp"
	}
	sum := checksum(l4, pseudo)
	if proto == 17 && sum == 0 {
		sum = 0xffff // UDP sends a computed zero as all ones
	}
	binary.BigEndian.PutUint16(l4[at:], uint16(f.in(layers[name], name).numOr("check", int(sum), 0xffff)))
}

// checksum is the Internet checksum of b, starting from sum.
func checksum(b []byte, sum uint32) uint16 {
	for i := 0; i+1 < len(b); i += 2 {
		sum += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		sum += uint32(b[len(b)-1]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// pseudo sums the pseudo-header TCP and UDP checksums cover, IPv4's or
// IPv6's: the addresses, the protocol and the length.
func pseudo(src, dst []byte, proto, n int) uint32 {
	return addWords(src) + addWords(dst) + uint32(proto) + uint32(n)
}

func addWords(b []byte) uint32 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	return s
}

// fields reads a layer's fields, keeping the first error.
type fields struct{ err error }

type layer struct {
	f    *fields
	name string
	m    map[string]any
}

func (f *fields) in(m map[string]any, name string) layer { return layer{f, name, m} }

func (l layer) fail(field, format string, args ...any) {
	if l.f.err == nil {
		l.f.err = fmt.Errorf("%s.%s: %s", l.name, field, fmt.Sprintf(format, args...))
	}
}

func (l layer) numOr(field string, def, max int) int {
	v, ok := l.m[field]
	if !ok {
		return def
	}
	n, ok := v.(int64)
	if !ok || n < 0 || n > int64(max) {
		l.fail(field, "want a number from 0 to %d, not %v", max, v)
		return def
	}
	return int(n)
}

func (l layer) addr(field string, size int) []byte {
	s, _ := l.m[field].(string)
	if s == "" {
		if size == 4 {
			return []byte{10, 0, 0, 1}
		}
		return netip.IPv6Loopback().AsSlice()
	}
	a, err := netip.ParseAddr(s)
	if err != nil || a.BitLen() != 8*size {
		l.fail(field, "want an IPv%d address, not %q", map[int]int{4: 4, 16: 6}[size], s)
		return make([]byte, size)
	}
	return a.AsSlice()
}

func (l layer) mac(field string) []byte {
	s, _ := l.m[field].(string)
	if s == "" {
		return make([]byte, 6)
	}
	b, err := hexBytes(s)
	if err != nil || len(b) != 6 {
		l.fail(field, "want a MAC address (02:00:00:00:00:01), not %q", s)
		return make([]byte, 6)
	}
	return b
}

var tcpFlagBits = map[string]int{"FIN": 1, "SYN": 2, "RST": 4, "PSH": 8, "ACK": 16, "URG": 32, "ECE": 64, "CWR": 128}

// tcpFlags reads flags as a number or names joined by |: "SYN|ACK".
func (l layer) tcpFlags(field string) int {
	switch v := l.m[field].(type) {
	case nil:
		return 0
	case int64:
		return l.numOr(field, 0, 0xff)
	case string:
		n := 0
		for name := range strings.SplitSeq(v, "|") {
			bit, ok := tcpFlagBits[strings.ToUpper(strings.TrimSpace(name))]
			if !ok {
				l.fail(field, "unknown flag %q: want FIN, SYN, RST, PSH, ACK, URG, ECE, CWR", name)
			}
			n |= bit
		}
		return n
	}
	l.fail(field, "want a number or names such as \"SYN|ACK\"")
	return 0
}

// parseNumber reads a number given as a TOML integer or a string in any
// of Go's integer syntaxes ("0x1f").
func parseNumber(v any) (int64, bool) {
	switch v := v.(type) {
	case int64:
		return v, true
	case string:
		n, err := strconv.ParseInt(v, 0, 64)
		if err == nil {
			return n, true
		}
		u, err := strconv.ParseUint(v, 0, 64)
		return int64(u), err == nil
	}
	return 0, false
}
