package toolchain

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Crate is what `cargo metadata` says about a package.
type Crate struct {
	Name         string
	ManifestPath string
	// IRDir is where rustc writes each bin's IR, as <IRDir>/<bin>.ll
	// (--emit=llvm-ir=<path>): exactly the file of this run, never a
	// stale one from deps/. It stays the same from run to run, under
	// cargo's own <build dir>/[<target>/]release/, because cargo hashes
	// the path into the bin's fingerprint and keeps one per distinct path.
	IRDir string
	Bins  []BinTarget
	// PathPackages are the packages the build compiles from local
	// directories: the crate itself and its path dependencies, by
	// directory. Debug info names files under them, so a build with debug
	// info remaps each to a name that does not depend on the checkout.
	PathPackages map[string]string // directory → package name
	// TargetDir is cargo's target directory, where build scripts write
	// generated sources.
	TargetDir string
}

// BinTarget is one [[bin]] of a crate.
type BinTarget struct {
	Name             string
	RequiredFeatures []string
}

// Metadata lists the bin targets of the crate a describes, with
// `cargo metadata --no-deps`.
func Metadata(ctx context.Context, a Project) (*Crate, error) {
	return hostSystem().metadata(ctx, a)
}

// BinsToBuild returns the bins Cargo builds for these Bins and Features:
// the ones asked for, each checked to exist, or else every bin whose
// required-features are all given.
func (c *Crate) BinsToBuild(asked, features []string) ([]string, error) {
	return selectBins(c, asked, features)
}

func selectBins(crate *Crate, asked, features []string) ([]string, error) {
	var names []string
	for _, b := range crate.Bins {
		names = append(names, b.Name)
	}
	if len(asked) > 0 {
		var bins []string
		for _, bin := range asked {
			i := slices.Index(names, bin)
			if i < 0 {
				return nil, fmt.Errorf("cargo: crate %s has no bin %q (bins: %s)", crate.Name, bin, strings.Join(names, ", "))
			}
			if missing := notIn(crate.Bins[i].RequiredFeatures, features); len(missing) > 0 {
				return nil, fmt.Errorf("cargo: bin %s requires the features %s: add --features %s", bin, strings.Join(missing, ", "), strings.Join(missing, ","))
			}
			if !slices.Contains(bins, bin) { // --bin a --bin a builds a once
				bins = append(bins, bin)
			}
		}
		return bins, nil
	}
	var bins []string
	for _, b := range crate.Bins {
		if len(notIn(b.RequiredFeatures, features)) == 0 {
			bins = append(bins, b.Name)
		}
	}
	if len(bins) == 0 {
		return nil, fmt.Errorf("cargo: crate %s has no bin target to build (bins: %s)", crate.Name, strings.Join(names, ", "))
	}
	return bins, nil
}

// safeFileName reports whether name can stand as one path element on any
// system: not empty, no separator, no leading dot, no control character
// and none of the characters Windows refuses.
func safeFileName(name string) bool {
	if name == "" || name[0] == '.' {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return false
		}
	}
	return true
}

// notIn returns the elements of want that have lacks.
func notIn(want, have []string) []string {
	var missing []string
	for _, w := range want {
		if !slices.Contains(have, w) {
			missing = append(missing, w)
		}
	}
	return missing
}

// cargoMetadata is the part of `cargo metadata --format-version 1` we read.
type cargoMetadata struct {
	Packages []struct {
		ID           string  `json:"id"`
		Name         string  `json:"name"`
		Source       *string `json:"source"` // null for a local (path) package
		ManifestPath string  `json:"manifest_path"`
		Targets      []struct {
			Name             string   `json:"name"`
			Kind             []string `json:"kind"`
			RequiredFeatures []string `json:"required-features"`
		} `json:"targets"`
	} `json:"packages"`
	WorkspaceMembers []string `json:"workspace_members"`
	TargetDirectory  string   `json:"target_directory"`
	// BuildDirectory holds deps/ since cargo 1.91 (build-dir); older cargo
	// leaves it out and uses the target directory.
	BuildDirectory string `json:"build_directory"`
}

func (s system) metadata(ctx context.Context, a Project) (*Crate, error) {
	manifest := a.ManifestPath
	if manifest == "" {
		manifest = filepath.Join(a.Dir, "Cargo.toml")
	}
	manifest, err := filepath.Abs(manifest)
	if err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	if _, err := os.Stat(manifest); err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	path, argv, err := s.rustupOr(a.Toolchain, "cargo", a.Cargo)
	if err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	run := func(args ...string) ([]byte, error) {
		stdout, _, err := Run(ctx, Command{
			Name:    "cargo metadata",
			Path:    path,
			Args:    append(append(slices.Clip(argv), "metadata", "--format-version", "1", "--manifest-path", manifest), args...),
			Dir:     filepath.Dir(manifest),
			Env:     s.targetDirEnv(a.TargetDir),
			Timeout: a.Timeout,
			Trace:   a.Trace,
			OnLine:  a.lockNotice(),
		})
		return stdout, err
	}
	// With its dependencies, to know the path packages; offline, as the
	// build itself works from what is there. A crate whose registry
	// dependencies are not fetched yet gets its own packages alone.
	stdout, err := run("--offline")
	if err != nil {
		if stdout, err = run("--no-deps"); err != nil {
			return nil, err
		}
	}
	var md cargoMetadata
	if err := json.Unmarshal(stdout, &md); err != nil {
		return nil, fmt.Errorf("cargo metadata: %w", err)
	}
	buildDir := cmp.Or(md.BuildDirectory, md.TargetDirectory)
	if buildDir == "" {
		return nil, errors.New("cargo metadata: no target_directory")
	}
	target, err := s.linuxTarget(a.Target)
	if err != nil {
		return nil, err
	}
	for _, p := range md.Packages {
		if !sameFile(p.ManifestPath, manifest) {
			continue
		}
		crate := &Crate{
			Name:         p.Name,
			ManifestPath: manifest,
			IRDir:        filepath.Join(buildDir, target, "release", "oxbpf"),
			PathPackages: map[string]string{},
			TargetDir:    md.TargetDirectory,
		}
		for _, dep := range md.Packages {
			if dep.Source == nil {
				crate.PathPackages[filepath.Dir(dep.ManifestPath)] = dep.Name
			}
		}
		for _, t := range p.Targets {
			if !slices.Contains(t.Kind, "bin") {
				continue
			}
			// Bin names become file names (<bin>.ll, <bin>.o): never let
			// one name a path elsewhere, whatever cargo let through.
			if !safeFileName(t.Name) {
				return nil, fmt.Errorf("cargo: crate %s: bin name %q cannot be used as a file name", p.Name, t.Name)
			}
			crate.Bins = append(crate.Bins, BinTarget{Name: t.Name, RequiredFeatures: t.RequiredFeatures})
		}
		return crate, nil
	}
	var members []string
	for _, p := range md.Packages {
		if !slices.Contains(md.WorkspaceMembers, p.ID) {
			continue
		}
		if rel, err := filepath.Rel(filepath.Dir(manifest), filepath.Dir(p.ManifestPath)); err == nil {
			members = append(members, p.Name+" ("+rel+")")
		}
	}
	return nil, &WorkspaceError{Manifest: manifest, Members: members}
}

// WorkspaceError is Metadata's error for a manifest that is a workspace
// and no package of its own: a BPF object is built from one package.
type WorkspaceError struct {
	Manifest string
	Members  []string // "name (dir relative to the workspace)"
}

func (e *WorkspaceError) Error() string {
	if len(e.Members) == 0 {
		return fmt.Sprintf("%s is a workspace with no packages", e.Manifest)
	}
	return fmt.Sprintf("%s is a virtual workspace: build one of its members, %s", e.Manifest, strings.Join(e.Members, ", "))
}

func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
