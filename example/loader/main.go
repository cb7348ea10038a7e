// Command loader loads the example's XDP program through the Go bindings
// oxbpf writes (`go generate` runs oxbpf build with --go-package main),
// attaches it to an interface, and prints the packets it counted per IP
// protocol when the time is up or on Ctrl-C. It needs root (or CAP_BPF and
// CAP_NET_ADMIN).
//
//	go generate && go build && sudo ./loader -iface eth0 -duration 10s
package main

//go:generate oxbpf build .. --go-package main --go-out .

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"

	"github.com/cilium/ebpf/link"
)

func main() {
	iface := flag.String("iface", "", "the interface to attach the program to")
	duration := flag.Duration("duration", 10*time.Second, "how long to count")
	flag.Parse()
	log.SetFlags(0)
	if *iface == "" {
		log.Fatal("loader: give -iface NAME")
	}
	if err := run(*iface, *duration); err != nil {
		log.Fatalf("loader: %v", err)
	}
}

func run(iface string, duration time.Duration) error {
	dev, err := net.InterfaceByName(iface)
	if err != nil {
		return err
	}
	var objs xdpCountObjects
	if err := loadXdpCountObjects(&objs, nil); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer objs.Close()
	l, err := link.AttachXDP(link.XDPOptions{Program: objs.XdpCount, Interface: dev.Index})
	if err != nil {
		return fmt.Errorf("attach to %s: %w", iface, err)
	}
	defer l.Close()
	fmt.Printf("counting on %s for %v\n", iface, duration)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	select {
	case <-time.After(duration):
	case <-stop:
	}

	counts := map[uint32]uint64{}
	var protocol uint32
	var packets uint64
	it := objs.PROTOCOLS.Iterate()
	for it.Next(&protocol, &packets) {
		counts[protocol] = packets
	}
	if err := it.Err(); err != nil {
		return errors.Join(errors.New("read PROTOCOLS"), err)
	}
	keys := make([]uint32, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		fmt.Printf("protocol %d: %d packets\n", k, counts[k])
	}
	return nil
}
