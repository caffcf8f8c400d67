package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
)

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
		dups := glossary.Duplicates(g, o.From)
		// Buffered: a public termbase can have a hundred thousand
		// warnings, one write each took longer than finding them.
		ew := bufio.NewWriter(s.Err)
		for _, w := range append(bad, dups...) {
			fmt.Fprintln(ew, w)
		}
		ew.Flush()
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
