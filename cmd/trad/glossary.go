package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
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
		Short: "Match, look up, list, check and convert glossaries",
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
		newGlossaryCheckCmd(s), newGlossaryConvertCmd(s))
	return cmd
}

// sources is where the glossary commands take their glossaries from.
func (o *glossaryOptions) sources() glossarySources {
	return glossarySources{Paths: o.Glossaries, NoUser: o.NoUser, NoBuiltin: o.NoBuiltin}
}

// jsonString returns s as a JSON string without HTML escaping.
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func jsonStrings(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = jsonString(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// --- match ---

type glossaryMatchOptions struct {
	glossaryOptions
	File string
}

func newGlossaryMatchCmd(s *streams) *cobra.Command {
	o := &glossaryMatchOptions{}
	cmd := &cobra.Command{
		Use:   "match [flags] FILE|-",
		Short: "Print the glossary terms found in an article's segments, as JSON lines",
		Long: `match segments FILE (as trad segment does) and prints one JSON object per
glossary hit, one per line, in segment order:

  {"segment": 3, "start": 12, "end": 27, "text": "réseaux sociaux", "term": "réseau social",
   "targets": ["social network", "social media"], "domain": "tech", "how": "stemmed",
   "origin": "builtin"}

segment is 1-based, as in the editor; start and end are byte offsets in the
segment's text; how is exact, folded (case) or stemmed (inflection); origin
is "builtin" or "path:line" of the entry.`,
		Example: `  trad glossary match article.fr.md
  trad glossary match --to de --glossary client.tbx article.fr.txt | jq -r .term`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return glossaryMatchRun(s, o)
		},
	}
	o.addLoadFlags(cmd)
	return cmd
}

func glossaryMatchRun(s *streams, o *glossaryMatchOptions) error {
	doc, err := readArticle(s, o.File, segments.ReadOptions{Lang: o.From, Target: o.To})
	if err != nil {
		return fmt.Errorf("glossary match: %w", err)
	}
	g, err := loadGlossaries(s, o.sources())
	if err != nil {
		return fmt.Errorf("glossary match: %w", err)
	}
	m := glossary.NewMatcher(g, o.From, o.To)
	w := bufio.NewWriter(s.Out)
	for i, seg := range doc.Segments {
		for _, h := range m.Match(seg.Source) {
			targets := h.Targets
			if targets == nil {
				targets = []string{}
			}
			fmt.Fprintf(w, `{"segment": %d, "start": %d, "end": %d, "text": %s, "term": %s, "targets": %s, "domain": %s, "how": %s, "origin": %s}`+"\n",
				i+1, h.Start, h.End, jsonString(h.Text), jsonString(h.Term), jsonStrings(targets),
				jsonString(h.Entry.Domain), jsonString(string(h.How)), jsonString(h.Entry.Origin.String()))
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("glossary match: write output: %w", err)
	}
	return nil
}

// --- lookup and list ---

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

func newGlossaryListCmd(s *streams) *cobra.Command {
	o := &glossaryOptions{}
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "Print every glossary entry, sorted with French collation",
		Long: `list prints every entry of the loaded glossaries (see trad glossary --help
for the sources), in the format of trad glossary lookup.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGlossaries(s, o.sources())
			if err != nil {
				return fmt.Errorf("glossary list: %w", err)
			}
			return printEntries(s, g.Entries(), o)
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

// entrySortKey is what an entry is sorted by: its first source term.
func entrySortKey(e *glossary.Entry, from string) string {
	if t := e.Source(from); len(t) > 0 {
		return t[0]
	}
	langs := make([]string, 0, len(e.Terms))
	for l := range e.Terms {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return e.Terms[langs[0]][0]
}

func printEntries(s *streams, entries []*glossary.Entry, o *glossaryOptions) error {
	sorted := append([]*glossary.Entry(nil), entries...)
	// A Collator keeps state: one per call, not a package variable.
	col := collate.New(language.French, collate.Loose)
	sort.SliceStable(sorted, func(i, j int) bool {
		return col.CompareString(entrySortKey(sorted[i], o.From), entrySortKey(sorted[j], o.From)) < 0
	})
	w := bufio.NewWriter(s.Out)
	for _, e := range sorted {
		src, tgt := e.Source(o.From), e.Target(o.To)
		if o.JSON {
			langs := make([]string, 0, len(e.Terms))
			for l := range e.Terms {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			var terms []string
			for _, l := range langs {
				terms = append(terms, jsonString(l)+": "+jsonStrings(e.Terms[l]))
			}
			fmt.Fprintf(w, `{"source": %s, "targets": %s, "terms": {%s}, "domain": %s, "pos": %s, "note": %s, "origin": %s}`+"\n",
				jsonStrings(nonNil(src)), jsonStrings(nonNil(tgt)), strings.Join(terms, ", "),
				jsonString(e.Domain), jsonString(e.POS), jsonString(e.Note), jsonString(e.Origin.String()))
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", strings.Join(src, glossary.SynonymSep), strings.Join(tgt, glossary.SynonymSep),
			e.Domain, e.POS, e.Note, e.Origin)
	}
	return w.Flush()
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// --- check ---

type glossaryCheckOptions struct {
	Paths  []string
	Strict bool
	From   string
}

func newGlossaryCheckCmd(s *streams) *cobra.Command {
	o := &glossaryCheckOptions{}
	cmd := &cobra.Command{
		Use:   "check [flags] PATH…",
		Short: "Validate glossary files",
		Long: `check reads each glossary file or folder and reports problems on standard
error as file:line: message: malformed lines (which are skipped when the
glossary is used) and, as warnings, source terms defined twice in one file.
It prints a summary per path on standard output and exits 1 if a file cannot
be read or has a malformed line (with --strict, on warnings too).`,
		Example: `  trad glossary check ~/.config/trad/glossaries
  trad glossary check --strict terms.tbx`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			return glossaryCheckRun(s, o)
		},
	}
	cmd.Flags().BoolVar(&o.Strict, "strict", false, "exit 1 on warnings too")
	cmd.Flags().StringVar(&o.From, "from", "fr", "source language, for the duplicate check")
	return cmd
}

func glossaryCheckRun(s *streams, o *glossaryCheckOptions) error {
	failed, malformed, warned := 0, 0, 0
	for _, p := range o.Paths {
		g, bad, err := glossary.Open(p)
		dups := duplicateWarnings(g, o.From)
		for _, w := range append(bad, dups...) {
			fmt.Fprintln(s.Err, w)
		}
		malformed += len(bad)
		warned += len(dups)
		if err != nil {
			fmt.Fprintln(s.Err, err)
			fmt.Fprintf(s.Out, "%s: error\n", p)
			failed++
			continue
		}
		fmt.Fprintf(s.Out, "%s: %d entries, %d malformed lines, %d warnings\n", p, g.Len(), len(bad), len(dups))
	}
	switch {
	case failed > 0:
		return &exitError{code: 1, err: fmt.Errorf("glossary check: %d of %d paths could not be read", failed, len(o.Paths))}
	case malformed > 0:
		// Loading skips these lines with a warning; a check is asked to
		// validate, so they fail it.
		return &exitError{code: 1, err: fmt.Errorf("glossary check: %d malformed lines", malformed)}
	case o.Strict && warned > 0:
		return &exitError{code: 1, err: fmt.Errorf("glossary check: %d warnings", warned)}
	}
	return nil
}

// duplicateWarnings reports source terms given by two entries of one file.
func duplicateWarnings(g *glossary.Glossary, from string) []glossary.Warning {
	if g == nil {
		return nil
	}
	a := glossary.NewAnalyzer(from)
	type at struct {
		file string
		key  string
	}
	seen := map[at]int{}
	var warns []glossary.Warning
	for _, e := range g.Entries() {
		for _, t := range e.Source(from) {
			var fs []string
			for _, tk := range a.Tokens(t) {
				fs = append(fs, tk.Text)
			}
			k := at{e.Origin.File, strings.Join(fs, " ")}
			if prev, ok := seen[k]; ok && prev != e.Origin.Line {
				warns = append(warns, glossary.Warning{File: e.Origin.File, Line: e.Origin.Line,
					Msg: fmt.Sprintf("source term %q already defined on line %d", t, prev)})
				continue
			}
			seen[k] = e.Origin.Line
		}
	}
	return warns
}

// --- convert ---

type glossaryConvertOptions struct {
	In, Out  string
	From, To string
	Format   string
	fromSet  bool
}

func newGlossaryConvertCmd(s *streams) *cobra.Command {
	o := &glossaryConvertOptions{}
	cmd := &cobra.Command{
		Use:   "convert [flags] IN OUT",
		Short: "Convert a glossary between OmegaT TSV, CSV and TBX",
		Long: `convert reads IN (any format trad reads) and writes OUT, the format chosen
by OUT's extension unless --format says otherwise:

  .txt .utf8 .tab   OmegaT tab-separated: source, target, comment (--from/--to)
  .tsv .csv         a header of language codes and every language, or with
                    --from/--to, two columns as OmegaT reads them
  .tbx              TBX 2008 <martif type="TBX-Basic">, which OmegaT and
                    translate-toolkit read (--format tbx3 for TBX v3)

OUT is written to a temporary file and renamed, so it is never left half
written. IN may be "builtin" for the built-in glossary.`,
		Example: `  trad glossary convert terms.csv terms.tbx
  trad glossary convert --from fr --to de builtin fr-de.utf8
  trad glossary convert --format tbx3 terms.tbx terms-v3.tbx`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.In, o.Out = args[0], args[1]
			o.fromSet = cmd.Flags().Changed("from") || cmd.Flags().Changed("to")
			return glossaryConvertRun(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "fr", "source language (two-column outputs; names OmegaT files' source column)")
	f.StringVar(&o.To, "to", "en", "target language (two-column outputs; names OmegaT files' target column)")
	f.StringVar(&o.Format, "format", "", "output format: tsv, tsv-multi, csv, csv-multi, tbx or tbx3 (default: by extension)")
	return cmd
}

// outputFormat picks the format to write OUT in.
func (o *glossaryConvertOptions) outputFormat() (glossary.Format, error) {
	if o.Format != "" {
		return glossary.ParseFormat(o.Format)
	}
	switch strings.ToLower(filepath.Ext(o.Out)) {
	case ".txt", ".utf8", ".tab":
		return glossary.FormatTSV, nil
	case ".tsv":
		if o.fromSet {
			return glossary.FormatTSV, nil
		}
		return glossary.FormatTSVMulti, nil
	case ".csv":
		if o.fromSet {
			return glossary.FormatCSV, nil
		}
		return glossary.FormatCSVMulti, nil
	case ".tbx":
		return glossary.FormatTBX, nil
	}
	return "", fmt.Errorf("cannot tell the format of %s from its extension: use --format", o.Out)
}

func glossaryConvertRun(s *streams, o *glossaryConvertOptions) error {
	format, err := o.outputFormat()
	if err != nil {
		return fmt.Errorf("glossary convert: %w", err)
	}
	var g *glossary.Glossary
	if _, statErr := os.Stat(o.In); o.In == glossary.BuiltinName && errors.Is(statErr, os.ErrNotExist) {
		g = glossary.Default()
	} else {
		var warns []glossary.Warning
		g, warns, err = glossary.Open(o.In)
		for _, w := range warns {
			fmt.Fprintln(s.Err, "trad: warning:", w)
		}
		if err != nil {
			return fmt.Errorf("glossary convert: %w", err)
		}
	}
	if abs(o.In) == abs(o.Out) {
		return fmt.Errorf("glossary convert: %s is both input and output", o.In)
	}
	n, err := glossary.WriteFile(o.Out, g, format, glossary.WriteOptions{From: o.From, To: o.To})
	if err != nil {
		return fmt.Errorf("glossary convert: %w", err)
	}
	fmt.Fprintf(s.Err, "trad: wrote %s entries to %s (%s)\n", strconv.Itoa(n), o.Out, format)
	return nil
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
