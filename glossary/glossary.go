// Package glossary holds terminology: the entry model, readers and writers for
// OmegaT-style TSV/CSV and TBX files, the embedded tech and geopolitics
// glossary, and the matcher that finds terms in a segment through case,
// elision and inflection.
package glossary

// Origin says where an entry was read from, so a hit can name its source.
type Origin struct {
	// File is the path of the glossary file, or "builtin" for the embedded one.
	File string
	// Line is the 1-based line of the entry in File (0 when unknown, as in TBX
	// read from a single line).
	Line int
}

// Entry is one concept: its terms in each language and what a translator
// needs to know to use them.
type Entry struct {
	// Terms maps a language (BCP 47 base language, "fr", "en", "zh") to its
	// terms, preferred term first.
	Terms map[string][]string
	// Domain is a short tag such as "tech", "telecom", "geopolitics", "business".
	Domain string
	// POS is the part of speech ("noun", "verb", "adj", "propn"), if known.
	POS string
	// Note is a usage note (false friends, register, preferred spelling).
	Note   string
	Origin Origin
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
}
