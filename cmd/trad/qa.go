package main

import (
	"bufio"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/qa"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
	"github.com/trad-project/trad/tui"
)

// qaOptions are the flags and argument of `trad qa`.
type qaOptions struct {
	Path       string
	JSON       bool
	Glossaries []string
	Disable    []string
	Config     string // "" = the user's settings (qa.Load)
	NoBuiltin  bool
	All        bool     // show ignored issues too
	Ignore     []string // N:CHECK[:KEY] to record as ignored
	NoSpell    bool
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
		Use:   "qa PROJECT|ARTICLE [--json] [--all] [--ignore N:CHECK]... [--glossary PATH]... [--disable ID]...",
		Short: "Check translated segments: numbers, terms, links, punctuation, spelling",
		Long: `qa runs the quality checks on every segment of a project (or of the project
of an article) and prints one line per issue:

  seg 12 error numbers: 3,5 missing in target

It exits with status 1 when an error-level issue remains, 0 otherwise, so it
can gate a delivery in CI (2 when the project cannot be read). Messages are
printed in full.

An issue can be ignored: from the editor's QA pane, or here with
--ignore N:CHECK (every CHECK issue of segment N) or N:CHECK:KEY (one issue;
the key is in the --json output). The project records who ignored it and
when; ignored issues are hidden and do not count, unless --all shows them,
marked. --json always includes them, with an "ignored" object.

The spelling check uses the hunspell program and the Hunspell dictionary of
the target language (system folders, or $XDG_DATA_HOME/trad/hunspell);
without one it is off, with a notice. Add words with 'trad spell add'.

Checks (default severity): ` + checkList() + `.
Disable checks with --disable ID (repeatable) or in the "qa" object of
$XDG_CONFIG_HOME/trad/config.json, which the editor reads too:

  {"qa": {"disable": ["repeated-word"], "severity": {"identical": "info"}}}

--config FILE reads that object's content from FILE instead. The older
qa.json beside config.json is read, with a notice, only when config.json
has no "qa" object (see docs/config.md).

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
	f.StringVar(&opts.Config, "config", "", "QA settings file, read alone: {\"disable\": […], \"severity\": {…}} (default: the \"qa\" object of $XDG_CONFIG_HOME/trad/config.json)")
	f.BoolVar(&opts.NoBuiltin, "no-builtin", false, "do not use the built-in glossary")
	f.BoolVar(&opts.All, "all", false, "also show the ignored issues, marked")
	f.StringArrayVar(&opts.Ignore, "ignore", nil, "record issues as ignored: N:CHECK or N:CHECK:KEY (repeatable; saves the project)")
	f.BoolVar(&opts.NoSpell, "no-spell", false, "do not check spelling")
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
	Key      string `json:"key"`
	// Ignored is set on an ignored issue: who ignored it and when.
	Ignored *qaIgnoredJSON `json:"ignored,omitempty"`
}

type qaIgnoredJSON struct {
	Who  string `json:"who,omitempty"`
	When string `json:"when,omitempty"`
}

func qaRun(s *streams, o *qaOptions) error {
	// A glossary of a million terms, its matcher and QA's index of it are
	// built here: the editor's limit keeps the heap near what is live.
	defer limitMemory(editMemoryLimit)()
	failed := func(err error) error { return &exitError{code: qaExitFailed, err: fmt.Errorf("qa: %w", err)} }
	cfg, err := qaConfig(s, o)
	if err != nil {
		return failed(err)
	}
	doc, projectPath, err := openProject(s, o.Path)
	if err != nil {
		return failed(err)
	}
	var before os.FileInfo
	if len(o.Ignore) > 0 {
		before, _ = os.Stat(projectPath)
	}
	var g *glossary.Glossary
	var m *glossary.Matcher
	if cfg.Enabled(qa.CheckGlossary) || cfg.Enabled(qa.CheckSpelling) {
		if g, err = loadGlossaries(s, glossarySources{Paths: o.Glossaries, NoBuiltin: o.NoBuiltin}); err != nil {
			return failed(err)
		}
		m = glossary.NewMatcher(g, doc.SourceLang.String(), doc.TargetLang.String())
	}
	var sp qa.Speller
	if !o.NoSpell && cfg.Enabled(qa.CheckSpelling) {
		sp = qaSpeller(s, doc.TargetLang.String())
		if c, ok := sp.(*spell.Checker); ok {
			defer c.Close()
		}
	}
	p := qa.NewProject(doc.SourceLang.String(), doc.TargetLang.String(), g, m, doc)
	issues := qa.CheckDocument(doc, cfg, p, sp)
	if len(o.Ignore) > 0 {
		n, err := qaIgnore(doc, issues, o.Ignore)
		if err != nil {
			return failed(err)
		}
		if err := saveUnchanged(projectPath, before, doc); err != nil {
			return failed(err)
		}
		fmt.Fprintf(s.Err, "trad qa: %d issue(s) ignored in %s\n", n, projectPath)
	}
	if err := printIssues(s, doc, issues, o); err != nil {
		return failed(err)
	}
	return qaSummary(s, doc, issues)
}

// qaConfig reads the QA settings and adds the --disable flags: the file
// named by --config, else the editor's (qa.Load: config.json's "qa"
// object, else qa.json), whose notices go to standard error.
func qaConfig(s *streams, o *qaOptions) (*qa.Config, error) {
	var cfg *qa.Config
	if o.Config != "" {
		if _, err := os.Stat(o.Config); err != nil {
			return nil, err // a config named on the command line must exist
		}
		c, err := qa.LoadConfig(o.Config)
		if err != nil {
			return nil, err
		}
		cfg = c
	} else {
		c, notices, err := qa.Load(tui.ConfigPath())
		if err != nil {
			return nil, err
		}
		for _, n := range notices {
			fmt.Fprintln(s.Err, "trad qa:", n)
		}
		cfg = c
	}
	cfg.Disable = append(cfg.Disable, o.Disable...)
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("--disable: %w", err)
	}
	return cfg, nil
}

// qaSpeller returns the spell checker of lang, or nil with a one-line
// notice when there is no dictionary or no hunspell.
func qaSpeller(s *streams, lang string) qa.Speller {
	c, err := spell.New(lang)
	if err != nil {
		fmt.Fprintf(s.Err, "trad qa: spelling off: %v\n", err)
		return nil
	}
	return c
}

// qaIgnore records the issues named by specs (N:CHECK or N:CHECK:KEY) as
// ignored by $USER and returns how many it recorded.
func qaIgnore(doc *segments.Document, issues []qa.Issue, specs []string) (int, error) {
	who := os.Getenv("USER")
	if u, err := user.Current(); who == "" && err == nil {
		who = u.Username
	}
	now := time.Now()
	n := 0
	for _, spec := range specs {
		parts := strings.SplitN(spec, ":", 3)
		seg, err := strconv.Atoi(parts[0])
		if len(parts) < 2 || err != nil || seg < 1 || seg > len(doc.Segments) {
			return n, fmt.Errorf("--ignore %q: want N:CHECK or N:CHECK:KEY with N a segment from 1 to %d", spec, len(doc.Segments))
		}
		found := false
		for k := range issues {
			is := &issues[k]
			if is.Segment != seg-1 || is.Check != parts[1] || len(parts) == 3 && is.Key != parts[2] {
				continue
			}
			found = true
			if qa.Ignore(doc, is, who, now) {
				n++
			}
		}
		if !found {
			return n, fmt.Errorf("--ignore %q: segment %d has no such issue", spec, seg)
		}
	}
	return n, nil
}

// saveUnchanged saves doc to path unless the file changed since before
// was taken (an editor saved it meanwhile): that work is not overwritten.
func saveUnchanged(path string, before os.FileInfo, doc *segments.Document) error {
	if now, err := os.Stat(path); before != nil && err == nil && (!now.ModTime().Equal(before.ModTime()) || now.Size() != before.Size()) {
		return fmt.Errorf("%s changed while qa ran: not saved, run it again", path)
	}
	return segments.Save(path, doc)
}

// printIssues writes the issues, one a line, in text or JSON; ignored ones
// only with --all (text) or always (JSON).
func printIssues(s *streams, doc *segments.Document, issues []qa.Issue, o *qaOptions) error {
	out := bufio.NewWriter(s.Out)
	for _, is := range issues {
		switch {
		case o.JSON:
			seg := doc.Segments[is.Segment]
			j := qaJSON{Segment: is.Segment + 1, Check: is.Check, Severity: is.Severity.String(),
				Message: is.Message, Start: is.Start, End: is.End, Source: seg.Source, Target: seg.Target, Key: is.Key}
			if r := is.Ignored; r != nil {
				j.Ignored = &qaIgnoredJSON{Who: r.Who}
				if !r.When.IsZero() {
					j.Ignored.When = r.When.UTC().Format(time.RFC3339)
				}
			}
			if err := jsonEncoder(out).Encode(j); err != nil {
				return err
			}
		case is.Ignored == nil || o.All:
			fmt.Fprintln(out, is.String())
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// qaSummary prints the counts of the standing issues and returns the exit
// error when one is an error.
func qaSummary(s *streams, doc *segments.Document, issues []qa.Issue) error {
	var count [3]int
	ignored := 0
	for _, is := range issues {
		if is.Ignored != nil {
			ignored++
			continue
		}
		if is.Severity >= 0 && int(is.Severity) < len(count) {
			count[is.Severity]++
		}
	}
	extra := ""
	if ignored > 0 {
		extra = fmt.Sprintf(", %d ignored", ignored)
	}
	fmt.Fprintf(s.Err, "trad qa: %d segments: %d errors, %d warnings, %d info%s\n",
		len(doc.Segments), count[qa.Error], count[qa.Warning], count[qa.Info], extra)
	if count[qa.Error] > 0 {
		return &exitError{code: qaExitIssues, err: fmt.Errorf("qa: %d error-level issues", count[qa.Error])}
	}
	return nil
}
