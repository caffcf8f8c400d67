package glossary

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/append")

func newEntry(src, tgt, domain, note string) Entry {
	return Entry{Terms: NewTerms(map[string][]string{"fr": {src}, "en": {tgt}}), Domain: domain, Note: note}
}

// checkGolden compares got with testdata/append/name, or rewrites it.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "append", name)
	if *updateGolden {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\ngot:\n%q\nwant:\n%q", name, got, want)
	}
}

// findAt returns the entry of g read at line, or nil.
func findAt(g *Glossary, line int) *Entry {
	for _, e := range g.Entries() {
		if e.Origin.Line == line {
			return e
		}
	}
	return nil
}

func TestAppendEntryLayouts(t *testing.T) {
	for _, tc := range []struct {
		name     string // file in testdata/append ("" cell: new file named file)
		file     string
		existing bool
		e        Entry
		line     int
		// want are the terms, domain and note read back, as entryKey.
		want string
	}{
		{"new-multi-tsv", "user.tsv", false, newEntry("nuage", "cloud", "tech", "not weather"), 2, "fr=nuage;en=cloud;tech;;not weather"},
		{"new-omegat-txt", "user.txt", false, newEntry("nuage", "cloud", "tech", "not weather"), 1, "fr=;en=;;;[tech] not weather"},
		{"new-multi-csv", "user.csv", false, newEntry("nuage, froid", "cloud", "", "a \"note\""), 2, "fr=nuage, froid;en=cloud;;;a \"note\""},
		{"new-tbx", "user.tbx", false, newEntry("nuage", "cloud & co", "tech", ""), 16, "fr=nuage;en=cloud & co;tech;;"},
		{"pairs-crlf", "pairs-crlf.txt", true, newEntry("réseau social", "social network", "", "usage"), 4, "fr=;en=;;;usage"},
		{"multi-tsv-adds-domain", "multi.tsv", true, newEntry("IA", "AI", "tech", ""), 3, "fr=IA;en=AI;tech;;"},
		{"multi-csv-comment", "multi.csv", true, newEntry("nuage", "cloud", "", "x, y"), 3, "fr=nuage;en=cloud;;;x, y"},
		{"comments-only-header-like", "comments-only.csv", true, newEntry("AA", "AA", "", "AA  "), 2, "fr=;en=;;;AA"},
		{"header-only", "header-only.csv", true, newEntry("nuage", "cloud", "", ""), 2, "fr=nuage;en=cloud;;;"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if tc.existing {
				data, err := os.ReadFile(filepath.Join("testdata", "append", tc.file))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			added, err := AppendEntry(path, tc.e, "fr-FR", "en")
			if err != nil {
				t.Fatal(err)
			}
			if added.Origin.File != path || added.Origin.Line != tc.line {
				t.Errorf("origin %v, want line %d", added.Origin, tc.line)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name+".golden", got)
			if fi, _ := os.Stat(path); tc.existing && fi.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want the file's own 0600", fi.Mode().Perm())
			}
			g, warns, err := ReadFile(path)
			if err != nil || len(warns) > 0 {
				t.Fatalf("read back: %v %v", err, warns)
			}
			e := findAt(g, tc.line)
			if e == nil {
				t.Fatalf("no entry at line %d", tc.line)
			}
			if k := entryKey(e, []string{"fr", "en"}, true); k != tc.want {
				t.Errorf("read back %q, want %q", k, tc.want)
			}
			src, tgt := e.Source("fr"), e.Target("en")
			if len(src) == 0 || len(tgt) == 0 || src[0] != added.Terms.Get("fr")[0] || tgt[0] != added.Terms.Get("en")[0] {
				t.Errorf("read back %v → %v, AppendEntry returned %v", src, tgt, added.Terms)
			}
		})
	}
}

// TestAppendEntryTBX checks that an entry goes before </body> of real TBX
// files, the rest kept byte for byte, and reads back with the others.
func TestAppendEntryTBX(t *testing.T) {
	for _, tc := range []struct{ file, golden string }{
		{"tbx-basic-2008-sample.tbx", "tbx2008-entry.golden"},
		{"ltac-astronomy-tbx-v3.tbx", "tbx3-entry.golden"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			orig, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			before, _, err := ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			added, err := AppendEntry(path, newEntry("trou noir", "black hole", "astronomy", "<not> a hole"), "fr", "en")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(path)
			at := bytes.LastIndex(orig, []byte("</body>"))
			at = bytes.LastIndexByte(orig[:at], '\n') + 1
			if !bytes.HasPrefix(got, orig[:at]) || !bytes.HasSuffix(got, orig[at:]) {
				t.Fatalf("the rest of the file changed")
			}
			checkGolden(t, tc.golden, got[at:len(got)-len(orig)+at])
			g, warns, err := ReadFile(path)
			if err != nil || len(warns) > 0 {
				t.Fatalf("read back: %v %v", err, warns)
			}
			if g.Len() != before.Len()+1 {
				t.Fatalf("%d entries, want %d", g.Len(), before.Len()+1)
			}
			last := g.Entries()[g.Len()-1]
			if k := entryKey(last, []string{"fr", "en"}, true); k != "fr=trou noir;en=black hole;astronomy;;<not> a hole" {
				t.Errorf("read back %q", k)
			}
			if last.Origin.Line != added.Origin.Line {
				t.Errorf("entry read at line %d, AppendEntry said %d", last.Origin.Line, added.Origin.Line)
			}
		})
	}
}

// TestAppendEntryEncodings checks that UTF-16 and Windows-1252 files keep
// their encoding, and that a term the encoding cannot hold is refused.
func TestAppendEntryEncodings(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE, 'n', 0, 'u', 0, '\t', 0, 'c', 0, '\n', 0}
	cp1252 := []byte("caf\xe9\tcoffee\n")
	for _, tc := range []struct {
		name    string
		data    []byte
		e       Entry
		want    []byte // the bytes added at the end
		wantErr string
	}{
		{"utf16", utf16, newEntry("é", "e", "", ""), []byte{0xE9, 0, '\t', 0, 'e', 0, '\n', 0}, ""},
		{"cp1252", cp1252, newEntry("thé", "tea", "", ""), []byte("th\xe9\ttea\n"), ""},
		{"cp1252-no-euro-sign-alike", cp1252, newEntry("水", "water", "", ""), nil, "encoding"},
		{"bom", []byte("\xef\xbb\xbfa\tb\n"), newEntry("c", "d", "", ""), []byte("c\td\n"), ""},
		{"invalid-utf8-with-bom", []byte("\xef\xbb\xbfa\tb\xff\n"), newEntry("c", "d", "", ""), nil, "convert it to UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "g.txt")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := AppendEntry(path, tc.e, "fr", "en")
			got, _ := os.ReadFile(path)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("error %v, want one naming the file and saying %q", err, tc.wantErr)
				}
				if !bytes.Equal(got, tc.data) {
					t.Fatalf("file changed on error: %q", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, append(append([]byte(nil), tc.data...), tc.want...)) {
				t.Fatalf("got %q", got)
			}
			if _, _, err := ReadFile(path); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestAppendEntryRefuses(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, file string
		e          Entry
		src, tgt   string
		want       string
	}{
		{"no target", "g.tsv", newEntry("nuage", " ", "", ""), "fr", "en", "no target term"},
		{"pipe", "g.tsv", newEntry("a | b", "x", "", ""), "fr", "en", "synonyms"},
		{"same language", "g.tsv", newEntry("a", "b", "", ""), "fr", "fr-CA", "two languages"},
		{"extension", "g.docx", newEntry("a", "b", "", ""), "fr", "en", "extension"},
		{"comment source", "g.txt", newEntry("#a", "b", "", ""), "fr", "en", "comment"},
		{"wide rows", "g.csv", newEntry("a", "b", "tech", ""), "fr", "en", "more cells"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			switch tc.name {
			case "comment source":
				os.WriteFile(path, []byte("x\ty\n"), 0o644)
			case "wide rows":
				// "junk" would become the domain of x if a column were added.
				os.WriteFile(path, []byte("fr,en\nx,y,junk\n"), 0o644)
			}
			_, err := AppendEntry(path, tc.e, tc.src, tc.tgt)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v, want one naming %s and saying %q", err, path, tc.want)
			}
		})
	}
}

func TestAppendEntryTwiceAndChanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "user.tsv")
	for _, e := range []Entry{newEntry("nuage", "cloud", "", ""), newEntry("puce", "chip", "", "")} {
		if _, err := AppendEntry(path, e, "fr", "en"); err != nil {
			t.Fatal(err)
		}
	}
	g, _, err := ReadFile(path)
	if err != nil || g.Len() != 2 {
		t.Fatalf("read back %d entries, %v", g.Len(), err)
	}
	fi, _ := os.Stat(path)
	if changed(path, fi) {
		t.Error("changed on the same file")
	}
	os.WriteFile(path, []byte("fr\ten\nx\ty\nz\tw\n"), 0o644)
	if !changed(path, fi) {
		t.Error("not changed after a rewrite of another size")
	}
	if !changed(path, nil) {
		t.Error("a file that appeared is not changed")
	}
}

func TestUserGlossaryPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", "/home/x")
	dir := UserDir()
	got, err := UserGlossaryPath("")
	if err != nil || got != filepath.Join(dir, DefaultUserFile) {
		t.Fatalf("empty folder: %q %v", got, err)
	}
	os.WriteFile(filepath.Join(dir, "b.tbx"), []byte("<martif/>"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte("a,b\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.tsv"), []byte("a\tb\n"), 0o644)
	for _, tc := range []struct{ configured, want, err string }{
		{"", filepath.Join(dir, "a.csv"), ""},
		{"terms.tbx", filepath.Join(dir, "terms.tbx"), ""},
		{"~/g/t.txt", "/home/x/g/t.txt", ""},
		{"/abs/t.csv", "/abs/t.csv", ""},
		{"notes.md", "", "not a glossary extension"},
	} {
		got, err := UserGlossaryPath(tc.configured)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.configured, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: %q %v, want %q", tc.configured, got, err, tc.want)
		}
	}
}

// FuzzAppendEntry appends a term to any file content: either AppendEntry
// refuses and leaves the file as it was, or the file reads back with every
// entry it had and the new one at the line it said.
func FuzzAppendEntry(f *testing.F) {
	for _, p := range []string{"testdata/append/pairs-crlf.txt", "testdata/append/multi.tsv", "testdata/append/multi.csv", "testdata/tbx-basic-2008-sample.tbx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, filepath.Ext(p), "nuage", "cloud")
	}
	f.Add([]byte("fr,en\n"), ".csv", "AA", "AA")
	f.Add([]byte("<martif><text><body></body></text></martif>"), ".tbx", "a<b", "c&d")
	f.Fuzz(func(t *testing.T, data []byte, ext, src, tgt string) {
		switch ext {
		case ".txt", ".tsv", ".csv", ".tbx":
		default:
			t.Skip()
		}
		path := filepath.Join(t.TempDir(), "g"+ext)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		before, _, beforeErr := ReadFile(path)
		added, err := AppendEntry(path, newEntry(src, tgt, "", ""), "fr", "en")
		got, _ := os.ReadFile(path)
		if err != nil {
			if !bytes.Equal(got, data) {
				t.Fatalf("error %v, and the file changed", err)
			}
			return
		}
		after, _, err := ReadFile(path)
		if err != nil {
			t.Fatalf("read back: %v\n%q", err, got)
		}
		e := findAt(after, added.Origin.Line)
		if e == nil || e.Source("fr")[0] != added.Terms.Get("fr")[0] || e.Target("en")[0] != added.Terms.Get("en")[0] {
			t.Fatalf("no entry %v at line %d:\n%q", added.Terms, added.Origin.Line, got)
		}
		if beforeErr == nil && after.Len() != before.Len()+1 {
			t.Fatalf("%d entries before, %d after\n%q", before.Len(), after.Len(), got)
		}
	})
}

// TestAppendEntryTBXBodyInComment checks that a "</body>" in a comment
// after the real one does not swallow the entry, and that a TBX without a
// body is refused untouched.
func TestAppendEntryTBXBodyInComment(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"<martif><text><body><termEntry><langSet xml:lang=\"fr\"><tig><term>a</term></tig></langSet></termEntry></body></text><!-- </body> --></martif>\n", ""},
		{"<martif><text><termEntry><langSet xml:lang=\"fr\"><tig><term>a</term></tig></langSet></termEntry></text><!-- </body> --></martif>\n", "no </body>"},
	} {
		path := filepath.Join(t.TempDir(), "g.tbx")
		os.WriteFile(path, []byte(tc.data), 0o644)
		added, err := AppendEntry(path, newEntry("b", "c", "", ""), "fr", "en")
		got, _ := os.ReadFile(path)
		if tc.want != "" {
			if err == nil || !strings.Contains(err.Error(), tc.want) || string(got) != tc.data {
				t.Errorf("error %v (want %q), file %q", err, tc.want, got)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		g, _, err := ReadFile(path)
		if err != nil || g.Len() != 2 || findAt(g, added.Origin.Line) == nil {
			t.Errorf("read back %v, %v:\n%s", g.Entries(), err, got)
		}
	}
}

// TestAppendEntryUnclosedQuote checks that a CSV whose last record opens a
// quote is refused rather than given a row that the quote swallows.
func TestAppendEntryUnclosedQuote(t *testing.T) {
	data := "a,b\nc,\"d\n"
	path := filepath.Join(t.TempDir(), "g.csv")
	os.WriteFile(path, []byte(data), 0o644)
	_, err := AppendEntry(path, newEntry("x", "y", "", ""), "fr", "en")
	if err == nil || !strings.Contains(err.Error(), "read back") {
		t.Fatalf("error %v, want one saying the term would not read back", err)
	}
	if got, _ := os.ReadFile(path); string(got) != data {
		t.Fatalf("file changed: %q", got)
	}
}
