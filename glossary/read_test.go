package glossary

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// escTSV escapes a cell as the ../shared/checks scripts print it.
func escTSV(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// omegatLines renders two-column entries as OmegaT's reader prints them.
func omegatLines(g *Glossary) string {
	var b strings.Builder
	for _, e := range g.Entries() {
		b.WriteString(escTSV(e.Source("")[0]) + "\t" + escTSV(e.Target("")[0]) + "\t" + escTSV(e.Note) + "\n")
	}
	return b.String()
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadOmegaTLikeOmegaT compares trad's reading of OmegaT glossaries with
// what OmegaT 3.6 itself read from them (goldens made by
// ../shared/checks/omegat-glossary).
func TestReadOmegaTLikeOmegaT(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"testdata/omegat-glossary-rules.utf8", "testdata/omegat-glossary-rules.omegat.tsv"},
		{"testdata/omegat36-glossary.txt", "testdata/omegat36-glossary.omegat.tsv"},
	} {
		t.Run(filepath.Base(tc.in), func(t *testing.T) {
			g, _, err := ReadFile(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := omegatLines(g), mustRead(t, tc.want); got != want {
				t.Errorf("entries differ from OmegaT's\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestReadOmegaTWarnings(t *testing.T) {
	_, warns, err := ReadFile("testdata/omegat-glossary-rules.utf8")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		got = append(got, w.String())
	}
	want := []string{
		"testdata/omegat-glossary-rules.utf8:5: want 2 or 3 columns (source, target, comment), got 1",
		"testdata/omegat-glossary-rules.utf8:6: empty source term",
		"testdata/omegat-glossary-rules.utf8:7: want 2 or 3 columns (source, target, comment), got 1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// pairs lists src<TAB>tgt for every combination of terms, as tbx-terms does.
func pairs(g *Glossary, src, tgt string) string {
	var b strings.Builder
	for _, e := range g.Entries() {
		for _, s := range e.Lang(src) {
			for _, t := range e.Lang(tgt) {
				b.WriteString(escTSV(s) + "\t" + escTSV(t) + "\n")
			}
		}
	}
	return b.String()
}

// TestReadTBXLikeTranslateToolkit compares trad's term pairs with those
// translate-toolkit / lxml read (goldens made by ../shared/checks/tbx-terms).
func TestReadTBXLikeTranslateToolkit(t *testing.T) {
	for _, tc := range []struct{ in, src, tgt, want string }{
		{"testdata/tbx-basic-2008-sample.tbx", "en", "fr", "testdata/tbx-basic-2008-sample.en-fr.pairs"},
		{"testdata/ltac-astronomy-tbx-v3.tbx", "en", "es", "testdata/ltac-astronomy-tbx-v3.en-es.pairs"},
	} {
		t.Run(filepath.Base(tc.in), func(t *testing.T) {
			g, warns, err := ReadFile(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if got, want := pairs(g, tc.src, tc.tgt), mustRead(t, tc.want); got != want {
				t.Errorf("pairs differ\ngot:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestReadTBXFields(t *testing.T) {
	g, _, err := ReadFile("testdata/tbx-basic-2008-sample.tbx")
	if err != nil {
		t.Fatal(err)
	}
	es := g.Entries()
	if len(es) != 5 {
		t.Fatalf("got %d entries, want 5", len(es))
	}
	c6, c7, c1 := es[1], es[2], es[3]
	if c6.POS != "noun" || c6.Origin.Line != 56 {
		t.Errorf("c6: POS %q line %d, want noun line 56", c6.POS, c6.Origin.Line)
	}
	if got := c7.Lang("de"); len(got) != 1 || got[0] != "Gleitsichtglas" {
		t.Errorf("c7 de = %q", got)
	}
	if !strings.HasPrefix(c7.Note, "corrective lenses used in eyeglasses to correct presbyopia") {
		t.Errorf("c7 note (from the definition) = %q", c7.Note)
	}
	if c1.Domain != "manufacturing" || c1.Note != "This is a sample entry with some data categories at the entry level." || c1.POS != "verb" {
		t.Errorf("c1 = domain %q note %q pos %q", c1.Domain, c1.Note, c1.POS)
	}
}

func TestReadMultiTSV(t *testing.T) {
	const in = "# built-in layout\n" +
		"fr\ten-GB\tes\tdomain\tpos\tnote\n" +
		"réseau social | média social\tsocial network | social media\tred social\ttech\tnoun\tcountable\n" +
		"\n" +
		"# comment\n" +
		"Pékin\tBeijing\t\tgeopolitics\tpropn\n" +
		"\t\t\ttech\n" +
		"trop\tde\tcolonnes\tici\tx\ty\tz\n"
	g, warns, err := Read(strings.NewReader(in), "terms.tsv", FormatTSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entries()) != 2 {
		t.Fatalf("got %d entries, want 2", len(g.Entries()))
	}
	e := g.Entries()[0]
	if got := strings.Join(e.Lang("fr"), "/"); got != "réseau social/média social" {
		t.Errorf("fr = %q", got)
	}
	if got := strings.Join(e.Lang("en"), "/"); got != "social network/social media" {
		t.Errorf("en (from en-GB) = %q", got)
	}
	if e.Domain != "tech" || e.POS != "noun" || e.Note != "countable" || e.Origin != (Origin{File: "terms.tsv", Line: 3}) {
		t.Errorf("entry = %+v", e)
	}
	if p := g.Entries()[1]; p.Origin.Line != 6 || len(p.Lang("es")) != 0 {
		t.Errorf("Pékin entry = %+v", p)
	}
	want := []string{"terms.tsv:7: no term in any language column", "terms.tsv:8: want at most 6 columns as in the header, got 7"}
	if len(warns) != 2 || warns[0].String() != want[0] || warns[1].String() != want[1] {
		t.Errorf("warnings = %v, want %v", warns, want)
	}
}

func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     string // entries as src>tgt>note;
		warns    []string
	}{
		{"pairs", "chat,cat,animal\n\"base, données\",\"data\"\"base\"\"\"\n# comment\n\"multi\nline\",x\n",
			"chat>cat>animal;base, données>data\"base\">;multi line>x>;", nil},
		{"bare quote", "a,b\nun \"mot,word\nc,d\n", "a>b>;c>d>;", []string{"g.csv:2: bare \" in non-quoted-field"}},
		{"header", "fr,en,note\nnuage,cloud,\"IT, not weather\"\n", "nuage>cloud>IT, not weather;", nil},
		{"one column", "seul\nx,y\n", "x>y>;", []string{"g.csv:1: want 2 or 3 columns (source, target, comment), got 1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, warns, err := Read(strings.NewReader(tc.in), "g.csv", FormatCSV)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, e := range g.Entries() {
				b.WriteString(e.Source("fr")[0] + ">" + e.Target("en")[0] + ">" + e.Note + ";")
			}
			if b.String() != tc.want {
				t.Errorf("got %q, want %q", b.String(), tc.want)
			}
			var ws []string
			for _, w := range warns {
				ws = append(ws, w.String())
			}
			if strings.Join(ws, "|") != strings.Join(tc.warns, "|") {
				t.Errorf("warnings %q, want %q", ws, tc.warns)
			}
		})
	}
}

func TestReadEncodings(t *testing.T) {
	const text = "# é\nénergie\tenergy\tnote ’\n"
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	cp, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	for name, data := range map[string][]byte{
		"utf8":         []byte(text),
		"utf8-bom":     append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"utf16le":      u16,
		"utf16be":      u16be,
		"windows-1252": cp,
	} {
		t.Run(name, func(t *testing.T) {
			g, warns, err := Read(bytes.NewReader(data), name, FormatTSV)
			if err != nil || len(warns) > 0 {
				t.Fatalf("err %v warnings %v", err, warns)
			}
			if got := omegatLines(g); got != "énergie\tenergy\tnote ’\n" {
				t.Errorf("got %q", got)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		format   Format
		want     string
	}{
		{"bad xml", "<martif type=\"TBX-Basic\">\n<text><body>\n<termEntry>\n</body>", FormatTBX, "bad.tbx:4: unexpected </body>: <termEntry> of line 3 is still open"},
		{"syntax", "<martif>\n<text a=>\n", FormatTBX, "bad.tbx:2: "},
		{"not tbx", "<html><body/></html>", FormatTBX, "root element <html> is neither"},
		{"truncated", "<martif><text>", FormatTBX, "bad.tbx:1: <text> is not closed: unexpected end of file"},
		{"two roots", "<martif/>\n<martif/>", FormatTBX, "bad.tbx:2: element <martif> after the root element"},
		{"text after the root", "<martif/>\nx", FormatTBX, "bad.tbx:2: text outside the root element"},
		{"no entries", "seul\nautre\n", FormatTSV, "no valid entry (2 malformed lines, first: bad.tbx:1: want 2"},
		{"unknown format", "a\tb\n", Format("xls"), "unknown format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Read(strings.NewReader(tc.in), "bad.tbx", tc.format)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestOpenFolderAndPriority(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.csv", "nuage,cloud computing\n")
	write("a.txt", "nuage\tcloud\n")
	write("notes.md", "not a glossary\n")
	write(".hidden.tsv", "x\ty\n")
	extra := filepath.Join(t.TempDir(), "extra.tbx")
	if err := os.WriteFile(extra, []byte(`<martif type="TBX-Basic" xml:lang="fr"><martifHeader><fileDesc><sourceDesc><p/></sourceDesc></fileDesc></martifHeader><text><body><termEntry><langSet xml:lang="fr"><tig><term>nuage</term></tig></langSet><langSet xml:lang="en"><tig><term>cloud service</term></tig></langSet></termEntry></body></text></martif>`), 0o644); err != nil {
		t.Fatal(err)
	}
	g, warns, err := Open(extra, dir)
	if err != nil || len(warns) > 0 {
		t.Fatalf("err %v warnings %v", err, warns)
	}
	var origins []string
	for _, e := range g.Entries() {
		origins = append(origins, filepath.Base(e.Origin.File))
	}
	if got := strings.Join(origins, ","); got != "extra.tbx,a.txt,b.csv" {
		t.Errorf("origins %s, want extra.tbx,a.txt,b.csv", got)
	}
	hits := NewMatcher(g, "fr", "en").Match("le nuage")
	if len(hits) != 1 || strings.Join(hits[0].Targets, "|") != "cloud service|cloud|cloud computing" || hits[0].Entry.Origin.File != extra {
		t.Errorf("hits = %+v", hits)
	}
	if _, _, err := Open(filepath.Join(dir, "missing.tsv")); err == nil || !strings.Contains(err.Error(), "missing.tsv: no such file") {
		t.Errorf("missing file error = %v", err)
	}
}

func TestUserDir(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	d := UserDir()
	if d != filepath.Join(cfg, "trad", "glossaries") {
		t.Errorf("UserDir() = %s", d)
	}
	if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
		t.Errorf("UserDir not created: %v", err)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	home := t.TempDir()
	t.Setenv("HOME", home)
	if d := UserDir(); d != filepath.Join(home, ".config", "trad", "glossaries") {
		t.Errorf("UserDir() without XDG = %s", d)
	}
}

func TestParseLangTag(t *testing.T) {
	for in, want := range map[string]string{"fr": "fr", "fr-FR": "fr", "en_GB": "en", "zh-Hans": "zh", "ZH": "zh", "chat": "", "embargo": "", "": "", "x1": ""} {
		got, ok := parseLangTag(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseLangTag(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	_ = sort.Strings
}
