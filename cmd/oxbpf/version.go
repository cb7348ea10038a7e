package main

import (
	"cmp"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

// versionInfo is what the binary knows about its own build.
type versionInfo struct {
	Main     string // module version, "(devel)" for a build from a checkout
	Revision string // VCS revision, if the build recorded one
	Modified bool   // the checkout had local changes
	Go       string
}

func version() versionInfo {
	v := versionInfo{Main: "(devel)", Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Main = cmp.Or(info.Main.Version, v.Main)
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the version line of --version: "(devel) (rev, modified),
// go1.26.8 linux/amd64".
func (v versionInfo) String() string {
	s := v.Main
	if v.Revision != "" {
		s += " (" + v.Revision
		if v.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s + ", " + v.Go + " " + runtime.GOOS + "/" + runtime.GOARCH
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print oxbpf's version and the Go that built it",
		Description: `Prints the module version (or "(devel)" for a build from a checkout), the
VCS revision when the build recorded one, and the Go version and platform.

Example:
   oxbpf version`,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef(c, "no arguments expected")
			}
			_, err := fmt.Fprintln(c.App.Writer, "oxbpf", version())
			return err
		},
	}
}
