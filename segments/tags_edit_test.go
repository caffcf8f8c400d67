package segments

import (
	"testing"
)

// show writes t with tags as ‹id kind› and the cursor p as |.
func show(t Tagged, p TagPos) string {
	codes := []Code{{ID: 1, Type: CodeBold, Pair: true}, {ID: 2, Type: CodeCode}, {ID: 3, Type: CodeLink, Pair: true}}
	out := ""
	ti := 0
	for at := 0; at <= len(t.Text); {
		k := 0
		for ti < len(t.Tags) && t.Tags[ti].At == at {
			if p.At == at && p.Tags == k {
				out += "|"
			}
			c := codes[t.Tags[ti].ID-1]
			out += c.Label(t.Tags[ti].Kind)
			ti++
			k++
		}
		if p.At == at && p.Tags == k {
			out += "|"
		}
		if at == len(t.Text) {
			break
		}
		r := []rune(t.Text[at:])[0]
		out += string(r)
		at += len(string(r))
	}
	return out
}

func TestTaggedEditing(t *testing.T) {
	tt := Tagged{Text: "été x", Tags: []Tag{{0, 1, TagOpen}, {5, 1, TagClose}, {5, 2, TagPlaceholder}}}
	p := TagPos{}
	var steps []string
	for range 8 {
		steps = append(steps, show(tt, p))
		p = tt.Right(p)
	}
	want := []string{"|‹b1›été‹/b1›‹c2› x", "‹b1›|été‹/b1›‹c2› x", "‹b1›é|té‹/b1›‹c2› x", "‹b1›ét|é‹/b1›‹c2› x",
		"‹b1›été|‹/b1›‹c2› x", "‹b1›été‹/b1›|‹c2› x", "‹b1›été‹/b1›‹c2›| x", "‹b1›été‹/b1›‹c2› |x"}
	for i := range want {
		if steps[i] != want[i] {
			t.Errorf("right step %d: %s, want %s", i, steps[i], want[i])
		}
	}
	// Left goes back the same way.
	for i := len(want); i > 0; i-- { // p is one step past the last of want
		p = tt.Left(p)
		if got := show(tt, p); got != want[i-1] {
			t.Errorf("left to step %d: %s, want %s", i-1, got, want[i-1])
			break
		}
	}
	// One backspace deletes a whole tag; a typed "<" is text.
	p = TagPos{5, 2}
	tt2, p2 := tt.Backspace(p)
	if got := show(tt2, p2); got != "‹b1›été‹/b1›| x" {
		t.Errorf("backspace over a tag: %s", got)
	}
	tt3, p3 := tt2.Insert(p2, "<b>")
	if got := show(tt3, p3); got != "‹b1›été‹/b1›<b>| x" || len(tt3.Tags) != 2 {
		t.Errorf("typing <b>: %s", got)
	}
	// Deleting a character keeps the tags on both sides.
	tt4, p4 := tt.Backspace(TagPos{5, 0})
	if got := show(tt4, p4); got != "‹b1›ét|‹/b1›‹c2› x" {
		t.Errorf("backspace over é: %s", got)
	}
	if tag, ok := tt.TagAt(TagPos{5, 1}); !ok || tag.ID != 2 {
		t.Errorf("tag under the cursor: %v %v", tag, ok)
	}
	// The missing tags go in at the cursor, in source order.
	typed := Tagged{Text: "summer x"}
	filled, fp := typed.InsertMissing(TagPos{6, 0}, tt.Tags)
	if got := show(filled, fp); got != "summer‹b1›‹/b1›‹c2›| x" {
		t.Errorf("insert missing: %s", got)
	}
	if m := MissingTags(tt.Tags, tt2.Tags); len(m) != 1 || m[0].ID != 2 {
		t.Errorf("missing tags %v", m)
	}
}

func TestMapTags(t *testing.T) {
	// Match: "‹b1›Le chat‹/b1› ‹c2›" whose target is "‹c2› ‹b1›The cat‹/b1›";
	// current source: "‹c1› ‹b3›Un chien‹/b3›" in another block numbering.
	mcodes := []Code{{ID: 1, Type: CodeBold, Pair: true}, {ID: 2, Type: CodeCode}}
	codes := []Code{{ID: 1, Type: CodeCode}, {ID: 2, Type: CodeLink, Pair: true}, {ID: 3, Type: CodeBold, Pair: true}}
	msrc := []Tag{{0, 1, TagOpen}, {7, 1, TagClose}, {8, 2, TagPlaceholder}}
	mtgt := []Tag{{0, 2, TagPlaceholder}, {1, 1, TagOpen}, {8, 1, TagClose}}
	src := []Tag{{0, 1, TagPlaceholder}, {1, 3, TagOpen}, {9, 3, TagClose}}
	got := MapTags(" The cat", mtgt, msrc, mcodes, src, codes)
	if k := tagsKey(got); k != "0:1:ph;1:3:open;8:3:close;" {
		t.Errorf("mapped tags %s", k)
	}
}
