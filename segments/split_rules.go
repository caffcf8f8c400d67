package segments

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Rule files are data: one embedded file per language, rules/LANG.rules.
// Format (see rules/fr.rules for a commented example):
//
//	# comment
//	[options]
//	terminators = . ! ? …      # end a sentence when followed by a space
//	[titles]
//	Mme
//
// Sections holding words list one word per line, written without the final
// period. Unknown sections and options are errors, so typos are caught by
// the tests rather than silently ignored.
//
//go:embed rules/*.rules
var ruleFS embed.FS

// rules is the parsed, read-only form of one rule file.
type rules struct {
	lang string

	// Character classes, from [options].
	terminators   map[rune]bool // end a sentence when followed by whitespace
	nospace       map[rune]bool // end a sentence even without whitespace (CJK)
	closers       map[rune]bool // belong to the sentence when glued to its end
	spacedClosers map[rune]bool // belong to it even after a (no-break) space: »
	freeQuotes    map[rune]bool // closers after a space when followed by one: "
	hardAfter     map[rune]bool // a period right after them ends a sentence: ").
	pairOpen      map[rune]bool // « of quote-pairs: a spaced » closes only an open «
	pairClose     map[rune]bool // » of quote-pairs
	openers       map[rune]bool // skipped when looking at the next sentence's start
	trigger       [256]bool     // first bytes of terminators, for a fast scan

	titles       wordSet // never end a sentence: M., Mme, Dr
	nonfinal     wordSet // abbreviations that never end a sentence: cf., p.
	ambiguous    wordSet // may end a sentence: split only before a starter
	final        wordSet // may end a sentence: split before any capital
	beforeNumber wordSet // no split when a digit follows: No. 5
	afterNumber  wordSet // after "3." these words make it an ordinal: 3. Oktober
	brands       wordSet // names that end in ! or ?: Yahoo!
	starters     wordSet // words that typically start a sentence
}

// wordSet is a set of words. A word listed in lower case also matches with
// a capital first letter (a sentence may start with "Cf."), and the
// apostrophes ' and ’ are interchangeable.
type wordSet map[string]struct{}

func (s wordSet) add(w string) {
	w = strings.ReplaceAll(w, "’", "'")
	s[w] = struct{}{}
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsLower(r) {
		s[string(unicode.ToUpper(r))+w[n:]] = struct{}{}
	}
}

func (s wordSet) has(w string) bool {
	if len(s) == 0 || w == "" {
		return false
	}
	if _, ok := s[w]; ok {
		return true
	}
	if strings.Contains(w, "’") {
		_, ok := s[strings.ReplaceAll(w, "’", "'")]
		return ok
	}
	return false
}

var (
	rulesMu    sync.Mutex
	rulesCache = map[string]*rules{}
)

// loadRules parses (once) and returns the rules of a base language.
func loadRules(lang string) (*rules, error) {
	rulesMu.Lock()
	defer rulesMu.Unlock()
	if r, ok := rulesCache[lang]; ok {
		return r, nil
	}
	name := "rules/" + lang + ".rules"
	f, err := ruleFS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := parseRules(f, name)
	if err != nil {
		return nil, err
	}
	r.lang = lang
	rulesCache[lang] = r
	return r, nil
}

// parseRules reads a rule file; errors name the file and line.
func parseRules(rd io.Reader, name string) (*rules, error) {
	r := &rules{
		terminators:   map[rune]bool{},
		nospace:       map[rune]bool{},
		closers:       map[rune]bool{},
		spacedClosers: map[rune]bool{},
		openers:       map[rune]bool{},
		pairOpen:      map[rune]bool{},
		pairClose:     map[rune]bool{},
		hardAfter:     map[rune]bool{},
		freeQuotes:    map[rune]bool{},
		titles:        wordSet{},
		nonfinal:      wordSet{},
		ambiguous:     wordSet{},
		final:         wordSet{},
		beforeNumber:  wordSet{},
		afterNumber:   wordSet{},
		brands:        wordSet{},
		starters:      wordSet{},
	}
	sets := map[string]wordSet{
		"titles":        r.titles,
		"nonfinal":      r.nonfinal,
		"ambiguous":     r.ambiguous,
		"final":         r.final,
		"before-number": r.beforeNumber,
		"after-number":  r.afterNumber,
		"brands":        r.brands,
		"starters":      r.starters,
	}
	chars := map[string]map[rune]bool{
		"terminators":         r.terminators,
		"nospace-terminators": r.nospace,
		"closers":             r.closers,
		"spaced-closers":      r.spacedClosers,
		"openers":             r.openers,
		"hard-after":          r.hardAfter,
		"free-quotes":         r.freeQuotes,
	}
	section := ""
	sc := bufio.NewScanner(rd)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		text = stripComment(text)
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		if strings.HasPrefix(text, "[") {
			if !strings.HasSuffix(text, "]") {
				return nil, fmt.Errorf("%s:%d: unterminated section header %q", name, line, text)
			}
			section = strings.TrimSpace(text[1 : len(text)-1])
			if _, ok := sets[section]; !ok && section != "options" {
				return nil, fmt.Errorf("%s:%d: unknown section [%s]", name, line, section)
			}
			continue
		}
		switch section {
		case "":
			return nil, fmt.Errorf("%s:%d: %q outside any section", name, line, text)
		case "options":
			key, val, ok := strings.Cut(text, "=")
			if !ok {
				return nil, fmt.Errorf("%s:%d: want key = value, got %q", name, line, text)
			}
			key = strings.TrimSpace(key)
			if key == "quote-pairs" {
				for _, pair := range strings.Fields(val) {
					rs := []rune(pair)
					if len(rs) != 2 {
						return nil, fmt.Errorf("%s:%d: quote-pairs: want two characters per pair, got %q", name, line, pair)
					}
					r.pairOpen[rs[0]] = true
					r.pairClose[rs[1]] = true
				}
				continue
			}
			set, ok := chars[key]
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown option %q", name, line, key)
			}
			for _, c := range val {
				if unicode.IsSpace(c) {
					continue
				}
				if c == utf8.RuneError {
					return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, line)
				}
				set[c] = true
			}
		default:
			if strings.ContainsFunc(text, unicode.IsSpace) {
				return nil, fmt.Errorf("%s:%d: want one word per line, got %q", name, line, text)
			}
			if !utf8.ValidString(text) {
				return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, line)
			}
			sets[section].add(text)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(r.terminators)+len(r.nospace) == 0 {
		return nil, fmt.Errorf("%s: no terminators in [options]", name)
	}
	for c := range r.terminators {
		r.trigger[string(c)[0]] = true
	}
	for c := range r.nospace {
		r.trigger[string(c)[0]] = true
	}
	for c := range r.pairOpen {
		r.trigger[string(c)[0]] = true
	}
	for c := range r.pairClose {
		r.trigger[string(c)[0]] = true
	}
	for c := range r.freeQuotes {
		r.trigger[string(c)[0]] = true
	}
	return r, nil
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

// stripComment removes a comment: '#' at the start of a line or after a
// space, so that a '#' glued to a word stays part of it.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}
