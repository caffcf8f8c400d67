package segments

import (
	"slices"
	"unicode/utf8"
)

// This file is the editing API for tagged targets (docs/tags.md): the
// editor keeps a target as a Tagged and a cursor as a TagPos, shows the
// tags as tokens (Code.Label), moves over a tag in one step, deletes one
// whole, inserts the missing ones, and maps a memory match's tags. All
// functions return new values: a Tagged's Tags slice is never changed in
// place (snapshots share it).

// Tagged is a text with its tags (a segment's target being edited).
type Tagged struct {
	Text string
	Tags []Tag
}

// TagPos is a cursor in a Tagged: a byte offset in Text and, among the
// tags at that offset, how many are before the cursor (0 … all of them).
type TagPos struct {
	At, Tags int
}

// tagsAt returns the index range [lo, hi) of the tags at offset at.
func (t Tagged) tagsAt(at int) (lo, hi int) {
	lo = 0
	for lo < len(t.Tags) && t.Tags[lo].At < at {
		lo++
	}
	hi = lo
	for hi < len(t.Tags) && t.Tags[hi].At == at {
		hi++
	}
	return lo, hi
}

// index is the position in Tags a tag inserted at p takes.
func (t Tagged) index(p TagPos) int {
	lo, hi := t.tagsAt(p.At)
	return min(lo+max(p.Tags, 0), hi)
}

// Right returns the cursor one step right: over one tag, else one
// character; p itself at the end.
func (t Tagged) Right(p TagPos) TagPos {
	lo, hi := t.tagsAt(p.At)
	if lo+p.Tags < hi {
		return TagPos{p.At, p.Tags + 1}
	}
	if p.At >= len(t.Text) {
		return p
	}
	_, n := utf8.DecodeRuneInString(t.Text[p.At:])
	return TagPos{p.At + n, 0}
}

// Left returns the cursor one step left: over one tag, else one character
// (landing after the tags at the previous offset); p itself at the start.
func (t Tagged) Left(p TagPos) TagPos {
	if p.Tags > 0 {
		return TagPos{p.At, p.Tags - 1}
	}
	if p.At <= 0 {
		return p
	}
	_, n := utf8.DecodeLastRuneInString(t.Text[:p.At])
	lo, hi := t.tagsAt(p.At - n)
	return TagPos{p.At - n, hi - lo}
}

// Insert returns t with s typed at p (s is plain text: a "<" typed is a
// character, never a tag) and the cursor after it. Tags after the cursor
// move with the text.
func (t Tagged) Insert(p TagPos, s string) (Tagged, TagPos) {
	i := t.index(p)
	tags := make([]Tag, len(t.Tags))
	copy(tags, t.Tags)
	for j := i; j < len(tags); j++ {
		tags[j].At += len(s)
	}
	return Tagged{t.Text[:p.At] + s + t.Text[p.At:], tags}, TagPos{p.At + len(s), 0}
}

// Backspace deletes what is just before p: a whole tag, or one character.
// It returns t and p unchanged at the start.
func (t Tagged) Backspace(p TagPos) (Tagged, TagPos) {
	if p.Tags > 0 {
		i := t.index(p) - 1
		return Tagged{t.Text, slices.Delete(slices.Clone(t.Tags), i, i+1)}, TagPos{p.At, p.Tags - 1}
	}
	if p.At <= 0 {
		return t, p
	}
	_, n := utf8.DecodeLastRuneInString(t.Text[:p.At])
	lo, hi := t.tagsAt(p.At - n)
	tags := slices.Clone(t.Tags)
	for j := hi; j < len(tags); j++ {
		tags[j].At -= n
	}
	// The tags that stood before and after the deleted character now share
	// its offset: the cursor stays after the former, before the latter.
	return Tagged{t.Text[:p.At-n] + t.Text[p.At:], tags}, TagPos{p.At - n, hi - lo}
}

// InsertTag returns t with tag placed at p (its At set to p.At) and the
// cursor after it.
func (t Tagged) InsertTag(p TagPos, tag Tag) (Tagged, TagPos) {
	tag.At = p.At
	i := t.index(p)
	return Tagged{t.Text, slices.Insert(slices.Clone(t.Tags), i, tag)}, TagPos{p.At, p.Tags + 1}
}

// TagAt returns the tag just after the cursor (the one the status line
// describes, with its code's Markup and URL), if any.
func (t Tagged) TagAt(p TagPos) (Tag, bool) {
	lo, hi := t.tagsAt(p.At)
	if lo+p.Tags < hi {
		return t.Tags[lo+p.Tags], true
	}
	return Tag{}, false
}

// MissingTags returns the tags of source that target lacks (by code and
// kind, counting repeats), in source order: what "insert the next missing
// tag" (the first) and "insert all missing tags" work from.
func MissingTags(source, target []Tag) []Tag {
	have := map[Tag]int{}
	for _, t := range target {
		have[Tag{ID: t.ID, Kind: t.Kind}]++
	}
	var out []Tag
	for _, t := range source {
		k := Tag{ID: t.ID, Kind: t.Kind}
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, t)
	}
	return out
}

// InsertMissing returns t with every tag of source it lacks inserted at
// the cursor, in source order, and the cursor after them: copying the
// source's tags into a target typed without them.
func (t Tagged) InsertMissing(p TagPos, source []Tag) (Tagged, TagPos) {
	for _, m := range MissingTags(source, t.Tags) {
		t, p = t.InsertTag(p, m)
	}
	return t, p
}

// MapTags maps the tags of a memory match's target (mtgt) onto the
// current segment's codes: a tag of the match is the current source's tag
// of the same code type and kind at the same rank (the second bold opening
// of the match is the second bold opening of the source). msrc are the
// match source's tags and mcodes its codes; src and codes the current
// segment's source tags and block codes. Tags with no counterpart are left
// out (the translator inserts them). text is the match's target text.
func MapTags(text string, mtgt, msrc []Tag, mcodes []Code, src []Tag, codes []Code) []Tag {
	type key struct {
		typ  CodeType
		kind TagKind
	}
	keyOf := func(t Tag, cs []Code) key {
		b := Block{Codes: cs}
		c, _ := b.CodeByID(t.ID)
		return key{c.Type, t.Kind}
	}
	// rank of each match-source code end, and the current source's ends by rank.
	rank := map[Tag]int{}
	n := map[key]int{}
	for _, t := range msrc {
		k := keyOf(t, mcodes)
		rank[Tag{ID: t.ID, Kind: t.Kind}] = n[k]
		n[k]++
	}
	byRank := map[key][]int{}
	for _, t := range src {
		k := keyOf(t, codes)
		byRank[k] = append(byRank[k], t.ID)
	}
	var out []Tag
	for _, t := range mtgt {
		r, ok := rank[Tag{ID: t.ID, Kind: t.Kind}]
		ids := byRank[keyOf(t, mcodes)]
		if !ok || r >= len(ids) {
			continue
		}
		out = append(out, Tag{At: min(t.At, len(text)), ID: ids[r], Kind: t.Kind})
	}
	return out
}
