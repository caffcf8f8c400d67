package qa

import (
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// TestCheckTagsSpacedBreak: a line break between two words (Code.Spaced)
// has a space after it in the source's plain text, which stands for the
// line end; a target without it gives the same Markdown, so no warning.
// Another placeholder that lost its space is still warned about.
func TestCheckTagsSpacedBreak(t *testing.T) {
	doc, _, err := segments.Read(strings.NewReader("12 rue Haute<br>75001 Paris, `x` ici.\n"), segments.ReadOptions{Format: "markdown", Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Segments[0]
	if s.Source != "12 rue Haute 75001 Paris,  ici." || !doc.Blocks[0].Codes[0].Spaced {
		t.Fatalf("source %q, codes %+v", s.Source, doc.Blocks[0].Codes)
	}
	ph := func(at, id int) segments.Tag { return segments.Tag{At: at, ID: id, Kind: segments.TagPlaceholder} }
	for _, tt := range []struct {
		target string
		tags   []segments.Tag
		want   string
	}{
		{"12 High Street 75001 Paris,  here.", []segments.Tag{ph(14, 1), ph(28, 2)}, ""},
		{"12 High Street75001 Paris,  here.", []segments.Tag{ph(14, 1), ph(27, 2)}, ""},
		{"12 High Street75001 Paris, here.", []segments.Tag{ph(14, 1), ph(26, 2)}, "warning: no space before ‹c2› as in the source"},
	} {
		s.Target, s.TargetTags, s.Status = tt.target, tt.tags, segments.StatusTranslated
		var got []string
		for _, is := range Check(s, Context{SourceLang: "fr", TargetLang: "en", Codes: doc.Blocks[0].Codes}) {
			if is.Check == CheckTags {
				got = append(got, is.Severity.String()+": "+is.Message)
			}
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%q: got %q, want %q", tt.target, got, tt.want)
		}
	}
}
