package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tui"
)

// mtOptions are the flags and argument of `trad mt`.
type mtOptions struct {
	Input     string
	Engine    string
	From, To  string
	JSON      bool
	Forbid    bool
	Allow     bool
	Glossary  []string
	NoUser    bool
	NoBuiltin bool
}

func newMTCmd(s *streams) *cobra.Command {
	o := &mtOptions{}
	cmd := &cobra.Command{
		Use:   "mt [--engine E] [--from LANG] [--to LANG] [--json] TEXT|FILE|-",
		Short: "Print machine-translation suggestions, checked against the glossary",
		Long: `mt prints machine-translation suggestions for a text, an article, a
project (*.trad.json) or standard input (-), one per segment, each with the
source words the engine did not know and the glossary terms it did not
follow. The engine is configured in config.json ("mt", see docs/mt.md);
Apertium runs locally and is the default. For an article or a project,
suggestions are cached beside the project (NAME.mtcache.json), so asking
again sends nothing.

A confidential project can be marked "no machine translation": then
nothing of it is ever sent, by any trad command or the editor.
  trad mt --forbid PROJECT|ARTICLE   marks it (creating the project if needed)
  trad mt --allow PROJECT|ARTICLE    lifts the mark`,
		Example: `  trad mt --to es "Le chat noir mange une souris."
  trad mt --engine deepl article.fr.md --json
  trad mt --forbid contract.fr.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Input = args[0]
			if o.Forbid || o.Allow {
				return mtFlagRun(s, o)
			}
			return mtRun(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Engine, "engine", "", "engine: a name from config.json's mt.engines, or apertium, openai, deepl, libretranslate")
	f.StringVar(&o.From, "from", "", "source language (default: the project's, else fr)")
	f.StringVar(&o.To, "to", "", "target language (default: the project's)")
	f.BoolVar(&o.JSON, "json", false, "print one JSON object per segment")
	f.BoolVar(&o.Forbid, "forbid", false, "mark the project \"no machine translation\" (confidential)")
	f.BoolVar(&o.Allow, "allow", false, "lift the project's \"no machine translation\" mark")
	f.StringArrayVar(&o.Glossary, "glossary", nil, "glossary file or folder to check against (repeatable)")
	f.BoolVar(&o.NoUser, "no-user", false, "leave out the user's glossary folder")
	f.BoolVar(&o.NoBuiltin, "no-builtin", false, "leave out the built-in glossary")
	cmd.MarkFlagsMutuallyExclusive("forbid", "allow")
	return cmd
}

// mtFlagRun sets or lifts a project's "no machine translation" mark.
func mtFlagRun(s *streams, o *mtOptions) error {
	p, err := segments.OpenProject(o.Input, segments.OpenOptions{By: "trad mt"})
	store, doc := p.Store, p.Doc
	printWarnings(s, p.Warnings)
	if err != nil {
		return fmt.Errorf("mt: %w", err)
	}
	doc.NoMT = o.Forbid
	if err := saveProject(s, store, doc); err != nil {
		return fmt.Errorf("mt: %w", err)
	}
	if doc.NoMT {
		fmt.Fprintf(s.Out, "%s: machine translation forbidden (confidential): nothing will be sent to an engine\n", store.Path())
	} else {
		fmt.Fprintf(s.Out, "%s: machine translation allowed\n", store.Path())
	}
	return nil
}

// mtSource is what `trad mt` translates: a document, and its project when
// it has one (for the no-MT mark and the cache).
type mtSource struct {
	doc     *segments.Document
	project string // "" when none
}

func mtRun(s *streams, o *mtOptions) error {
	src, err := mtInput(s, o)
	if err != nil {
		return fmt.Errorf("mt: %w", err)
	}
	svc, err := openMT(s, src.doc, src.project, o.Engine)
	if err != nil {
		return fmt.Errorf("mt: %w", err)
	}
	defer closeMT(s, svc)
	g, err := loadGlossaries(s, glossarySources{Paths: o.Glossary, NoUser: o.NoUser, NoBuiltin: o.NoBuiltin})
	if err != nil {
		return fmt.Errorf("mt: %w", err)
	}
	reqs := mtRequests(src.doc, glossary.NewMatcher(g, src.doc.SourceLang.String(), src.doc.TargetLang.String()), nil)
	sugs, err := svc.SuggestBatch(context.Background(), reqs)
	if err != nil {
		return fmt.Errorf("mt: %w", err)
	}
	enc := jsonEncoder(s.Out)
	for i, sg := range sugs {
		if o.JSON {
			if err := enc.Encode(mtLine(reqs[i], sg, i)); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintln(s.Out, sg.Text)
		if len(sg.Unknown) > 0 {
			fmt.Fprintf(s.Out, "  unknown: %s\n", strings.Join(sg.Unknown, ", "))
		}
		for _, h := range sg.Ignored {
			fmt.Fprintf(s.Out, "  glossary not followed: %s → %s\n", h.Text, strings.Join(h.Targets, " | "))
		}
	}
	return nil
}

// mtJSON is one line of `trad mt --json`.
type mtJSON struct {
	Segment int         `json:"segment"` // 1-based, as users count
	Source  string      `json:"source"`
	Text    string      `json:"text"`
	Engine  string      `json:"engine"`
	Cached  bool        `json:"cached"`
	Unknown []string    `json:"unknown,omitempty"`
	Ignored []mtIgnored `json:"ignored,omitempty"`
}

type mtIgnored struct {
	Source   string   `json:"source"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Expected []string `json:"expected"`
}

func mtLine(r mt.Request, sg mt.Suggestion, i int) mtJSON {
	l := mtJSON{Segment: i + 1, Source: r.Source, Text: sg.Text, Engine: sg.Engine, Cached: sg.Cached, Unknown: sg.Unknown}
	for _, h := range sg.Ignored {
		l.Ignored = append(l.Ignored, mtIgnored{Source: h.Text, Start: h.Start, End: h.End, Expected: h.Targets})
	}
	return l
}

// mtInput reads what `trad mt` was given: "-" (standard input), a project
// or an article (with its project when one exists), else the text itself.
func mtInput(s *streams, o *mtOptions) (mtSource, error) {
	ro := segments.ReadOptions{Lang: o.From, Target: o.To}
	if ro.Lang == "" {
		ro.Lang = "fr"
	}
	if o.Input == "-" {
		doc, err := readArticle(s, "-", ro)
		return mtSource{doc: doc}, err
	}
	_, statErr := os.Stat(o.Input)
	isProject := segments.IsProjectPath(o.Input)
	hasProject := false
	if statErr == nil && !isProject {
		_, err := os.Stat(segments.ProjectPath(o.Input))
		hasProject = err == nil
	}
	switch {
	case statErr == nil && (isProject || hasProject):
		doc, project, err := openProject(s, o.Input)
		if err != nil {
			return mtSource{}, err
		}
		if err := overrideLangs(doc, o); err != nil {
			return mtSource{}, err
		}
		return mtSource{doc: doc, project: project}, nil
	case statErr == nil:
		if o.To == "" {
			return mtSource{}, fmt.Errorf("%s has no project: give the target language with --to", o.Input)
		}
		doc, err := readArticle(s, o.Input, ro)
		return mtSource{doc: doc}, err
	case !errors.Is(statErr, fs.ErrNotExist) || isProject:
		return mtSource{}, statErr
	}
	if o.To == "" {
		return mtSource{}, errors.New("give the target language with --to (or translate a project)")
	}
	ro.Name, ro.Format = "text", segments.FormatText
	doc, warns, err := segments.Read(strings.NewReader(o.Input), ro)
	printWarnings(s, warns)
	return mtSource{doc: doc}, err
}

// overrideLangs applies --from/--to to a project's document.
func overrideLangs(doc *segments.Document, o *mtOptions) error {
	for _, l := range []struct {
		flag string
		dst  *language.Tag
	}{{o.From, &doc.SourceLang}, {o.To, &doc.TargetLang}} {
		if l.flag == "" {
			continue
		}
		t, err := language.Parse(l.flag)
		if err != nil {
			return fmt.Errorf("language %q: %w", l.flag, err)
		}
		*l.dst = t
	}
	return nil
}

// openMT returns the MT service for doc (its project's cache beside
// projectPath, "" for none), refusing everything when the project is
// marked "no machine translation". Config problems are one-line errors.
func openMT(s *streams, doc *segments.Document, projectPath, engine string) (*mt.Service, error) {
	if doc.NoMT {
		return nil, mt.ErrForbidden
	}
	cfg, err := mt.LoadConfig(tui.ConfigPath())
	if err != nil {
		return nil, err
	}
	cache := ""
	if projectPath != "" {
		cache = mt.CachePath(projectPath)
	}
	svc, err := mt.New(mt.Options{Config: cfg, EngineName: engine, CachePath: cache})
	if svc == nil {
		return nil, err
	}
	if err != nil { // an unreadable cache: rebuilt
		fmt.Fprintln(s.Err, "trad: warning:", err)
	}
	return svc, nil
}

// closeMT saves the service's cache, warning when it cannot.
func closeMT(s *streams, svc *mt.Service) {
	if err := svc.Close(); err != nil {
		fmt.Fprintln(s.Err, "trad: warning:", err)
	}
}

// mtRequests makes the requests for doc's segments (those for which want
// returns true; nil: all).
func mtRequests(doc *segments.Document, m *glossary.Matcher, want func(i int) bool) []mt.Request {
	var out []mt.Request
	for i := range doc.Segments {
		if want == nil || want(i) {
			out = append(out, mt.RequestAt(doc, i, m))
		}
	}
	return out
}
