package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// tmConcordanceOptions are the flags and arguments of `trad tm concordance`.
type tmConcordanceOptions struct {
	memoryFlags
	From, To string
	Max      int
	Text     string
}

func newTMConcordanceCmd(s *streams) *cobra.Command {
	opts := &tmConcordanceOptions{}
	cmd := &cobra.Command{
		Use:   "concordance [--from fr] [--to en] [--tm PATH]... [--max 20] TEXT",
		Short: "Print the memory units whose source contains TEXT, in context",
		Long: `concordance searches the sources of the TMX files given with --tm (a folder
loads every .tmx in it) and of the user's memory folder ($XDG_DATA_HOME/trad/tm)
for the words of TEXT in a row, ignoring case and accents ("etat" finds
"l'État"), and prints the units found, best first, one JSON object a line:

  {"source":"…","target":"…","origin":"memory.tmx","changed":"2026-03-01T10:00:00Z","match":"État","start":2,"end":7,"exact":true}

start and end are the byte offsets of the match in source; exact is true
when the match has TEXT's accents. Best first: exact matches, then shorter
sources, then the most recent. Nothing is printed when nothing matches.`,
		Example: `  trad tm concordance --tm memories/ "plan d'investissement"
  trad tm concordance --max 5 etat`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Text = strings.Join(args, " ")
			return tmConcordanceRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.From, "from", "fr", "source language (BCP 47)")
	f.StringVar(&opts.To, "to", "en", "target language (BCP 47)")
	f.IntVar(&opts.Max, "max", 20, "most units to print")
	opts.memoryFlags.add(f)
	return cmd
}

// tmConcordanceJSON is one line of `trad tm concordance` output.
type tmConcordanceJSON struct {
	Source  string `json:"source"`
	Target  string `json:"target"`
	Origin  string `json:"origin"`
	Changed string `json:"changed,omitempty"`
	Match   string `json:"match"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Exact   bool   `json:"exact"`
}

func tmConcordanceRun(s *streams, o *tmConcordanceOptions) error {
	if o.Max < 1 {
		return fmt.Errorf("tm concordance: --max %d: want at least 1", o.Max)
	}
	m, enc, err := openTMForJSON(s, "tm concordance", o.options(o.From, o.To))
	if err != nil {
		return err
	}
	for _, h := range m.Concordance(o.Text, o.Max) {
		line := tmConcordanceJSON{
			Source: h.Source, Target: h.Target, Origin: h.Origin,
			Match: h.Source[h.Start:h.End], Start: h.Start, End: h.End, Exact: h.Exact,
		}
		if !h.Changed.IsZero() {
			line.Changed = h.Changed.UTC().Format(time.RFC3339)
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}
