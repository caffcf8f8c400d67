// Package langtag is trad's one reading of a language tag's base language
// and its one rule for picking the variants of a bilingual unit. glossary
// keys terms by Base, qa and segments pick their rules by it, and bitext's
// TMX import and tm's memory loading pick a unit's source and target
// variants with Picker, so a TMX file that one of them reads the other
// reads the same way.
package langtag

import (
	"strings"

	"github.com/trad-project/trad/internal/memo"

	"golang.org/x/text/language"
)

// cache holds Base's answers: tags come from a handful of files and
// columns, but Base is asked once per unit or entry; bounded, as a file
// may hold any number of junk tags.
var cache = memo.Bounded[string]{Max: 4096}

// Base returns the lower-case base language of a BCP 47 tag, canonical as
// x/text has it: "fr-FR" → "fr", "zh_Hans" → "zh", and the deprecated codes
// older tools still write to their current ones ("iw" → "he", "in" → "id",
// "tl" → "fil"), so a file tagged "iw" meets a project in "he". A tag x/text
// cannot read, or whose base it would only guess ("und", "zz"), keeps its
// first subtag, lower-cased.
func Base(tag string) string {
	if b, ok := cache.Load(tag); ok {
		return b
	}
	b := base(tag)
	cache.Store(tag, b)
	return b
}

func base(tag string) string {
	s := strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")
	if b, ok := parsedBase(s); ok {
		return b
	}
	// A malformed tag ("fr-", "ara-x-"): its first subtag alone.
	if i := strings.IndexByte(s, '-'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if b, ok := parsedBase(s); ok {
		return b
	}
	return strings.ToLower(s)
}

// parsedBase is x/text's base language of s when it reads s and does not
// merely guess it.
func parsedBase(s string) (string, bool) {
	t, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	b, conf := t.Base()
	return b.String(), conf >= language.High
}

// Match says how well tag serves for want: 2 the same tag (case and "_"
// aside), 1 the same base language, 0 neither.
func Match(tag, want string) int {
	if strings.EqualFold(strings.ReplaceAll(tag, "_", "-"), strings.ReplaceAll(want, "_", "-")) {
		return 2
	}
	if Base(tag) == Base(want) {
		return 1
	}
	return 0
}

// Picker finds a unit's variants for a source and a target language,
// remembering its decision for each tag it has seen (a memory of a million
// units has a few distinct tags).
type Picker struct {
	src, tgt string
	seen     map[string]int // tag -> 2 exact source, 1 base source, -2 exact target, -1 base target, 0 neither
}

// NewPicker returns a Picker for the pair src → tgt.
func NewPicker(src, tgt string) *Picker {
	return &Picker{src: src, tgt: tgt, seen: map[string]int{}}
}

// Side says which side of the pair tag serves: 2 the source tag itself, 1
// the source's language, -2 the target tag itself, -1 the target's
// language, 0 neither.
func (p *Picker) Side(tag string) int {
	if c, ok := p.seen[tag]; ok {
		return c
	}
	ms, mt := Match(tag, p.src), Match(tag, p.tgt)
	c := 0
	switch {
	case ms == 2:
		c = 2
	case mt == 2:
		c = -2
	case ms == 1:
		c = 1
	case mt == 1:
		c = -1
	}
	p.seen[tag] = c
	return c
}

// Keys returns the keys of variants for the source and the target language:
// the tag itself before one of the same base language, and among several of
// the same base ("fr-FR", "fr-CA" for "fr") the lowest key, so the choice
// never depends on map order. "" when a side is missing.
func (p *Picker) Keys(variants map[string]string) (src, tgt string) {
	bs, bt := 0, 0
	for k := range variants {
		c := p.Side(k)
		switch {
		case c > bs || c == bs && c > 0 && k < src:
			src, bs = k, c
		case c < 0 && (-c > bt || -c == bt && k < tgt):
			tgt, bt = k, -c
		}
	}
	return src, tgt
}
