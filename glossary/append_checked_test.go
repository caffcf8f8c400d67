package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/trad-project/trad/internal/xmlscan"
)

// TestAppendEntryCheckedParallel adds one term from six goroutines at
// once, in each layout: the clash check runs under the append's lock, so
// one entry is written and the five others get ErrClash with the clash.
func TestAppendEntryCheckedParallel(t *testing.T) {
	for _, name := range []string{"user.tsv", "pairs.txt", "terms.tbx"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			existing := func() (*Glossary, error) {
				if _, err := os.Stat(path); err != nil {
					return New(), nil
				}
				g, _, err := ReadFile(path)
				return g, err
			}
			const n = 6
			errs := make(chan error, n)
			start := make(chan struct{})
			for range n {
				go func() {
					<-start
					_, clashes, err := AppendEntryChecked(path, newEntry("orage", "storm", "", ""), "fr", "en", AppendOptions{Existing: existing})
					if err == nil && len(clashes) > 0 {
						err = errors.New("clashes with a nil error")
					}
					if errors.Is(err, ErrClash) && (len(clashes) != 1 || clashes[0].Kind != ClashDuplicate) {
						err = errors.New("ErrClash without the duplicate")
					}
					errs <- err
				}()
			}
			close(start)
			added, clashed := 0, 0
			for range n {
				switch err := <-errs; {
				case err == nil:
					added++
				case errors.Is(err, ErrClash):
					clashed++
				default:
					t.Error(err)
				}
			}
			g, _, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if added != 1 || clashed != n-1 || g.Len() != 1 {
				data, _ := os.ReadFile(path)
				t.Fatalf("%d added, %d clashed, %d entries in the file; want 1, %d, 1:\n%s", added, clashed, g.Len(), n-1, data)
			}
		})
	}
}

// TestAppendEntryCheckedForce checks that Force writes a clashing entry
// and still returns the clash, and that without it nothing is written.
func TestAppendEntryCheckedForce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.tsv")
	if _, err := AppendEntry(path, newEntry("orage", "storm", "", ""), "fr", "en"); err != nil {
		t.Fatal(err)
	}
	existing := func() (*Glossary, error) { g, _, err := ReadFile(path); return g, err }
	before, _ := os.ReadFile(path)
	_, clashes, err := AppendEntryChecked(path, newEntry("Orage", "thunderstorm", "", ""), "fr", "en", AppendOptions{Existing: existing})
	after, _ := os.ReadFile(path)
	if !errors.Is(err, ErrClash) || len(clashes) != 1 || clashes[0].Kind != ClashConflict || string(after) != string(before) {
		t.Fatalf("without Force: %v %v, file %q", err, clashes, after)
	}
	added, clashes, err := AppendEntryChecked(path, newEntry("Orage", "thunderstorm", "", ""), "fr", "en", AppendOptions{Existing: existing, Force: true})
	after, _ = os.ReadFile(path)
	if err != nil || len(clashes) != 1 || added.Origin.Line != 3 || !strings.HasSuffix(string(after), "Orage\tthunderstorm\n") {
		t.Fatalf("with Force: %v %v %v, file %q", err, clashes, added, after)
	}
	failing := func() (*Glossary, error) { return nil, errors.New("boom") }
	if _, _, err := AppendEntryChecked(path, newEntry("pluie", "rain", "", ""), "fr", "en", AppendOptions{Existing: failing}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("a failing Existing: %v", err)
	}
}

// TestTBXBodyEnd checks that the end tag the reader reports is the
// element's, not a "</body>" inside a comment, CDATA, a processing
// instruction or the DOCTYPE, and that a file without one is refused.
func TestTBXBodyEnd(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int // offset of the end tag, -1: refused
	}{
		{"<martif><text><body></body></text></martif>", 20},
		{"<martif><text><body></body><!-- </body> --></text></martif>", 20},
		{"<martif><text><body></body ></text><![CDATA[</body>]]></martif>", 20},
		{"<martif><text><body><x:y/></tbx:body></text><?pi </body> ?></martif>", 26},
		{"<!DOCTYPE martif [<!ENTITY b \"</body>\"><!-- </body> -->]><martif><text><body></body></text></martif>", 77},
		{"<!DOCTYPE martif [<!ENTITY b \"</body>\"><!-- ' --><?x ]> ?>]><martif><text><body></body></text></martif>", -1}, // the reader refuses it
		{"<martif><text><bodyx></bodyx></text><!-- </body> --></martif>", -1},
		{"<martif><text><body/></text></martif>", -1}, // nothing to insert before: the entry would land in <text>
		{"<martif><text><body></body", -1},
		{"<martif><!-- </body>", -1},
		{"", -1},
	} {
		r, err := scanTBX(&xmlscan.Reader{}, []byte(tc.text), "f.tbx")
		at := -1
		if err == nil && r.bodyEnd > 0 {
			at = int(r.bodyAt)
		}
		if at != tc.want {
			t.Errorf("%q: end tag at %d, want %d (%v)", tc.text, at, tc.want, err)
		}
		e := newEntry("pluie", "rain", "", "")
		_, _, err = appendTBX([]byte(tc.text), "f.tbx", &e, "fr", "en")
		if (err == nil) != (tc.want >= 0) {
			t.Errorf("%q: appending: %v", tc.text, err)
		}
	}
}

// TestFreeEntryID checks the id given to a new TBX entry: the first cN
// from the count of entries that the file does not use.
func TestFreeEntryID(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
		want string
	}{
		{`<termEntry id="c1">`, 2, "c2"},
		{`<termEntry id="c2"><termEntry xml:id="c3">`, 2, "c4"},
		{`<termEntry id="c02"><termEntry id="c2x"><termEntry id="c">`, 2, "c2"},
		{`id="c99999999999999999999"`, 2, "c2"},
		{`id="c`, 1, "c1"},
	} {
		if got := freeEntryID([]byte(tc.text), tc.n); got != tc.want {
			t.Errorf("%q from %d: %s, want %s", tc.text, tc.n, got, tc.want)
		}
	}
}

// hostileTBX is a TBX of one entry followed by n comments holding
// "</body>" and whose next n ids are taken, the shape that made each add
// quadratic (review F8).
func hostileTBX(n int) []byte {
	var b strings.Builder
	b.WriteString("<martif type=\"TBX-Basic\"><text><body>\n")
	b.WriteString("<termEntry id=\"c1\"><langSet xml:lang=\"fr\"><tig><term>a</term></tig></langSet></termEntry>\n</body>\n")
	for i := range n {
		fmt.Fprintf(&b, "<!-- </body> id=\"c%d\" -->\n", i+2)
	}
	b.WriteString("</text></martif>\n")
	return []byte(b.String())
}

// TestAppendEntryTBXLinear checks that adding to a TBX allocates in
// proportion to the file, not to the file times the "</body>" strings in
// it: before, each candidate was tried by a new insertion and parse.
func TestAppendEntryTBXLinear(t *testing.T) {
	data := hostileTBX(2000)
	path := filepath.Join(t.TempDir(), "h.tbx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	added, err := AppendEntry(path, newEntry("b", "c", "", ""), "fr", "en")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40*uint64(len(data)) {
		t.Errorf("adding to a %d-byte TBX allocated %d bytes (%.0f× its size)", len(data), alloc, float64(alloc)/float64(len(data)))
	}
	got, _ := os.ReadFile(path)
	g, _, err := ReadFile(path)
	if err != nil || g.Len() != 2 || added.Origin.Line != 3 || !bytes.Contains(got, []byte(`<termEntry id="c2002">`)) {
		t.Errorf("read back %d entries, %v, line %d:\n%.300s", g.Len(), err, added.Origin.Line, got)
	}
}

// FuzzTBXBodyEnd checks the end tag the reader reports: in any TBX it
// accepts with a <text><body>, the offset is an end tag of body that ends
// on the line where the reader saw the element end, and an entry appended
// there reads back.
func FuzzTBXBodyEnd(f *testing.F) {
	f.Add("<martif><text><body></body><!-- </body> --></text></martif>")
	f.Add("<!DOCTYPE martif [<!ENTITY b \"</body>\">]><martif><text><body>\n</body\n></text><![CDATA[</body>]]></martif>")
	f.Add("<tbx><text><x:body><?p </body>?></x:body></text></tbx>")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := scanTBX(&xmlscan.Reader{}, []byte(text), "f.tbx")
		if err != nil || r.bodyEnd == 0 {
			return
		}
		at := int(r.bodyAt)
		if at < 0 || at >= len(text) {
			t.Fatalf("end tag at %d; the reader saw one on line %d", at, r.bodyEnd)
		}
		end := at + strings.IndexByte(text[at:], '>') + 1
		if tag := text[at:end]; !strings.HasPrefix(tag, "</") || !strings.Contains(tag, "body") {
			t.Fatalf("end tag at %d is %q", at, tag)
		}
		if line := 1 + strings.Count(text[:end], "\n"); line != r.bodyEnd {
			t.Fatalf("end tag %q ends on line %d, the reader says %d", text[at:end], line, r.bodyEnd)
		}
		g0, _, err := Read(strings.NewReader(text), "f.tbx", FormatTBX)
		if err != nil {
			return
		}
		e := newEntry("pluie", "rain", "", "")
		out, _, err := appendTBX([]byte(text), "f.tbx", &e, "fr", "en")
		if err != nil {
			t.Fatalf("appending: %v", err)
		}
		g, _, err := Read(bytes.NewReader(out), "f.tbx", FormatTBX)
		if err != nil || g.Len() != g0.Len()+1 {
			t.Fatalf("read back: %v, %d entries, want %d:\n%s", err, g.Len(), g0.Len()+1, out)
		}
	})
}
