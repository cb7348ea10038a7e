// Package kernelcache finds the kernel images scripts/fetch-kernels.sh
// keeps: vmlinuz-<release> files in $OXBPF_KERNELS, else
// $XDG_CACHE_HOME/oxbpf/kernels, else ~/.cache/oxbpf/kernels. The CLI
// resolves `--vm 6.1` there and the tests find their kernels there, so
// both must agree with the script on where that is.
package kernelcache

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Lines are the kernel lines the script fetches, oldest first.
var Lines = []string{"5.10", "6.1", "6.12"}

// Dir is the cache directory, whether it exists or not.
func Dir() string {
	if d := os.Getenv("OXBPF_KERNELS"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "oxbpf", "kernels")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "oxbpf", "kernels")
	}
	return filepath.Join(home, ".cache", "oxbpf", "kernels")
}

// Find returns the newest cached image of a kernel line ("6.1" finds
// vmlinuz-6.1.0-57-cloud-amd64, not 6.12's), or "" when there is none.
func Find(line string) string {
	images, _ := filepath.Glob(filepath.Join(Dir(), "vmlinuz-"+line+".*"))
	slices.SortFunc(images, func(a, b string) int { return slices.Compare(numbers(a), numbers(b)) })
	if len(images) == 0 {
		return ""
	}
	return images[len(images)-1]
}

// Found returns the newest cached image of each line that has one, by
// line.
func Found() map[string]string {
	images := map[string]string{}
	for _, line := range Lines {
		if image := Find(line); image != "" {
			images[line] = image
		}
	}
	return images
}

// numbers are the runs of digits in s, for ordering releases: 6.1.0-57
// after 6.1.0-9.
func numbers(s string) []int {
	var ns []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		n, _ := strconv.Atoi(f)
		ns = append(ns, n)
	}
	return ns
}

// IsLine reports whether s names a kernel line ("6.1") rather than a file.
func IsLine(s string) bool {
	return slices.Contains(Lines, s)
}
