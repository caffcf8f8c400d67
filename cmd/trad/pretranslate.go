package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// pretranslateOptions are the flags and arguments of `trad pretranslate`.
type pretranslateOptions struct {
	Path   string // article or project file
	TM     []string
	Min    int
	NoUser bool
}

func newPretranslateCmd(s *streams) *cobra.Command {
	opts := &pretranslateOptions{}
	cmd := &cobra.Command{
		Use:   "pretranslate PROJECT|ARTICLE [--tm PATH]... [--min 100]",
		Short: "Fill empty segments from translation memories, as drafts",
		Long: `pretranslate fills the empty segments of a project from the translation
memories: the TMX files given with --tm (a folder loads every .tmx in it),
the user's memory folder ($XDG_DATA_HOME/trad/tm) and the segments already
confirmed in the project. By default only exact matches (100 %, or 101 %
with the same neighbours) are used; --min 90 also takes fuzzy matches
scoring 90 or more. Filled segments are drafts with origin "tm", to be
reviewed and confirmed in the editor; segments that have a target are
never changed. The project is saved atomically, its previous version
kept as .bak; what another trad process (an open editor) saved meanwhile
is merged, not overwritten.`,
		Example: `  trad pretranslate article.fr.md --tm memories/
  trad pretranslate article.fr.trad.json --min 90`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return pretranslateRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.TM, "tm", nil, "TMX file or folder of .tmx files (repeatable)")
	f.IntVar(&opts.Min, "min", 100, "lowest score used (100 exact, 101 context only, 50–99 fuzzy)")
	f.BoolVar(&opts.NoUser, "no-user", false, "do not load the user's memory folder")
	return cmd
}

func pretranslateRun(s *streams, o *pretranslateOptions) error {
	if o.Min < tm.DefaultMin || o.Min > 101 {
		return fmt.Errorf("pretranslate: --min %d: want a score from %d to 101", o.Min, tm.DefaultMin)
	}
	store, doc, _, warns, err := segments.OpenStore(o.Path, segments.OpenOptions{By: "trad pretranslate"})
	projectPath := store.Path()
	for _, w := range warns {
		fmt.Fprintln(s.Err, "trad: warning:", w)
	}
	if err != nil {
		return fmt.Errorf("pretranslate: %w", err)
	}
	m, twarns, err := tm.Open(tm.Options{
		SourceLang: doc.SourceLang.String(), TargetLang: doc.TargetLang.String(),
		Paths: o.TM, NoUser: o.NoUser,
	})
	for _, w := range twarns {
		fmt.Fprintln(s.Err, "trad: warning:", w)
	}
	if err != nil {
		return fmt.Errorf("pretranslate: %w", err)
	}
	m.Add(tm.DocumentUnits(doc, projectPath)...)

	var exact, fuzzy, empty int
	now := time.Now()
	for i, seg := range doc.Segments {
		if seg.Status != segments.StatusNew || strings.TrimSpace(seg.Target) != "" {
			continue
		}
		best := m.Lookup(seg.Source, tm.SegmentContext(doc, i), o.Min, 1)
		if len(best) == 0 {
			empty++
			continue
		}
		doc.SetDraft(i, best[0].Target, segments.OriginTM, now)
		if best[0].Score >= 100 {
			exact++
		} else {
			fuzzy++
		}
	}
	if exact+fuzzy > 0 {
		if err := saveProject(s, store, doc); err != nil {
			return fmt.Errorf("pretranslate: %w", err)
		}
	}
	fmt.Fprintf(s.Out, "%s: %s filled as drafts (%d exact, %d fuzzy), %d left empty; %s in memory\n",
		projectPath, count(exact+fuzzy, "segment"), exact, fuzzy, empty, count(m.Len(), "unit"))
	return nil
}
