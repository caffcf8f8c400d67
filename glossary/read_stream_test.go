package glossary

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// A TBX file read by streaming (readTBXFile) gives what the whole-file
// reader gives, for TBX 2008 and v3, with a BOM, and in other encodings
// (which fall back to the whole-file reader).
func TestReadTBXFileStreamed(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"tbx-basic-2008-sample.tbx", "ltac-astronomy-tbx-v3.tbx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		want, wantWarns, err := readBytes(data, name, FormatTBX)
		if err != nil {
			t.Fatal(err)
		}
		utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
		latin, err := charmap.Windows1252.NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(name, err)
		}
		for _, tc := range []struct {
			how      string
			data     []byte
			streamed bool
		}{
			{"utf8", data, true},
			{"bom", append([]byte{0xEF, 0xBB, 0xBF}, data...), true},
			{"utf16", utf16, false},
			{"cp1252", latin, bytes.Equal(latin, data)}, // streamed only if ASCII
		} {
			path := filepath.Join(dir, tc.how+"-"+name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, warns, err := ReadFile(path)
			if err != nil {
				t.Fatal(tc.how, err)
			}
			if a, b := dumpEntries(got), dumpEntries(want); a != strings.ReplaceAll(b, name, path) {
				t.Errorf("%s %s: entries differ:\n%s\nwant\n%s", name, tc.how, a, b)
			}
			if len(warns) != len(wantWarns) {
				t.Errorf("%s %s: %d warnings, want %d", name, tc.how, len(warns), len(wantWarns))
			}
			_, _, streamed, _ := readTBXFile(path)
			if streamed != tc.streamed {
				t.Errorf("%s %s: streamed = %v", name, tc.how, streamed)
			}
		}
	}
}

func dumpEntries(g *Glossary) string {
	var b strings.Builder
	for _, e := range g.Entries() {
		fmt.Fprintf(&b, "%+v\n", *e)
	}
	return b.String()
}

// Errors name the file and line when streamed too.
func TestReadTBXFileStreamedErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ data, want string }{
		{"<martif><text><body>\n<termEntry></body></martif>", "bad.tbx:2: "},
		{"", "bad.tbx: no TBX root element"},
		{"<martif><text><body></body></text></martif>", "bad.tbx: no entry"},
	} {
		path := filepath.Join(dir, "bad.tbx")
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, err := ReadFile(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.data, err, tc.want)
		}
	}
}

// utf8Reader passes UTF-8 through whatever the block size (runes cut
// between blocks), and stops at the first bytes that are not UTF-8.
func TestUTF8Reader(t *testing.T) {
	for _, tc := range []struct {
		in  string
		bad bool
	}{
		{"", false},
		{"plain ascii", false},
		{"États-Unis, œuvre, 中国, 🇫🇷 drapeau", false},
		{"é", false},
		{"abc\xe9def", true},     // Latin-1 é
		{"abc\xc3", true},        // cut at the end
		{"\xc3\xa9\xc3", true},   // cut at the end after a rune
		{"a\xed\xa0\x80b", true}, // a surrogate
		{"中国\xe4\xb8", true},     // cut three-byte rune at the end
		{"x\xff\xfe", true},      // never UTF-8
		{"ok \xf0\x9f\x87\xab", false},
	} {
		for _, size := range []int{0, 1, 5, 6, 7, 8, 64} {
			u := &utf8Reader{r: strings.NewReader(tc.in), size: size}
			got, err := io.ReadAll(u)
			switch {
			case tc.bad && (err != errNotUTF8 || !u.bad):
				t.Errorf("%q size %d: err %v, bad %v, want errNotUTF8", tc.in, size, err, u.bad)
			case !tc.bad && (err != nil || string(got) != tc.in):
				t.Errorf("%q size %d: got %q, %v", tc.in, size, got, err)
			}
		}
	}
}
