package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/analyze"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// analyzeOptions are the flags and arguments of `trad analyze`.
type analyzeOptions struct {
	memoryFlags
	Paths     []string
	JSON, CSV bool
	// From and To are the languages of articles without a project.
	From, To string
}

func newAnalyzeCmd(s *streams) *cobra.Command {
	opts := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze ARTICLE|PROJECT... [--tm PATH]... [--json|--csv]",
		Short: "Count segments and words per match band against the memories (job analysis)",
		Long: `analyze is a job analysis as memoQ's statistics and Trados Studio's
"Analyze Files" give it: for each file and for the whole job, the segments,
words, characters and tags in each band — repetitions, 101% (context match),
100%, 95–99%, 85–94%, 75–84%, 50–74%, no match — against the TMX files given
with --tm (a folder loads every .tmx in it), the user's memory folder
($XDG_DATA_HOME/trad/tm, unless --no-user) and the segments confirmed in the
projects analysed. A segment whose source appeared earlier in the job (in
its file or an earlier one) is a repetition, unless it has a context match.
Words are counted as the CAT tools count them: a number is a word, a
hyphenated word is one word, tags are counted apart. docs/analyze.md has
the rules. Nothing is written.`,
		Example: `  trad analyze article.fr.md --tm memories/
  trad analyze a.fr.trad.json b.fr.md --csv > analysis.csv
  trad analyze article.fr.md --json | jq '.total.bands[] | select(.band == "no-match").words'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return analyzeRun(s, opts)
		},
	}
	f := cmd.Flags()
	opts.memoryFlags.add(f)
	f.BoolVar(&opts.JSON, "json", false, "print the analysis as JSON")
	f.BoolVar(&opts.CSV, "csv", false, "print the analysis as CSV (file,band,segments,words,characters,tags,percent)")
	f.StringVar(&opts.From, "from", "", "source language of an article without a project (default fr)")
	f.StringVar(&opts.To, "to", "", "target language of an article without a project (default en)")
	return cmd
}

// analyzeInput is one file of the job, opened.
type analyzeInput struct {
	path, project string
	doc           *segments.Document
}

func analyzeRun(s *streams, o *analyzeOptions) error {
	if o.JSON && o.CSV {
		return errors.New("analyze: --json and --csv: choose one")
	}
	var inputs []analyzeInput
	for _, p := range o.Paths {
		doc, project, err := openProjectWith(s, p, segments.OpenOptions{Lang: o.From, Target: o.To})
		if err != nil {
			return fmt.Errorf("analyze: %w", err)
		}
		inputs = append(inputs, analyzeInput{path: p, project: project, doc: doc})
	}
	// One memory per language pair, holding the confirmed segments of
	// every file of the job in that pair.
	mems := map[[2]string]*tm.Memory{}
	for _, in := range inputs {
		pair := [2]string{in.doc.SourceLang.String(), in.doc.TargetLang.String()}
		m := mems[pair]
		if m == nil {
			var warns []tm.Warning
			var err error
			m, warns, err = tm.Open(o.options(pair[0], pair[1]))
			printWarnings(s, warns)
			if err != nil {
				return fmt.Errorf("analyze: %w", err)
			}
			mems[pair] = m
		}
		m.Add(tm.DocumentUnits(in.doc, in.project)...)
	}
	job := analyze.NewJob()
	for _, in := range inputs {
		job.Add(in.path, in.doc, mems[[2]string{in.doc.SourceLang.String(), in.doc.TargetLang.String()}])
	}
	r := job.Report()
	switch {
	case o.JSON:
		return analyze.WriteJSON(s.Out, r)
	case o.CSV:
		return analyze.WriteCSV(s.Out, r)
	}
	return analyze.WriteText(s.Out, r)
}
