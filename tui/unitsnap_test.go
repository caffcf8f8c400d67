package tui

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
	"golang.org/x/text/language"
)

// snapDoc is an article of n sentences in paragraphs of three, some with
// inline codes, so that units carry tags and codes.
func snapDoc(t *testing.T, n int) *segments.Document {
	t.Helper()
	var b strings.Builder
	for i := range n {
		if i%3 == 0 && i > 0 {
			b.WriteString("\n\n")
		}
		if i%4 == 1 {
			fmt.Fprintf(&b, "La phrase **%d** est ici. ", i)
		} else {
			fmt.Fprintf(&b, "La phrase %d est là. ", i)
		}
	}
	doc, _, err := segments.Read(strings.NewReader(b.String()), segments.ReadOptions{Name: "a.fr.md", Format: segments.FormatMarkdown, Tags: true, Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Segments) != n {
		t.Fatalf("%d segments, want %d", len(doc.Segments), n)
	}
	doc.SourceLang, doc.TargetLang = language.French, language.English
	return doc
}

// confirmAt confirms the segments where pattern has 'c' and drafts those
// where it has 'd'; the target keeps the source's tags.
func confirmAt(doc *segments.Document, pattern string) {
	for i, c := range pattern {
		s := &doc.Segments[i]
		switch c {
		case 'c':
			s.Target, s.TargetTags, s.Status = "Sentence "+s.Source, s.SourceTags, segments.StatusTranslated
		case 'd':
			s.Target, s.Status = "draft", segments.StatusDraft
		}
	}
}

// randomWork is a snapDoc of 1 to max segments with a random pattern of
// confirmed, drafted and new segments (see confirmAt), and the pattern.
func randomWork(t *testing.T, rng *rand.Rand, max int) (*segments.Document, string) {
	n := 1 + rng.IntN(max)
	p := make([]byte, n)
	for i := range p {
		p[i] = ".cd"[rng.IntN(3)]
	}
	doc := snapDoc(t, n)
	confirmAt(doc, string(p))
	return doc, string(p)
}

// TestUnitsSnapshotUnits: the memory units of the load snapshot are those of
// the whole document (context and tags included), and the snapshot holds
// only the confirmed runs and their neighbours.
func TestUnitsSnapshotUnits(t *testing.T) {
	cases := []struct {
		pattern string
		segs    int // len(snapshot.Segments)
	}{
		{"..........", 0},
		{"dddddddddd", 0},
		{"c.........", 2},
		{".........c", 2},
		{"....c.....", 3},
		{"cccccccccc", 10},
		{"c.c.c.c.c.", 10},
		{".c..c...cc", 9},
		{"d.cc.dd.c.", 7},
	}
	for _, c := range cases {
		t.Run(c.pattern, func(t *testing.T) {
			doc := snapDoc(t, len(c.pattern))
			confirmAt(doc, c.pattern)
			snap := unitsSnapshot(doc)
			if len(snap.Segments) != c.segs {
				t.Errorf("snapshot has %d segments, want %d", len(snap.Segments), c.segs)
			}
			sameUnits(t, snap, doc)
		})
	}
	rng := rand.New(rand.NewPCG(10, 1))
	for k := range 200 {
		doc, p := randomWork(t, rng, 40)
		n := len(p)
		snap := unitsSnapshot(doc)
		if len(snap.Segments) > n {
			t.Fatalf("case %d %s: snapshot of %d segments for %d", k, p, len(snap.Segments), n)
		}
		sameUnits(t, snap, doc)
	}
}

func sameUnits(t *testing.T, snap, doc *segments.Document) {
	t.Helper()
	got, want := tm.DocumentUnits(snap, "p"), tm.DocumentUnits(doc, "p")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("units of the snapshot differ:\n got %+v\nwant %+v", got, want)
	}
	if snap.SourceLang != doc.SourceLang || snap.TargetLang != doc.TargetLang {
		t.Fatalf("languages %v→%v, want %v→%v", snap.SourceLang, snap.TargetLang, doc.SourceLang, doc.TargetLang)
	}
}

// TestUnitsSnapshotIsolated: the editor changing its document after Init
// does not reach the snapshot the background load reads.
func TestUnitsSnapshotIsolated(t *testing.T) {
	doc := snapDoc(t, 6)
	confirmAt(doc, ".cc.c.")
	snap := unitsSnapshot(doc)
	want := tm.DocumentUnits(snap, "p")
	confirmAt(doc, "cdcccc")
	doc.Segments[2].Target = "changed"
	doc.Blocks[0].Codes = nil
	if got := tm.DocumentUnits(snap, "p"); !reflect.DeepEqual(got, want) {
		t.Fatalf("snapshot changed with the document:\n got %+v\nwant %+v", got, want)
	}
}

// TestTargetsSnapshotProject: the QA project context built from the
// targets snapshot is the one built from the whole document.
func TestTargetsSnapshotProject(t *testing.T) {
	g, _, err := glossary.Read(strings.NewReader("fr\ten\nphrase\tsentence\nici\there\n"), "g.tsv", glossary.FormatTSV)
	if err != nil {
		t.Fatal(err)
	}
	f := glossary.NewMatcher(g, "fr", "en")
	rng := rand.New(rand.NewPCG(4, 2))
	for k := range 50 {
		doc, p := randomWork(t, rng, 30)
		n := len(p)
		segs := targetsSnapshot(doc)
		if want := strings.Count(p, "c") + strings.Count(p, "d"); len(segs) != want {
			t.Fatalf("case %d %s: %d segments copied, want %d", k, p, len(segs), want)
		}
		got, want := qa.NewProjectOf("fr", "en", g, f, n, segs), qa.NewProject("fr", "en", g, f, doc)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d %s: the projects differ", k, p)
		}
	}
}
