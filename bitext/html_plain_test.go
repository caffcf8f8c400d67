package bitext

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// A web page's text is plain in the project: the characters Markdown
// would read as markup, in the page or typed by the translator, come out
// as the same characters in the translated Markdown (rendered by goldmark
// here) and HTML, never as formatting and never with a backslash.
func TestHTMLPlainTextWritten(t *testing.T) {
	tests := []struct{ page, source, target string }{
		{`a &lt; b &gt; c.`, `a < b > c.`, `x < y > z <b>.`},
		{`2 * 3 = 6.`, `2 * 3 = 6.`, `2 * 3 = *six*.`},
		{`snake_case.`, `snake_case.`, `un_deux __init__.`},
		{`[note] ici.`, `[note] ici.`, `[note](https://x.fr) ici.`},
		{`# motclé.`, `# motclé.`, `# hashtag.`},
		{`- tiret.`, `- tiret.`, `- tiret.`},
		{`+ plus.`, `+ plus.`, `1. un point.`},
		{`Ceci \ cela.`, `Ceci \ cela.`, `a \ b \* c\`},
		{"Des `coches`.", "Des `coches`.", "`code` ici."},
		{`&amp;copy; et &amp;amp;.`, `&copy; et &amp;.`, `&copy; et &amp; et AT&T.`},
		{`~~~ tildes.`, `~~~ tildes.`, `~~~ tildes.`},
	}
	var page strings.Builder
	page.WriteString(`<html lang="fr"><body><article>`)
	for _, tt := range tests {
		page.WriteString("<p>" + tt.page + "</p>\n")
	}
	page.WriteString(`</article></body></html>`)
	doc, _, err := segments.Read(strings.NewReader(page.String()), segments.ReadOptions{Format: segments.FormatHTML, Lang: "fr", Target: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Segments) != len(tests) {
		t.Fatalf("%d segments, want %d", len(doc.Segments), len(tests))
	}
	check := func(what string, text func(int) string) {
		t.Helper()
		var out bytes.Buffer
		if err := WriteTargetHTML(&out, doc, Options{}); err != nil {
			t.Fatal(err)
		}
		for i := range tests {
			if want := "<p>" + html.EscapeString(text(i)) + "</p>"; !strings.Contains(out.String(), want) {
				t.Errorf("%s: HTML lacks %s:\n%s", what, want, out.String())
			}
		}
	}
	for i, tt := range tests {
		if s := doc.Segments[i].Source; s != tt.source {
			t.Errorf("segment %d: source %q, want %q", i+1, s, tt.source)
		}
	}
	check("source", func(i int) string { return tests[i].source })
	for i, tt := range tests {
		doc.Confirm(i, tt.target, segments.OriginTyped, t0)
	}
	check("target", func(i int) string { return tests[i].target })
}
