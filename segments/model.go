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
	// Codes are the block's inline codes (formatting taken out of Text),
	// numbered from 1 in order of appearance; the segments' tags place
	// them. Nil for a block without inline formatting. See tags.go.
	Codes []Code `json:"codes,omitempty"`
	// Plain marks a block whose Text holds the characters themselves, not
	// Markdown (a web page's): "a < b", not "a \< b". Written as Markdown
	// (SourceMarkup, TargetMarkup), its text is escaped. See tags_plain.go.
	Plain bool `json:"plain,omitempty"`
	// Overrides are the translator's changes to the block's segmentation
	// (SplitSegment, MergeNext), in the order made; re-segmenting a changed
	// article applies them again (see resegment.go). The slice is never
	// changed in place (clones share it).
	Overrides []Override `json:"overrides,omitempty"`
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
	// SourceTags and TargetTags place the block's codes in Source and
	// Target (offsets into each). A pair may open in one segment and close
	// in another. The slices are never changed in place (clones share them).
	SourceTags []Tag `json:"source_tags,omitempty"`
	TargetTags []Tag `json:"target_tags,omitempty"`
	// Wrap lists the pairs that cover the whole source, outermost first:
	// they stay outside the editable text and are written around the
	// target as they are around the source.
	Wrap   []int  `json:"wrap,omitempty"`
	Status Status `json:"status"`
	Note   string `json:"note,omitempty"`
	// Origin says where a target came from when the translator did not type
	// it: one of the Origin constants. Empty (OriginTyped) for typed targets.
	Origin string `json:"origin,omitempty"`
	// MTEngine names the machine-translation engine of a target with
	// OriginMT ("apertium"); Update clears it when the origin changes.
	MTEngine string `json:"mt_engine,omitempty"`
	// Changed is when the target, status or note last changed (UTC); zero
	// if never.
	Changed time.Time `json:"changed,omitzero"`
	// History holds the previous versions of the target, oldest first, at
	// most HistoryLimit plain ones plus the versions kept from merge
	// conflicts (see Version.Conflict). Restore goes back to the last one.
	History []Version `json:"history,omitempty"`
	// Rev counts the changes made to the segment in this process, so that a
	// view can redraw a row when its Rev differs from the one it drew. It is
	// not saved: it starts at 0 when a project is loaded.
	Rev uint64 `json:"-"`
	// QAIgnored are the QA issues the translator chose to ignore here (nil:
	// none). A list is never changed in place, so clones may share it; see IgnoreQA.
	QAIgnored *QAIgnores `json:"qa_ignored,omitempty"`
}

// The values of Segment.Origin. They are written in project files: keep them.
const (
	OriginTyped      = ""           // typed by the translator
	OriginTM         = "tm"         // a translation-memory match (pretranslate, TMX import, or used unchanged)
	OriginRepetition = "repetition" // copied from a confirmed segment with the same source
	OriginImport     = "import"     // brought back from an XLIFF file
	OriginMT         = "mt"         // machine translation
	OriginAlign      = "align"      // aligned from an existing translation
)

// Version is a previous state of a segment's work, kept in Segment.History.
type Version struct {
	Target     string    `json:"target,omitempty"`
	TargetTags []Tag     `json:"target_tags,omitempty"`
	Status     Status    `json:"status"`
	Origin     string    `json:"origin,omitempty"`
	Note       string    `json:"note,omitempty"`
	Changed    time.Time `json:"changed,omitzero"`
	// Conflict marks a version that lost a merge: another process changed
	// the same segment and its change was later. It is kept so that the
	// translator can see it and Restore it.
	Conflict bool `json:"conflict,omitempty"`
	// By names the program that saved the version when another process's
	// version was kept by a merge ("trad import", "trad edit").
	By string `json:"by,omitempty"`
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
	// NoMT marks a confidential project: no machine translation, nothing
	// of it is ever sent to an engine (package mt refuses).
	NoMT bool

	// reps indexes the segments by source for FillRepetitions; built on
	// first use. Sources never change, so copies may share it.
	reps *repIndex
	// repsPending is reps being built on another goroutine
	// (PrepareRepetitions).
	repsPending *repBuild
}

// Clone returns a deep copy, safe to hand to another goroutine (for example
// a save command) while the original keeps changing. Segment.History slices
// are shared: the operations (ops.go) never write into one, they replace it.
func (d *Document) Clone() *Document {
	c := *d
	c.Blocks = append([]Block(nil), d.Blocks...)
	c.Segments = append([]Segment(nil), d.Segments...)
	c.Orphans = append([]Segment(nil), d.Orphans...)
	return &c
}

// BlockSegments returns the segments of block b.
func (d *Document) BlockSegments(b int) []Segment {
	bl := d.Blocks[b]
	return d.Segments[bl.First : bl.First+bl.Count]
}

// SetTarget changes segment i's target and status, keeping its origin, and
// stamps the change (see Update). New code should prefer Confirm, SetDraft
// or Update, which say where the text came from.
func (d *Document) SetTarget(i int, target string, st Status, now time.Time) {
	d.Update(i, target, st, d.Segments[i].Origin, now)
}
