package glossary

import (
	"os"
	"path/filepath"
)

// UserDir returns the user's glossary folder,
// $XDG_CONFIG_HOME/trad/glossaries (~/.config/trad/glossaries when
// XDG_CONFIG_HOME is unset), creating it if it does not exist. Every
// glossary file in it is loaded with priority over the built-in glossary.
func UserDir() string {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		base = filepath.Join(home, ".config")
	}
	dir := filepath.Join(base, "trad", "glossaries")
	// Failing to create it is not an error here: Open reports a missing
	// folder when it is read.
	_ = os.MkdirAll(dir, 0o755)
	return dir
}
