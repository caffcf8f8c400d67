package segments

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// maxByteWarnings caps the per-byte warnings of one file; the rest are
// summed up in one last warning.
const maxByteWarnings = 10

// Encoding names reported by decode.
const (
	encUTF8    = "UTF-8"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
	encCP1252  = "Windows-1252"
)

// errEmpty is returned (wrapped with the file name) for input with no text.
var errEmpty = errors.New("empty file: no text to segment")

// decode turns the raw bytes of an article into a Go string, detecting the
// encoding: a BOM (UTF-8, UTF-16 LE/BE), else UTF-8 when valid, else
// Windows-1252 when the bytes look like 8-bit text, else UTF-8 with each
// invalid byte replaced by U+FFFD and reported. Binary data is an error.
func decode(data []byte, name string) (string, string, []Warning, error) {
	if len(data) == 0 {
		return "", "", nil, fmt.Errorf("%s: %w", name, errEmpty)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order, enc := unicode.LittleEndian, encUTF16LE
		if data[0] == 0xFE {
			order, enc = unicode.BigEndian, encUTF16BE
		}
		if len(data)%2 != 0 {
			return "", "", nil, fmt.Errorf("%s: truncated %s file (odd number of bytes)", name, enc)
		}
		out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", nil, fmt.Errorf("%s: decode %s: %w", name, enc, err)
		}
		if i := bytes.IndexByte(out, 0); i >= 0 {
			return "", "", nil, fmt.Errorf("%s: binary file (NUL character in %s text)", name, enc)
		}
		return string(out), enc, nil, nil
	}
	if err := checkBinary(data, name); err != nil {
		return "", "", nil, err
	}
	if utf8.Valid(data) {
		// data is ours (read by Read or ReadFile) and never written again:
		// share it instead of copying a possibly large article.
		return unsafe.String(unsafe.SliceData(data), len(data)), encUTF8, nil, nil
	}
	if looks8bit(data) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", nil, fmt.Errorf("%s: decode Windows-1252: %w", name, err)
		}
		return string(out), encCP1252, nil, nil
	}
	s, warns := replaceInvalid(data, name)
	return s, encUTF8, warns, nil
}

// checkBinary rejects data holding NUL bytes, or whose first 8 KiB are more
// than 10% control bytes that text does not use.
func checkBinary(data []byte, name string) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%s: binary file (NUL byte at offset %d), not a text article (UTF-16 needs a BOM)", name, i)
	}
	head := data[:min(len(data), 8192)]
	n := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B {
			n++
		}
	}
	if n*10 > len(head) {
		return fmt.Errorf("%s: binary file (%d control bytes in the first %d), not a text article", name, n, len(head))
	}
	return nil
}

// looks8bit reports whether invalid UTF-8 data is more likely a legacy 8-bit
// encoding than UTF-8 with a few bad bytes: it has fewer well-formed
// multi-byte sequences than stray high bytes.
func looks8bit(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return invalid > valid
}

// replaceInvalid decodes data as UTF-8, replacing each invalid byte by
// U+FFFD and reporting its offset.
func replaceInvalid(data []byte, name string) (string, []Warning) {
	var (
		b     bytes.Buffer
		warns []Warning
		count int
	)
	b.Grow(len(data) + 16)
	last := 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			b.Write(data[last:i])
			b.WriteRune(utf8.RuneError)
			if count < maxByteWarnings {
				warns = append(warns, Warning{File: name, Byte: i + 1,
					Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02X replaced by U+FFFD", data[i])})
			}
			count++
			last = i + 1
		}
		i += n
	}
	b.Write(data[last:])
	if count > maxByteWarnings {
		warns = append(warns, Warning{File: name,
			Msg: fmt.Sprintf("%d more invalid UTF-8 bytes replaced by U+FFFD", count-maxByteWarnings)})
	}
	return b.String(), warns
}
