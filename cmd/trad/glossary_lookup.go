package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
)

type glossaryLookupOptions struct {
	glossaryOptions
	Word string
}

func newGlossaryLookupCmd(s *streams) *cobra.Command {
	o := &glossaryLookupOptions{}
	cmd := &cobra.Command{
		Use:   "lookup [flags] WORD…",
		Short: "Print the entries whose terms contain a word",
		Long: `lookup prints the entries with a term, in any language, that contains WORD
(several arguments form one phrase): matched as the source-text matcher does
(case, elision, inflection: "données" finds "donnée") or as a substring of
the case-folded term. Entries are sorted with French collation.

Each line is: source terms, target terms (" | " between synonyms), domain,
part of speech, note and origin, separated by tabs. --json prints one JSON
object per entry instead.`,
		Example: `  trad glossary lookup données
  trad glossary lookup --to de "guerre commerciale"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Word = strings.Join(args, " ")
			return glossaryLookupRun(s, o)
		},
	}
	o.addLoadFlags(cmd)
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON lines")
	return cmd
}

func glossaryLookupRun(s *streams, o *glossaryLookupOptions) error {
	g, err := loadGlossaries(s, o.sources())
	if err != nil {
		return fmt.Errorf("glossary lookup: %w", err)
	}
	found := lookupEntries(g, o.Word)
	if len(found) == 0 {
		return &exitError{code: 1, err: fmt.Errorf("glossary lookup: no entry for %q", o.Word)}
	}
	return printEntries(s, found, &o.glossaryOptions)
}

// lookupEntries returns the entries with a term that contains word as a
// folded substring, or an inflected form of it (found by a matcher whose
// only term is word, in the term's language).
func lookupEntries(g *glossary.Glossary, word string) []*glossary.Entry {
	type langTools struct {
		a    *glossary.Analyzer
		m    *glossary.Matcher
		fold string
	}
	tools := map[string]*langTools{}
	foldOf := func(a *glossary.Analyzer, s string) string {
		var fs []string
		for _, t := range a.Tokens(s) {
			fs = append(fs, t.Fold)
		}
		return strings.Join(fs, " ")
	}
	var out []*glossary.Entry
	for _, e := range g.Entries() {
		hit := false
		for lang, terms := range e.Terms {
			lt := tools[lang]
			if lt == nil {
				lt = &langTools{a: glossary.NewAnalyzer(lang)}
				lt.fold = foldOf(lt.a, word)
				lt.m = glossary.NewMatcher(glossary.New(&glossary.Entry{Terms: map[string][]string{lang: {word}}}), lang, lang)
				tools[lang] = lt
			}
			for _, t := range terms {
				if (lt.fold != "" && strings.Contains(foldOf(lt.a, t), lt.fold)) || len(lt.m.Match(t)) > 0 {
					hit = true
					break
				}
			}
			if hit {
				break
			}
		}
		if hit {
			out = append(out, e)
		}
	}
	return out
}
