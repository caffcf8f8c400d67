package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/tm"
)

// tmLookupOptions are the flags and arguments of `trad tm lookup`.
type tmLookupOptions struct {
	memoryFlags
	From, To string
	Min, Max int
	Text     string
}

func newTMCmd(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tm",
		Short: "Query translation memories",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newTMLookupCmd(s), newTMConcordanceCmd(s), newTMCompactCmd(s))
	return cmd
}

func newTMLookupCmd(s *streams) *cobra.Command {
	opts := &tmLookupOptions{}
	cmd := &cobra.Command{
		Use:   "lookup [--from fr] [--to en] [--tm PATH]... [--min 50] [--max 3] TEXT",
		Short: "Print the translation memory's best matches for a sentence",
		Long: `lookup searches the TMX files given with --tm (a folder loads every .tmx
in it) and the user's memory folder ($XDG_DATA_HOME/trad/tm) for TEXT and
prints the best matches, best first, one JSON object a line:

  {"source":"…","target":"…","score":87,"origin":"memory.tmx"}

with "context":true for a 101 % match and "numbers_substituted":true when
the target's numbers were replaced by TEXT's. Nothing is printed when no
unit scores at least --min.`,
		Example: `  trad tm lookup --tm memories/ "Le taux est de 4,2 %."
  trad tm lookup --from fr --to de --min 70 --max 5 "Le marché a reculé."`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Text = strings.Join(args, " ")
			return tmLookupRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.From, "from", "fr", "source language (BCP 47)")
	f.StringVar(&opts.To, "to", "en", "target language (BCP 47)")
	f.IntVar(&opts.Min, "min", tm.DefaultMin, "lowest score to print (1–101)")
	f.IntVar(&opts.Max, "max", 3, "most matches to print")
	opts.memoryFlags.add(f)
	return cmd
}

// tmMatchJSON is one line of `trad tm lookup` output.
type tmMatchJSON struct {
	Source             string `json:"source"`
	Target             string `json:"target"`
	Score              int    `json:"score"`
	Origin             string `json:"origin"`
	Context            bool   `json:"context,omitempty"`
	NumbersSubstituted bool   `json:"numbers_substituted,omitempty"`
}

func tmLookupRun(s *streams, o *tmLookupOptions) error {
	if o.Min < 1 || o.Min > 101 {
		return fmt.Errorf("tm lookup: --min %d: want a score from 1 to 101", o.Min)
	}
	if o.Max < 1 {
		return fmt.Errorf("tm lookup: --max %d: want at least 1", o.Max)
	}
	m, enc, err := openTMForJSON(s, "tm lookup", o.options(o.From, o.To))
	if err != nil {
		return err
	}
	for _, mt := range m.Lookup(o.Text, tm.Context{}, o.Min, o.Max) {
		if err := enc.Encode(tmMatchJSON{
			Source: mt.Source, Target: mt.Target, Score: mt.Score, Origin: mt.Origin,
			Context: mt.Context, NumbersSubstituted: mt.NumbersSubstituted,
		}); err != nil {
			return err
		}
	}
	return nil
}

// openTMForJSON opens the memories of a `trad tm` command, printing the
// loading warnings, and returns the encoder of its JSON lines.
func openTMForJSON(s *streams, cmd string, opts tm.Options) (*tm.Memory, *json.Encoder, error) {
	m, warns, err := tm.Open(opts)
	printWarnings(s, warns)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return m, jsonEncoder(s.Out), nil
}
