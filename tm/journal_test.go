package tm

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
)

func journalUnit(i int) Unit {
	return Unit{
		Source: fmt.Sprintf("Phrase numéro %d du journal.", i), Target: fmt.Sprintf("Journal sentence number %d.", i),
		SourceLang: "fr", TargetLang: "en", Changed: time.Date(2026, 3, 1, 10, 0, i%60, 0, time.UTC),
		Prev: "Avant.", Next: "", HasContext: true,
	}
}

func readJournalFile(t *testing.T, path string) ([]journalRecord, []Warning) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var recs []journalRecord
	warns, err := readJournal(bytes.NewReader(data), path, func(r journalRecord) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return recs, warns
}

func TestReadJournal(t *testing.T) {
	good := `{"source":"A.","target":"B.","srclang":"fr","tgtlang":"en","changed":"2026-03-01T10:00:00Z"}`
	tests := []struct {
		name  string
		in    string
		recs  int
		warns []string // "line:start of message"
	}{
		{"empty", "", 0, nil},
		{"one", good + "\n", 1, nil},
		{"two and blank line", good + "\n\n" + good + "\n", 2, nil},
		{"torn last line", good + "\n" + good[:30], 1, []string{"2:torn last record"}},
		{"torn then fenced by the next append", good + "\n" + good[:30] + "\n" + good + "\n", 2, []string{"2:corrupt record"}},
		{"complete record without newline", good, 0, []string{"1:torn last record"}},
		{"no source", `{"target":"B.","srclang":"fr","tgtlang":"en"}` + "\n", 0, []string{"1:record without a source"}},
		{"garbage in the middle", good + "\n\x00\x00\x00\n" + good + "\n", 2, []string{"2:corrupt record"}},
		{"wrong type", `{"source":1}` + "\n", 0, []string{"1:corrupt record"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n int
			warns, err := readJournal(strings.NewReader(tt.in), "j.jsonl", func(journalRecord) error { n++; return nil })
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.recs {
				t.Errorf("%d records, want %d", n, tt.recs)
			}
			var got []string
			for _, w := range warns {
				if w.File != "j.jsonl" {
					t.Errorf("warning names %q", w.File)
				}
				got = append(got, fmt.Sprintf("%d:%s", w.Line, w.Msg))
			}
			if len(got) != len(tt.warns) {
				t.Fatalf("warnings %q, want %q", got, tt.warns)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.warns[i]) {
					t.Errorf("warning %q, want %q…", got[i], tt.warns[i])
				}
			}
		})
	}
}

// FuzzReadJournal feeds arbitrary bytes: the reader never fails nor
// panics, and every record it returns has a source and a target.
func FuzzReadJournal(f *testing.F) {
	f.Add([]byte(`{"source":"A.","target":"B.","srclang":"fr","tgtlang":"en","changed":"2026-03-01T10:00:00Z"}` + "\n"))
	f.Add([]byte("{\"source\":\"A\n"))
	f.Add([]byte("\n\n\xff\xfe{}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		warns, err := readJournal(bytes.NewReader(data), "f", func(r journalRecord) error {
			if strings.TrimSpace(r.Source) == "" || strings.TrimSpace(r.Target) == "" {
				t.Errorf("record without text: %+v", r)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range warns {
			if w.Line < 1 || w.Line > bytes.Count(data, []byte("\n"))+1 {
				t.Errorf("warning on line %d of %d", w.Line, bytes.Count(data, []byte("\n"))+1)
			}
		}
	})
}

func TestAppendAfterTornWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.journal.jsonl")
	if err := appendJournal(path, []Unit{journalUnit(1)}); err != nil {
		t.Fatal(err)
	}
	// A crash in the middle of the second write.
	f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"source":"Phrase coupée","tar`)
	f.Close()
	if recs, warns := readJournalFile(t, path); len(recs) != 1 || len(warns) != 1 {
		t.Fatalf("after the torn write: %d records, warnings %v", len(recs), warns)
	}
	if err := appendJournal(path, []Unit{journalUnit(2), journalUnit(3)}); err != nil {
		t.Fatal(err)
	}
	recs, warns := readJournalFile(t, path)
	if len(recs) != 3 || recs[1].Source != journalUnit(2).Source || !recs[1].Context || recs[1].Prev != "Avant." {
		t.Errorf("records after the next append: %+v", recs)
	}
	if len(warns) != 1 || warns[0].Line != 2 {
		t.Errorf("warnings %v, want one for line 2 (the torn record)", warns)
	}
}

// TestJournalHelper is not a test: run by TestAppendKilled and
// TestConcurrentAppenders as another process that appends records to
// $TM_JOURNAL until killed or $TM_JOURNAL_N are written.
func TestJournalHelper(t *testing.T) {
	path := os.Getenv("TM_JOURNAL")
	if path == "" {
		t.Skip("helper process only")
	}
	n, _ := strconv.Atoi(os.Getenv("TM_JOURNAL_N"))
	id := os.Getenv("TM_JOURNAL_ID")
	for i := 0; n == 0 || i < n; i++ {
		u := journalUnit(i)
		u.Source = id + " " + u.Source + strings.Repeat(" long", i%50)
		if err := appendJournal(path, []Unit{u}); err != nil {
			t.Fatal(err)
		}
	}
}

func journalHelper(t *testing.T, path, id string, n int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestJournalHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TM_JOURNAL="+path, "TM_JOURNAL_ID="+id, "TM_JOURNAL_N="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestAppendKilled kills a process in the middle of its appends: every
// record read back is whole, and the next append is readable.
func TestAppendKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	path := filepath.Join(t.TempDir(), "k.journal.jsonl")
	cmd := journalHelper(t, path, "k", 0)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if fi, err := os.Stat(path); err == nil && fi.Size() > 20<<10 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	before, warns := readJournalFile(t, path)
	if len(before) == 0 || len(warns) > 1 {
		t.Fatalf("after the kill: %d records, warnings %v", len(before), warns)
	}
	for i, r := range before {
		if !strings.HasPrefix(r.Source, "k Phrase numéro "+strconv.Itoa(i)+" ") {
			t.Fatalf("record %d is %q", i, r.Source)
		}
	}
	if err := appendJournal(path, []Unit{journalUnit(9999)}); err != nil {
		t.Fatal(err)
	}
	after, _ := readJournalFile(t, path)
	if len(after) != len(before)+1 || after[len(after)-1].Source != journalUnit(9999).Source {
		t.Errorf("after a new append: %d records (had %d), last %+v", len(after), len(before), after[len(after)-1])
	}
}

// TestConcurrentAppenders runs two processes appending to one journal and
// a compaction in this one: no record is lost, torn or interleaved.
func TestConcurrentAppenders(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	tmx := filepath.Join(dir, "c.tmx")
	path := JournalFile(tmx)
	const n = 150
	a, b := journalHelper(t, path, "a", n), journalHelper(t, path, "b", n)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 3 {
			time.Sleep(20 * time.Millisecond)
			if err := Compact(tmx); err != nil {
				t.Error(err)
			}
		}
	}()
	if err := a.Wait(); err != nil {
		t.Fatal(err)
	}
	if err := b.Wait(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	m, warns, err := Open(Options{UserDir: dir})
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	if m.Len() != 2*n {
		t.Errorf("%d units after two appenders of %d and compactions, want %d", m.Len(), n, 2*n)
	}
	for _, id := range []string{"a", "b"} {
		for _, i := range []int{0, n / 2, n - 1} {
			u := journalUnit(i)
			src := id + " " + u.Source + strings.Repeat(" long", i%50)
			if got := m.Lookup(src, Context{}, 100, 1); len(got) != 1 || got[0].Target != u.Target {
				t.Errorf("%s unit %d: %+v", id, i, got)
			}
		}
	}
}

func TestUserWriterAppendsOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(t.TempDir(), "a.trad.json")
	doc := testDoc(
		[3]string{"Le marché a reculé.", "The market fell.", "translated"},
		[3]string{"Les prix montent.", "Prices are rising.", "reviewed"},
		[3]string{"Vide.", "", "new"},
	)
	w := NewUserWriter(dir, proj)
	journal := JournalFile(w.File())
	steps := []struct {
		name string
		edit func()
		recs int // records in the journal after Save
	}{
		{"first save writes the confirmed", func() {}, 2},
		{"nothing changed", func() {}, 2},
		{"a target corrected", func() { doc.Segments[0].Target = "The market went down." }, 3},
		{"a segment confirmed", func() { doc.Segments[2].Target, doc.Segments[2].Status = "Empty.", 2 }, 4},
	}
	for _, s := range steps {
		s.edit()
		if err := w.Save(doc); err != nil {
			t.Fatal(s.name, err)
		}
		if recs, _ := readJournalFile(t, journal); len(recs) != s.recs {
			t.Errorf("%s: %d records, want %d", s.name, len(recs), s.recs)
		}
	}
	m, warns, err := Open(Options{UserDir: dir})
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	if got := m.Lookup("Le marché a reculé.", Context{}, 100, 3); len(got) != 1 || got[0].Target != "The market went down." || got[0].Origin != w.File() {
		t.Errorf("lookup from the journal: %+v", got)
	}
	if err := Compact(w.File()); err != nil {
		t.Fatal(err)
	}
	m2, warns, _ := Open(Options{UserDir: dir})
	if len(warns) != 0 || m2.Len() != 3 {
		t.Errorf("after compaction: %d units (want 3: the correction replaced its unit), %v", m2.Len(), warns)
	}
}

// TestCompactOlderFile compacts a user memory written before units carried
// their languages (bitext.WriteTMX, as SaveUser wrote it): the journal's
// correction replaces the unit of the same French source.
func TestCompactOlderFile(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(t.TempDir(), "a.trad.json")
	w := NewUserWriter(dir, proj)
	old := testDoc([3]string{"Le marché a reculé.", "The market fell.", "translated"}, [3]string{"Autre.", "Other.", "translated"})
	f, err := os.Create(w.File())
	if err != nil {
		t.Fatal(err)
	}
	if err := bitext.WriteTMX(f, old, bitext.Options{Context: true}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := w.Append(Unit{Source: "Le marché a reculé.", Target: "The market went down.", SourceLang: "fr", TargetLang: "en"}); err != nil {
		t.Fatal(err)
	}
	if err := Compact(w.File()); err != nil {
		t.Fatal(err)
	}
	units, err := readUserTMX(w.File(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range units {
		got = append(got, u.SourceLang+":"+u.Source+"="+u.Target)
	}
	want := []string{"fr:Le marché a reculé.=The market went down.", "fr:Autre.=Other."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after compaction %q, want %q", got, want)
	}
	if !units[1].HasContext || units[1].Prev != "Le marché a reculé." {
		t.Errorf("the kept unit lost its context: %+v", units[1])
	}
}
