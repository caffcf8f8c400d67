// Package xdg finds trad's configuration and data folders following the XDG
// base directory specification.
package xdg

import (
	"os"
	"path/filepath"
)

// ConfigDir returns $XDG_CONFIG_HOME/trad, or ~/.config/trad when the
// variable is unset or not an absolute path (as the specification says).
func ConfigDir() string { return dir("XDG_CONFIG_HOME", ".config") }

// DataDir returns $XDG_DATA_HOME/trad, or ~/.local/share/trad.
func DataDir() string { return dir("XDG_DATA_HOME", filepath.Join(".local", "share")) }

// CacheDir returns $XDG_CACHE_HOME/trad, or ~/.cache/trad: files trad can
// rebuild (the translation memory's indexes).
func CacheDir() string { return dir("XDG_CACHE_HOME", ".cache") }

func dir(env, fallback string) string {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "trad")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return filepath.Join(os.TempDir(), "trad")
	}
	return filepath.Join(home, fallback, "trad")
}
