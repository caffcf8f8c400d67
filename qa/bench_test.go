package qa

import (
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

// BenchmarkCheckSegment measures what the editor pays on each confirm: all
// checks on a typical news sentence with glossary hits already computed
// (the glossary pane has them).
func BenchmarkCheckSegment(b *testing.B) {
	for _, tc := range []struct{ name, from, to, src, tgt string }{
		{"fr-en", "fr", "en",
			"Selon le régulateur, les plateformes de réseau social ont investi 4,5 milliards d'euros dans l'intelligence artificielle en 2023, soit 12 % de plus qu'en 2022 (voir https://example.org/rapport).",
			"According to the regulator, social network platforms invested €4.5 billion in artificial intelligence in 2023, 12% more than in 2022 (see https://example.org/rapport)."},
		{"en-fr", "en", "fr",
			"According to the regulator, social network platforms invested €4.5 billion in artificial intelligence in 2023, 12% more than in 2022: a record?",
			"Selon le régulateur, les plateformes de réseau social ont investi 4,5\u00a0milliards d'euros dans l'intelligence artificielle en 2023, soit 12\u00a0% de plus qu'en 2022\u202f: un record\u202f?"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m := glossary.NewMatcher(testGlossary(b), tc.from, tc.to)
			seg := segments.Segment{Source: tc.src, Target: tc.tgt, Status: segments.StatusTranslated}
			ctx := Context{SourceLang: tc.from, TargetLang: tc.to, Hits: m.Match(tc.src)}
			if len(ctx.Hits) < 3 {
				b.Fatalf("want at least 3 glossary hits, got %v", ctx.Hits)
			}
			if is := Check(seg, ctx); len(is) != 0 {
				b.Fatalf("the benchmark pair should be clean: %v", is)
			}
			b.ReportAllocs()
			for b.Loop() {
				Check(seg, ctx)
			}
		})
	}
}

// BenchmarkCheckSegmentSpelling is BenchmarkCheckSegment fr-en with the
// spelling and names checks through hunspell (warm: the words were seen
// once), what `trad qa` and the editor's background check pay.
func BenchmarkCheckSegmentSpelling(b *testing.B) {
	sp, err := spell.New("en")
	if err != nil {
		b.Skipf("no English spell checker: %v", err)
	}
	defer sp.Close()
	src := "Selon le régulateur, les plateformes de réseau social ont investi 4,5 milliards d'euros dans l'intelligence artificielle en 2023, soit 12 % de plus qu'en 2022 (voir https://example.org/rapport)."
	tgt := "According to the regulator, social network platforms invested €4.5 billion in artificial intelligence in 2023, 12% more than in 2022 (see https://example.org/rapport)."
	m := glossary.NewMatcher(testGlossary(b), "fr", "en")
	seg := segments.Segment{Source: src, Target: tgt, Status: segments.StatusTranslated}
	ctx := Context{SourceLang: "fr", TargetLang: "en", Hits: m.Match(src), Spell: sp}
	if is := Check(seg, ctx); len(is) != 0 {
		b.Fatalf("the benchmark pair should be clean: %v", is)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(seg, ctx)
	}
}
