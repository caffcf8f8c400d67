package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/segments"
)

// statsOptions are the flags and argument of `trad stats`.
type statsOptions struct {
	Path string
	JSON bool
}

func newStatsCmd(s *streams) *cobra.Command {
	opts := &statsOptions{}
	cmd := &cobra.Command{
		Use:   "stats PROJECT|ARTICLE [--json]",
		Short: "Show segments and words per status",
		Long: `stats counts a project's segments and source words per status (new,
draft, translated, reviewed), like OmegaT's project statistics: the
remaining work is new plus draft, the progress the share of source words
in confirmed (translated or reviewed) segments.`,
		Example: `  trad stats article.fr.md
  trad stats article.fr.trad.json --json | jq .percent`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return statsRun(s, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the counts as JSON")
	return cmd
}

// statsJSON is the --json output.
type statsJSON struct {
	Source    string                          `json:"source"`
	SrcLang   string                          `json:"source_lang"`
	TgtLang   string                          `json:"target_lang"`
	Total     segments.StatusCount            `json:"total"`
	ByStatus  map[string]segments.StatusCount `json:"by_status"`
	Remaining segments.StatusCount            `json:"remaining"`
	Percent   float64                         `json:"percent"`
	// MT counts the segments whose target came from machine translation
	// (origin mt), MTConfirmed those of them confirmed.
	MT          segments.StatusCount `json:"mt"`
	MTConfirmed segments.StatusCount `json:"mt_confirmed"`
	// NoMT is the project's "no machine translation" mark.
	NoMT bool `json:"no_mt"`
}

// mtCounts counts doc's segments with origin mt, all and confirmed.
func mtCounts(doc *segments.Document) (all, confirmed segments.StatusCount) {
	for _, seg := range doc.Segments {
		if seg.Origin != segments.OriginMT {
			continue
		}
		w := segments.WordCount(seg.Source)
		all.Segments++
		all.Words += w
		if seg.Status.Confirmed() {
			confirmed.Segments++
			confirmed.Words += w
		}
	}
	return all, confirmed
}

func statsRun(s *streams, o *statsOptions) error {
	doc, _, err := openProject(s, o.Path)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	st := doc.Stats()
	newC, draft := st.ByStatus[segments.StatusNew], st.ByStatus[segments.StatusDraft]
	remaining := segments.StatusCount{Segments: newC.Segments + draft.Segments, Words: newC.Words + draft.Words}
	mtAll, mtConf := mtCounts(doc)
	if o.JSON {
		out := statsJSON{Source: doc.SourcePath, SrcLang: doc.SourceLang.String(), TgtLang: doc.TargetLang.String(),
			Total: st.Total, ByStatus: map[string]segments.StatusCount{}, Remaining: remaining, Percent: st.Percent,
			MT: mtAll, MTConfirmed: mtConf, NoMT: doc.NoMT}
		for i, c := range st.ByStatus {
			out.ByStatus[segments.Status(i).String()] = c
		}
		enc := jsonEncoder(s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(s.Out, "%s (%s → %s)\n\n", doc.SourcePath, doc.SourceLang, doc.TargetLang)
	tw := tabwriter.NewWriter(s.Out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tSegments\tWords\t")
	for i, c := range st.ByStatus {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", segments.Status(i), c.Segments, c.Words)
	}
	fmt.Fprintf(tw, "Total\t%d\t%d\t\n", st.Total.Segments, st.Total.Words)
	fmt.Fprintf(tw, "Remaining\t%d\t%d\t\n", remaining.Segments, remaining.Words)
	fmt.Fprintf(tw, "Machine-translated\t%d\t%d\t\n", mtAll.Segments, mtAll.Words)
	fmt.Fprintf(tw, "  of which confirmed\t%d\t%d\t\n", mtConf.Segments, mtConf.Words)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(s.Out, "\nConfirmed: %.1f%% of source words\n", st.Percent)
	if err == nil && doc.NoMT {
		_, err = fmt.Fprintln(s.Out, "Machine translation: forbidden (confidential project)")
	}
	return err
}
