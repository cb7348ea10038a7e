// Package controls reads the control objects of verify/testdata/kernel,
// each using one thing a Linux release brought, and judges whether a
// kernel's verdict on one agrees with what oxbpf's --kernel checks say of
// it. The tests of verify judge the running kernel's, those of vm the
// kernels under qemu.
package controls

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/oxbpf/oxbpf/verify"
)

// A Control is one line of controls.txt.
type Control struct {
	// Name is the object's name, Path its file.
	Name, Path string
	// Since is the release that brought what the object uses.
	Since verify.Kernel
	// How says how a kernel shows it: Helper, Load, Refuse or Note.
	How How
}

// How a kernel shows whether it has what a control uses.
type How string

const (
	// Helper: the verifier names the helper, where a kernel without it
	// says unknown#ID, whether or not it then takes the program.
	Helper How = "helper"
	// Load: the object loads.
	Load How = "load"
	// Refuse: a kernel before Since refuses the object; a newer one may
	// lack more than Since brought (a kernel function, an attach target).
	Refuse How = "refuse"
	// Backported: the object loads from Since, as with Load, and also on
	// a distribution's kernel of an earlier line that backported it:
	// Debian's 6.1 takes gotol, which mainline brought in 6.6. --kernel
	// follows mainline, so it refuses what such a kernel takes, never the
	// other way round.
	Backported How = "backported"
	// Note: what the loaders adapt for older kernels; the object loads on
	// every kernel.
	Note How = "note"
)

// Read reads dir/controls.txt.
func Read(dir string) ([]Control, error) {
	f, err := os.Open(filepath.Join(dir, "controls.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Control
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 {
			return nil, fmt.Errorf("controls.txt:%d: want name, release, how, source and flags", n)
		}
		var k verify.Kernel
		if err := k.UnmarshalText([]byte(fields[1])); err != nil {
			return nil, fmt.Errorf("controls.txt:%d: %v", n, err)
		}
		c := Control{Name: fields[0], Path: filepath.Join(dir, fields[0]+".o"), Since: k, How: How(fields[2])}
		switch c.How {
		case Helper, Load, Refuse, Backported, Note:
		default:
			return nil, fmt.Errorf("controls.txt:%d: how %q: want helper, load, refuse, backported or note", n, c.How)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// Agrees reports whether a kernel's load of the control agrees with
// what --kernel says of that kernel, and if not, how they differ.
// rep is the kernel's report (nil when loading failed as a whole, with
// err); k is the kernel's release.
func (c Control) Agrees(k verify.Kernel, rep *verify.LoadReport, err error) (bool, string, error) {
	static, ierr := verify.Inspect(c.Path, verify.Options{Kernel: k})
	if ierr != nil {
		return false, "", ierr
	}
	staticOK := static.OK()
	var realOK bool
	switch c.How {
	case Helper:
		realOK = err == nil && !mentions(rep, fmt.Sprintf("unknown#%d", c.helperID()))
	default:
		realOK = err == nil && rep.OK()
	}
	what := fmt.Sprintf("--kernel %v says %s, Linux %v %s", k, verdict(staticOK, "takes it", "refuses it"), k, verdict(realOK, "takes it", "refuses it"))
	if !realOK {
		what += ": " + firstError(rep, err)
	}
	switch {
	case c.How == Refuse && staticOK:
		return true, what, nil // a newer kernel may lack more
	case c.How == Backported && realOK:
		return true, what, nil // a backport; refusing it is the safe side
	}
	return staticOK == realOK, what, nil
}

// helperID is the helper a Helper control calls: helper-<id>-<name>.
func (c Control) helperID() int {
	id, _ := strconv.Atoi(strings.SplitN(strings.TrimPrefix(c.Name, "helper-"), "-", 2)[0])
	return id
}

func mentions(rep *verify.LoadReport, s string) bool {
	for _, p := range rep.Programs {
		if strings.Contains(p.Error, s) || strings.Contains(p.Log, s) {
			return true
		}
	}
	return false
}

func firstError(rep *verify.LoadReport, err error) string {
	if err != nil {
		return err.Error()
	}
	for _, m := range rep.Maps {
		if !m.OK {
			return "map " + m.Name + ": " + m.Error
		}
	}
	for _, p := range rep.Programs {
		if !p.OK {
			return "program " + p.Name + ": " + p.Error
		}
	}
	return ""
}

func verdict(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}
