package mt

import (
	"context"
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// sentence30 is a 30-word sentence of the kind trad translates.
const sentence30 = "Le gouvernement a annoncé mardi un nouveau plan pour soutenir les fabricants européens de puces, " +
	"qui dépendent encore largement des usines installées en Asie pour leurs puces les plus avancées."

// BenchmarkApertiumSuggest is the time from asking for a segment's
// suggestion to having it, not cached: one apertium run (issue 16 goal:
// ≤ 300 ms).
func BenchmarkApertiumSuggest(b *testing.B) {
	needApertium(b, "fr-es")
	r := Request{Source: sentence30, From: "fr", To: "es"}
	if n := segments.WordCount(r.Source); n != 30 {
		b.Fatalf("%d words", n)
	}
	for b.Loop() {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Suggest(context.Background(), r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApertiumPrefetched is the same once the prefetch has cached it:
// the cache lookup and the glossary compliance check (goal: ≤ 50 ms).
func BenchmarkApertiumPrefetched(b *testing.B) {
	needApertium(b, "fr-es")
	r := Request{Source: sentence30, From: "fr", To: "es"}
	r.Hits = glossary.NewMatcher(glossary.Default(), "fr", "es").Match(r.Source)
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Prefetch(r)
	if _, err := s.Suggest(context.Background(), r); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ok := s.Cached(r); !ok {
			b.Fatal("not cached")
		}
	}
}

// BenchmarkApertiumArticle pretranslates the sample article fr→es in
// batches of 50 segments (as trad pretranslate --mt does), no cache.
func BenchmarkApertiumArticle(b *testing.B) {
	needApertium(b, "fr-es")
	doc, _, err := segments.ReadFile("../examples/article.fr.md", segments.ReadOptions{Target: "es"})
	if err != nil {
		b.Fatal(err)
	}
	var reqs []Request
	words := 0
	for _, seg := range doc.Segments {
		reqs = append(reqs, Request{Source: seg.Source, From: "fr", To: "es"})
		words += segments.WordCount(seg.Source)
	}
	for b.Loop() {
		s, _ := New(Options{})
		for i := 0; i < len(reqs); i += 50 {
			if _, err := s.SuggestBatch(context.Background(), reqs[i:min(i+50, len(reqs))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(len(reqs))/sec, "segments/s")
	b.ReportMetric(float64(words)/sec, "words/s")
}
