package qa

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

type labelled struct {
	line           int
	from, to       string
	source, target string
	expect         []string // sorted check ids, nil for a correct pair
}

// readLabelled reads a labelled file. With ours, the expected ids must be
// this package's check ids; a blind file written without knowing them has
// its own categories (terms, omission, spacing…).
func readLabelled(t *testing.T, path string, ours bool) []labelled {
	t.Helper()
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	unescape := strings.NewReplacer(`\u00a0`, "\u00a0", `\u202f`, "\u202f")
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "from\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Fatalf("%s:%d: want 5 tab-separated columns, got %d", name, n, len(cols))
		}
		l := labelled{line: n, from: cols[0], to: cols[1], source: unescape.Replace(cols[2]), target: unescape.Replace(cols[3])}
		if cols[4] != "-" {
			l.expect = strings.Split(cols[4], ",")
			slices.Sort(l.expect)
			for _, id := range l.expect {
				if _, ok := defaultSeverity(id); !ok && ours {
					t.Fatalf("%s:%d: unknown check %q", name, n, id)
				}
			}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabelledCorpus runs every check over pairs labelled by hand and
// measures precision (issues raised that a reviewer would raise) and
// recall (issues a reviewer would raise that were raised). A correct pair
// must raise nothing: the checks must not cry wolf.
func TestLabelledCorpus(t *testing.T) {
	cases := readLabelled(t, "testdata/labelled.tsv", true)
	g := testGlossary(t)
	matchers := map[string]*glossary.Matcher{}
	tp, fp, fn, correct := 0, 0, 0, 0
	for _, l := range cases {
		key := l.from + ">" + l.to
		if matchers[key] == nil {
			matchers[key] = glossary.NewMatcher(g, l.from, l.to)
		}
		seg := segments.Segment{Source: l.source, Target: l.target, Status: segments.StatusTranslated}
		issues := Check(seg, Context{SourceLang: l.from, TargetLang: l.to, Hits: matchers[key].Match(l.source)})
		var got []string
		for _, is := range issues {
			got = append(got, is.Check)
		}
		slices.Sort(got)
		if l.expect == nil {
			correct++
		}
		// Count matches per check id as multisets.
		want := slices.Clone(l.expect)
		for _, id := range got {
			if k := slices.Index(want, id); k >= 0 {
				tp++
				want = slices.Delete(want, k, k+1)
			} else {
				fp++
				t.Errorf("labelled.tsv:%d: false alarm %s (%s → %s)\n  src %q\n  tgt %q\n  %v", l.line, id, l.from, l.to, l.source, l.target, issues)
			}
		}
		for _, id := range want {
			fn++
			t.Logf("labelled.tsv:%d: missed %s (%s → %s): %q → %q", l.line, id, l.from, l.to, l.source, l.target)
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("labelled corpus: %d pairs (%d correct), %d issues expected; true %d, false %d, missed %d: precision %.3f, recall %.3f",
		len(cases), correct, tp+fn, tp, fp, fn, precision, recall)
	if len(cases) < 80 || correct < len(cases)/2 {
		t.Errorf("corpus too small: %d pairs, %d correct", len(cases), correct)
	}
	if precision < 0.95 {
		t.Errorf("precision %.3f < 0.95", precision)
	}
	if recall < 0.9 {
		t.Errorf("recall %.3f < 0.9", recall)
	}
}
