package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
)

type glossaryLookupOptions struct {
	glossaryOptions
	Word  string
	Langs []string
}

func newGlossaryLookupCmd(s *streams) *cobra.Command {
	o := &glossaryLookupOptions{}
	cmd := &cobra.Command{
		Use:   "lookup [flags] WORD…",
		Short: "Print the entries whose terms contain a word, best matches first",
		Long: `lookup prints the entries with a term that contains WORD (several arguments
form one phrase), in the languages of --lang (default: every language),
best matches first:

  exact    the whole term is WORD (case aside)
  word     WORD is one or more whole words of the term
  stemmed  an inflected form, as the source-text matcher finds it
           ("données" finds "donnée")
  substring  WORD is part of a word of the term

Ties are sorted by the matched term with French collation. A word written
in capitals ("IA", "OTAN") is compared as written, as in texts: "OTAN" does
not find "votante".

Each line is: source terms, target terms (" | " between synonyms; "(none)"
when the data says the language has no equivalent), domain, part of speech,
note, origin, then what matched: language:term and how. --json prints one
JSON object per entry instead.`,
		Example: `  trad glossary lookup données
  trad glossary lookup --lang fr OTAN
  trad glossary lookup --to de "guerre commerciale"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Word = strings.Join(args, " ")
			return glossaryLookupRun(s, o)
		},
	}
	o.addLoadFlags(cmd)
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON lines")
	cmd.Flags().StringSliceVar(&o.Langs, "lang", nil, "search only these languages (comma-separated or repeated)")
	return cmd
}

func glossaryLookupRun(s *streams, o *glossaryLookupOptions) error {
	g, err := loadGlossaries(s, o.sources())
	if err != nil {
		return fmt.Errorf("glossary lookup: %w", err)
	}
	found := lookupEntries(g, o.Word, o.Langs, []string{o.From, o.To})
	if len(found) == 0 {
		return &exitError{code: 1, err: fmt.Errorf("glossary lookup: no entry for %q", o.Word)}
	}
	p := entryPrinter{langs: []string{o.From, o.To}, json: o.JSON}
	return p.print(s, found)
}

// lookupRank orders look-up results, best first.
type lookupRank int

const (
	rankExact lookupRank = iota
	rankWord
	rankStemmed
	rankSubstring
	rankNone
)

var rankNames = [...]string{"exact", "word", "stemmed", "substring"}

// lookupHit is an entry found by lookup and the term that matched.
type lookupHit struct {
	e    *glossary.Entry
	lang string
	term string
	rank lookupRank
}

// lookupEntries returns the entries with a term, in one of langs (all when
// empty), that contains word, best first (see lookupRank), ties in French
// collation of the matched term. An entry is shown with its best term,
// in the first language of prefer on a tie (then alphabetical order).
func lookupEntries(g *glossary.Glossary, word string, langs, prefer []string) []lookupHit {
	want := map[string]bool{}
	for _, l := range langs {
		want[glossary.BaseLang(l)] = true
	}
	tools := map[string]*lookupTool{}
	var out []lookupHit
	for _, e := range g.Entries() {
		best := lookupHit{rank: rankNone}
		for lang, terms := range e.Terms.All() {
			if len(want) > 0 && !want[lang] {
				continue
			}
			lt := tools[lang]
			if lt == nil {
				lt = newLookupTool(lang, word)
				tools[lang] = lt
			}
			for _, t := range terms {
				if r := lt.rank(t); r < best.rank || r == best.rank && r < rankNone && langBefore(lang, best.lang, prefer) {
					best = lookupHit{e: e, lang: lang, term: t, rank: r}
				}
			}
		}
		if best.rank < rankNone {
			out = append(out, best)
		}
	}
	col := collate.New(language.French, collate.Loose)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		return col.CompareString(out[i].term, out[j].term) < 0
	})
	return out
}

// lookupTool compares the looked-up word with the terms of one language.
type lookupTool struct {
	a     *glossary.Analyzer
	m     *glossary.Matcher // whose only term is the word
	words []glossary.Token
	caps  bool // the word has a word in capitals
}

func newLookupTool(lang, word string) *lookupTool {
	lt := &lookupTool{a: glossary.NewAnalyzer(lang)}
	lt.words = lt.a.Tokens(word)
	for _, t := range lt.words {
		lt.caps = lt.caps || glossary.AllCaps(t.Text)
	}
	lt.m = glossary.NewMatcher(glossary.New(&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{lang: {word}})}), lang, lang)
	return lt
}

// sameWord compares a word of the look-up with a word of a term: folded,
// but a word in capitals ("IA") only finds a term word with a capital
// ("IA", "Otan"), not a common word ("ia").
func sameWord(q, t glossary.Token) bool {
	return q.Fold == t.Fold && (!glossary.AllCaps(q.Text) || t.Text != t.Fold)
}

func (lt *lookupTool) rank(term string) lookupRank {
	n := len(lt.words)
	if n == 0 {
		return rankNone
	}
	tks := lt.a.Tokens(term)
	for i := 0; i+n <= len(tks); i++ {
		same := true
		for k := range lt.words {
			same = same && sameWord(lt.words[k], tks[i+k])
		}
		switch {
		case same && n == len(tks):
			return rankExact
		case same:
			return rankWord
		}
	}
	if len(lt.m.Match(term)) > 0 {
		return rankStemmed
	}
	// A word in capitals is looked for as written ("OTAN" is not in
	// "votante"), others folded.
	if lt.caps {
		if strings.Contains(term, joinTokens(lt.words, false)) {
			return rankSubstring
		}
	} else if strings.Contains(joinTokens(tks, true), joinTokens(lt.words, true)) {
		return rankSubstring
	}
	return rankNone
}

// joinTokens joins the tokens' texts (or folds) with spaces.
func joinTokens(ts []glossary.Token, folded bool) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Text
		if folded {
			parts[i] = t.Fold
		}
	}
	return strings.Join(parts, " ")
}

// langBefore reports whether language a comes before b: by their place in
// prefer, then alphabetically.
func langBefore(a, b string, prefer []string) bool {
	ia, ib := slices.Index(prefer, a), slices.Index(prefer, b)
	if ia < 0 {
		ia = len(prefer)
	}
	if ib < 0 {
		ib = len(prefer)
	}
	if ia != ib {
		return ia < ib
	}
	return a < b
}
