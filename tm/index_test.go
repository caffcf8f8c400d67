package tm

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// indexFixture writes a TMX file of generated units, with context, tags,
// a wordless unit and dates, and returns it, its units and an index folder;
// every file is indexed.
func indexFixture(t testing.TB, n int) (string, []Unit, string) {
	t.Helper()
	old := IndexMin
	IndexMin = 1
	t.Cleanup(func() { IndexMin = old })
	units := zipfUnits(n, 3)
	when := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for i := range units {
		units[i].SourceLang, units[i].TargetLang = "fr", "en"
		units[i].Changed = when.Add(time.Duration(i) * time.Second)
		if i%7 == 0 {
			units[i].Prev, units[i].Next, units[i].HasContext = "Avant.", "", true
		}
	}
	units = append(units, Unit{Source: "!", Target: "!", SourceLang: "fr", TargetLang: "en"},
		Unit{Source: "Le chat dort sur le tapis.", Target: "The cat sleeps on the mat.", SourceLang: "fr", TargetLang: "en", Changed: when,
			SourceTags: []segments.Tag{{At: 3, ID: 1, Kind: segments.TagOpen}, {At: 7, ID: 1, Kind: segments.TagClose}},
			TargetTags: []segments.Tag{{At: 4, ID: 1, Kind: segments.TagOpen}, {At: 7, ID: 1, Kind: segments.TagClose}},
			Codes:      []segments.Code{{ID: 1, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"}}})
	path := filepath.Join(t.TempDir(), "big.tmx")
	if err := safefile.Write(path, func(w io.Writer) error { return writeUserTMX(w, "fr", units) }, safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	return path, units, t.TempDir()
}

func loadIndexed(t *testing.T, path, dir string) (*Memory, []Warning) {
	t.Helper()
	m := newTestMemory()
	m.SetIndexDir(dir)
	return m, m.LoadFile(path)
}

// sameMemories checks that a and b answer lookups and concordance searches
// the same.
func sameMemories(t *testing.T, a, b *Memory, units []Unit) {
	t.Helper()
	if a.Len() != b.Len() {
		t.Fatalf("%d units, want %d", b.Len(), a.Len())
	}
	qs := append(zipfQueries(units, 60), "Le chat dort sur le tapis.", "!", units[7].Source)
	for _, q := range qs {
		ma, mb := a.Lookup(q, Context{Prev: "Avant."}, 50, 3), b.Lookup(q, Context{Prev: "Avant."}, 50, 3)
		if len(ma) != len(mb) {
			t.Fatalf("%q: %d matches, want %d", q, len(mb), len(ma))
		}
		for i := range ma {
			if !ma[i].Changed.Equal(mb[i].Changed) {
				t.Errorf("%q: changed %v, want %v", q, mb[i].Changed, ma[i].Changed)
			}
			ma[i].Changed, mb[i].Changed = time.Time{}, time.Time{}
		}
		if !reflect.DeepEqual(ma, mb) {
			t.Errorf("%q:\n%+v\nwant\n%+v", q, mb, ma)
		}
		ca, cb := a.Concordance(q[:min(len(q), 12)], 5), b.Concordance(q[:min(len(q), 12)], 5)
		if len(ca) != len(cb) {
			t.Errorf("%q: concordance %d hits, want %d", q, len(cb), len(ca))
		}
	}
}

// A large TMX file's index is written on the first load and read on the
// next; the memory answers the same either way.
func TestIndexRoundTrip(t *testing.T) {
	path, units, dir := indexFixture(t, 3000)
	fromTMX, w1 := loadIndexed(t, path, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "big-*.gob"))
	if len(files) != 1 {
		t.Fatalf("index files: %v (warnings %v)", files, w1)
	}
	if fi, err := os.Stat(files[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("index mode: %v %v (the texts may be confidential: 0600)", fi.Mode(), err)
	}
	// The index is read, not the file: with the TMX file emptied in
	// place (same size and time), the units are still there.
	fi, _ := os.Stat(path)
	if err := os.WriteFile(path, make([]byte, fi.Size()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	fromIndex, w2 := loadIndexed(t, path, dir)
	if !reflect.DeepEqual(w1, w2) {
		t.Errorf("warnings %v, want %v", w2, w1)
	}
	sameMemories(t, fromTMX, fromIndex, units)
	ms := fromIndex.Lookup("Le chat dort sur le tapis.", Context{}, 100, 1)
	if len(ms) != 1 || len(ms[0].TargetTags) != 2 || ms[0].Codes[0].Type != segments.CodeBold {
		t.Errorf("tags not kept: %+v", ms)
	}
}

// An index is not used when the file changed, the language pair differs
// or it is damaged: the file is read (and the index rewritten).
func TestIndexStaleOrDamaged(t *testing.T) {
	path, units, dir := indexFixture(t, 500)
	ref, _ := loadIndexed(t, path, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.gob"))
	if len(files) != 1 {
		t.Fatalf("index files: %v", files)
	}
	index := files[0]
	good, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}

	// Another pair: another index, not this one.
	other := New("fr", "de")
	other.SetIndexDir(dir)
	other.LoadFile(path)
	if other.Len() != 0 {
		t.Errorf("the fr-en index was used for fr-de: %d units", other.Len())
	}

	// Damaged in many ways: truncated, and bytes changed through the file.
	for _, cut := range []int{0, 10, len(good) / 3, len(good) - 1} {
		if err := os.WriteFile(index, good[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		m, _ := loadIndexed(t, path, dir)
		if m.Len() != ref.Len() {
			t.Fatalf("truncated at %d: %d units, want %d", cut, m.Len(), ref.Len())
		}
	}
	for at := 7; at < len(good); at += len(good)/13 + 1 {
		bad := append([]byte(nil), good...)
		bad[at] ^= 0x5a
		if err := os.WriteFile(index, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		m, _ := loadIndexed(t, path, dir)
		if m.Len() != ref.Len() {
			t.Fatalf("byte %d changed: %d units, want %d", at, m.Len(), ref.Len())
		}
	}

	// The file changed: its new units are read and indexed.
	units = units[:100]
	if err := safefile.Write(path, func(w io.Writer) error { return writeUserTMX(w, "fr", units) }, safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	m, _ := loadIndexed(t, path, dir)
	again, _ := loadIndexed(t, path, dir)
	if m.Len() != 100 || again.Len() != 100 {
		t.Errorf("changed file: %d then %d units, want 100", m.Len(), again.Len())
	}
}

// FuzzIndex reads damaged indexes: never a panic, and either the index's
// units or none (the caller then reads the TMX file).
func FuzzIndex(f *testing.F) {
	path, _, dir := indexFixture(f, 40)
	ref := newTestMemory()
	ref.SetIndexDir(dir)
	ref.LoadFile(path)
	files, _ := filepath.Glob(filepath.Join(dir, "*.gob"))
	good, err := os.ReadFile(files[0])
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	fi, _ := os.Stat(path)
	f.Fuzz(func(t *testing.T, data []byte) {
		d := t.TempDir()
		m := newTestMemory()
		m.SetIndexDir(d)
		if err := os.WriteFile(m.indexFile(path), data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, ok := m.loadIndex(path, fi)
		if !ok && m.Len() != 0 || ok && m.Len() != ref.Len() {
			t.Fatalf("index read: %v with %d units (the file has %d)", ok, m.Len(), ref.Len())
		}
		m.Lookup("Le chat dort sur le tapis.", Context{}, 50, 3)
	})
}
