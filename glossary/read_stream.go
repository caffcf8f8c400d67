package glossary

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/internal/xmlscan"
)

// readTBXFile streams a UTF-8 TBX file into the reader rather than reading
// it whole: a termbase of a million entries is 500 MB of XML, which
// ReadFile held in memory next to the entries (1.4 GB peak). ok is false
// when the file is not UTF-8 (a byte order mark of UTF-16, or bytes that
// are not UTF-8 on the way): the caller then reads it whole, decoding it
// as readBytes does.
func readTBXFile(path string) (g *Glossary, warns []Warning, ok bool, err error) {
	f, fi, err := safefile.OpenRegular(path, fileLimit.What)
	if err != nil {
		return nil, nil, true, fmt.Errorf("read glossary %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	if fi.Size() > fileLimit.Max {
		return nil, nil, true, fmt.Errorf("read glossary %s: %w", path, &safefile.TooLargeError{Name: path, Limit: fileLimit.Max, What: fileLimit.What})
	}
	br := bufio.NewReaderSize(io.LimitReader(f, fileLimit.Max), 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return nil, nil, false, nil
	}
	v := &utf8Reader{r: br}
	t, err := scanTBXFrom(&xmlscan.Reader{}, v, 1024, path)
	if v.bad {
		return nil, nil, false, nil
	}
	if err != nil {
		return nil, t.warns, true, err
	}
	g, warns, err = finish(New(t.ents...), t.warns, path)
	return g, warns, true, err
}

// errNotUTF8 stops a streamed read at bytes that are not UTF-8.
var errNotUTF8 = errors.New("not UTF-8")

// utf8Reader passes on what r reads, in whole runes, and fails with
// errNotUTF8 (setting bad) at the first bytes that are not UTF-8.
type utf8Reader struct {
	r    io.Reader
	size int // block size (0: 64 KiB; tests use tiny ones)
	buf  []byte
	todo []byte // checked, not yet read
	// tailAt and tail locate an incomplete rune read at the end of the
	// last block, moved to the front of buf by the next fill.
	tailAt, tail int
	err          error
	bad          bool
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	for len(u.todo) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.todo)
	u.todo = u.todo[n:]
	return n, nil
}

// fill reads the next block, keeps an incomplete last rune for the next,
// and checks the rest.
func (u *utf8Reader) fill() {
	if u.buf == nil {
		u.buf = make([]byte, max(cmp.Or(u.size, 64<<10), utf8.UTFMax+1))
	}
	copy(u.buf, u.buf[u.tailAt:u.tailAt+u.tail])
	n, err := u.r.Read(u.buf[u.tail:])
	b := u.buf[:u.tail+n]
	cut := len(b)
	if err == nil {
		// The last rune may continue in the next block.
		for j := len(b) - 1; j >= 0 && j >= len(b)-utf8.UTFMax; j-- {
			if utf8.RuneStart(b[j]) {
				if !utf8.FullRune(b[j:]) {
					cut = j
				}
				break
			}
		}
	} else {
		u.err = err
	}
	if !utf8.Valid(b[:cut]) {
		u.bad, u.err = true, errNotUTF8
		return
	}
	u.todo = b[:cut]
	u.tailAt, u.tail = cut, len(b)-cut
}
