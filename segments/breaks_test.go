package segments

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestReadLineBreaks reads hard line breaks (Markdown's two trailing
// spaces and backslash, inline <br>) as line-break codes: inside a
// sentence the words on either side stay apart in the text, between two
// sentences the segments split there, and every block is written back as
// it was.
func TestReadLineBreaks(t *testing.T) {
	tests := []struct {
		name   string
		md     string
		want   []string // the segments, tags as labels
		markup []string // the blocks written back, when not md's lines
	}{
		{name: "two spaces inside a sentence", md: "Une ligne  \nla suite du vers.",
			want: []string{"Une ligne‹n1› la suite du vers."}},
		{name: "backslash inside a sentence", md: "Une ligne\\\nla suite du vers.",
			want: []string{"Une ligne‹n1› la suite du vers."}},
		{name: "backslash after a space", md: "Une ligne \\\nla suite du vers.",
			want: []string{"Une ligne ‹n1›la suite du vers."}},
		{name: "between sentences", md: "Première phrase.   \nDeuxième phrase.\\\nTroisième.",
			want: []string{"Première phrase.‹n1›", "Deuxième phrase.‹n2›", "Troisième."}},
		{name: "inside emphasis", md: "Un **vers  \nen gras** ici.",
			want: []string{"Un ‹b1›vers‹n2› en gras‹/b1› ici."}},
		{name: "list item", md: "- Adresse :  \n  12 rue Haute\n",
			want: []string{"Adresse :‹n1› 12 rue Haute"}, markup: []string{"Adresse :  \n12 rue Haute"}},
		{name: "quote", md: "> Il dit :\\\n> « Non. »\n",
			want: []string{"Il dit :‹n1› « Non. »"}, markup: []string{"Il dit :\\\n« Non. »"}},
		{name: "br between sentences", md: "Fin de phrase.<br>Une autre.",
			want: []string{"Fin de phrase.‹n1›", "Une autre."}},
		{name: "br inside a sentence", md: "12 rue Haute<br>75001 Paris",
			want: []string{"12 rue Haute‹n1› 75001 Paris"}},
		{name: "br between spaces", md: "Fin. <br> Une autre.", // the break stays with its line
			want: []string{"Fin. ‹n1›", "Une autre."}},
		{name: "a break at the end is no break", md: "Fin de paragraphe.\\\n",
			want: []string{"Fin de paragraphe.\\"}},
		{name: "table cell", md: "| a | b |\n|---|---|\n| un **gras** | `code` et [lien](u) |\n",
			want: []string{"a", "b", "un ‹b1›gras‹/b1›", "‹c2› et ‹a3›lien‹/a3›"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mdDoc(t, tt.md, "en")
			if got := sourcesWithLabels(d); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("segments %q, want %q", got, tt.want)
			}
			want := tt.markup
			if want == nil {
				for _, l := range strings.Split(strings.TrimSuffix(tt.md, "\n"), "\n") {
					if !strings.HasPrefix(l, "|") {
						want = []string{strings.TrimSuffix(tt.md, "\n")}
						break
					}
					want = append(want, l)
				}
			}
			if got := blockMarkups(d); !reflect.DeepEqual(got, want) {
				t.Errorf("written back %q, want %q", got, want)
			}
			checkTagged(t, d)
		})
	}
}

// TestSplitMergeAtLineBreak splits a sentence at its line break and merges
// it back: the space standing for the line end leaves the text between the
// two parts (so the block is still written back exactly) and comes back
// when they are one segment again.
func TestSplitMergeAtLineBreak(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	md := "Avant. 12 rue Haute<br>75001 Paris, France. Après."
	d := mdDoc(t, md, "en")
	i := 1
	if got := d.Blocks[0].SourceLabels(&d.Segments[i]); got != "12 rue Haute‹n1› 75001 Paris, France." {
		t.Fatalf("segment %q", got)
	}
	if err := d.SplitSegment(i, strings.Index(d.Segments[i].Source, " 75001"), now); err != nil {
		t.Fatal(err)
	}
	if got := sourcesWithLabels(d); !reflect.DeepEqual(got, []string{"Avant.", "12 rue Haute‹n1›", "75001 Paris, France.", "Après."}) {
		t.Errorf("after the split: %q", got)
	}
	if got := d.BlockSourceMarkup(0); got != md {
		t.Errorf("after the split, written back as %q", got)
	}
	checkTagged(t, d)
	d.ConfirmTagged(1, "12 High Street", []Tag{{At: len("12 High Street"), ID: 1, Kind: TagPlaceholder}}, "", now)
	d.Confirm(2, "75001 Paris, France.", "", now)
	if err := d.MergeNext(i, now); err != nil {
		t.Fatal(err)
	}
	m := &d.Segments[i]
	if got := d.Blocks[0].SourceLabels(m); got != "12 rue Haute‹n1› 75001 Paris, France." {
		t.Errorf("after the merge: %q", got)
	}
	if got := d.Blocks[0].TargetMarkup(m); got != "12 High Street<br>75001 Paris, France." {
		t.Errorf("merged target written as %q", got)
	}
	if got := d.BlockSourceMarkup(0); got != md {
		t.Errorf("after the merge, written back as %q", got)
	}
	checkTagged(t, d)
}
