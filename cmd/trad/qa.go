package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
)

// qaOptions are the flags and argument of `trad qa`.
type qaOptions struct {
	Path       string
	JSON       bool
	Glossaries []string
	Disable    []string
	Config     string // "" = the user's qa.json
	NoBuiltin  bool
}

// Exit codes of `trad qa`: 1 means error-level issues were found, 2 that
// the check could not run, so that CI can tell them apart.
const (
	qaExitIssues = 1
	qaExitFailed = 2
)

func newQACmd(s *streams) *cobra.Command {
	opts := &qaOptions{}
	cmd := &cobra.Command{
		Use:   "qa PROJECT|ARTICLE [--json] [--glossary PATH]... [--disable ID]...",
		Short: "Check translated segments: numbers, terms, links, punctuation",
		Long: `qa runs the quality checks on every segment of a project (or of the project
of an article) and prints one line per issue:

  seg 12 error numbers: 3,5 missing in target

It exits with status 1 when an error-level issue remains, 0 otherwise, so it
can gate a delivery in CI (2 when the project cannot be read).

Checks (default severity): ` + checkList() + `.
Disable checks with --disable ID (repeatable) or in the configuration file,
$XDG_CONFIG_HOME/trad/qa.json by default:

  {"disable": ["repeated-word"], "severity": {"identical": "info"}}

Glossary compliance uses --glossary files first, then the user's folder
$XDG_CONFIG_HOME/trad/glossaries, then the built-in glossary. See docs/qa.md.`,
		Example: `  trad qa article.fr.md
  trad qa article.fr.trad.json --json | jq -c 'select(.severity == "error")'
  trad qa --disable identical --glossary client.tsv article.fr.trad.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return qaRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.JSON, "json", false, "print one JSON object per issue and line")
	f.StringArrayVar(&opts.Glossaries, "glossary", nil, "glossary file or folder (repeatable; first has priority)")
	f.StringArrayVar(&opts.Disable, "disable", nil, "check id to skip (repeatable)")
	f.StringVar(&opts.Config, "config", "", "QA configuration file (default $XDG_CONFIG_HOME/trad/qa.json)")
	f.BoolVar(&opts.NoBuiltin, "no-builtin", false, "do not use the built-in glossary")
	_ = cmd.RegisterFlagCompletionFunc("disable", cobra.FixedCompletions(qa.CheckIDs(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func checkList() string {
	parts := make([]string, len(qa.Checks))
	for i, c := range qa.Checks {
		parts[i] = fmt.Sprintf("%s (%s)", c.ID, c.Severity)
	}
	return strings.Join(parts, ", ")
}

// qaJSON is one line of --json output. Segment counts from 1, as in the
// text output and the editor.
type qaJSON struct {
	Segment  int    `json:"segment"`
	Check    string `json:"check"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Source   string `json:"source"`
	Target   string `json:"target"`
}

func qaRun(s *streams, o *qaOptions) error {
	failed := func(err error) error { return &exitError{code: qaExitFailed, err: fmt.Errorf("qa: %w", err)} }
	cfgPath := o.Config
	if cfgPath == "" {
		cfgPath = qa.ConfigPath()
	} else if _, err := os.Stat(cfgPath); err != nil {
		return failed(err) // a config named on the command line must exist
	}
	cfg, err := qa.LoadConfig(cfgPath)
	if err != nil {
		return failed(err)
	}
	cfg.Disable = append(cfg.Disable, o.Disable...)
	if err := cfg.Validate(); err != nil {
		return failed(fmt.Errorf("--disable: %w", err))
	}
	doc, _, err := openProject(s, o.Path)
	if err != nil {
		return failed(err)
	}
	var m *glossary.Matcher
	if cfg.Enabled(qa.CheckGlossary) {
		g, err := loadGlossaries(s, glossarySources{Paths: o.Glossaries, NoBuiltin: o.NoBuiltin})
		if err != nil {
			return failed(err)
		}
		m = glossary.NewMatcher(g, doc.SourceLang.String(), doc.TargetLang.String())
	}
	issues := qa.CheckDocument(doc, cfg, m)

	out := bufio.NewWriter(s.Out)
	var count [3]int
	for _, is := range issues {
		if is.Severity >= 0 && int(is.Severity) < len(count) {
			count[is.Severity]++
		}
		if o.JSON {
			seg := doc.Segments[is.Segment]
			b, err := json.Marshal(qaJSON{Segment: is.Segment + 1, Check: is.Check, Severity: is.Severity.String(),
				Message: is.Message, Start: is.Start, End: is.End, Source: seg.Source, Target: seg.Target})
			if err != nil {
				return failed(err)
			}
			out.Write(b)
			out.WriteByte('\n')
		} else {
			fmt.Fprintln(out, is.String())
		}
	}
	if err := out.Flush(); err != nil {
		return failed(fmt.Errorf("write output: %w", err))
	}
	fmt.Fprintf(s.Err, "trad qa: %d segments: %d errors, %d warnings, %d info\n",
		len(doc.Segments), count[qa.Error], count[qa.Warning], count[qa.Info])
	if count[qa.Error] > 0 {
		return &exitError{code: qaExitIssues, err: fmt.Errorf("qa: %d error-level issues", count[qa.Error])}
	}
	return nil
}
