package tui

import (
	"testing"
)

// BenchmarkFilterApply10k measures applying a filter (the command's work:
// every row's status, QA result and folded text) on the 10,000-segment
// bench document.
func BenchmarkFilterApply10k(b *testing.B) {
	doc, _ := benchSetup(b)
	issues := newIssueStore()
	for _, f := range []string{"new draft", "souveraineté numérique", "src:/^L[ae]s /", "rep"} {
		spec, err := parseFilter(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				rows := filterRows(doc, issues)
				if len(evalFilter(spec, rows, nil)) == 0 {
					b.Fatalf("filter %q keeps nothing", f)
				}
			}
		})
	}
}

// BenchmarkConcordance measures one concordance search, the command's
// work: the 20,000-unit bench memory and the 100,000-entry glossary.
func BenchmarkConcordance(b *testing.B) {
	doc, _ := benchSetup(b)
	mem := benchMemory(doc)
	b.Run("first", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			msg := concordCmd(concordQuery{gen: 1, query: "souveraineté", mem: mem, g: benchGlossary, src: "fr", tgt: "en"})().(concordMsg)
			if len(msg.hits) == 0 {
				b.Fatal("no hit")
			}
		}
	})
	idx := concordCmd(concordQuery{gen: 1, query: "x", g: benchGlossary, src: "fr", tgt: "en"})().(concordMsg).idx
	b.Run("next", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			msg := concordCmd(concordQuery{gen: 1, query: "souveraineté", mem: mem, g: benchGlossary, idx: idx, src: "fr", tgt: "en"})().(concordMsg)
			if len(msg.hits) == 0 {
				b.Fatal("no hit")
			}
		}
	})
}
