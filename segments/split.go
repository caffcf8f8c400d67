package segments

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed rules/*.rules
var ruleFS embed.FS

// Span is the byte range [Start, End) of one sentence in a block's text,
// without surrounding whitespace.
type Span struct{ Start, End int }

// Splitter splits normalised text into sentences with one language's rules.
// It holds no mutable state and is safe for concurrent use.
type Splitter struct {
	lang string
}

// Languages returns the languages that have a rule file, sorted.
func Languages() []string {
	ents, _ := ruleFS.ReadDir("rules")
	var out []string
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), ".rules"); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// NewSplitter returns a splitter for lang, a BCP 47 tag or base language.
func NewSplitter(lang string) (*Splitter, error) {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	for _, l := range Languages() {
		if l == base {
			return &Splitter{lang: base}, nil
		}
	}
	return nil, fmt.Errorf("no segmentation rules for language %q (have %s)", lang, strings.Join(Languages(), ", "))
}

// Split returns the sentences of text, in order.
func (s *Splitter) Split(text string) []Span {
	var spans []Span
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if r == '.' || r == '!' || r == '?' || r == '…' {
			j := i
			for j < len(text) && text[j] == ' ' {
				j++
			}
			if j > i && j < len(text) {
				nr, _ := utf8.DecodeRuneInString(text[j:])
				if unicode.IsUpper(nr) {
					spans = appendTrimmed(spans, text, start, i)
					start = j
				}
			}
		}
	}
	return appendTrimmed(spans, text, start, len(text))
}

func appendTrimmed(spans []Span, text string, a, b int) []Span {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if a < b {
		spans = append(spans, Span{a, b})
	}
	return spans
}
