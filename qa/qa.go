// Package qa checks translated segments for the mistakes translators make
// under deadline: missing or empty targets, numbers, glossary terms, links,
// punctuation and typography. Checks are pure functions of a segment and
// its context, fast enough to run on every confirm in the editor.
package qa

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/langtag"
	"github.com/trad-project/trad/internal/links"
	"github.com/trad-project/trad/segments"
)

// Severity says how serious an issue is. Error-level issues make `trad qa`
// exit non-zero.
type Severity int

// The severities, least serious first.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name as written by String.
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return Info, fmt.Errorf("unknown severity %q (want error, warning or info)", name)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Issue is one finding of one check in one segment.
type Issue struct {
	// Segment is the segment's Index (0-based; users see Segment+1).
	Segment  int      `json:"segment"`
	Check    string   `json:"check"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Start and End are the byte span in the target the issue is about.
	// Start == End when the issue has no place in the target (a number
	// missing from it, an empty target).
	Start int `json:"start"`
	End   int `json:"end"`
	// Key identifies the finding within its segment and check, stably
	// across runs: the same finding on the same text has the same key. An
	// ignore record (segments.QAIgnore) names it.
	Key string `json:"key"`
	// Ignored is the record of the translator's decision to ignore the
	// issue, nil when it stands (see MarkIgnored).
	Ignored *segments.QAIgnore `json:"ignored,omitempty"`
}

// String formats the issue as "seg 12 error numbers: 3,5 missing in target"
// (segment numbers as users see them, from 1), the message in full, with
// "(ignored by ana 2026-12-05 23:10 UTC)" after an ignored one.
func (is Issue) String() string {
	s := fmt.Sprintf("seg %d %s %s: %s", is.Segment+1, is.Severity, is.Check, is.Message)
	if r := is.Ignored; r != nil {
		s += " (ignored"
		if r.Who != "" {
			s += " by " + r.Who
		}
		if !r.When.IsZero() {
			s += " " + r.When.UTC().Format("2006-01-02 15:04 UTC")
		}
		s += ")"
	}
	return s
}

// Check ids. Each has a default severity (see Checks) and can be disabled.
const (
	CheckUntranslated = "untranslated"  // no target
	CheckEmpty        = "empty"         // confirmed with an empty target
	CheckDraft        = "draft"         // a target that is not confirmed
	CheckIdentical    = "identical"     // target identical to source
	CheckGlossary     = "glossary"      // a source term without any of its target terms
	CheckNumbers      = "numbers"       // numbers missing, extra or changed
	CheckNumberFormat = "number-format" // number written in the source language's format
	CheckLinks        = "links"         // URLs, e-mail addresses, @handles changed
	CheckFinalPunct   = "final-punct"   // final punctuation differs
	CheckBrackets     = "brackets"      // quotes or brackets unbalanced
	CheckDoubleSpace  = "double-space"  // two spaces in a row
	CheckEdgeSpace    = "edge-space"    // leading or trailing space
	CheckRepeated     = "repeated-word" // the same word twice in a row
	CheckFrSpacing    = "fr-spacing"    // French: no-break space before ; : ! ? and inside « »
	CheckStrayNBSP    = "stray-space"   // not French: space before ; : ! ? or inside quotes
	CheckQuoteStyle   = "quote-style"   // another language's quotation marks in the target
	CheckBlockMarker  = "block-marker"  // Markdown heading/list/quote marker left in the target
	CheckSpelling     = "spelling"      // a word of the target not in the dictionary
	CheckNames        = "names"         // a name of the source missing from the target
	CheckCopiedWords  = "copied-words"  // words of the source left untranslated in the target
	CheckLength       = "length"        // a target much shorter than its source
	CheckLinkPath     = "link-path"     // a localised URL whose path changed beyond its language part

	// Project checks (CheckDocument): they compare segments.
	CheckInconsistentTarget = "inconsistent-target" // same source, different targets
	CheckInconsistentSource = "inconsistent-source" // different sources, same target
)

// CheckInfo describes a check for documentation and configuration.
type CheckInfo struct {
	ID       string
	Severity Severity // default severity
	Doc      string
}

// Checks lists every check with its default severity, in the order they
// run.
var Checks = []CheckInfo{
	{CheckUntranslated, Error, "the segment has no target"},
	{CheckEmpty, Error, "the segment is confirmed but its target is empty"},
	{CheckDraft, Warning, "the segment has a target that is not confirmed"},
	{CheckIdentical, Error, "the target is the source unchanged: not translated (names, numbers, URLs and codes excepted)"},
	{CheckGlossary, Warning, "a glossary term of the source has none of its translations in the target (nor one the project uses for it)"},
	{CheckNumbers, Error, "a number of the source is missing from the target, or the target has an extra number"},
	{CheckNumberFormat, Warning, "a number in the target is written with the source language's decimal separator"},
	{CheckLinks, Error, "a URL, e-mail address or @handle of the source is not in the target (a URL may change its language part)"},
	{CheckFinalPunct, Warning, "the target does not end with the source's final punctuation"},
	{CheckBrackets, Error, "quotes or brackets are unbalanced in the target (and not in the source)"},
	{CheckDoubleSpace, Warning, "two or more spaces in a row in the target"},
	{CheckEdgeSpace, Warning, "the target starts or ends with a space"},
	{CheckRepeated, Warning, "the same word twice in a row in the target"},
	{CheckFrSpacing, Warning, "French target: no no-break space before ; : ! ? or inside « », or a space before , or ."},
	{CheckStrayNBSP, Warning, "target not in French: a space before , . ; : ! ? or inside quotes"},
	{CheckQuoteStyle, Warning, "English or Chinese target: French or German quotation marks (« » ‹ › „) kept from the source"},
	{CheckBlockMarker, Error, "the target of a heading, list item or quote starts with a Markdown marker (# - > 1.) the source does not have"},
	{CheckTags, Error, "inline tags (formatting, links, code) missing, extra, duplicated or malformed in the target; a changed order or a space lost around a tag is a warning"},
	{CheckLinkPath, Warning, "a URL localised to the target language whose path also changed: check that the page exists"},
	{CheckCopiedWords, Error, "three or more lower-case words of the source, unknown to the target language's dictionary, left in the target: partly untranslated"},
	{CheckNames, Warning, "a name of the source, spelt the same in the target language, is not in the target: an omission?"},
	{CheckLength, Warning, "a long target much shorter than its source: an omission?"},
	{CheckSpelling, Warning, "a word of the target is not in the target language's dictionary"},
	{CheckInconsistentTarget, Warning, "the same source is translated differently elsewhere in the project"},
	{CheckInconsistentSource, Warning, "different sources have the same translation elsewhere in the project"},
}

// CheckIDs returns the ids of all checks in run order.
func CheckIDs() []string {
	ids := make([]string, len(Checks))
	for i, c := range Checks {
		ids[i] = c.ID
	}
	return ids
}

func defaultSeverity(id string) (Severity, bool) {
	for _, c := range Checks {
		if c.ID == id {
			return c.Severity, true
		}
	}
	return Info, false
}

// Context is what Check needs besides the segment.
type Context struct {
	// SourceLang and TargetLang are BCP 47 tags ("fr", "en-GB").
	SourceLang, TargetLang string
	// Hits are the glossary hits in the segment's source, as returned by a
	// glossary.Matcher built for SourceLang → TargetLang. Nil: no glossary
	// check.
	Hits []glossary.Hit
	// Config disables checks and overrides severities; nil means defaults.
	Config *Config
	// Block is the kind of the segment's block ("heading", "list-item"…);
	// empty when unknown.
	Block segments.BlockKind
	// Codes are the inline codes of the segment's block, which name its
	// tags in messages (‹b1›); nil when unknown.
	Codes []segments.Code
	// Project is what the checks know of the rest of the project and its
	// glossary (nil: nothing): translations the translator used for a
	// term elsewhere, longer glossary entries. See NewProject.
	Project *Project
	// Spell checks the target's spelling; nil: no spelling check. The
	// call may block on a subprocess: the editor runs Check off its UI
	// path.
	Spell Speller
	// Ctx bounds the spelling check; nil is context.Background().
	Ctx context.Context
}

// Check returns the issues of one segment, in check order. It reads only
// its arguments and is safe for concurrent use.
func Check(seg segments.Segment, ctx Context) []Issue {
	c := checker{
		seg: seg, cfg: ctx.Config, ctx: ctx,
		src: baseLang(ctx.SourceLang), tgt: baseLang(ctx.TargetLang),
		source: seg.Source, target: seg.Target,
	}
	if strings.TrimSpace(c.target) == "" {
		switch {
		case seg.Status.Confirmed():
			c.add(CheckEmpty, "confirmed with an empty target", 0, 0)
		default:
			c.add(CheckUntranslated, "not translated", 0, 0)
		}
		return c.issues
	}
	if !seg.Status.Confirmed() {
		c.add(CheckDraft, fmt.Sprintf("target not confirmed (status %s)", seg.Status), 0, 0)
	}
	c.hits = ctx.Hits
	c.run()
	return c.issues
}

// CheckDocument checks every segment of doc, then the project checks
// (consistency), with configuration cfg (nil: defaults). p gives the
// glossary hits and project context (nil: no glossary check); sp checks
// spelling (nil: none). Issues are in segment order, ignored ones marked
// (see MarkIgnored).
func CheckDocument(doc *segments.Document, cfg *Config, p *Project, sp Speller) []Issue {
	ctx := Context{SourceLang: doc.SourceLang.String(), TargetLang: doc.TargetLang.String(), Config: cfg, Project: p, Spell: sp}
	perSeg := make([][]Issue, len(doc.Segments))
	for i, seg := range doc.Segments {
		ctx.Hits = nil
		if p != nil && cfg.Enabled(CheckGlossary) && strings.TrimSpace(seg.Target) != "" {
			ctx.Hits = p.Hits(i)
		}
		ctx.Block, ctx.Codes = "", nil
		if seg.Block >= 0 && seg.Block < len(doc.Blocks) {
			ctx.Block, ctx.Codes = doc.Blocks[seg.Block].Kind, doc.Blocks[seg.Block].Codes
		}
		perSeg[i] = Check(seg, ctx)
	}
	for _, is := range CheckConsistency(doc, cfg) {
		if is.Segment >= 0 && is.Segment < len(perSeg) {
			perSeg[is.Segment] = append(perSeg[is.Segment], is)
		}
	}
	var out []Issue
	for _, is := range perSeg {
		out = append(out, is...)
	}
	MarkIgnored(doc, out)
	return out
}

// checker holds one segment's state while its checks run.
type checker struct {
	seg            segments.Segment
	cfg            *Config
	ctx            Context
	src, tgt       string // base languages
	source, target string
	hits           []glossary.Hit
	issues         []Issue

	srcLinks, tgtLinks []links.Span // computed once, used by several checks
	tgtToks            []glossary.Token
}

type span struct{ start, end int }

func (c *checker) on(id string) bool { return c.cfg.Enabled(id) }

func (c *checker) add(id, msg string, start, end int) {
	c.addSeverity(id, c.cfg.SeverityOf(id), msg, start, end)
}

// addSeverity is add with a severity of the finding's own, below the
// check's (a tags check warning).
func (c *checker) addSeverity(id string, sev Severity, msg string, start, end int) {
	if !c.on(id) {
		return
	}
	c.issues = append(c.issues, newIssue(c.seg.Index, id, min(sev, c.cfg.SeverityOf(id)), msg, start, end))
}

// newIssue returns an issue with its Key: a hash of the check and the
// message, which names what the finding is about (the term, the number,
// the link) but not where, so an edit elsewhere in the target keeps it.
func newIssue(seg int, id string, sev Severity, msg string, start, end int) Issue {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(msg))
	return Issue{Segment: seg, Check: id, Severity: sev, Message: msg, Start: start, End: end, Key: fmt.Sprintf("%016x", h.Sum64())}
}

func (c *checker) run() {
	c.srcLinks, c.tgtLinks = links.Find(c.source), links.Find(c.target)
	if c.on(CheckIdentical) {
		c.checkIdentical()
	}
	if c.on(CheckGlossary) && len(c.hits) > 0 {
		c.checkGlossary()
	}
	if c.on(CheckNumbers) || c.on(CheckNumberFormat) {
		c.checkNumbers()
	}
	if c.on(CheckLinks) {
		c.checkLinks()
	}
	if c.on(CheckFinalPunct) {
		c.checkFinalPunct()
	}
	if c.on(CheckBrackets) {
		c.checkBrackets()
	}
	if c.on(CheckDoubleSpace) || c.on(CheckEdgeSpace) {
		c.checkSpaces()
	}
	if c.on(CheckRepeated) {
		c.checkRepeated()
	}
	if c.tgt == "fr" {
		if c.on(CheckFrSpacing) {
			c.checkFrenchSpacing()
		}
	} else if c.on(CheckStrayNBSP) {
		c.checkStraySpaces()
	}
	if c.on(CheckQuoteStyle) {
		c.checkQuoteStyle()
	}
	if c.on(CheckBlockMarker) {
		c.checkBlockMarker()
	}
	if c.on(CheckTags) {
		c.checkTags()
	}
	if c.on(CheckCopiedWords) && c.ctx.Spell != nil {
		c.checkCopiedWords()
	}
	if c.on(CheckNames) && c.ctx.Spell != nil {
		c.checkNames()
	}
	if c.on(CheckLength) {
		c.checkLength()
	}
	if c.on(CheckSpelling) && c.ctx.Spell != nil {
		c.checkSpelling()
	}
}

// baseLang is langtag.Base: "fr-CA" → "fr", "zh-Hans" → "zh", "iw" → "he".
func baseLang(tag string) string { return langtag.Base(tag) }

// analyzers caches one glossary.Analyzer per base language: an Analyzer
// keeps a stem cache worth sharing between segments, and is safe for
// concurrent use.
var analyzers sync.Map

func analyzer(lang string) *glossary.Analyzer {
	if a, ok := analyzers.Load(lang); ok {
		return a.(*glossary.Analyzer)
	}
	a, _ := analyzers.LoadOrStore(lang, glossary.NewAnalyzer(lang))
	return a.(*glossary.Analyzer)
}

// quote returns s in quotes for a message, in full: a message cut short
// cannot be acted on.
func quote(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return "\"" + s + "\""
}
