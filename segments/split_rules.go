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
	lang          string
	low           []charClass         // classes of runes below len(low)
	high          map[rune]charClass  // classes of the other runes
	trigger       [256]bool           // first bytes of runes the scan must look at
	words         map[string]wordFlag // the word sections, merged
	emoticons     []string            // ":)", "^^": end a sentence like "!" when they stand alone
	emoStart      [256]bool           // first bytes of the emoticons
	ordinalDot    bool                // "3. Oktober": a number and a period end a sentence only before a starter
	lowerAfter    bool                // a period after a plain word ends a sentence even before a lower-case word
	stopQuoteEnds bool                // 。 inside closing quotes ends a sentence even when text follows: “……。”下
	cjk           bool                // has CJK terminators: a half-width ! or ? between CJK text ends a sentence
}

// charClass is a set of roles a character plays, from [options].
type charClass uint16

const (
	cTerm         charClass = 1 << iota // ends a sentence when followed by whitespace
	cNospace                            // ends a sentence even without whitespace (CJK)
	cCloser                             // belongs to the sentence when glued to its end
	cSpacedCloser                       // belongs to it even after a (no-break) space: »
	cFreeQuote                          // closes after a space when followed by one: "
	cOpener                             // skipped when looking at the next sentence's start
	cHardAfter                          // a period right after it ends a sentence: ").
	cWeak                               // ends a sentence only before a starter: "; Les"
)

// lowRunes is the size of the direct class table: Latin, general
// punctuation and CJK punctuation; rarer runes go through a map.
const lowRunes = 0x3100

func (r *rules) class(c rune) charClass {
	if c >= 0 && int(c) < len(r.low) {
		return r.low[c]
	}
	return r.high[c]
}

// wordFlag is a set of word sections a word belongs to.
type wordFlag uint16

const (
	wTitle        wordFlag = 1 << iota // never ends a sentence: M., Mme, Dr
	wNonfinal                          // abbreviation that never ends a sentence: cf., p.
	wAmbiguous                         // may end a sentence: split only before a starter
	wFinal                             // may end a sentence: split before any capital
	wBeforeNumber                      // no split when a digit follows: No. 5
	wAfterNumber                       // after "3." it makes an ordinal: 3. Oktober
	wBrand                             // a name ending in ! or ?: Yahoo!
	wStarter                           // usually starts a sentence
	wParticle                          // a surname particle after initials: J.-M. Le Pen
	wPrefix                            // the part before a period of a listed word: "z" of z.B, "EE" of EE.UU
)

// addWord adds w to a section. A word listed in lower case also matches
// with a capital first letter (a sentence may start with "Cf."), and the
// apostrophes ' and ’ are interchangeable.
func (r *rules) addWord(w string, f wordFlag) {
	w = strings.ReplaceAll(w, "’", "'")
	r.setWord(w, f)
	c, n := utf8.DecodeRuneInString(w)
	if unicode.IsLower(c) {
		r.setWord(string(unicode.ToUpper(c))+w[n:], f)
	}
}

func (r *rules) setWord(w string, f wordFlag) {
	r.words[w] |= f
	for i := 1; i < len(w); i++ {
		if w[i] == '.' {
			r.words[w[:i]] |= wPrefix
		}
	}
}

// word returns the sections w belongs to (and wPrefix if it starts a
// dotted word).
func (r *rules) word(w string) wordFlag {
	if w == "" {
		return 0
	}
	if f, ok := r.words[w]; ok {
		return f
	}
	if strings.Contains(w, "’") {
		return r.words[strings.ReplaceAll(w, "’", "'")]
	}
	return 0
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
		low:   make([]charClass, lowRunes),
		high:  map[rune]charClass{},
		words: map[string]wordFlag{},
	}
	sets := map[string]wordFlag{
		"titles":        wTitle,
		"nonfinal":      wNonfinal,
		"ambiguous":     wAmbiguous,
		"final":         wFinal,
		"before-number": wBeforeNumber,
		"after-number":  wAfterNumber,
		"brands":        wBrand,
		"particles":     wParticle,
		"starters":      wStarter,
	}
	chars := map[string]charClass{
		"terminators":         cTerm,
		"nospace-terminators": cNospace,
		"closers":             cCloser,
		"spaced-closers":      cSpacedCloser,
		"free-quotes":         cFreeQuote,
		"hard-after":          cHardAfter,
		"openers":             cOpener,
		"weak-terminators":    cWeak,
	}
	flags := map[string]*bool{
		"ordinal-dot":     &r.ordinalDot,
		"lower-after":     &r.lowerAfter,
		"stop-quote-ends": &r.stopQuoteEnds,
	}
	setClass := func(c rune, cl charClass) {
		if int(c) < len(r.low) {
			r.low[c] |= cl
		} else {
			r.high[c] |= cl
		}
		if cl&^(cCloser|cSpacedCloser|cOpener|cHardAfter) != 0 {
			// The scan must stop at terminators and at the quotes it counts.
			r.trigger[string(c)[0]] = true
		}
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
			if flag, ok := flags[key]; ok {
				switch strings.TrimSpace(val) {
				case "yes":
					*flag = true
				case "no":
					*flag = false
				default:
					return nil, fmt.Errorf("%s:%d: %s: want yes or no, got %q", name, line, key, strings.TrimSpace(val))
				}
				continue
			}
			if key == "emoticons" {
				for _, e := range strings.Fields(val) {
					if !utf8.ValidString(e) {
						return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, line)
					}
					r.emoticons = append(r.emoticons, e)
					r.emoStart[e[0]] = true
					r.trigger[e[0]] = true
				}
				// Longest first, so ":-)" is not read as ":-".
				sort.Slice(r.emoticons, func(i, j int) bool { return len(r.emoticons[i]) > len(r.emoticons[j]) })
				continue
			}
			cl, ok := chars[key]
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
				setClass(c, cl)
			}
		default:
			if strings.ContainsFunc(text, unicode.IsSpace) {
				return nil, fmt.Errorf("%s:%d: want one word per line, got %q", name, line, text)
			}
			if !utf8.ValidString(text) {
				return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, line)
			}
			r.addWord(text, sets[section])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	terms := false
	for _, cl := range r.low {
		terms = terms || cl&(cTerm|cNospace) != 0
	}
	for _, cl := range r.high {
		terms = terms || cl&(cTerm|cNospace) != 0
	}
	if !terms {
		return nil, fmt.Errorf("%s: no terminators in [options]", name)
	}
	for _, cl := range r.low {
		r.cjk = r.cjk || cl&cNospace != 0
	}
	for _, cl := range r.high {
		r.cjk = r.cjk || cl&cNospace != 0
	}
	return r, nil
}

// emoticonAt returns the length of the emoticon that starts at p and stands
// alone (a space or the start of the text before it, a space or the end
// after it), or 0. "Note:D'abord" and "http://" are no emoticons.
func (r *rules) emoticonAt(text string, p int) int {
	if !r.emoStart[text[p]] {
		return 0
	}
	if p > 0 {
		if c, _ := utf8.DecodeLastRuneInString(text[:p]); !isSpace(c) {
			return 0
		}
	}
	for _, e := range r.emoticons {
		if strings.HasPrefix(text[p:], e) && freeAt(text, p+len(e)) {
			return len(e)
		}
	}
	return 0
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
