package align

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

func TestNumberKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"40 000", "40000"},
		{"40\u00a0000", "40000"},
		{"40\u202f000", "40000"},
		{"40,000", "40000"},
		{"40.000", "40000"},
		{"40’000", "40000"},
		{"3,5", "3.5"},
		{"3.5", "3.5"},
		{"8847,60", "8847.6"},
		{"8847.6", "8847.6"},
		{"1,234.5", "1234.5"},
		{"1.234,5", "1234.5"},
		{"1.234,567", "1234.567"},
		{"2021", "2021"},
		{"007", "7"},
		{"0,5", "0.5"},
		{"10.00", "10"},
		{"٣٤", "34"},
	} {
		if got := numberKey(tc.in); got != tc.want {
			t.Errorf("numberKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokensNumbers(t *testing.T) {
	var nums []string
	for _, tk := range tokens("En 2021, 40 000 voitures et 3,5 % ; 1881-1902 ; 1956 8 000 m.", nil) {
		if tk.num {
			nums = append(nums, numberKey(tk.text))
		}
	}
	want := []string{"2021", "40000", "3.5", "1881", "1902", "1956", "8000"}
	if !slices.Equal(nums, want) {
		t.Errorf("numbers %q, want %q", nums, want)
	}
}

// TestCues checks that each kind of cue makes two sentences share keys.
func TestCues(t *testing.T) {
	a := New(testGlossary(t), "fr", "en")
	f := newFolder()
	for _, tc := range []struct {
		name, src, tgt string
		min            int
	}{
		{"numbers in locale forms", "Une voiture à 40 000 euros, 3,5 %.", "A 40,000 car, 3.5%.", 2 * numWeight},
		{"cognates and names", "L'Organisation mondiale de la santé à Genève.", "The World Health Organization in Geneva.", 1},
		{"names", "Mme Aurélie Nguyen, chercheuse.", "Aurelie Nguyen, a researcher.", 2},
		{"dictionary", "Le gouvernement demain.", "The government tomorrow.", 2},
		{"quotes and questions", "« Tu viens ? »", "\"Are you coming?\"", 2},
	} {
		s, g := f.features(tc.src, a.dict, sourceSide), f.features(tc.tgt, a.dict, targetSide)
		g.kw = make([]float32, len(g.keys))
		for i := range g.kw {
			g.kw[i] = 1
			if g.keys[i]&numBit != 0 {
				g.kw[i] = numWeight
			}
		}
		if got := shared(s.reach, g); got < float32(tc.min) {
			t.Errorf("%s: %.0f shared keys, want ≥ %d", tc.name, got, tc.min)
		}
	}
	s := f.features("Le chat dort, paisible.", a.dict, sourceSide)
	g := f.features("Stocks fell by 12% yesterday.", a.dict, targetSide)
	if got := shared(s.reach, g); got != 0 {
		t.Errorf("unrelated sentences share %.0f keys", got)
	}
}

func TestDictFromGlossary(t *testing.T) {
	d := NewDict(testGlossary(t), "de", "fr")
	f := newFolder()
	k, _ := wordKey(f.word("Gletscher"))
	want, _ := wordKey(f.word("glacier"))
	if !slices.Contains(d.lookup(k), want) {
		t.Errorf("Gletscher does not translate to glacier")
	}
	if NewDict(nil, "fr", "en").Len() != 0 {
		t.Errorf("a nil glossary gives words")
	}
}

// TestDictMultiWordTerms checks which word pairs the dictionary takes from
// multi-word terms: the words of a term found once on each side, and words
// that travel together, but not a frequent word's partners in the terms it
// is merely part of (a large glossary made "propre" translate "energy" and
// "européen" translate "election", and a dropped sentence was absorbed).
func TestDictMultiWordTerms(t *testing.T) {
	d := NewDict(testGlossary(t), "fr", "en")
	f := newFolder()
	key := func(w string) uint32 { k, _ := wordKey(f.word(w)); return k }
	for _, tc := range []struct {
		src, tgt string
		want     bool
	}{
		{"propre", "clean", true},       // énergie propre → clean energy, once each
		{"propre", "energy", false},     // energy is in seven entries, propre in one
		{"énergie", "energy", true},     // a one-word entry, and together everywhere
		{"énergétique", "energy", true}, // together in every entry
		{"européenne", "European", true},
		{"européenne", "elections", false},
		{"européenne", "Commission", false},
		{"élection", "elections", true},
		{"douane", "customs", true}, // droit de douane → customs duty | tariff
		{"douane", "duty", true},
		{"enquête", "investigation", true},
	} {
		if got := slices.Contains(d.lookup(key(tc.src)), key(tc.tgt)); got != tc.want {
			t.Errorf("%s → %s: %v, want %v", tc.src, tc.tgt, got, tc.want)
		}
	}
}

// TestFrenchEnglishDev aligns the hand-made French–English pair of
// testdata (a translation of the sample article with sentences merged,
// split, dropped and added) against its hand-written gold.
func TestFrenchEnglishDev(t *testing.T) {
	src, tgt, gold := devSet(t, "testdata", "article.fr-en", "fr", "en")
	links := New(testGlossary(t), "fr", "en").Sentences(src, tgt)
	if !Check(links, len(src), len(tgt)) {
		t.Fatalf("links do not cover the sentences: %v", links)
	}
	sc := strictScores(gold, links)
	t.Logf("fr–en dev: strict P %.3f R %.3f F1 %.3f", sc.P, sc.R, sc.F1)
	if sc.F1 < 0.95 {
		t.Errorf("strict F1 %.3f, want ≥ 0.95", sc.F1)
	}
	// The merges and splits a translator made must be found.
	got := map[string]bool{}
	for _, l := range links {
		got[linkKey(l.Src, l.Tgt)] = true
	}
	for _, want := range []string{"[4, 5]:[4]", "[11]:[10, 11]", "[18, 19]:[17]", "[47, 48]:[46]", "[16]:[]"} {
		if !got[want] {
			t.Errorf("link %s not found", want)
		}
	}
}

// TestBuiltinGlossary is the integration test of the aligner with the
// built-in glossary, whose data grows: the French–English development sets
// must keep their F1 within a tolerance of the figures of BENCHMARKS.md
// (0.990 and 0.882), exact links being the pinned tests' business.
func TestBuiltinGlossary(t *testing.T) {
	a := New(DefaultGlossary(), "fr", "en")
	if a.Dict().Len() <= New(testGlossary(t), "fr", "en").Dict().Len() {
		t.Errorf("the built-in glossary adds no words to the dictionary")
	}
	for _, tc := range []struct {
		name  string
		floor float64
	}{
		{"article.fr-en", 0.95},
		{"story.fr-en", 0.82},
	} {
		src, tgt, gold := devSet(t, "testdata", tc.name, "fr", "en")
		sc := strictScores(gold, a.Sentences(src, tgt))
		t.Logf("%s, built-in glossary: strict P %.3f R %.3f F1 %.3f", tc.name, sc.P, sc.R, sc.F1)
		if sc.F1 < tc.floor {
			t.Errorf("%s: strict F1 %.3f, want ≥ %.2f", tc.name, sc.F1, tc.floor)
		}
	}
}

// TestFrenchEnglishStory aligns a short narrative written for the tests
// and translated with merges and splits, as literary translators do.
func TestFrenchEnglishStory(t *testing.T) {
	src, tgt, gold := devSet(t, "testdata", "story.fr-en", "fr", "en")
	links := New(testGlossary(t), "fr", "en").Sentences(src, tgt)
	sc := strictScores(gold, links)
	t.Logf("fr–en story: strict P %.3f R %.3f F1 %.3f", sc.P, sc.R, sc.F1)
	if sc.F1 < 0.85 {
		t.Errorf("strict F1 %.3f, want ≥ 0.85", sc.F1)
	}
}

func TestShapes(t *testing.T) {
	src := []string{
		"Le président est arrivé à Paris le 3 mai 2024.",
		"Il a rencontré 12 ministres.",
		"La réunion a duré 4 heures.",
		"Elle s'est terminée par un communiqué commun de 250 mots sur l'énergie, le climat et la défense européenne.",
		"Une phrase que le traducteur a omise, sans aucun nombre ni nom propre.",
		"Le lendemain, 300 manifestants attendaient devant le palais de l'Élysée.",
	}
	tgt := []string{
		"The president arrived in Paris on 3 May 2024 and met 12 ministers.",
		"The meeting lasted 4 hours.",
		"It ended with a joint statement of 250 words.",
		"It covered energy, climate and European defence.",
		"The next day, 300 protesters were waiting outside the Élysée palace.",
	}
	links := New(testGlossary(t), "fr", "en").Sentences(src, tgt)
	var got []string
	for _, l := range links {
		got = append(got, linkKey(l.Src, l.Tgt))
	}
	want := []string{"[0, 1]:[0]", "[2]:[1]", "[3]:[2, 3]", "[4]:[]", "[5]:[4]"}
	if !slices.Equal(got, want) {
		t.Errorf("links\n%v\nwant\n%v", got, want)
	}
}

func TestEmptySides(t *testing.T) {
	a := New(nil, "fr", "en")
	for _, tc := range []struct{ src, tgt []string }{
		{nil, nil},
		{[]string{"Une."}, nil},
		{nil, []string{"One.", "Two."}},
		{[]string{""}, []string{""}},
	} {
		links := a.Sentences(tc.src, tc.tgt)
		if !Check(links, len(tc.src), len(tc.tgt)) {
			t.Errorf("%q / %q: links %v", tc.src, tc.tgt, links)
		}
	}
}

// TestBandWidens checks that a long run of dropped sentences, which puts
// the path far off the diagonal, is still aligned: the band widens.
func TestBandWidens(t *testing.T) {
	var src, tgt []string
	for i := range 300 {
		tgt = append(tgt, fmt.Sprintf("Caption number %d of the photographs.", i))
	}
	for i := range 40 {
		s := fmt.Sprintf("Sentence %d about the expedition in %d with %d porters.", i, 1900+i, 10+i)
		src = append(src, s)
		tgt = append(tgt, s)
	}
	links := New(nil, "en", "en").Sentences(src, tgt)
	if !Check(links, len(src), len(tgt)) {
		t.Fatal("links do not cover the sentences")
	}
	ok := 0
	for _, l := range links {
		if len(l.Src) == 1 && len(l.Tgt) == 1 && l.Tgt[0] == l.Src[0]+300 {
			ok++
		}
	}
	if ok < 38 {
		t.Errorf("%d of 40 sentences after the captions aligned, want ≥ 38", ok)
	}
}

func TestConfidence(t *testing.T) {
	src, tgt, _ := devSet(t, "testdata", "article.fr-en", "fr", "en")
	pair := New(testGlossary(t), "fr", "en").Prepare(src, tgt)
	links := pair.Align()
	for _, l := range links {
		if l.Conf < 0.5 || l.Conf > 1 {
			t.Errorf("link %v of the best alignment: confidence out of [0.5, 1]", l)
		}
	}
	// The translator moves a boundary against the cues: the two links it
	// touches fall under 0.5, the others keep their confidence.
	k := 30
	edited, ok := MoveTarget(links, k, 1)
	if !ok {
		t.Fatal("no edit")
	}
	pair.Confidence(edited)
	for i, l := range edited {
		switch {
		case i == k || i == k+1:
			if l.Conf >= 0.5 {
				t.Errorf("edited link %v: confidence %.2f, want < 0.5", l, l.Conf)
			}
		case i < k-1 || i > k+2:
			if l.Conf != links[i].Conf {
				t.Errorf("link %v far from the edit: confidence %.3f, was %.3f", l, l.Conf, links[i].Conf)
			}
		}
	}
}

func TestLinksRoundTrip(t *testing.T) {
	links := []Link{{Src: []int{0}, Tgt: []int{0}, Conf: 0.5}, {Src: []int{1, 2}, Tgt: []int{1}, Conf: 1}, {Src: []int{3}, Tgt: []int{}, Conf: 0.25}, {Src: []int{}, Tgt: []int{2}, Conf: 0}}
	var b strings.Builder
	if err := WriteLinks(&b, links, true); err != nil {
		t.Fatal(err)
	}
	want := "[0]:[0]:0.500\n[1, 2]:[1]:1.000\n[3]:[]:0.250\n[]:[2]:0.000\n"
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
	back, err := ParseLinks(strings.NewReader(b.String()), "x")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back) != fmt.Sprint(links) {
		t.Errorf("read back %v, want %v", back, links)
	}
	b.Reset()
	WriteLinks(&b, links[:2], false)
	if b.String() != "[0]:[0]\n[1, 2]:[1]\n" {
		t.Errorf("without confidence: %q", b.String())
	}
}

func TestParseLinksErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[0]:[0]\n[1]-[1]\n", "gold:2: not a link"},
		{"[0]:[x]\n", "gold:1: link \"[0]:[x]\": \"x\" is not a sentence number"},
		{"[0]:[0]:2\n", "gold:1: link \"[0]:[0]:2\": want a confidence"},
		{"[0:[0]\n", "gold:1: link \"[0:[0]\": \"0:[0\" is not a sentence number"},
		{"[0]:[0]:x\n", "gold:1: link \"[0]:[0]:x\": want a confidence"},
	} {
		_, err := ParseLinks(strings.NewReader(tc.in), "gold")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestReadSentences(t *testing.T) {
	got, err := ReadSentences(strings.NewReader("Une.\r\n\r\nDeux\u2028suite.\x1b[31m\nTrois."), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Une.", "", "Deux suite.", "Trois."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// randomEdits applies n random review edits and checks every result.
func TestEditsKeepAlignment(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	src, tgt, _ := devSet(t, "testdata", "article.fr-en", "fr", "en")
	links := New(nil, "fr", "en").Sentences(src, tgt)
	ops := []func([]Link, int) ([]Link, bool){
		Join, Split,
		func(l []Link, k int) ([]Link, bool) { return MoveSource(l, k, 1) },
		func(l []Link, k int) ([]Link, bool) { return MoveSource(l, k, -1) },
		func(l []Link, k int) ([]Link, bool) { return MoveTarget(l, k, 1) },
		func(l []Link, k int) ([]Link, bool) { return MoveTarget(l, k, -1) },
	}
	for step := range 2000 {
		before := fmt.Sprint(links)
		op := r.IntN(len(ops))
		next, ok := ops[op](links, r.IntN(len(links)+1)-1)
		if fmt.Sprint(links) != before {
			t.Fatalf("step %d: op %d modified its argument", step, op)
		}
		if !Check(next, len(src), len(tgt)) {
			t.Fatalf("step %d: op %d broke the alignment: %v", step, op, next)
		}
		if !ok && fmt.Sprint(next) != before {
			t.Fatalf("step %d: op %d changed links but reported no change", step, op)
		}
		links = next
	}
}

func TestEdits(t *testing.T) {
	l := func(s, t []int) Link { return Link{Src: s, Tgt: t} }
	base := []Link{l([]int{0}, []int{0}), l([]int{1, 2}, []int{1, 2}), l([]int{3}, []int{})}
	str := func(ls []Link) string {
		var out []string
		for _, x := range ls {
			out = append(out, linkKey(x.Src, x.Tgt))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		name string
		got  func() ([]Link, bool)
		want string
	}{
		{"join", func() ([]Link, bool) { return Join(base, 0) }, "[0, 1, 2]:[0, 1, 2] [3]:[]"},
		{"join last", func() ([]Link, bool) { return Join(base, 2) }, ""},
		{"split 2:2", func() ([]Link, bool) { return Split(base, 1) }, "[0]:[0] [1]:[1] [2]:[2] [3]:[]"},
		{"split 1:1", func() ([]Link, bool) { return Split(base, 0) }, "[0]:[] []:[0] [1, 2]:[1, 2] [3]:[]"},
		{"split 1:0", func() ([]Link, bool) { return Split(base, 2) }, ""},
		{"source forward", func() ([]Link, bool) { return MoveSource(base, 0, 1) }, "[0, 1]:[0] [2]:[1, 2] [3]:[]"},
		{"source back", func() ([]Link, bool) { return MoveSource(base, 1, -1) }, "[0]:[0] [1]:[1, 2] [2, 3]:[]"},
		{"target back empties", func() ([]Link, bool) { return MoveTarget(base, 0, -1) }, "[0]:[] [1, 2]:[0, 1, 2] [3]:[]"},
		{"source back empties link", func() ([]Link, bool) { return MoveSource(base, 2, -1) }, ""},
		{"target forward nothing", func() ([]Link, bool) { return MoveTarget(base, 1, 1) }, ""},
	} {
		got, ok := tc.got()
		if tc.want == "" {
			if ok {
				t.Errorf("%s: changed to %s, want no change", tc.name, str(got))
			}
			continue
		}
		if !ok || str(got) != tc.want {
			t.Errorf("%s: %s (%v), want %s", tc.name, str(got), ok, tc.want)
		}
	}
}

func readDoc(t *testing.T, path, lang, target string) *segments.Document {
	t.Helper()
	d, _, err := segments.ReadFile(path, segments.ReadOptions{Lang: lang, Target: target})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDocuments aligns the articles block by block, then sentence by
// sentence, and writes the project document.
func TestDocuments(t *testing.T) {
	src := readDoc(t, "testdata/article.fr.md", "fr", "en")
	tgt := readDoc(t, "testdata/article.en.md", "en", "fr")
	_, _, gold := devSet(t, "testdata", "article.fr-en", "fr", "en")
	_, links := New(testGlossary(t), "fr", "en").Documents(src, tgt)
	if !Check(links, len(src.Segments), len(tgt.Segments)) {
		t.Fatalf("links do not cover the segments")
	}
	sc := strictScores(gold, links)
	t.Logf("fr–en dev, documents: strict F1 %.3f", sc.F1)
	if sc.F1 < 0.95 {
		t.Errorf("strict F1 %.3f, want ≥ 0.95", sc.F1)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	doc, res := Apply(src, tgt, links, now)
	if err := doc.Check(); err != nil {
		t.Fatalf("project document: %v", err)
	}
	if len(doc.Segments) != len(src.Segments)-res.Merged {
		t.Errorf("%d segments, want %d - %d merged", len(doc.Segments), len(src.Segments), res.Merged)
	}
	if res.Merged != 3 || res.Filled != len(doc.Segments)-1 {
		t.Errorf("apply: %+v, want the 3 merges made and every segment but the dropped one filled", res)
	}
	found := false
	for _, s := range doc.Segments {
		if s.Target != "" && (s.Origin != Origin || s.Status != segments.StatusDraft || !s.Changed.Equal(now)) {
			t.Errorf("segment %d: origin %q status %v changed %v", s.Index, s.Origin, s.Status, s.Changed)
		}
		if strings.HasPrefix(s.Source, "L'ordre du jour") {
			found = true
			if !strings.Contains(s.Source, "un avis.") || !strings.HasPrefix(s.Target, "The agenda fits") {
				t.Errorf("merged segment: %q → %q", s.Source, s.Target)
			}
		}
	}
	if !found {
		t.Errorf("merged segment not found")
	}
	if src.Segments[4].Target != "" || len(src.Segments) == len(doc.Segments) {
		t.Errorf("Apply changed its source document")
	}
}

// TestApplyShapes checks how Apply writes each shape of link into the
// project: merges within a block, a note across blocks, dropped target
// sentences counted, low confidences noted.
func TestApplyShapes(t *testing.T) {
	src := readDoc(t, "testdata/article.fr.md", "fr", "en")
	tgt := readDoc(t, "testdata/article.en.md", "en", "fr")
	// Segments 0 (heading) and 1 (byline) are in two blocks; 2 and 3 in one.
	links := []Link{
		{Src: []int{0, 1}, Tgt: []int{0}, Conf: 0.9},
		{Src: []int{2, 3}, Tgt: []int{1, 2}, Conf: 0.3},
		{Src: []int{}, Tgt: []int{3}},
		{Src: []int{4}, Tgt: []int{}},
	}
	for i := 5; i < len(src.Segments); i++ {
		links = append(links, Link{Src: []int{i}, Tgt: []int{}})
	}
	for j := 4; j < len(tgt.Segments); j++ {
		links = append(links, Link{Src: []int{}, Tgt: []int{j}})
	}
	if !Check(links, len(src.Segments), len(tgt.Segments)) {
		t.Fatal("bad test links")
	}
	doc, res := Apply(src, tgt, links, time.Now())
	if err := doc.Check(); err != nil {
		t.Fatal(err)
	}
	want := ApplyResult{Filled: 2, Merged: 1, Added: len(tgt.Segments) - 3, Low: 1}
	if res != want {
		t.Errorf("result %+v, want %+v", res, want)
	}
	s := doc.Segments
	if s[0].Target != tgt.Segments[0].Source || s[1].Note != "aligned with segment 1" || s[1].Target != "" {
		t.Errorf("across blocks: %+v / %+v", s[0], s[1])
	}
	if s[2].Source != src.Segments[2].Source+" "+src.Segments[3].Source ||
		s[2].Target != tgt.Segments[1].Source+" "+tgt.Segments[2].Source ||
		!strings.HasPrefix(s[2].Note, "alignment confidence 0.30: check\n"+AddedPrefix+tgt.Segments[3].Source+" "+tgt.Segments[4].Source) {
		t.Errorf("merged segment %+v", s[2])
	}
	if s[3].Source != src.Segments[4].Source || s[3].Target != "" || s[3].Status != segments.StatusNew {
		t.Errorf("dropped source sentence %+v", s[3])
	}
}

// TestDocumentsOtherLayout aligns the article with a translation written
// one sentence per paragraph: the blocks do not correspond, so sentences
// are aligned without them.
func TestDocumentsOtherLayout(t *testing.T) {
	src := readDoc(t, "testdata/article.fr.md", "fr", "en")
	_, _, gold := devSet(t, "testdata", "article.fr-en", "fr", "en")
	en := readDoc(t, "testdata/article.en.md", "en", "fr")
	var b strings.Builder
	for _, s := range en.Segments {
		b.WriteString(s.Source + "\n\n")
	}
	tgt, _, err := segments.Read(strings.NewReader(b.String()), segments.ReadOptions{Lang: "en", Target: "fr", Format: segments.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	if len(tgt.Segments) != len(en.Segments) {
		t.Fatalf("%d segments, want %d", len(tgt.Segments), len(en.Segments))
	}
	_, links := New(testGlossary(t), "fr", "en").Documents(src, tgt)
	if sc := strictScores(gold, links); sc.F1 < 0.95 {
		t.Errorf("strict F1 %.3f, want ≥ 0.95", sc.F1)
	}
}

// TestApplyAdded checks where Apply keeps the translated sentences that
// have no source sentence: in a note on the segment of the nearest link
// before them that has a target, else after them, else on any source
// segment; with no source segment at all, they are counted as left out.
func TestApplyAdded(t *testing.T) {
	read := func(text, lang, target string) *segments.Document {
		d, _, err := segments.Read(strings.NewReader(text), segments.ReadOptions{Lang: lang, Target: target, Format: segments.FormatText})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	src := read("Une phrase.\n\nDeux phrases.\n\nTrois phrases.", "fr", "en")
	tgt := read("Zero.\n\nOne.\n\nExtra.\n\nTwo.\n\nThree.\n\nFour.", "en", "fr")
	if len(src.Segments) != 3 || len(tgt.Segments) != 6 {
		t.Fatalf("%d and %d segments, want 3 and 6", len(src.Segments), len(tgt.Segments))
	}
	l := func(s, t []int) Link { return Link{Src: s, Tgt: t, Conf: 1} }
	for _, tc := range []struct {
		name  string
		links []Link
		notes []string // per segment of the project
		res   ApplyResult
	}{
		{"after a pair, before a pair", []Link{
			l([]int{}, []int{0}), l([]int{0}, []int{1}), l([]int{}, []int{2}), l([]int{1}, []int{}), l([]int{}, []int{3}),
			l([]int{2}, []int{4}), l([]int{}, []int{5}),
		}, []string{"added in translation: Zero. Extra. Two.", "", "added in translation: Four."}, ApplyResult{Filled: 2, Added: 4}},
		{"no pair", []Link{
			l([]int{0}, []int{}), l([]int{1}, []int{}), l([]int{}, []int{0, 1, 2, 3, 4}), l([]int{2}, []int{}), l([]int{}, []int{5}),
		}, []string{"", "added in translation: Zero. One. Extra. Two. Three.", "added in translation: Four."}, ApplyResult{Added: 6}},
	} {
		doc, res := Apply(src, tgt, tc.links, time.Now())
		if err := doc.Check(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if res != tc.res {
			t.Errorf("%s: %+v, want %+v", tc.name, res, tc.res)
		}
		for i, s := range doc.Segments {
			if s.Note != tc.notes[i] {
				t.Errorf("%s: segment %d note %q, want %q", tc.name, i, s.Note, tc.notes[i])
			}
		}
	}
	empty := src.Clone()
	empty.Segments, empty.Blocks = nil, nil
	if _, res := Apply(empty, tgt, []Link{l([]int{}, []int{0, 1, 2, 3, 4, 5})}, time.Now()); res != (ApplyResult{Dropped: 6}) {
		t.Errorf("no source segment: %+v, want the 6 sentences left out", res)
	}
}
