package segments

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/trad-project/trad/internal/safefile"
)

// DefaultMaxBytes is the largest article trad reads unless told otherwise
// (ReadOptions.MaxBytes, the --max-size flag): 64 MiB, some forty times the
// longest book-length article, and small enough that a mistaken path
// (/dev/zero, a disk image) fails fast instead of exhausting memory.
const DefaultMaxBytes int64 = 64 << 20

// TooLargeError is returned for an article larger than the reading limit.
type TooLargeError = safefile.TooLargeError

// FormatSize writes n bytes the way --max-size reads them ("64MiB").
func FormatSize(n int64) string { return safefile.FormatSize(n) }

// limit returns the reading limit that opts.MaxBytes asks for: 0 means
// DefaultMaxBytes, a negative value means none.
func limit(maxBytes int64) int64 {
	switch {
	case maxBytes == 0:
		return DefaultMaxBytes
	case maxBytes < 0:
		return math.MaxInt64 - 1
	}
	return maxBytes
}

// articleLimit is how much of an article is read: max bytes.
func articleLimit(max int64) safefile.Limit {
	return safefile.Limit{Max: max, What: "an article", Hint: "raise it with --max-size; or pipe the input into `trad segment -`"}
}

// readRegularFile reads the article at path: a regular file of at most max
// bytes (safefile.ReadRegular).
func readRegularFile(path string, max int64) ([]byte, error) {
	return safefile.ReadRegular(path, articleLimit(max))
}

// readProjectSource reads the article of the project file project for
// Load: a regular file of at most DefaultMaxBytes. An article outside the
// project file's folder tree (symbolic links resolved) is segmented again
// only when it is the very file the project was made from (same SHA-256):
// a project file from elsewhere whose source.path names /etc/passwd or
// ~/.ssh/id_rsa must not pull that file into the translation and its
// exports. The error then says so, and Load keeps the project's own text.
// It returns the article's bytes and their hash, computed once (50 ms for
// 50 MB).
func readProjectSource(project, source, hash string) ([]byte, string, error) {
	data, err := readRegularFile(source, DefaultMaxBytes)
	if err != nil {
		return nil, "", err
	}
	got := SourceHash(data)
	if hash != got && !insideTree(filepath.Dir(project), source) {
		return nil, "", fmt.Errorf("%s is outside the project's folder and is not the file the project was made from: "+
			"not segmented again (trad follows only articles in the project's folder or below it)", source)
	}
	return data, got, nil
}

// insideTree reports whether path is dir or below it, after resolving
// symbolic links in both.
func insideTree(dir, path string) bool {
	d, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	p, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	if d, err = filepath.Abs(d); err != nil {
		return false
	}
	if p, err = filepath.Abs(p); err != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
