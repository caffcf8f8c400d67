package qa

import (
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestCheckTags(t *testing.T) {
	codes := []segments.Code{
		{ID: 1, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"},
		{ID: 2, Type: segments.CodeLink, Pair: true, Open: "[", Close: "](https://a.b)"},
		{ID: 3, Type: segments.CodeCode, Open: "`x`"},
		{ID: 4, Type: segments.CodeBold, Pair: true, Open: "**", Close: "**"},
	}
	type tg = segments.Tag
	o := func(at, id int) tg { return tg{At: at, ID: id, Kind: segments.TagOpen} }
	c := func(at, id int) tg { return tg{At: at, ID: id, Kind: segments.TagClose} }
	ph := func(at, id int) tg { return tg{At: at, ID: id, Kind: segments.TagPlaceholder} }
	// "Le cloud et la CNIL ." with ‹b1›cloud‹/b1›, ‹a2›CNIL‹/a2›, ‹c3› before the dot.
	source := "Le cloud et la CNIL ."
	srcTags := []tg{o(3, 1), c(8, 1), o(15, 2), c(19, 2), ph(20, 3)}
	tests := []struct {
		name   string
		target string
		tags   []tg
		want   []string // "severity: message"
	}{
		{"same", "The cloud and the CNIL .", []tg{o(4, 1), c(9, 1), o(18, 2), c(22, 2), ph(23, 3)}, nil},
		{"missing", "The cloud and the CNIL .", []tg{o(4, 1), c(9, 1), ph(23, 3)},
			[]string{"error: ‹a2› missing in target", "error: ‹/a2› missing in target"}},
		{"extra and duplicated", "The cloud and the CNIL .", []tg{o(4, 1), c(9, 1), o(18, 2), c(22, 2), ph(23, 3), ph(23, 3), o(23, 4)},
			[]string{"error: ‹c3› is in the target more than once", "error: ‹b4› is not in the source"}},
		{"close before open", "The cloud and the CNIL .", []tg{c(4, 1), o(9, 1), o(18, 2), c(22, 2), ph(23, 3)},
			[]string{"error: ‹/b1› closes before it opens"}},
		{"overlap", "The cloud and the CNIL .", []tg{o(4, 1), o(6, 2), c(9, 1), c(22, 2), ph(23, 3)},
			[]string{"error: ‹b1›…‹/b1› and ‹a2›…‹/a2› overlap"}},
		{"order", "The CNIL and the cloud .", []tg{o(4, 2), c(8, 2), o(17, 1), c(22, 1), ph(23, 3)},
			[]string{"warning: tags in another order than in the source"}},
		{"lost space", "The cloud and the CNIL.", []tg{o(4, 1), c(9, 1), o(18, 2), c(22, 2), ph(22, 3)},
			[]string{"warning: no space after ‹/a2› as in the source"}},
	}
	for _, tt := range tests {
		seg := segments.Segment{Source: source, Target: tt.target, Status: segments.StatusTranslated, SourceTags: srcTags, TargetTags: tt.tags}
		var got []string
		for _, is := range Check(seg, Context{SourceLang: "fr", TargetLang: "en", Codes: codes}) {
			if is.Check == CheckTags {
				got = append(got, is.Severity.String()+": "+is.Message)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: got\n  %s\nwant\n  %s", tt.name, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
		}
	}
}

func TestTagErrors(t *testing.T) {
	doc, _, err := segments.Read(strings.NewReader("Le **cloud** et `x`.\n\nSans balise.\n"), segments.ReadOptions{Format: "markdown", Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	now := doc.Segments[0].Changed
	doc.Confirm(0, "The cloud and.", "", now)
	doc.Confirm(1, "No tag.", "", now)
	errs := TagErrors(doc)
	if len(errs) != 3 || errs[0].Segment != 0 {
		t.Fatalf("tag errors %v, want the 3 missing tags of segment 1", errs)
	}
	s := doc.Segments[0]
	doc.UpdateTagged(0, "The cloud and .", []segments.Tag{{At: 4, ID: 1, Kind: segments.TagOpen}, {At: 9, ID: 1, Kind: segments.TagClose}, {At: 14, ID: 2, Kind: segments.TagPlaceholder}}, s.Status, s.Origin, now)
	if errs := TagErrors(doc); len(errs) != 0 {
		t.Errorf("tag errors %v after putting the tags back", errs)
	}
}
