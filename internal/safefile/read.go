package safefile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// TooLargeError is returned for an input larger than its reading limit.
type TooLargeError struct {
	Name  string
	Limit int64
	// What the input is ("an article", "a glossary") and Hint how to raise
	// the limit ("raise it with --max-size"), for the message.
	What, Hint string
}

func (e *TooLargeError) Error() string {
	msg := fmt.Sprintf("%s: larger than %s, the size limit for %s", e.Name, FormatSize(e.Limit), e.What)
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	return msg
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

// Limit says how much ReadRegular and ReadAllLimited read and how a
// *TooLargeError describes the input.
type Limit struct {
	Max        int64
	What, Hint string
}

// ReadAllLimited reads r to its end, failing with a *TooLargeError as soon
// as it holds more than lim.Max bytes: memory never grows past the limit.
// hint is the expected size (a file's), so the buffer is allocated once, as
// os.ReadFile does; 0 when unknown.
func ReadAllLimited(r io.Reader, name string, lim Limit, hint int64) ([]byte, error) {
	lr := io.LimitReader(r, lim.Max+1)
	buf := make([]byte, 0, min(hint, lim.Max)+512)
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
	if int64(len(buf)) > lim.Max {
		return nil, &TooLargeError{Name: name, Limit: lim.Max, What: lim.What, Hint: lim.Hint}
	}
	return buf, nil
}

// ErrNotRegular is wrapped by the error for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens the regular file at path (symbolic links followed) for
// reading. Folders, named pipes, devices and sockets are refused with an
// error naming the file: reading /dev/zero or a FIFO would never end, and a
// device is no article, glossary or memory. what names the expected input
// in that error ("an article").
func OpenRegular(path, what string) (*os.File, os.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRegular(path, fi, what); err != nil {
		return nil, nil, err
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, nil, err
	}
	// Stat again through the open file: the path may have been replaced
	// between the two calls.
	if fi, err = f.Stat(); err != nil {
		err = fmt.Errorf("%s: %w", path, err)
	} else {
		err = checkRegular(path, fi, what)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// ReadRegular reads the regular file at path (OpenRegular), at most
// lim.Max bytes.
func ReadRegular(path string, lim Limit) ([]byte, error) {
	f, fi, err := OpenRegular(path, lim.What)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi.Size() > lim.Max {
		return nil, &TooLargeError{Name: path, Limit: lim.Max, What: lim.What, Hint: lim.Hint}
	}
	return ReadAllLimited(f, path, lim, fi.Size())
}

func checkRegular(path string, fi os.FileInfo, what string) error {
	m := fi.Mode()
	var kind string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("%s: is a directory, not %s", path, what)
	case m&os.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&os.ModeSocket != 0:
		kind = "a socket"
	case m&os.ModeDevice != 0 || m&os.ModeCharDevice != 0:
		kind = "a device"
	default:
		kind = "a special file"
	}
	return fmt.Errorf("%s: %w (%s): trad reads %s from a regular file", path, ErrNotRegular, kind, what)
}
