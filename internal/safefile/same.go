package safefile

import (
	"os"
	"path/filepath"
)

// SameFile reports whether a and b name the same file: the same inode when
// both exist (so a link or another spelling of the path is caught), else
// the same absolute path. Callers use it to refuse writing an export over
// its own article (cmd/trad) and to tell a project's article from another
// file (segments).
func SameFile(a, b string) bool {
	fa, ea := os.Stat(a)
	fb, eb := os.Stat(b)
	if ea == nil && eb == nil {
		return os.SameFile(fa, fb)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}
