package tm

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
	"golang.org/x/text/language"
)

func TestOpenTMX(t *testing.T) {
	path := filepath.Join("testdata", "omegat-context.tmx")
	m, warns, err := Open(Options{Paths: []string{path}, NoUser: true})
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() != 3 {
		t.Errorf("Len = %d, want 3 (the de-DE unit has no French)", m.Len())
	}
	if len(warns) != 1 || !strings.Contains(warns[0].String(), "1 units without both a fr and a en text skipped") {
		t.Errorf("warnings %q", warns)
	}
	tests := []struct {
		query  string
		ctx    Context
		score  int
		target string
	}{
		{"Le taux est de 4,2 %.", Context{}, 99, "The rate is 4.2%."},
		{"La Chine a annoncé un nouveau plan quinquennal.", Context{}, 100, "China announced a new five-year plan."},
		{"Oui.", Context{Prev: "Viendrez-vous demain ?"}, 101, "Yes, I will."},
		{"Oui.", Context{Prev: "Autre chose ?"}, 100, "Yes, I will."},
	}
	for _, tt := range tests {
		got := m.Lookup(tt.query, tt.ctx, 0, 3)
		if len(got) == 0 || got[0].Score != tt.score || got[0].Target != tt.target || got[0].Origin != path {
			t.Errorf("Lookup(%q, %+v) = %+v, want score %d target %q origin %s", tt.query, tt.ctx, got, tt.score, tt.target, path)
		}
	}
	if got := m.Lookup("La Chine a annoncé un nouveau plan quinquennal.", Context{}, 0, 3); len(got) > 0 && !got[0].Changed.IsZero() {
		t.Errorf("unit without dates has Changed %v", got[0].Changed)
	}
	if got := m.Lookup("Le taux est de 3,5 %.", Context{}, 0, 1); len(got) == 0 || !got[0].Changed.Equal(time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("changedate not kept: %+v", got)
	}
}

func TestOpenFolderAndErrors(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "omegat-context.tmx"), filepath.Join(dir, "a.TMX"))
	copyFile(t, filepath.Join("testdata", "broken.tmx"), filepath.Join(dir, "b.tmx"))
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a memory"), 0o644)
	m, warns, err := Open(Options{Paths: []string{dir}, NoUser: true})
	if err != nil {
		t.Fatal(err)
	}
	// 3 units from a.TMX, and the unit of b.tmx read before its error.
	if m.Len() != 4 {
		t.Errorf("Len = %d, want 4", m.Len())
	}
	var broken string
	for _, w := range warns {
		if w.File == filepath.Join(dir, "b.tmx") {
			broken = w.String()
		}
	}
	if !strings.HasPrefix(broken, filepath.Join(dir, "b.tmx")+":12: unexpected </tu>") {
		t.Errorf("no warning with a line for the broken file: %q", warns)
	}
	if got := m.Lookup("Le réseau est saturé.", Context{}, 0, 1); len(got) != 1 || got[0].Target != "The network is saturated." {
		t.Errorf("unit before the error not kept: %+v", got)
	}

	if _, _, err := Open(Options{Paths: []string{filepath.Join(dir, "missing.tmx")}, NoUser: true}); err == nil || !strings.Contains(err.Error(), "missing.tmx") {
		t.Errorf("missing --tm path: err = %v, want an error naming it", err)
	}
	// A missing user folder is an empty memory, not an error.
	m, warns, err = Open(Options{UserDir: filepath.Join(dir, "nope")})
	if err != nil || m.Len() != 0 || len(warns) != 0 {
		t.Errorf("missing user folder: %d units, %q, %v", m.Len(), warns, err)
	}
}

func TestUserDir(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if got := UserDir(); got != filepath.Join("/xdg", "trad", "tm") {
		t.Errorf("UserDir = %q", got)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if got := UserDir(); got != filepath.Join("/home/u", ".local", "share", "trad", "tm") {
		t.Errorf("UserDir = %q", got)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func testDoc(pairs ...[3]string) *segments.Document {
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English}
	for i, p := range pairs {
		st, _ := segments.ParseStatus(p[2])
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Source: p[0], Target: p[1], Status: st,
			Changed: time.Date(2026, 3, 1, 10, i, 0, 0, time.UTC)})
	}
	return doc
}

func TestSaveUserRoundTrip(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(t.TempDir(), "article.fr.trad.json")
	doc := testDoc(
		[3]string{"Le marché a reculé.", "The market fell.", "translated"},
		[3]string{"Les prix montent.", "Prices are rising.", "reviewed"},
		[3]string{"Brouillon.", "Draft.", "draft"},
		[3]string{"Vide.", "", "new"},
	)
	path, err := SaveUser(dir, proj, doc)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "article.fr-") || filepath.Ext(path) != ".tmx" {
		t.Errorf("user file %q", path)
	}
	m, warns, err := Open(Options{UserDir: dir})
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	if m.Len() != 2 {
		t.Errorf("Len = %d, want the 2 confirmed segments", m.Len())
	}
	if got := m.Lookup("Les prix montent.", Context{}, 0, 1); len(got) != 1 || got[0].Target != "Prices are rising." || got[0].Origin != path {
		t.Errorf("lookup after SaveUser: %+v", got)
	}

	// The memory file carries each unit's neighbours, so the next article
	// gets a context (101 %) match when the neighbours are the same.
	ctx := Context{Prev: "Le marché a reculé.", Next: "Brouillon."}
	if got := m.Lookup("Les prix montent.", ctx, 0, 1); len(got) != 1 || got[0].Score != 101 || !got[0].Context {
		t.Errorf("context lookup after SaveUser: %+v, want a 101 %% context match", got)
	}
	if got := m.Lookup("Les prix montent.", Context{Prev: "Autre chose."}, 0, 1); len(got) != 1 || got[0].Score != 100 {
		t.Errorf("lookup with other neighbours: %+v, want a plain 100 %% match", got)
	}

	// Next save: a corrected translation replaces the old one; a segment
	// no longer confirmed keeps its earlier translation in the memory.
	doc.Segments[0].Target = "The market went down."
	doc.Segments[1].Status = segments.StatusDraft
	if _, err := SaveUser(dir, proj, doc); err != nil {
		t.Fatal(err)
	}
	m, _, _ = Open(Options{UserDir: dir})
	var targets []string
	for _, q := range []string{"Le marché a reculé.", "Les prix montent."} {
		for _, g := range m.Lookup(q, Context{}, 100, 5) {
			targets = append(targets, g.Target)
		}
	}
	if strings.Join(targets, "|") != "The market went down.|Prices are rising." {
		t.Errorf("after the second save: %q", targets)
	}
	if got := m.Lookup("Les prix montent.", ctx, 0, 1); len(got) != 1 || got[0].Score != 101 {
		t.Errorf("a unit kept from the earlier file lost its context: %+v", got)
	}
	// The TMX file and its journal, emptied by the compaction; no temporary.
	if ents, _ := os.ReadDir(dir); len(ents) != 2 || ents[0].Name() != filepath.Base(JournalFile(path)) || ents[1].Name() != filepath.Base(path) {
		t.Errorf("user folder holds %v, want the TMX file and its journal", ents)
	}
	if fi, err := os.Stat(JournalFile(path)); err != nil || fi.Size() != 0 {
		t.Errorf("journal after compaction: %v, %v", fi, err)
	}

	// An unreadable memory file is never overwritten.
	bad := []byte("<tmx><body><tu></body>")
	os.WriteFile(path, bad, 0o644)
	if _, err := SaveUser(dir, proj, doc); err == nil || !strings.Contains(err.Error(), "not overwritten") {
		t.Errorf("SaveUser over a corrupt file: %v", err)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, bad) {
		t.Errorf("corrupt file changed to %q", data)
	}

	// Nothing confirmed and no file yet: nothing written.
	if p, err := SaveUser(t.TempDir(), proj, testDoc([3]string{"A.", "", "new"})); p != "" || err != nil {
		t.Errorf("empty save wrote %q, %v", p, err)
	}
}

func TestDocumentUnitsContext(t *testing.T) {
	doc := testDoc(
		[3]string{"Viendrez-vous ?", "Will you come?", "translated"},
		[3]string{"Oui.", "Yes, I will.", "translated"},
		[3]string{"Non.", "", "new"},
	)
	m := newTestMemory()
	m.Add(DocumentUnits(doc, "p.trad.json")...)
	if m.Len() != 2 {
		t.Fatalf("Len = %d", m.Len())
	}
	got := m.Lookup("Oui.", SegmentContext(doc, 1), 0, 1)
	if len(got) != 1 || got[0].Score != 101 || got[0].Origin != "p.trad.json" {
		t.Errorf("%+v", got)
	}
}

func TestRepetitions(t *testing.T) {
	doc := testDoc(
		[3]string{"Oui.", "", "new"},
		[3]string{"Non.", "", "new"},
		[3]string{"Oui. ", "", "new"},
		[3]string{"oui.", "", "new"},
		[3]string{"Non.", "No.", "translated"},
		[3]string{"Oui.", "", "new"},
		[3]string{"", "", "new"},
		[3]string{"", "", "new"},
	)
	got := Repetitions(doc)
	want := "[[0 2 5] [1 4]]"
	if s := strings.ReplaceAll(strings.TrimSpace(strings.Join(strings.Fields(sprint(got)), " ")), "  ", " "); s != want {
		t.Errorf("Repetitions = %s, want %s", s, want)
	}
	if s := sprint(SameSource(doc, 2)); s != "[0 5]" {
		t.Errorf("SameSource(2) = %s", s)
	}
	if s := sprint(SameSource(doc, 3)); s != "[]" {
		t.Errorf("SameSource(3) = %s (case counts)", s)
	}
}

// FuzzLoadTMX feeds arbitrary bytes to the loader: it must not panic, and
// every unit it keeps must be found again as an exact match.
func FuzzLoadTMX(f *testing.F) {
	for _, p := range []string{"testdata/omegat-context.tmx", "testdata/broken.tmx"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	var buf bytes.Buffer
	bitext.WriteTMX(&buf, testDoc([3]string{"Le taux est de 3,5 %.", "The rate is 3.5%.", "translated"}), bitext.Options{})
	f.Add(buf.String())
	f.Add(`<tmx><body><tu><prop type="prev">a</prop><tuv lang="fr"><seg>12 000,5</seg></tuv><tuv lang="EN"><seg>12,000.5</seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, in string) {
		m := newTestMemory()
		m.LoadTMX(strings.NewReader(in), "fuzz.tmx")
		for id := range m.Len() {
			e := m.entry(uint32(id))
			if strings.TrimSpace(e.src) == "" {
				t.Fatalf("unit with an empty source kept")
			}
			got := m.Lookup(e.src, Context{}, 100, 1)
			if len(got) != 1 || got[0].Score < 100 {
				t.Fatalf("unit %q not found as an exact match: %+v", e.src, got)
			}
		}
	})
}

// TestLowerGC checks that overlapping large loads lower the collector's
// target once and that the last one to end puts the previous one back.
func TestLowerGC(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: lowerGC leaves the collector alone")
	}
	current := func() int {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	defer debug.SetGCPercent(debug.SetGCPercent(123))
	r1 := lowerGC()
	r2 := lowerGC()
	if got := current(); got != lowGCPercent {
		t.Fatalf("during two loads: GC percent %d, want %d", got, lowGCPercent)
	}
	r1()
	if got := current(); got != lowGCPercent {
		t.Fatalf("one load still running: GC percent %d, want %d", got, lowGCPercent)
	}
	r2()
	if got := current(); got != 123 {
		t.Fatalf("after both loads: GC percent %d, want the previous 123", got)
	}
}
