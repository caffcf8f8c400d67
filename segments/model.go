// Package segments holds trad's document model: reading articles, splitting
// them into sentence segments, and the project file that keeps the
// translator's work.
package segments

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Status is where a segment stands in the translation workflow.
type Status int

// The statuses, in workflow order. The zero value is StatusNew.
const (
	StatusNew        Status = iota // no target yet
	StatusDraft                    // target being edited, not confirmed
	StatusTranslated               // confirmed by the translator
	StatusReviewed                 // checked by a reviewer
)

var statusNames = [...]string{"new", "draft", "translated", "reviewed"}

// String returns the status name used in project files and exports.
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("status(%d)", int(s))
	}
	return statusNames[s]
}

// Confirmed reports whether the segment's target is approved (translated or
// reviewed), which is what exports pair by default.
func (s Status) Confirmed() bool { return s == StatusTranslated || s == StatusReviewed }

// ParseStatus reads a status name as written by String.
func ParseStatus(name string) (Status, error) {
	for i, n := range statusNames {
		if strings.EqualFold(name, n) {
			return Status(i), nil
		}
	}
	return StatusNew, fmt.Errorf("unknown segment status %q (want new, draft, translated or reviewed)", name)
}

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// BlockKind says what a block is in the source's structure.
type BlockKind string

// Block kinds. Segments never cross a block.
const (
	KindParagraph BlockKind = "paragraph"
	KindHeading   BlockKind = "heading"
	KindListItem  BlockKind = "list-item"
	KindQuote     BlockKind = "quote"
	KindCode      BlockKind = "code" // kept verbatim, never segmented nor translated
)

// Block is a paragraph-level unit of the source.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Level is the heading level (1–6) or the list nesting depth (1 = top).
	Level int `json:"level,omitempty"`
	// Marker is the list marker as written ("-", "*", "1.", "2)"), empty otherwise.
	Marker string `json:"marker,omitempty"`
	// Info is the fence info string of a code block ("go", "json").
	Info string `json:"info,omitempty"`
	// Text is the block's normalised source text. Segment offsets index it.
	Text string `json:"text"`
	// First is the index in Document.Segments of the block's first segment,
	// Count how many segments the block has (0 for code blocks).
	First int `json:"first"`
	Count int `json:"count"`
}

// Segment is one sentence (or heading, or list item) of source with its target.
type Segment struct {
	// Index is the segment's position in Document.Segments (0-based; users see Index+1).
	Index int `json:"index"`
	// Block is the index of the block holding the segment.
	Block int `json:"block"`
	// Start and End are byte offsets of Source in the block's Text.
	Start int `json:"start"`
	End   int `json:"end"`

	Source string `json:"source"`
	Target string `json:"target,omitempty"`
	Status Status `json:"status"`
	Note   string `json:"note,omitempty"`
	// Origin says where a target came from when the translator did not type
	// it: "tm", "repetition", "import". Empty for typed targets.
	Origin string `json:"origin,omitempty"`
	// Changed is when the target or status last changed (UTC); zero if never.
	Changed time.Time `json:"changed,omitzero"`
	// QAIgnored are the QA issues the translator chose to ignore here (nil:
	// none). A pointer keeps Segment comparable; see IgnoreQA.
	QAIgnored *QAIgnores `json:"qa_ignored,omitempty"`
}

// Document is a segmented source text with its translation.
type Document struct {
	SourceLang language.Tag
	TargetLang language.Tag
	// SourcePath is the article the document was read from ("" for stdin).
	SourcePath string
	// SourceHash is the hex SHA-256 of the article's bytes the segments came
	// from, so Load can tell whether the article changed since.
	SourceHash string
	// Format is "text" or "markdown": how the source was read and how the
	// translated document is written back.
	Format   string
	Blocks   []Block
	Segments []Segment
	// Orphans are translations whose source sentence no longer exists in the
	// re-read source. They are kept so that no translation is ever dropped.
	Orphans []Segment
	// Cursor is the segment the editor was on when the project was saved.
	Cursor int
}

// Clone returns a deep copy, safe to hand to another goroutine (for example
// a save command) while the original keeps changing.
func (d *Document) Clone() *Document {
	c := *d
	c.Blocks = append([]Block(nil), d.Blocks...)
	c.Segments = append([]Segment(nil), d.Segments...)
	c.Orphans = append([]Segment(nil), d.Orphans...)
	return &c
}

// CloneInto is Clone reusing dst's slices where they are large enough, so a
// caller that takes a snapshot on every save does not allocate a new copy
// each time. dst must not be in use anywhere else; nil allocates.
func (d *Document) CloneInto(dst *Document) *Document {
	if dst == nil {
		return d.Clone()
	}
	blocks, segs, orphans := dst.Blocks[:0], dst.Segments[:0], dst.Orphans[:0]
	*dst = *d
	dst.Blocks = append(blocks, d.Blocks...)
	dst.Segments = append(segs, d.Segments...)
	dst.Orphans = append(orphans, d.Orphans...)
	return dst
}

// BlockSegments returns the segments of block b.
func (d *Document) BlockSegments(b int) []Segment {
	bl := d.Blocks[b]
	return d.Segments[bl.First : bl.First+bl.Count]
}

// SetTarget changes segment i's target and status and stamps the change time.
func (d *Document) SetTarget(i int, target string, st Status, now time.Time) {
	s := &d.Segments[i]
	if s.Target == target && s.Status == st {
		return
	}
	s.Target = target
	s.Status = st
	s.Changed = now.UTC()
}
