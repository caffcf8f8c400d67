package main

import (
	"bufio"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
)

// glossaryOptions are the flags shared by the glossary subcommands that
// load glossaries.
type glossaryOptions struct {
	From, To   string
	Glossaries []string // --glossary, highest priority first
	NoUser     bool
	NoBuiltin  bool
	JSON       bool
}

func (o *glossaryOptions) addLoadFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "fr", "source language")
	f.StringVar(&o.To, "to", "en", "target language")
	f.StringArrayVarP(&o.Glossaries, "glossary", "g", nil, "glossary file or folder, before the user's and the built-in ones (repeatable)")
	f.BoolVar(&o.NoUser, "no-user", false, "do not load the user glossary folder")
	f.BoolVar(&o.NoBuiltin, "no-builtin", false, "do not load the built-in glossary")
}

func newGlossaryCmd(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "glossary",
		Short: "Match, look up, list, check, convert and add to glossaries",
		Long: `glossary works with terminology: the built-in tech and geopolitics glossary,
the user's glossaries in $XDG_CONFIG_HOME/trad/glossaries/ (created on first
use), and files given with --glossary. Earlier sources take priority:
--glossary files in the order given, then the user folder, then the
built-in glossary.

Formats (by extension): OmegaT tab-separated (.txt .utf8 .tab .tsv: source,
target, optional comment), CSV (.csv), both optionally with a header of
language codes (fr en es … domain pos note), and TBX (.tbx, 2008 <martif>
or v3). See docs/glossary.md.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newGlossaryMatchCmd(s), newGlossaryLookupCmd(s), newGlossaryListCmd(s),
		newGlossaryCheckCmd(s), newGlossaryConvertCmd(s), newGlossaryAddCmd(s))
	return cmd
}

// sources is where the glossary commands take their glossaries from.
func (o *glossaryOptions) sources() glossarySources {
	return glossarySources{Paths: o.Glossaries, NoUser: o.NoUser, NoBuiltin: o.NoBuiltin}
}

// jsonString returns s as a JSON string without HTML escaping.
func jsonString(s string) string {
	var b strings.Builder
	_ = jsonEncoder(&b).Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func jsonStrings(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = jsonString(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// entrySortKey is what an entry is sorted by: its first source term.
func entrySortKey(e *glossary.Entry, from string) string {
	if t := e.Source(from); len(t) > 0 {
		return t[0]
	}
	langs := e.Terms.Langs()
	sort.Strings(langs)
	return e.Terms.Get(langs[0])[0]
}

// sortEntries returns entries sorted by their first source term with
// French collation.
func sortEntries(entries []*glossary.Entry, from string) []*glossary.Entry {
	sorted := append([]*glossary.Entry(nil), entries...)
	// A Collator keeps state: one per call, not a package variable.
	col := collate.New(language.French, collate.Loose)
	sort.SliceStable(sorted, func(i, j int) bool {
		return col.CompareString(entrySortKey(sorted[i], from), entrySortKey(sorted[j], from)) < 0
	})
	return sorted
}

// entryPrinter prints entries as lookup and list do: one line each, with
// the terms of langs (the first is the source language), domain, part of
// speech, note and origin, tab-separated, or as JSON lines.
type entryPrinter struct {
	langs []string
	json  bool
}

// cell returns the terms of e in lang as one cell: synonyms joined by
// " | ", or the no-equivalent marker.
func cell(e *glossary.Entry, lang string, source bool) string {
	ts := e.Target(lang)
	if source {
		ts = e.Source(lang)
	}
	if len(ts) == 0 && e.HasNone(lang) {
		return glossary.NoEquivalent
	}
	return strings.Join(ts, glossary.SynonymSep)
}

func (p entryPrinter) print(s *streams, hits []lookupHit) error {
	w := bufio.NewWriter(s.Out)
	for _, h := range hits {
		e := h.e
		if p.json {
			p.printJSON(w, h)
			continue
		}
		for i, l := range p.langs {
			w.WriteString(cell(e, l, i == 0))
			w.WriteByte('\t')
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s", e.Domain, e.POS, e.Note, e.Origin)
		if h.rank < rankNone {
			fmt.Fprintf(w, "\t%s:%s\t%s", h.lang, h.term, rankNames[h.rank])
		}
		w.WriteByte('\n')
	}
	return w.Flush()
}

func (p entryPrinter) printJSON(w *bufio.Writer, h lookupHit) {
	e := h.e
	from, to := p.langs[0], p.langs[len(p.langs)-1]
	langs := make([]string, 0, e.Terms.Len())
	for l := range e.Terms.All() {
		if len(p.langs) <= 2 || slices.Contains(p.langs, l) {
			langs = append(langs, l)
		}
	}
	sort.Strings(langs)
	var terms []string
	for _, l := range langs {
		terms = append(terms, jsonString(l)+": "+jsonStrings(e.Terms.Get(l)))
	}
	fmt.Fprintf(w, `{"source": %s, "targets": %s, "terms": {%s}, "none": %s, "domain": %s, "pos": %s, "note": %s, "origin": %s`,
		jsonStrings(nonNil(e.Source(from))), jsonStrings(nonNil(e.Target(to))), strings.Join(terms, ", "), jsonStrings(nonNil(e.None)),
		jsonString(e.Domain), jsonString(e.POS), jsonString(e.Note), jsonString(e.Origin.String()))
	if h.rank < rankNone {
		fmt.Fprintf(w, `, "matched": {"lang": %s, "term": %s, "how": %s}`, jsonString(h.lang), jsonString(h.term), jsonString(rankNames[h.rank]))
	}
	w.WriteString("}\n")
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
