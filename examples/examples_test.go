package examples

import (
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestArticle(t *testing.T) {
	name, data := Article()
	if name != "article.fr.md" || segments.FormatForPath(name) != segments.FormatMarkdown {
		t.Errorf("name %q", name)
	}
	data[0] = 'X' // the caller's copy: must not change the embedded text
	if _, again := Article(); again[0] == 'X' {
		t.Fatal("Article returned the embedded bytes, not a copy")
	}
	_, data = Article()
	text := string(data)
	if n := segments.WordCount(text); n < 600 || n > 900 {
		t.Errorf("the sample has %d words, want 600–900", n)
	}
	// The hard cases the sample is there to exercise.
	for _, c := range []string{
		"M. ", "Mme ", "Dr ", "etc.", "3,5\u202f%", "«\u00a0", "\u00a0»", "…", "J.-P. ", "https://",
		"U.I.T.", "millions", "milliards", "10\u00a0h\u00a030", "«\u00a0Tu viens\u202f?\u00a0» lança",
		"\n# ", "\n## ", "\n- ",
	} {
		if !strings.Contains("\n"+text, c) {
			t.Errorf("the sample lacks %q", c)
		}
	}
	doc, warns, err := segments.Read(strings.NewReader(text), segments.ReadOptions{Format: segments.FormatMarkdown})
	if err != nil || len(warns) > 0 {
		t.Fatalf("reading the sample: %v %v", err, warns)
	}
	if doc.Blocks[0].Kind != segments.KindHeading || len(doc.Segments) < 30 {
		t.Errorf("first block %s, %d segments", doc.Blocks[0].Kind, len(doc.Segments))
	}
}
