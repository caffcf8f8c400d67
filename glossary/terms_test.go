package glossary

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// termsModel is what Terms replaces: a map, and the order in which its
// keys were first set.
type termsModel struct {
	m     map[string][]string
	order []string
}

func (md *termsModel) set(lang string, ts []string) {
	if _, ok := md.m[lang]; !ok {
		md.order = append(md.order, lang)
	}
	md.m[lang] = ts
}

// check compares t with md through every reading method.
func (md *termsModel) check(t *testing.T, step string, ts Terms, langs []string) {
	t.Helper()
	if ts.Len() != len(md.m) {
		t.Fatalf("%s: Len %d, model %d", step, ts.Len(), len(md.m))
	}
	if got := ts.Langs(); !slices.Equal(got, md.order) {
		t.Fatalf("%s: Langs %q, model %q", step, got, md.order)
	}
	for _, l := range langs {
		want, ok := md.m[l]
		if got := ts.Get(l); !slices.Equal(got, want) {
			t.Fatalf("%s: Get(%q) = %#v, model %#v", step, l, got, want)
		}
		if ts.Has(l) != ok {
			t.Fatalf("%s: Has(%q) = %v, model %v", step, l, !ok, ok)
		}
	}
	i := 0
	for l, got := range ts.All() {
		if i >= len(md.order) || l != md.order[i] || !slices.Equal(got, md.m[l]) {
			t.Fatalf("%s: All()[%d] = %q %q, model %q", step, i, l, got, md.order)
		}
		i++
	}
	if i != len(md.order) {
		t.Fatalf("%s: All yielded %d languages, model %d", step, i, len(md.order))
	}
}

// runTermsOps drives a Terms and its map model with the operations ops
// encodes (two bytes each: operation and language, then a term) and
// compares them after each one.
func runTermsOps(t *testing.T, ops []byte) {
	langs := []string{"fr", "en", "de", "zh", LangSource, LangTarget, "", "fr-CA"}
	md := termsModel{m: map[string][]string{}}
	var ts Terms
	for k := 0; k+1 < len(ops); k += 2 {
		lang := langs[int(ops[k]>>2)%len(langs)]
		term := fmt.Sprintf("t%d", ops[k+1])
		var step string
		switch ops[k] & 3 {
		case 0, 1:
			step = fmt.Sprintf("Add(%q, %q)", lang, term)
			ts.Add(lang, term)
			md.set(lang, append(md.m[lang], term))
		case 2:
			// A clipped slice, so that a later Add copies it in both.
			n := int(ops[k+1] % 3)
			set := slices.Clip(strings.Fields(strings.Repeat(term+" ", n)))
			if n == 0 && ops[k+1]&4 != 0 {
				set = []string{} // set but empty, not nil
			}
			step = fmt.Sprintf("Set(%q, %q)", lang, set)
			ts.Set(lang, set)
			md.set(lang, set)
		case 3:
			// Get does not create the language.
			step = fmt.Sprintf("Get(%q)", lang)
			_ = ts.Get(lang)
		}
		md.check(t, step, ts, langs)
	}
	// NewTerms of the model's map: the same terms, languages sorted.
	sorted := NewTerms(md.m)
	md.order = slices.Sorted(func(yield func(string) bool) {
		for l := range md.m {
			if !yield(l) {
				return
			}
		}
	})
	md.check(t, "NewTerms", sorted, langs)
}

// TestTermsModel checks Terms against a map on random operations: every
// package relies on it behaving as the map it replaced.
func TestTermsModel(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	for range 500 {
		ops := make([]byte, 2*r.Intn(40))
		r.Read(ops)
		runTermsOps(t, ops)
	}
}

func FuzzTermsModel(f *testing.F) {
	f.Add([]byte{0, 1, 4, 2, 0, 3, 2, 5, 6, 1, 3, 0})
	f.Add([]byte{2, 4, 2, 0, 0, 7, 10, 2, 8, 3, 31, 0})
	f.Fuzz(func(t *testing.T, ops []byte) { runTermsOps(t, ops) })
}

func TestTermsBehaviour(t *testing.T) {
	var zero Terms
	if zero.Len() != 0 || zero.Get("fr") != nil || zero.Has("fr") || len(zero.Langs()) != 0 {
		t.Errorf("zero Terms not empty: %+v", zero)
	}
	for range zero.All() {
		t.Error("zero Terms yields a language")
	}
	if n := NewTerms(nil); n.Len() != 0 {
		t.Errorf("NewTerms(nil).Len() = %d", n.Len())
	}

	ts := NewTerms(map[string][]string{"zh": {"芯片"}, "en": {"chip"}, "fr": {"puce", "circuit intégré"}})
	if got := ts.Langs(); !slices.Equal(got, []string{"en", "fr", "zh"}) {
		t.Errorf("NewTerms languages %q, want sorted", got)
	}
	ts.Set("fr", []string{"puce électronique"})
	ts.Add("de", "Chip")
	ts.Add("en", "microchip")
	want := [][2]string{{"en", "chip|microchip"}, {"fr", "puce électronique"}, {"zh", "芯片"}, {"de", "Chip"}}
	var got [][2]string
	for l, terms := range ts.All() {
		got = append(got, [2]string{l, strings.Join(terms, "|")})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after Set and Add: %q, want %q (a replaced language keeps its place, a new one comes last)", got, want)
	}
	if ts.Get("fr-CA") != nil {
		t.Error(`Get("fr-CA") found "fr": Get compares exactly (Entry.Lang compares base languages)`)
	}
	e := Entry{Terms: ts}
	if got := e.Lang("fr-CA"); !slices.Equal(got, []string{"puce électronique"}) {
		t.Errorf(`Entry.Lang("fr-CA") = %q`, got)
	}
	// Terms has value semantics: a copy, an appended Get result and a
	// slice given to Set are each independent of the Terms.
	c := ts
	c.Add("en", "integrated circuit")
	c.Set("zh", []string{"晶片"})
	if got := ts.Get("en"); !slices.Equal(got, []string{"chip", "microchip"}) {
		t.Errorf("Add on a copy changed the original: %q", got)
	}
	if got := ts.Get("zh"); !slices.Equal(got, []string{"芯片"}) {
		t.Errorf("Set on a copy changed the original: %q", got)
	}
	_ = append(ts.Get("en"), "overwrite")
	if got := ts.Get("fr"); !slices.Equal(got, []string{"puce électronique"}) {
		t.Errorf("appending to Get(en) overwrote fr: %q", got)
	}
	set := []string{"Mikrochip"}
	ts.Set("de", set)
	set[0] = "changed"
	if got := ts.Get("de"); !slices.Equal(got, []string{"Mikrochip"}) {
		t.Errorf("Set kept the caller's slice: %q", got)
	}
	// Stopping All early.
	n := 0
	for range ts.All() {
		n++
		break
	}
	if n != 1 {
		t.Errorf("All after break: %d", n)
	}
}

// TestReadAllocsPerEntry pins the readers' memory design: a two-language
// entry's terms come from blocks, not a map each (issue 15: a million
// entries held 633 MB, two thirds of it in maps).
func TestReadAllocsPerEntry(t *testing.T) {
	const n = 4096
	var tsv, pairs, tbx strings.Builder
	tsv.WriteString("fr\ten\tdomain\n")
	tbx.WriteString(`<?xml version="1.0"?><martif type="TBX-Basic" xml:lang="fr"><text><body>` + "\n")
	for i := range n {
		fmt.Fprintf(&tsv, "terme %d\tterm %d\ttech\n", i, i)
		fmt.Fprintf(&pairs, "terme %d\tterm %d\n", i, i)
		fmt.Fprintf(&tbx, `<termEntry><langSet xml:lang="fr"><tig><term>terme %d</term></tig></langSet><langSet xml:lang="en"><tig><term>term %d</term></tig></langSet></termEntry>`+"\n", i, i)
	}
	tbx.WriteString("</body></text></martif>\n")
	for _, tc := range []struct {
		name, data string
		format     Format
		max        float64 // allocations per entry
	}{
		{"multi.tsv", tsv.String(), FormatTSV, 0.1},
		{"pairs.txt", pairs.String(), FormatTSV, 0.1},
		// The TBX reader allocates for the XML it scans, not the terms.
		{"terms.tbx", tbx.String(), FormatTBX, 2.5},
	} {
		data := []byte(tc.data)
		var err error
		allocs := testing.AllocsPerRun(3, func() {
			var g *Glossary
			g, _, err = readBytes(data, tc.name, tc.format)
			if err == nil && g.Len() != n {
				err = fmt.Errorf("%d entries", g.Len())
			}
		})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if per := allocs / n; per > tc.max {
			t.Errorf("%s: %.2f allocations per entry, want at most %.2f", tc.name, per, tc.max)
		}
	}
}
