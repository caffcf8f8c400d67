package segments

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// describeBlock renders a block the way the want sections of
// testdata/read/*.txtar write it: kind[/level] ["marker"] ["info"] "text",
// then the cells of a table row.
func describeBlock(d *Document, bi int) string {
	b := d.Blocks[bi]
	var sb strings.Builder
	sb.WriteString(string(b.Kind))
	if b.Level > 0 {
		fmt.Fprintf(&sb, "/%d", b.Level)
	}
	if b.Marker != "" {
		fmt.Fprintf(&sb, " %q", b.Marker)
	}
	if b.Info != "" {
		fmt.Fprintf(&sb, " %q", b.Info)
	}
	fmt.Fprintf(&sb, " %q", d.BlockSourceLabels(bi))
	if b.Info == "table" && b.Kind != KindCode {
		var cells []string
		for _, s := range d.BlockSegments(bi) {
			cells = append(cells, s.Source)
		}
		fmt.Fprintf(&sb, " %q", cells)
	}
	return sb.String()
}

// parseTxtar splits a txtar archive ("-- name --" lines, the text before
// the first one being a comment) into its files. It is the format of
// golang.org/x/tools/txtar, read here without that module.
func parseTxtar(data []byte) map[string][]byte {
	files := map[string][]byte{}
	name := ""
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		l := strings.TrimRight(string(line), "\n")
		if strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") && len(l) > 6 {
			name = strings.TrimSpace(l[3 : len(l)-3])
			files[name] = []byte{}
			continue
		}
		if name != "" {
			files[name] = append(files[name], line...)
		}
	}
	return files
}

func TestReadFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/read/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var input, want []byte
			format := ""
			for name, data := range parseTxtar(raw) {
				switch name {
				case "input.txt":
					input, format = data, FormatText
				case "input.md":
					input, format = data, FormatMarkdown
				case "want":
					want = data
				}
			}
			if input == nil || want == nil {
				t.Fatalf("%s: want an input.txt or input.md and a want section", file)
			}
			doc, warns, err := Read(bytes.NewReader(input), ReadOptions{Format: format, Name: file, Tags: true})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(warns) > 0 {
				t.Errorf("unexpected warnings: %v", warns)
			}
			var got []string
			for bi := range doc.Blocks {
				got = append(got, describeBlock(doc, bi))
			}
			wantLines := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
			if !reflect.DeepEqual(got, wantLines) {
				t.Errorf("blocks:\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(wantLines, "\n  "))
			}
			checkInvariants(t, doc)
		})
	}
}

func TestReadCRLF(t *testing.T) {
	doc, _, err := ReadFile("testdata/read/crlf.bin", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range doc.Blocks {
		texts = append(texts, b.Text)
	}
	want := []string{"Ligne un. Ligne deux. Ligne trois.", "Fin."}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("blocks %q, want %q", texts, want)
	}
}

func TestReadEncodings(t *testing.T) {
	const accented = "Élève à l’école : « déjà vu »… 3,5 €."
	tests := []struct {
		file      string
		want      string // the first block's text, "" when an error is expected
		warns     []string
		errSubstr string
	}{
		{file: "utf8.txt", want: accented},
		{file: "utf8-bom.txt", want: accented},
		{file: "utf16le-bom.txt", want: accented},
		{file: "utf16be-bom.txt", want: accented},
		{file: "cp1252.txt", want: accented},
		{file: "latin1.txt", want: "Élève à l'école : « déjà vu »."},
		{file: "invalid-utf8.txt", want: "Élève \uFFFD à l’école.",
			warns: []string{"testdata/read/enc/invalid-utf8.txt: byte 9: invalid UTF-8 byte 0xFF replaced by U+FFFD"}},
		{file: "binary.bin", errSubstr: "binary file (NUL byte at offset 7)"},
		{file: "controls.bin", errSubstr: "binary file"},
		{file: "utf16le-odd.txt", errSubstr: "truncated UTF-16LE"},
		{file: "empty.txt", errSubstr: "empty file"},
		{file: "whitespace.txt", errSubstr: "empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata/read/enc", tt.file)
			doc, warns, err := ReadFile(path, ReadOptions{})
			if tt.errSubstr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errSubstr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("err = %v, want one naming %s and containing %q", err, path, tt.errSubstr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Blocks[0].Text; got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			var ws []string
			for _, w := range warns {
				ws = append(ws, w.String())
			}
			if !reflect.DeepEqual(ws, tt.warns) {
				t.Errorf("warnings = %q, want %q", ws, tt.warns)
			}
		})
	}
}

func TestReadManyInvalidBytesCapsWarnings(t *testing.T) {
	in := []byte(strings.Repeat("é", 50) + strings.Repeat("a\xff", 25))
	_, warns, err := Read(bytes.NewReader(in), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != maxByteWarnings+1 {
		t.Fatalf("%d warnings, want %d", len(warns), maxByteWarnings+1)
	}
	if got, want := warns[len(warns)-1].String(), "stdin: 15 more invalid UTF-8 bytes replaced by U+FFFD"; got != want {
		t.Errorf("last warning %q, want %q", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := ReadFile(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: err = %v", err)
	}
	if _, _, err := ReadFile(filepath.Join(dir, "absent.txt"), ReadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want ErrNotExist", err)
	}
	in := strings.NewReader("Bonjour.")
	if _, _, err := Read(in, ReadOptions{Lang: "xx-invalid-tag-"}); err == nil {
		t.Error("bad language tag accepted")
	}
	if _, _, err := Read(strings.NewReader("Bonjour."), ReadOptions{Format: "rtf"}); err == nil || !strings.Contains(err.Error(), `unknown format "rtf"`) {
		t.Errorf("bad format: err = %v", err)
	}
	if _, _, err := Read(strings.NewReader(""), ReadOptions{Name: "-"}); err == nil || !strings.Contains(err.Error(), "stdin: empty file") {
		t.Errorf("empty stdin: err = %v", err)
	}
}

func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]string{
		"a.md": FormatMarkdown, "a.fr.MD": FormatMarkdown, "x/a.markdown": FormatMarkdown,
		"a.txt": FormatText, "a": FormatText, "a.md.txt": FormatText,
	} {
		if got := FormatForPath(path); got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestReadDeterministic(t *testing.T) {
	data, err := os.ReadFile("../examples/article.fr.md")
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := Read(bytes.NewReader(data), ReadOptions{Format: FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := Read(bytes.NewReader(data), ReadOptions{Format: FormatMarkdown})
	if !reflect.DeepEqual(a, b) {
		t.Error("two reads of the same article differ")
	}
	checkInvariants(t, a)
	if len(a.Segments) < 30 {
		t.Errorf("sample article gave %d segments, want at least 30", len(a.Segments))
	}
}

func TestReadParallelSplitMatchesSequential(t *testing.T) {
	data, err := os.ReadFile("../examples/article.fr.md")
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat(append(data, '\n'), parallelSplitBytes/len(data)+2)
	par, _, err := Read(bytes.NewReader(big), ReadOptions{Format: FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	seq, _, _ := Read(bytes.NewReader(big), ReadOptions{Format: FormatMarkdown})
	if !reflect.DeepEqual(par, seq) {
		t.Error("splitting in parallel gives another document than in sequence")
	}
	checkInvariants(t, par)
}

// checkInvariants verifies what every document must hold: consistent
// indexes (Check), block text normalised, and each block rebuilt exactly by
// its segments joined with the original whitespace between them (table rows
// also have the cell pipes between them).
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	if err := d.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	for bi, b := range d.Blocks {
		if !utf8.ValidString(b.Text) || !norm.NFC.IsNormalString(b.Text) || Normalize(b.Text) != b.Text {
			t.Errorf("block %d text %q is not normalised", bi, b.Text)
		}
		if b.Kind == KindCode {
			if b.Count != 0 {
				t.Errorf("code block %d has %d segments", bi, b.Count)
			}
			continue
		}
		sep := func(r rune) bool { return unicode.IsSpace(r) || b.Info == "table" && r == '|' }
		var rebuilt strings.Builder
		prev := 0
		for _, s := range d.BlockSegments(bi) {
			if s.Start < prev {
				t.Fatalf("block %d: segment %d starts at %d before the previous end %d", bi, s.Index, s.Start, prev)
			}
			gap := b.Text[prev:s.Start]
			if strings.IndexFunc(gap, func(r rune) bool { return !sep(r) }) >= 0 {
				t.Errorf("block %d: text %q between segments is not whitespace", bi, gap)
			}
			if s.Source == "" || s.Source != strings.TrimFunc(s.Source, unicode.IsSpace) {
				t.Errorf("block %d: segment %d %q is empty or has surrounding space", bi, s.Index, s.Source)
			}
			rebuilt.WriteString(gap)
			rebuilt.WriteString(s.Source)
			prev = s.End
		}
		tail := b.Text[prev:]
		if strings.IndexFunc(tail, func(r rune) bool { return !sep(r) }) >= 0 {
			t.Errorf("block %d: text %q after the last segment is not whitespace", bi, tail)
		}
		rebuilt.WriteString(tail)
		if rebuilt.String() != b.Text {
			t.Errorf("block %d: segments rebuild %q, want %q", bi, rebuilt.String(), b.Text)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Bonjour. Au revoir.",
		"Titre\nUn paragraphe. Deux.\n\n- a\n- b\n",
		"# T\n\n> q. r.\n\n```\nx\n```\n\n| a | b |\n|---|---|\n| c | d |\n",
		"\xff\xfeA\x00B\x00",
		"caf\xe9\r\nd\x1b[31mx",
		"- \n1) \n\n\u00a0\n",
		"- - - item\n- - x\n\n1. - a\n",
		strings.Repeat("- ", 30) + "x\n" + strings.Repeat(" ", 40) + "- y\n" + strings.Repeat(">", 20) + " z\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		format := FormatText
		if markdown {
			format = FormatMarkdown
		}
		doc, _, err := Read(bytes.NewReader(data), ReadOptions{Format: format})
		if err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}
