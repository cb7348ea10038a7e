//go:build !linux

package verify

import "errors"

// effectiveCaps is never called off Linux, where nothing loads.
func effectiveCaps() (capabilities, error) {
	return capabilities{}, errors.New("capabilities are a Linux concept")
}
