package segments

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/cputime"
)

// hugeArticles are issue 10's 50 MB articles: one line of sentences
// (580,000 segments in one block) and ordinary paragraphs.
func hugeArticles() map[string]string {
	const size = 50 << 20
	sentence := "La souveraineté numérique de l’Europe reste un enjeu majeur pour les années à venir. "
	para := strings.Repeat(sentence+"Les États membres en discutent. ", 4) + "\n\n"
	return map[string]string{
		"line50MB":       strings.Repeat(sentence, size/len(sentence)),
		"paragraphs50MB": strings.Repeat(para, size/len(para)),
	}
}

// readHuge reads the huge article name (see hugeArticles).
func readHuge(b *testing.B, name string) *Document {
	doc, _, err := Read(strings.NewReader(hugeArticles()[name]), ReadOptions{Tags: true})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkProjectHuge measures, each in a fresh process (a helper run of
// this test binary) so that its peak RSS is its own: "save", the first save
// of a 50 MB article's project (the article read and segmented, one
// segment confirmed, Store.Save); "load", reopening that project through a
// Store (the article re-read to check its hash, the file decoded and
// checked); "editsave", the editor's first save after reopening it (one
// more segment confirmed, Document.Snapshot, Store.SaveSnapshot: cpu-ms
// is the snapshot and save alone, peak-RSS-MB the whole process's,
// reopening included). cpu-ms is the process's CPU time for the step alone,
// peak-RSS-MB the whole process's, file-MB the project's size.
func BenchmarkProjectHuge(b *testing.B) {
	dir := b.TempDir()
	for _, name := range []string{"line50MB", "paragraphs50MB"} {
		src := filepath.Join(dir, name+".fr.txt")
		if err := os.WriteFile(src, []byte(hugeArticles()[name]), 0o644); err != nil {
			b.Fatal(err)
		}
		for _, op := range []string{"save", "load", "editsave"} {
			b.Run(name+"/"+op, func(b *testing.B) {
				var vals map[string]float64
				for b.Loop() {
					if op == "save" {
						_ = os.Remove(ProjectPath(src))
					} else if _, err := os.Stat(ProjectPath(src)); err != nil {
						runProjectHelper(b, "save", src)
					}
					vals = runProjectHelper(b, op, src)
				}
				b.ReportMetric(vals["cpu-ms"], "cpu-ms")
				b.ReportMetric(vals["rss-mb"], "peak-RSS-MB")
				b.ReportMetric(vals["file-mb"], "file-MB")
			})
		}
	}
}

// runProjectHelper runs TestProjectHugeHelper in a new process and returns
// the figures it printed.
func runProjectHelper(b *testing.B, op, src string) map[string]float64 {
	vals, out, err := cputime.ChildFigures("TestProjectHugeHelper", "TRAD_PROJECT_HELPER="+op+":"+src)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	if vals["segments"] == 0 {
		b.Fatalf("helper output:\n%s", out)
	}
	return vals
}

// TestProjectHugeHelper is not a test: BenchmarkProjectHuge runs it in a
// process of its own ($TRAD_PROJECT_HELPER is "save:ARTICLE",
// "load:ARTICLE" or "editsave:ARTICLE").
func TestProjectHugeHelper(t *testing.T) {
	op, src, ok := strings.Cut(os.Getenv("TRAD_PROJECT_HELPER"), ":")
	if !ok {
		t.Skip("helper process only")
	}
	var st *Store
	var doc *Document
	var err error
	if op == "save" {
		st, doc, _, _, err = openPath(src, OpenOptions{By: "bench"})
		if err != nil {
			t.Fatal(err)
		}
		doc.Confirm(0, "Europe's digital sovereignty remains a major issue.", OriginTyped, time.Now())
	}
	if op == "editsave" {
		st = NewStore(ProjectPath(src), "bench")
		if doc, _, err = st.Load(); err != nil {
			t.Fatal(err)
		}
		doc.Confirm(1, "The Member States are discussing it.", OriginTyped, time.Now())
	}
	c0 := cputime.Used()
	switch op {
	case "save":
		_, err = st.Save(doc)
	case "editsave":
		_, _, err = st.SaveSnapshot(doc.Snapshot())
	default:
		st = NewStore(ProjectPath(src), "bench")
		doc, _, err = st.Load()
	}
	if err != nil {
		t.Fatal(err)
	}
	cpu := cputime.Used() - c0
	fi, err := os.Stat(ProjectPath(src))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("segments=%d\ncpu-ms=%d\nrss-mb=%d\nfile-mb=%.1f\n", len(doc.Segments), cpu.Milliseconds(), cputime.PeakRSS()>>20, float64(fi.Size())/(1<<20))
}

// BenchmarkDecodeProject decodes the schema 3 project of each 50 MiB
// article from memory: the decoder alone, without the article's re-reading,
// Check, repair or the Store's copy. cpu-ms/op is the process's CPU time
// (the collector's included), steadier than the wall time on a shared
// machine.
func BenchmarkDecodeProject(b *testing.B) {
	for _, name := range []string{"line50MB", "paragraphs50MB"} {
		b.Run(name, func(b *testing.B) {
			doc := readHuge(b, name)
			pf, err := toProject("p.trad.json", doc)
			if err != nil {
				b.Fatal(err)
			}
			var buf bytes.Buffer
			if err := encodeProject(&buf, pf, nil); err != nil {
				b.Fatal(err)
			}
			doc, pf = nil, nil
			b.SetBytes(int64(buf.Len()))
			c0 := cputime.Used()
			for b.Loop() {
				if _, err := decodeProject(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cputime.Used()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkSnapshotHuge is the snapshot the editor takes at each save, on
// its goroutine (Document.Snapshot), of each 50 MiB article with one
// segment confirmed.
func BenchmarkSnapshotHuge(b *testing.B) {
	for _, name := range []string{"line50MB", "paragraphs50MB"} {
		b.Run(name, func(b *testing.B) {
			doc := readHuge(b, name)
			doc.Confirm(1, "Europe's digital sovereignty remains a major issue.", OriginTyped, time.Now())
			b.ReportAllocs()
			for b.Loop() {
				doc.Snapshot()
			}
		})
	}
}
