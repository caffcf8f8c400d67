package analyze

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func readDoc(t testing.TB, path string) *segments.Document {
	t.Helper()
	doc, _, err := segments.ReadFile(path, segments.ReadOptions{Lang: "fr", Target: "en", Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s\nwant:\n%s", name, got, want)
	}
}

// testJob analyses the two test articles against the test memory.
func testJob(t *testing.T) Report {
	mem := tm.New("fr", "en")
	if w := mem.LoadFile("testdata/memory.tmx"); len(w) > 0 {
		t.Fatal(w)
	}
	j := NewJob()
	j.Add("first.md", readDoc(t, "testdata/first.md"), mem)
	j.Add("second.md", readDoc(t, "testdata/second.md"), mem)
	return j.Report()
}

func TestReportGolden(t *testing.T) {
	r := testJob(t)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, Report) error
	}{
		{"job.txt", func(b *bytes.Buffer, r Report) error { return WriteText(b, r) }},
		{"job.csv", func(b *bytes.Buffer, r Report) error { return WriteCSV(b, r) }},
		{"job.json", func(b *bytes.Buffer, r Report) error { return WriteJSON(b, r) }},
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf, r); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.name, buf.Bytes())
	}
}

// TestBands checks where each segment of the test job goes, and that the
// totals add up.
func TestBands(t *testing.T) {
	r := testJob(t)
	want := map[string][NumBands]int{ // segments per band
		//            rep 101 100 95 85 75 50 none
		// The second "Le marché…" has a 100 % match but repeats
		// the first (101 %); "La demande…" (85 %) repeats across files.
		"first.md":  {1, 1, 1, 0, 1, 1, 0, 2},
		"second.md": {1, 0, 0, 0, 0, 0, 1, 2},
	}
	for _, f := range r.Files {
		var got [NumBands]int
		var sum Count
		for b, c := range f.Bands {
			got[b] = c.Segments
			sum.add(c)
		}
		if got != want[f.Name] {
			t.Errorf("%s: segments per band %v, want %v", f.Name, got, want[f.Name])
		}
		if sum != f.Total {
			t.Errorf("%s: bands sum to %+v, total %+v", f.Name, sum, f.Total)
		}
	}
	var files Count
	for _, f := range r.Files {
		files.add(f.Total)
	}
	if files != r.Total.Total {
		t.Errorf("files sum to %+v, job total %+v", files, r.Total.Total)
	}
	if r.Files[0].Total.Tags != 4 {
		t.Errorf("first.md: %d tags, want 4 (bold pair, link pair)", r.Files[0].Total.Tags)
	}
}

func TestBandOf(t *testing.T) {
	for score, want := range map[int]Band{101: Context, 100: Exact, 99: Fuzzy95, 95: Fuzzy95, 94: Fuzzy85, 85: Fuzzy85,
		84: Fuzzy75, 75: Fuzzy75, 74: Fuzzy50, 50: Fuzzy50, 49: NoMatch, 0: NoMatch} {
		if got := bandOf(score); got != want {
			t.Errorf("bandOf(%d) = %s, want %s", score, got.ID(), want.ID())
		}
	}
}

func TestNoMemory(t *testing.T) {
	j := NewJob()
	doc := readDoc(t, "testdata/second.md")
	j.Add("second.md", doc, nil)
	r := j.Report()
	if got := r.Files[0].Bands[NoMatch].Segments; got != len(doc.Segments) {
		t.Errorf("%d segments without a match, want all %d", got, len(doc.Segments))
	}
}
