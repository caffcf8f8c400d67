package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

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
