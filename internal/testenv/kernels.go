package testenv

import (
	"strings"
	"testing"

	"github.com/oxbpf/oxbpf/internal/kernelcache"
)

// Kernels returns the image of every kernel line scripts/fetch-kernels.sh
// fetches, by line ("5.10" → its vmlinuz), and qemu to boot them, or stops
// the test as Need does when any is missing.
func Kernels(t testing.TB) (qemu string, images map[string]string) {
	t.Helper()
	qemu = LookPath(t, "qemu-system-x86_64")
	images = kernelcache.Found()
	var missing []string
	for _, line := range kernelcache.Lines {
		if images[line] == "" {
			missing = append(missing, line)
		}
	}
	Need(t, len(missing) == 0, "the kernel images of scripts/fetch-kernels.sh in "+kernelcache.Dir()+" (missing "+strings.Join(missing, ", ")+")")
	return qemu, images
}
