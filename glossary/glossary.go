// Package glossary holds terminology: the entry model, readers and writers for
// OmegaT-style TSV/CSV and TBX files, the embedded tech and geopolitics
// glossary, and the matcher that finds terms in a segment through case,
// elision and inflection.
package glossary

import (
	"fmt"

	"github.com/trad-project/trad/internal/diag"
)

// Origin says where an entry was read from, so a hit can name its source.
type Origin struct {
	// File is the path of the glossary file, or "builtin" for the embedded one.
	File string
	// Line is the 1-based line of the entry in File (0 when unknown, as in TBX
	// read from a single line).
	Line int
	// Data is the embedded data file a built-in entry comes from
	// ("world.tsv"), so that Line can be found; empty for other files.
	Data string
}

// Entry is one concept: its terms in each language and what a translator
// needs to know to use them.
type Entry struct {
	// Terms holds the terms of each language (BCP 47 base language, "fr",
	// "en", "zh"), preferred term first. It is a small slice rather than a
	// map so that a million entries fit in memory (see Terms).
	Terms Terms
	// Domain is a short tag such as "tech", "telecom", "geopolitics", "business".
	Domain string
	// POS is the part of speech ("noun", "verb", "adj", "propn"), if known.
	POS string
	// Note is a usage note (false friends, register, preferred spelling).
	Note string
	// General marks general vocabulary ("guerre", "majorité"): the term is
	// shown in the glossary pane but QA does not require its translation.
	General bool
	// None lists the languages (base language tags) in which the concept
	// has no equivalent: the data says so with the NoEquivalent marker
	// instead of leaving the cell empty. Such a language has no Terms; the
	// marker is kept by the writers but never offered as a translation.
	None []string
	// Guard restricts where the entry's source terms match (see
	// ParseGuard): "near: fonderie | puce" needs one of those words in the
	// segment. Empty: no restriction.
	Guard  string
	Origin Origin
}

// NoEquivalent is the cell value (in the multi-language TSV and CSV
// layouts) that says a language has no equivalent of the concept.
const NoEquivalent = "(none)"

// HasNone reports whether e says explicitly that lang has no equivalent.
func (e *Entry) HasNone(lang string) bool {
	b := baseLang(lang)
	for _, l := range e.None {
		if l == b {
			return true
		}
	}
	return false
}

// How says how a hit matched its glossary term.
type How string

// Match kinds, from strictest to loosest.
const (
	HowExact   How = "exact"   // same characters (after NFC and apostrophe unification)
	HowFolded  How = "folded"  // same after case folding
	HowStemmed How = "stemmed" // same stems (plural, feminine, conjugation)
)

// Hit is one glossary match in a segment.
type Hit struct {
	// Start and End are byte offsets of the matched text in the segment.
	Start, End int
	// Text is the segment text that matched (segment[Start:End]).
	Text string
	// Term is the glossary's source term that matched.
	Term string
	// Targets are the entry's terms in the target language, preferred first
	// (empty when the entry has none in that language).
	Targets []string
	How     How
	Entry   *Entry
	// Plural is set when Text is the plural of Term (judged on the term's
	// head word: "les sanctions" for "sanction", "réseaux sociaux" for
	// "réseau social"), so that AdaptTarget inserts the plural target.
	Plural bool
}

// Glossary is an ordered list of entries; earlier entries take priority when
// several give the same term. A Glossary is not modified after it is built,
// so it is safe for concurrent reading.
type Glossary struct {
	entries []*Entry
}

// New returns a glossary holding entries, in priority order.
func New(entries ...*Entry) *Glossary {
	return &Glossary{entries: entries}
}

// Entries returns the entries in priority order. The slice must not be
// modified.
func (g *Glossary) Entries() []*Entry {
	if g == nil {
		return nil
	}
	return g.entries
}

// Len returns the number of entries.
func (g *Glossary) Len() int { return len(g.Entries()) }

// Merge returns a glossary holding the entries of gs in order: entries of
// earlier arguments take priority (user glossaries first, built-in last).
// Nil arguments are skipped.
func Merge(gs ...*Glossary) *Glossary {
	n := 0
	for _, g := range gs {
		n += g.Len()
	}
	out := make([]*Entry, 0, n)
	for _, g := range gs {
		out = append(out, g.Entries()...)
	}
	return &Glossary{entries: out}
}

// Warning is a problem in one line of a glossary file that did not stop the
// rest of the file from loading (trad's one warning type, internal/diag).
type Warning = diag.Warning

// String returns "builtin" for the embedded glossary and "path:line" for a
// file (just "path" when the line is unknown).
func (o Origin) String() string {
	if o.File == BuiltinName || o.Line <= 0 {
		return o.File
	}
	return fmt.Sprintf("%s:%d", o.File, o.Line)
}

// BuiltinName is the Origin.File of entries from the embedded glossary.
const BuiltinName = "builtin"

// Lang returns the terms of e in language lang, compared by base language
// ("fr-CA" finds "fr").
func (e *Entry) Lang(lang string) []string {
	return e.Terms.Get(baseLang(lang))
}
