package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
)

type glossaryListOptions struct {
	glossaryOptions
	Domains []string
	Langs   []string
	Format  string
}

func newGlossaryListCmd(s *streams) *cobra.Command {
	o := &glossaryListOptions{}
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "Print every glossary entry, sorted with French collation",
		Long: `list prints every entry of the loaded glossaries (see trad glossary --help
for the sources), sorted by source term with French collation.

--format tsv (the default) prints one line per entry: a column of terms per
language of --lang (default: --from and --to; " | " between synonyms,
"(none)" when the data says the language has no equivalent), then domain,
part of speech, note and origin. --format json prints JSON lines (as
--json), --format tbx a TBX-Basic file of the languages of --lang (default:
every language). --domain keeps the entries of the given domains.`,
		Example: `  trad glossary list --domain semiconductors --lang fr,en,zh
  trad glossary list --format tbx --lang fr,en,de > terms.tbx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return glossaryListRun(s, o)
		},
	}
	o.addLoadFlags(cmd)
	f := cmd.Flags()
	f.BoolVar(&o.JSON, "json", false, "print JSON lines (as --format json)")
	f.StringSliceVar(&o.Domains, "domain", nil, "list only entries of these domains (comma-separated or repeated)")
	f.StringSliceVar(&o.Langs, "lang", nil, "languages to print, in order (comma-separated or repeated)")
	f.StringVar(&o.Format, "format", "tsv", "output format: tsv, json or tbx")
	return cmd
}

func glossaryListRun(s *streams, o *glossaryListOptions) error {
	format := strings.ToLower(o.Format)
	if o.JSON {
		format = "json"
	}
	if format != "tsv" && format != "json" && format != "tbx" {
		return &exitError{code: 2, err: fmt.Errorf("glossary list: unknown --format %q (want tsv, json or tbx)", o.Format)}
	}
	g, err := loadGlossaries(s, o.sources())
	if err != nil {
		return fmt.Errorf("glossary list: %w", err)
	}
	entries := filterDomains(g.Entries(), o.Domains)
	if len(entries) == 0 {
		return &exitError{code: 1, err: fmt.Errorf("glossary list: no entry in domain %s", strings.Join(o.Domains, ", "))}
	}
	langs := make([]string, len(o.Langs))
	for i, l := range o.Langs {
		langs[i] = glossary.BaseLang(l)
	}
	if format == "tbx" {
		_, err := glossary.Write(s.Out, glossary.New(entries...), glossary.FormatTBX,
			glossary.WriteOptions{From: o.From, To: o.To, Langs: langs})
		if err != nil {
			return fmt.Errorf("glossary list: %w", err)
		}
		return nil
	}
	if len(langs) == 0 {
		langs = []string{o.From, o.To}
	}
	sorted := sortEntries(entries, langs[0])
	hits := make([]lookupHit, len(sorted))
	for i, e := range sorted {
		hits[i] = lookupHit{e: e, rank: rankNone}
	}
	return entryPrinter{langs: langs, json: format == "json"}.print(s, hits)
}

// filterDomains returns the entries of the given domains (all when none is
// given), compared case-insensitively.
func filterDomains(entries []*glossary.Entry, domains []string) []*glossary.Entry {
	if len(domains) == 0 {
		return entries
	}
	var out []*glossary.Entry
	for _, e := range entries {
		for _, d := range domains {
			if strings.EqualFold(strings.TrimSpace(d), e.Domain) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}
