package tm

import (
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestTagScore(t *testing.T) {
	codes := []segments.Code{
		{ID: 1, Type: segments.CodeBold, Pair: true}, {ID: 2, Type: segments.CodeLink, Pair: true}, {ID: 3, Type: segments.CodeCode},
	}
	const text = "Press the red button, then wait for the light."
	sig := func(tags ...segments.Tag) []string { return TagSignature(text, tags, codes) }
	o := func(id int) segments.Tag { return segments.Tag{ID: id, Kind: segments.TagOpen} }
	c := func(id int) segments.Tag { return segments.Tag{ID: id, Kind: segments.TagClose} }
	ph := func(id int) segments.Tag { return segments.Tag{ID: id, Kind: segments.TagPlaceholder} }
	// at moves a tag: "Press the **red** button." has the bold around
	// "red" (10–13); "Press the red **button**." around "button" (14–20).
	at := func(t segments.Tag, at int) segments.Tag { t.At = at; return t }
	tests := []struct {
		name  string
		score int
		q, m  []string
		want  int
	}{
		{"same text, same tags", 100, sig(o(1), c(1)), sig(o(1), c(1)), 100},
		{"same text, no tags", 100, nil, nil, 100},
		{"same text, other tags", 100, sig(o(1), c(1)), sig(o(2), c(2)), 99},
		{"same text, tags lost", 100, sig(ph(3)), nil, 99},
		{"same text, tags reordered", 100, sig(o(1), c(1), ph(3)), sig(ph(3), o(1), c(1)), 99},
		{"same text, bold on another word", 100, sig(at(o(1), 10), at(c(1), 13)), sig(at(o(1), 14), at(c(1), 20)), 99},
		{"same text, same places", 100, sig(at(o(1), 10), at(c(1), 13)), sig(at(o(1), 10), at(c(1), 13)), 100},
		{"fuzzy, places do not count", 85, sig(at(o(1), 10), at(c(1), 13)), sig(at(o(1), 2), at(c(1), 30)), 85},
		{"fuzzy, one missing", 85, sig(o(1), c(1), ph(3)), sig(o(1), c(1)), 84},
		{"fuzzy, pair swapped", 85, sig(o(1), c(1)), sig(o(2), c(2)), 81},
		{"fuzzy, order only", 85, sig(o(1), c(1), ph(3)), sig(ph(3), o(1), c(1)), 85},
		{"never below 0", 2, sig(o(1), c(1), ph(3)), nil, 0},
	}
	for _, tt := range tests {
		if got := TagScore(tt.score, tt.q, tt.m); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

// A 100 % match has the same segments.SourceKey, whose white space may
// differ: the same tags on the same words sign alike.
func TestTagSignatureIgnoresSpaces(t *testing.T) {
	codes := []segments.Code{{ID: 1, Type: segments.CodeBold, Pair: true}}
	bold := func(text, word string) []string {
		i := strings.Index(text, word)
		return TagSignature(text, []segments.Tag{{ID: 1, Kind: segments.TagOpen, At: i}, {ID: 1, Kind: segments.TagClose, At: i + len(word)}}, codes)
	}
	want := bold("Le chat dort.", "chat")
	for _, text := range []string{"Le  chat dort.", "Le\u00a0chat dort.", " Le chat dort."} {
		if got := bold(text, "chat"); TagScore(100, got, want) != 100 {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
	if TagScore(100, bold("Le chat dort.", "dort"), want) != 99 {
		t.Error("bold on another word scored 100")
	}
}
