package segments

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkReadHTML reads a 1 MiB web page: paragraphs with bold, italic,
// underline, links, code and the characters Markdown escapes, so that the
// cost of writing each block as Markdown, checking it reads back and
// taking the escapes off is in the figure.
func BenchmarkReadHTML(b *testing.B) {
	var page bytes.Buffer
	page.WriteString(`<html lang="fr"><head><title>Essai</title></head><body><article><h1>Essai</h1>`)
	for i := 0; page.Len() < 1<<20; i++ {
		fmt.Fprintf(&page, `<p>Le paragraphe %d parle de <b>souveraineté</b> et de <i>cloud</i> &lt; <u>données</u>, `+
			`voir <a href="https://exemple.fr/%d?a=1&amp;b=2">le rapport</a> et <code>go build</code>. `+
			`Un calcul 2 * 3 = 6 et snake_case [note] <b><i>imbriqué</i>, encore</b>.</p>`+"\n", i, i)
	}
	page.WriteString(`</article></body></html>`)
	data := page.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read(bytes.NewReader(data), ReadOptions{Format: FormatHTML, Tags: true}); err != nil {
			b.Fatal(err)
		}
	}
}
