package verify

// newestRelease is the newest Linux release oxbpf knows.
var newestRelease = Kernel{6, 18}

// lastMinor is the last minor release of each major before the newest.
var lastMinor = map[int]int{3: 19, 4: 20, 5: 19}

// Releases lists the Linux releases from 3.18 (the first that loads BPF
// programs from ELF objects' loaders) up to k, oldest first, k included
// even when newer than the newest oxbpf knows. An unknown k means up to
// the newest.
func Releases(k Kernel) []Kernel {
	if !k.Known() {
		k = newestRelease
	}
	var out []Kernel
	for major := 3; major <= k.Major; major++ {
		first, last := 0, lastMinor[major]
		if major == 3 {
			first = 18
		}
		switch major {
		case k.Major:
			last = k.Minor
		case newestRelease.Major:
			last = newestRelease.Minor
		}
		for minor := first; minor <= last; minor++ {
			out = append(out, Kernel{major, minor})
		}
	}
	return out
}
