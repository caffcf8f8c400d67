package glossary

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestBuiltinData validates the embedded glossary: every line parses, each
// entry has French and English terms and a domain, Spanish, German, Italian
// and Chinese terms or the NoEquivalent marker, valid guards, no French term
// twice in one file, and there are enough concepts. It logs the count per
// domain (go test ./glossary -run TestBuiltinData -v).
func TestBuiltinData(t *testing.T) {
	files := builtinFiles()
	if len(files) == 0 {
		t.Fatal("no embedded data file")
	}
	total, withMarker := 0, 0
	domains := map[string]int{}
	for _, name := range files {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		g, warns, err := readBytes(data, name, FormatTSV)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, w := range warns {
			t.Errorf("%s", w)
		}
		seen := map[string]int{}
		for _, e := range g.Entries() {
			at := e.Origin.String()
			if len(e.Lang("fr")) == 0 || len(e.Lang("en")) == 0 {
				t.Errorf("%s: entry without French or English", at)
			}
			if e.Domain == "" {
				t.Errorf("%s: entry without a domain", at)
			}
			if e.Terms.Has(LangSource) {
				t.Errorf("%s: read as a two-column file: the header is missing", at)
			}
			for _, fr := range e.Lang("fr") {
				if strings.TrimSpace(fr) != fr {
					t.Errorf("%s: French term %q has surrounding spaces", at, fr)
				}
				key := fold(normWord(fr))
				// The same entry may list spellings that fold alike
				// ("EBITDA | Ebitda"): capitals match only as written.
				if prev, dup := seen[key]; dup && prev != e.Origin.Line {
					t.Errorf("%s: French term %q already on line %d", at, fr, prev)
				}
				seen[key] = e.Origin.Line
			}
			// Every language has terms or says it has none (the
			// NoEquivalent marker), never an empty cell.
			marked := false
			for _, l := range []string{"en", "es", "de", "it", "zh"} {
				switch {
				case len(e.Lang(l)) > 0 && e.HasNone(l):
					t.Errorf("%s: %s has terms and the %s marker", at, l, NoEquivalent)
				case e.HasNone(l):
					marked = true
				case len(e.Lang(l)) == 0:
					t.Errorf("%s: no %s term and no %s marker", at, l, NoEquivalent)
				}
			}
			if e.Guard != "" {
				if _, err := ParseGuard(e.Guard); err != nil {
					t.Errorf("%s: %v", at, err)
				}
			}
			if marked {
				withMarker++
			}
			domains[e.Domain]++
			total++
		}
	}
	t.Logf("built-in glossary: %d concepts in %d files, %d with the %s marker in some language", total, len(files), withMarker, NoEquivalent)
	names := make([]string, 0, len(domains))
	for d := range domains {
		names = append(names, d)
	}
	sort.Slice(names, func(i, j int) bool {
		return domains[names[i]] > domains[names[j]] || domains[names[i]] == domains[names[j]] && names[i] < names[j]
	})
	var per []string
	for _, d := range names {
		per = append(per, fmt.Sprintf("%s %d", d, domains[d]))
	}
	t.Logf("concepts per domain: %s", strings.Join(per, ", "))
	if total < 2000 {
		t.Errorf("%d concepts, want at least 2,000", total)
	}
}

func TestDefault(t *testing.T) {
	g := Default()
	if g != Default() {
		t.Error("Default is parsed more than once")
	}
	if len(builtinWarn) > 0 {
		t.Errorf("built-in warnings: %v", builtinWarn)
	}
	if g.Len() == 0 || g.Entries()[0].Origin.String() != BuiltinName {
		t.Fatalf("Default: %d entries, first origin %v", g.Len(), g.Entries()[0].Origin)
	}
	m := NewMatcher(g, "fr", "en")
	for _, tc := range []struct{ text, term string }{
		{"Les réseaux sociaux sont sous pression.", "réseau social"},
		{"Pékin répond aux sanctions.", "Pékin"},
		{"Les Vingt-Sept ont tranché.", "Vingt-Sept"},
		{"Le premier ministre et le Parlement.", "premier ministre"},
		{"Le Premier ministre et le parlement.", "parlement"},
		{"Sur internet.", "internet"},
	} {
		found := false
		for _, h := range m.Match(tc.text) {
			if h.Term == tc.term && len(h.Targets) > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no hit for %q in the built-in glossary: %+v", tc.text, tc.term, m.Match(tc.text))
		}
	}
	// Capitalised names do not match the lower-case common words.
	for _, text := range []string{"Vingt-sept pays sur vingt-sept.", "Une orange.", "La meta-analyse."} {
		for _, h := range m.Match(text) {
			if h.Entry.POS == "propn" {
				t.Errorf("%q: name %q matched %q", text, h.Term, h.Text)
			}
		}
	}
}
