package tui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"github.com/trad-project/trad/segments"
)

// Styles is every style the editor draws with, built once by DefaultStyles
// or MonoStyles and passed down to the sub-models.
type Styles struct {
	// Mono is true for the NO_COLOR variant: no colour at all, only
	// attributes (bold, underline, reverse) and glyphs.
	Mono bool

	Header      lipgloss.Style
	HeaderDim   lipgloss.Style
	BarFull     lipgloss.Style
	BarEmpty    lipgloss.Style
	Number      lipgloss.Style
	NumberCur   lipgloss.Style
	Marker      lipgloss.Style // the current-row glyph
	Source      lipgloss.Style
	Target      lipgloss.Style
	Heading     lipgloss.Style
	Hit         lipgloss.Style
	Tag         lipgloss.Style // an inline code's token (‹b1›)
	Separator   lipgloss.Style
	CurrentRow  lipgloss.Style // background of the current row (colour only)
	StatusStyle [4]lipgloss.Style
	PaneTitle   lipgloss.Style
	PaneNum     lipgloss.Style
	PaneTerm    lipgloss.Style
	PaneTarget  lipgloss.Style
	PaneMeta    lipgloss.Style
	PaneBorder  lipgloss.Style
	Message     lipgloss.Style
	Error       lipgloss.Style
	Prompt      lipgloss.Style
	Help        help.Styles
	MatchScore  lipgloss.Style // a translation-memory match's score
	MatchDiff   lipgloss.Style // words of a match's source not in the current source
	SearchMatch lipgloss.Style // search matches in the rows
	QAError     lipgloss.Style
	QAWarn      lipgloss.Style
	Repetition  lipgloss.Style // the marker of a target filled from a repetition
	Note        lipgloss.Style // the marker of a segment with a note

	// Glyphs.
	CurrentGlyph    string
	StatusGlyph     [4]string
	QAErrorGlyph    string // rows and pane: an error-level QA finding
	QAWarnGlyph     string
	RepetitionGlyph string // rows: a draft filled from a repetition, to review
	NoteGlyph       string // rows: the segment has a note
}

// Glyphs shared by both variants: they carry the meaning without colour.
const (
	qaErrorGlyph    = "!"
	qaWarnGlyph     = "⚠"
	repetitionGlyph = "="
	noteGlyph       = "✱"
)

// Status glyphs, indexed by segments.Status.
var statusGlyphs = [4]string{
	segments.StatusNew:        "·",
	segments.StatusDraft:      "✎",
	segments.StatusTranslated: "✓",
	segments.StatusReviewed:   "★",
}

// DefaultStyles returns the colour styles; colours adapt to light and dark
// terminals through lipgloss.AdaptiveColor.
func DefaultStyles() Styles {
	var (
		dim      = lipgloss.AdaptiveColor{Light: "245", Dark: "243"}
		faint    = lipgloss.AdaptiveColor{Light: "250", Dark: "238"}
		accent   = lipgloss.AdaptiveColor{Light: "25", Dark: "75"}
		curBG    = lipgloss.AdaptiveColor{Light: "254", Dark: "236"}
		hitFG    = lipgloss.AdaptiveColor{Light: "130", Dark: "214"}
		green    = lipgloss.AdaptiveColor{Light: "28", Dark: "114"}
		yellow   = lipgloss.AdaptiveColor{Light: "136", Dark: "221"}
		purple   = lipgloss.AdaptiveColor{Light: "91", Dark: "177"}
		red      = lipgloss.AdaptiveColor{Light: "160", Dark: "203"}
		text     = lipgloss.AdaptiveColor{Light: "235", Dark: "252"}
		headingC = lipgloss.AdaptiveColor{Light: "24", Dark: "117"}
	)
	h := help.New().Styles
	return Styles{
		Header:     lipgloss.NewStyle().Bold(true).Foreground(text),
		HeaderDim:  lipgloss.NewStyle().Foreground(dim),
		BarFull:    lipgloss.NewStyle().Foreground(green),
		BarEmpty:   lipgloss.NewStyle().Foreground(faint),
		Number:     lipgloss.NewStyle().Foreground(dim),
		NumberCur:  lipgloss.NewStyle().Foreground(accent).Bold(true).Background(curBG),
		Marker:     lipgloss.NewStyle().Foreground(accent).Bold(true).Background(curBG),
		Source:     lipgloss.NewStyle(),
		Target:     lipgloss.NewStyle(),
		Heading:    lipgloss.NewStyle().Bold(true).Foreground(headingC),
		Hit:        lipgloss.NewStyle().Foreground(hitFG).Underline(true),
		Tag:        lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "5", Dark: "13"}),
		Separator:  lipgloss.NewStyle().Foreground(faint),
		CurrentRow: lipgloss.NewStyle().Background(curBG),
		StatusStyle: [4]lipgloss.Style{
			lipgloss.NewStyle().Foreground(dim),
			lipgloss.NewStyle().Foreground(yellow),
			lipgloss.NewStyle().Foreground(green),
			lipgloss.NewStyle().Foreground(purple),
		},
		PaneTitle:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		PaneNum:     lipgloss.NewStyle().Bold(true).Foreground(hitFG),
		PaneTerm:    lipgloss.NewStyle().Bold(true),
		PaneTarget:  lipgloss.NewStyle().Foreground(green),
		PaneMeta:    lipgloss.NewStyle().Foreground(dim),
		PaneBorder:  lipgloss.NewStyle().Foreground(faint),
		Message:     lipgloss.NewStyle().Foreground(accent),
		Error:       lipgloss.NewStyle().Foreground(red).Bold(true),
		Prompt:      lipgloss.NewStyle().Foreground(accent).Bold(true),
		Help:        h,
		MatchScore:  lipgloss.NewStyle().Bold(true).Foreground(green),
		MatchDiff:   lipgloss.NewStyle().Foreground(red).Strikethrough(true),
		SearchMatch: lipgloss.NewStyle().Reverse(true),
		QAError:     lipgloss.NewStyle().Foreground(red).Bold(true),
		QAWarn:      lipgloss.NewStyle().Foreground(yellow),
		Repetition:  lipgloss.NewStyle().Foreground(purple).Bold(true),
		Note:        lipgloss.NewStyle().Foreground(yellow).Bold(true),

		CurrentGlyph:    "▶",
		StatusGlyph:     statusGlyphs,
		QAErrorGlyph:    qaErrorGlyph,
		QAWarnGlyph:     qaWarnGlyph,
		RepetitionGlyph: repetitionGlyph,
		NoteGlyph:       noteGlyph,
	}
}

// MonoStyles returns the NO_COLOR variant: attributes and glyphs only, so the
// current row, statuses and glossary hits stay visible without colour.
func MonoStyles() Styles {
	plain := lipgloss.NewStyle()
	bold := plain.Bold(true)
	var h help.Styles
	h.ShortKey = bold
	h.ShortDesc = plain
	h.ShortSeparator = plain
	h.Ellipsis = plain
	h.FullKey = bold
	h.FullDesc = plain
	h.FullSeparator = plain
	return Styles{
		Mono:        true,
		Header:      bold,
		HeaderDim:   plain,
		BarFull:     plain,
		BarEmpty:    plain,
		Number:      plain,
		NumberCur:   bold.Reverse(true),
		Marker:      bold,
		Source:      plain,
		Target:      plain,
		Heading:     bold,
		Hit:         plain.Underline(true),
		Tag:         plain.Bold(true),
		Separator:   plain,
		CurrentRow:  plain,
		StatusStyle: [4]lipgloss.Style{plain, plain, plain, plain},
		PaneTitle:   bold,
		PaneNum:     bold,
		PaneTerm:    bold,
		PaneTarget:  plain,
		PaneMeta:    plain,
		PaneBorder:  plain,
		Message:     plain,
		Error:       bold,
		Prompt:      bold,
		Help:        h,
		MatchScore:  bold,
		MatchDiff:   plain.Underline(true),
		SearchMatch: plain.Reverse(true),
		QAError:     bold,
		QAWarn:      plain,
		Repetition:  bold,
		Note:        bold,

		CurrentGlyph:    "▶",
		StatusGlyph:     statusGlyphs,
		QAErrorGlyph:    qaErrorGlyph,
		QAWarnGlyph:     qaWarnGlyph,
		RepetitionGlyph: repetitionGlyph,
		NoteGlyph:       noteGlyph,
	}
}

// statusGlyph returns st's glyph, tolerating out-of-range values from a
// hand-edited project file.
func (s *Styles) statusGlyph(st segments.Status) (string, lipgloss.Style) {
	if st < 0 || int(st) >= len(s.StatusGlyph) {
		return "?", lipgloss.NewStyle()
	}
	return s.StatusGlyph[st], s.StatusStyle[st]
}
