package segments

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds the inline-code model (project schema 2): a segment's
// source and target stay plain text, so offsets, memory, glossary, QA and
// search work on words; the formatting that was inline in the article
// (emphasis, links, code spans, images, line breaks, inline HTML) is kept
// beside it as codes (per block) and tags (per segment). See docs/tags.md.

// CodeType says what an inline code does; exports and the editor use it to
// name and style the code.
type CodeType string

// The code types, as written in project files.
const (
	CodeBold   CodeType = "bold"
	CodeItalic CodeType = "italic"
	CodeLink   CodeType = "link"
	CodeCode   CodeType = "code" // a code span, kept whole: its text is not translated
	CodeBreak  CodeType = "break"
	CodeImage  CodeType = "image"
	CodeOther  CodeType = "other"
)

// Code is one inline code of a block: a formatting element of the source
// with its original markup, which writing the document back reproduces
// byte for byte.
type Code struct {
	// ID is the code's number in its block, from 1; tags refer to it.
	ID   int      `json:"id"`
	Type CodeType `json:"type"`
	// Pair is set for a code that opens and closes around text (bold, a
	// link); a standalone code (a code span, an image, a break) is one
	// placeholder.
	Pair bool `json:"pair,omitempty"`
	// Open is the markup before the text of a pair ("**", "["), or the
	// whole markup of a standalone code ("`go build`", "![logo](a.png)").
	Open string `json:"open"`
	// Close is the markup after the text of a pair ("**", "](https://…)").
	Close string `json:"close,omitempty"`
	// Spaced marks a line break between two words with no white space
	// around it in the article ("un<br>deux", a Markdown hard break, whose
	// markup holds the line end): inside a segment the plain text has a
	// space right after the placeholder, so that the words stay apart,
	// and writing the markup drops that space; where the break ends a
	// segment the text between the segments has none (placeStandIns).
	Spaced bool `json:"spaced,omitempty"`
}

// TagKind says which end of a code a tag is.
type TagKind string

// The tag kinds, as written in project files.
const (
	TagOpen        TagKind = "open"
	TagClose       TagKind = "close"
	TagPlaceholder TagKind = "ph"
)

// Tag places one end of a code in a segment's text.
type Tag struct {
	// At is a byte offset in the text (0 … len(text), on a rune boundary).
	// Tags are in order; several tags at one offset keep their slice order.
	At   int     `json:"at"`
	ID   int     `json:"id"`
	Kind TagKind `json:"kind"`
}

// Markup returns the original markup of tag t of code c.
func (c Code) Markup(k TagKind) string {
	if k == TagClose {
		return c.Close
	}
	return c.Open
}

// URL returns the destination of a link or image code written in Markdown
// ("[…](URL "title")", "![alt](URL)") or HTML (href/src), or "".
func (c Code) URL() string {
	switch c.Type {
	case CodeLink, CodeImage:
	default:
		return ""
	}
	for _, m := range []string{c.Close, c.Open} {
		if u := markdownDest(m); u != "" {
			return u
		}
		for _, attr := range []string{`href="`, `src="`} {
			if i := strings.Index(m, attr); i >= 0 {
				rest := m[i+len(attr):]
				if j := strings.IndexByte(rest, '"'); j >= 0 {
					return rest[:j]
				}
			}
		}
	}
	return ""
}

// markdownDest returns the destination in "…](dest "title")", or "".
func markdownDest(m string) string {
	i := strings.LastIndex(m, "](")
	if i < 0 || !strings.HasSuffix(m, ")") {
		return ""
	}
	d := strings.TrimSpace(m[i+2 : len(m)-1])
	if strings.HasPrefix(d, "<") {
		if j := strings.IndexByte(d, '>'); j > 0 {
			return d[1:j]
		}
	}
	if j := strings.IndexAny(d, " \t"); j >= 0 {
		d = d[:j]
	}
	return d
}

// codeLetters are the letters of Label (built once: Label runs per tag on
// every frame that draws one).
var codeLetters = map[CodeType]string{CodeBold: "b", CodeItalic: "i", CodeLink: "a", CodeCode: "c",
	CodeBreak: "n", CodeImage: "m"}

// Label is how the editor and the bilingual exports show a tag: ‹b1›,
// ‹/b1›, ‹x3›. The letter is the code's type (b bold, i italic, a link,
// c code, n break, m image, x other), the number its ID.
func (c Code) Label(k TagKind) string {
	letter := codeLetters[c.Type]
	if letter == "" {
		letter = "x"
	}
	if k == TagClose {
		return "‹/" + letter + strconv.Itoa(c.ID) + "›"
	}
	return "‹" + letter + strconv.Itoa(c.ID) + "›"
}

// CodeByID returns the code of b with the given ID.
func (b *Block) CodeByID(id int) (Code, bool) {
	if id >= 1 && id <= len(b.Codes) && b.Codes[id-1].ID == id {
		return b.Codes[id-1], true
	}
	for _, c := range b.Codes {
		if c.ID == id {
			return c, true
		}
	}
	return Code{}, false
}

// checkTags verifies that tags fit text and refer to codes of b with the
// right kind: what a project file must hold. Order of pairs (close before
// open) is the QA check's business, not a corruption.
func checkTags(b *Block, text string, tags []Tag) error {
	prev := 0
	for i, t := range tags {
		if t.At < prev || t.At > len(text) || !utf8.RuneStart(byteAt(text, t.At)) {
			return fmt.Errorf("tag %d: offset %d out of order or not on a character of %q", i, t.At, text)
		}
		prev = t.At
		c, ok := b.CodeByID(t.ID)
		if !ok {
			return fmt.Errorf("tag %d: no code %d in its block", i, t.ID)
		}
		switch t.Kind {
		case TagOpen, TagClose:
			if !c.Pair {
				return fmt.Errorf("tag %d: code %d is standalone, not a pair", i, t.ID)
			}
		case TagPlaceholder:
			if c.Pair {
				return fmt.Errorf("tag %d: code %d is a pair, not a placeholder", i, t.ID)
			}
		default:
			return fmt.Errorf("tag %d: unknown kind %q", i, t.Kind)
		}
	}
	return nil
}

// byteAt is text[i], or a rune start at the end of text.
func byteAt(text string, i int) byte {
	if i >= len(text) {
		return 0
	}
	return text[i]
}

// tagsKey is a comparable form of tags, so that a target's text and tags
// compare as one unit (merge, history).
func tagsKey(tags []Tag) string {
	if len(tags) == 0 {
		return ""
	}
	var b strings.Builder
	for _, t := range tags {
		fmt.Fprintf(&b, "%d:%d:%s;", t.At, t.ID, t.Kind)
	}
	return b.String()
}

// FitTags returns tags moved to fit text after an edit that does not know
// about them: offsets past the end go to the end, others to the start of
// their rune. It returns nil for no tags and never changes tags in place.
func FitTags(tags []Tag, text string) []Tag {
	if len(tags) == 0 {
		return nil
	}
	out := make([]Tag, len(tags))
	for i, t := range tags {
		t.At = min(t.At, len(text))
		for t.At > 0 && t.At < len(text) && !utf8.RuneStart(text[t.At]) {
			t.At--
		}
		if i > 0 && t.At < out[i-1].At {
			t.At = out[i-1].At
		}
		out[i] = t
	}
	return out
}

// checkSegmentTags verifies s's source tags and wrapping pairs against its
// block: they come with the segmentation. Target tags that do not fit are
// the translator's work: repairTargetTags mends them instead.
func checkSegmentTags(b *Block, s *Segment) error {
	if err := checkTags(b, s.Source, s.SourceTags); err != nil {
		return fmt.Errorf("source %w", err)
	}
	for _, id := range s.Wrap {
		if c, ok := b.CodeByID(id); !ok || !c.Pair {
			return fmt.Errorf("wrap: code %d is not a pair of its block", id)
		}
	}
	return nil
}

// validTags returns the tags of tags that refer to a code of block b with
// the right kind and fit text: what survives of a version's tags when the
// block's codes changed since. It returns tags itself when all are valid.
func validTags(b *Block, text string, tags []Tag) []Tag {
	if checkTags(b, text, tags) == nil {
		return tags
	}
	var out []Tag
	for _, t := range FitTags(tags, text) {
		if c, ok := b.CodeByID(t.ID); ok && c.Pair == (t.Kind != TagPlaceholder) &&
			(t.Kind == TagOpen || t.Kind == TagClose || t.Kind == TagPlaceholder) {
			out = append(out, t)
		}
	}
	return out
}

// SourceMarkup returns segment s's source with its formatting written back
// in the original markup (its wrapping pairs included): for a Markdown
// article, the segment as it was in the article.
func (b *Block) SourceMarkup(s *Segment) string {
	return b.markup(s, s.Source, s.SourceTags, false)
}

// TargetMarkup is SourceMarkup for s's target.
func (b *Block) TargetMarkup(s *Segment) string {
	return b.markup(s, s.Target, s.TargetTags, false)
}

// SourceLabels is SourceMarkup with the tags shown as labels (Code.Label).
func (b *Block) SourceLabels(s *Segment) string {
	return b.markup(s, s.Source, s.SourceTags, true)
}

// TargetLabels is TargetMarkup with the tags shown as labels.
func (b *Block) TargetLabels(s *Segment) string {
	return b.markup(s, s.Target, s.TargetTags, true)
}

func (b *Block) markup(s *Segment, text string, tags []Tag, labels bool) string {
	escape := b.Plain && !labels
	if len(s.Wrap) == 0 && len(tags) == 0 && !escape {
		return text
	}
	show := Code.Markup
	if labels {
		show = Code.Label
	}
	var out strings.Builder
	for _, id := range s.Wrap {
		if c, ok := b.CodeByID(id); ok {
			out.WriteString(show(c, TagOpen))
		}
	}
	out.WriteString(renderTags(text, tags, b.Codes, labels, escape))
	for i := len(s.Wrap) - 1; i >= 0; i-- {
		if c, ok := b.CodeByID(s.Wrap[i]); ok {
			out.WriteString(show(c, TagClose))
		}
	}
	if escape && s.Start == 0 {
		return escapeBlockStart(out.String())
	}
	return out.String()
}

// BlockSourceMarkup returns block bi's source text with its formatting
// written back: the block as it was in the article.
func (d *Document) BlockSourceMarkup(bi int) string {
	return d.blockSource(bi, (*Block).SourceMarkup)
}

// BlockSourceLabels is BlockSourceMarkup with the tags shown as labels.
func (d *Document) BlockSourceLabels(bi int) string {
	return d.blockSource(bi, (*Block).SourceLabels)
}

func (d *Document) blockSource(bi int, seg func(*Block, *Segment) string) string {
	b := &d.Blocks[bi]
	if len(b.Codes) == 0 && !b.Plain {
		return b.Text
	}
	var out strings.Builder
	pos := 0
	for _, s := range d.BlockSegments(bi) {
		if s.Start < pos {
			return b.Text // inconsistent offsets: Check refuses such files
		}
		out.WriteString(b.Text[pos:s.Start])
		out.WriteString(seg(b, &s))
		pos = s.End
	}
	out.WriteString(b.Text[pos:])
	return out.String()
}

// segmentTags hands the block-level tags (offsets into text, the block's
// plain text, whose codes are codes) to the segments spanning it (offsets
// into each source): a tag inside a segment goes to it. A tag between two
// segments (or before the first, after the last) extends the previous
// segment to it when it closes a pair or is a line break, the next one
// otherwise, so that the whitespace keeps its place
// around the markup. Then each segment's pairs that cover it whole become
// its Wrap.
func segmentTags(segs []Segment, tags []Tag, text string, codes []Code) {
	if len(segs) == 0 || len(tags) == 0 {
		return
	}
	blk := Block{Codes: codes}
	j := 0
	for _, t := range tags {
		// A line break, like a closing tag, ends what is before it.
		back := t.Kind == TagClose
		if c, ok := blk.CodeByID(t.ID); ok && t.Kind == TagPlaceholder && c.Type == CodeBreak {
			back = true
		}
		for j < len(segs)-1 && (t.At > segs[j].End || t.At == segs[j].End && !back) {
			j++
		}
		s := &segs[j]
		switch {
		case t.At < s.Start && back && j > 0:
			s = &segs[j-1]
			s.End, s.Source = t.At, text[s.Start:t.At]
		case t.At < s.Start:
			s.shiftStart(t.At, text)
		case t.At > s.End: // after the last segment
			s.End, s.Source = t.At, text[s.Start:t.At]
		}
		t.At -= s.Start
		s.SourceTags = append(s.SourceTags, t)
	}
	for i := range segs {
		segs[i].Wrap, segs[i].SourceTags = unwrap(segs[i].SourceTags, len(segs[i].Source))
	}
}

// shiftStart moves s's start back to p (before it) in the block's text,
// moving the tags already placed in it.
func (s *Segment) shiftStart(p int, text string) {
	d := s.Start - p
	for i := range s.SourceTags {
		s.SourceTags[i].At += d
	}
	s.Start, s.Source = p, text[p:s.End]
}

// unwrap takes off tags the pairs that open at 0 and close at n around
// everything else, outermost first.
func unwrap(tags []Tag, n int) (wrap []int, rest []Tag) {
	for len(tags) >= 2 {
		first, last := tags[0], tags[len(tags)-1]
		if first.Kind != TagOpen || first.At != 0 || last.Kind != TagClose || last.At != n || first.ID != last.ID {
			break
		}
		wrap = append(wrap, first.ID)
		tags = tags[1 : len(tags)-1]
	}
	if len(tags) == 0 {
		tags = nil
	}
	return wrap, tags
}

// FullTags returns tags with the wrapping pairs wrap put back around a text
// of n bytes: what the segment holds, all tags in the text.
func FullTags(tags []Tag, wrap []int, n int) []Tag {
	if len(wrap) == 0 {
		return tags
	}
	all := make([]Tag, 0, len(tags)+2*len(wrap))
	for _, id := range wrap {
		all = append(all, Tag{At: 0, ID: id, Kind: TagOpen})
	}
	all = append(all, tags...)
	for i := len(wrap) - 1; i >= 0; i-- {
		all = append(all, Tag{At: n, ID: wrap[i], Kind: TagClose})
	}
	return all
}

// SplitWrap takes off tags (on a text of n bytes) the pairs that cover the
// whole text, outermost first: the inverse of FullTags.
func SplitWrap(tags []Tag, n int) (wrap []int, rest []Tag) { return unwrap(tags, n) }

// repairTargetTags makes the target tags of d's segments fit their text
// and block (validTags) and returns the indexes of the segments changed:
// a file edited by hand or by another tool must not make a whole project
// unreadable for a misplaced tag.
func repairTargetTags(d *Document) []int {
	var fixed []int
	for i := range d.Segments {
		s := &d.Segments[i]
		if len(s.TargetTags) == 0 || s.Block < 0 || s.Block >= len(d.Blocks) {
			continue
		}
		b := &d.Blocks[s.Block]
		if checkTags(b, s.Target, s.TargetTags) != nil {
			s.TargetTags = validTags(b, s.Target, s.TargetTags)
			fixed = append(fixed, i)
		}
	}
	return fixed
}

// placeStandIns makes the stand-in spaces of block bi's spaced line breaks
// (Code.Spaced) agree with its segmentation: a break inside a segment has
// its space in the text, so that the words on either side stay apart; a
// break that ends a segment has none, the text between the two segments
// being the markup's alone, so that the block is written back exactly.
// Reading and the changes of segmentation (split, merge) call it.
func (d *Document) placeStandIns(bi int) {
	b := &d.Blocks[bi]
	if !slices.ContainsFunc(b.Codes, func(c Code) bool { return c.Spaced }) {
		return
	}
	end := b.First + b.Count
	for j := b.First; j < end; j++ {
		s := &d.Segments[j]
		for k := 0; k < len(s.SourceTags); k++ {
			t := s.SourceTags[k]
			if c, ok := b.CodeByID(t.ID); !ok || !c.Spaced || t.Kind != TagPlaceholder {
				continue
			}
			p := s.Start + t.At // where the space stands, or would
			has := p < len(b.Text) && b.Text[p] == ' '
			switch {
			case t.At < len(s.Source) && !has:
				b.Text = b.Text[:p] + " " + b.Text[p:]
				tags := slices.Clone(s.SourceTags)
				for m := k + 1; m < len(tags); m++ {
					tags[m].At++
				}
				s.SourceTags = tags
				s.End++
				s.Source = b.Text[s.Start:s.End]
				d.shiftSegments(j+1, end, 1)
			case t.At == len(s.Source) && has && (j+1 == end || d.Segments[j+1].Start > p):
				b.Text = b.Text[:p] + b.Text[p+1:]
				d.shiftSegments(j+1, end, -1)
			}
		}
	}
	for j := b.First; j < end; j++ {
		s := &d.Segments[j]
		s.Source = b.Text[s.Start:s.End]
	}
	d.dropReps()
}

// shiftSegments moves segments lo…hi-1 by delta bytes in their block.
func (d *Document) shiftSegments(lo, hi, delta int) {
	for j := lo; j < hi; j++ {
		d.Segments[j].Start += delta
		d.Segments[j].End += delta
	}
}
