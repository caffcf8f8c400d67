package glossary

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode returns data as UTF-8 text: a UTF-8 BOM is dropped, UTF-16 with a
// BOM is converted, valid UTF-8 is kept, and anything else is read as
// Windows-1252 (the usual encoding of glossaries saved by Excel on Windows).
// The second result names the encoding found.
//
// It mirrors what segments does for articles; glossary keeps its own small
// copy so that it does not depend on the reader package.
func decode(data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !utf8.Valid(data) {
			return bytes.ToValidUTF8(data, []byte("\uFFFD")), "UTF-8", nil
		}
		return data, "UTF-8", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, "UTF-16", err
		}
		return out, "UTF-16", nil
	case utf8.Valid(data):
		return data, "UTF-8", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, "Windows-1252", err
	}
	return out, "Windows-1252", nil
}
