package segments

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxBytes is the largest article trad reads unless told otherwise
// (ReadOptions.MaxBytes, the --max-size flag): 64 MiB, some forty times the
// longest book-length article, and small enough that a mistaken path
// (/dev/zero, a disk image) fails fast instead of exhausting memory.
const DefaultMaxBytes int64 = 64 << 20

// TooLargeError is returned for an article larger than the reading limit.
type TooLargeError struct {
	Name  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: larger than %s, the size limit for an article (raise it with --max-size)", e.Name, FormatSize(e.Limit))
}

// FormatSize writes n bytes the way --max-size reads them ("64MiB").
func FormatSize(n int64) string {
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d%s", n/u.size, u.suffix)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}

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

// readAllLimited reads r to its end, failing with a *TooLargeError as soon
// as it holds more than max bytes: memory never grows past max. hint is the
// expected size (a file's), so the buffer is allocated once, as
// os.ReadFile does; 0 when unknown.
func readAllLimited(r io.Reader, name string, max, hint int64) ([]byte, error) {
	lr := io.LimitReader(r, max+1)
	buf := make([]byte, 0, min(hint, max)+512)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	if int64(len(buf)) > max {
		return nil, &TooLargeError{Name: name, Limit: max}
	}
	return buf, nil
}

// errNotRegular is wrapped by the error for a path that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// readRegularFile reads the regular file at path (symbolic links
// followed), at most max bytes. Folders, named pipes, devices and sockets
// are refused with an error naming the file: reading /dev/zero or a FIFO
// would never end, and a device is no article.
func readRegularFile(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(path, fi); err != nil {
		return nil, err
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Stat again through the open file: the path may have been replaced
	// between the two calls.
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := checkRegular(path, fi); err != nil {
		return nil, err
	}
	if fi.Size() > max {
		return nil, &TooLargeError{Name: path, Limit: max}
	}
	return readAllLimited(f, path, max, fi.Size())
}

func checkRegular(path string, fi os.FileInfo) error {
	m := fi.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("%s: is a directory, not an article", path)
	case m&os.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
		what = "a device"
	default:
		what = "a special file"
	}
	return fmt.Errorf("%s: %w (%s): trad reads articles from regular files; pipe other input into `trad segment -`", path, errNotRegular, what)
}

// readProjectSource reads the article of the project file project for
// Load: a regular file of at most DefaultMaxBytes. An article outside the
// project file's folder tree (symbolic links resolved) is segmented again
// only when it is the very file the project was made from (same SHA-256):
// a project file from elsewhere whose source.path names /etc/passwd or
// ~/.ssh/id_rsa must not pull that file into the translation and its
// exports. The error then says so, and Load keeps the project's own text.
func readProjectSource(project, source, hash string) ([]byte, error) {
	data, err := readRegularFile(source, DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	if hash != hashBytes(data) && !insideTree(filepath.Dir(project), source) {
		return nil, fmt.Errorf("%s is outside the project's folder and is not the file the project was made from: "+
			"not segmented again (trad follows only articles in the project's folder or below it)", source)
	}
	return data, nil
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
