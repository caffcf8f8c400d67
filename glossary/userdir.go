package glossary

import (
	"os"
	"path/filepath"

	"github.com/trad-project/trad/internal/xdg"
)

// UserDir returns the user's glossary folder,
// $XDG_CONFIG_HOME/trad/glossaries (~/.config/trad/glossaries when
// XDG_CONFIG_HOME is unset), creating it if it does not exist. Every
// glossary file in it is loaded with priority over the built-in glossary.
func UserDir() string {
	dir := filepath.Join(xdg.ConfigDir(), "glossaries")
	// Failing to create it is not an error here: Open reports a missing
	// folder when it is read.
	_ = os.MkdirAll(dir, 0o755)
	return dir
}
