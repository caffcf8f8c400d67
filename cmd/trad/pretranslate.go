package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
)

// pretranslateOptions are the flags and arguments of `trad pretranslate`.
type pretranslateOptions struct {
	memoryFlags
	Path string // article or project file
	Min  int
	// MT fills what the memories leave empty with machine translation,
	// from the engine MTEngine ("" the configured one).
	MT       bool
	MTEngine string
	// From and To are the languages of a project created by the run.
	From, To string
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
never changed. With --mt, the segments still empty get a machine
translation (see trad mt) as drafts with origin "mt", the engine recorded;
nothing is sent for a project marked "no machine translation". The project is saved atomically, its previous version
kept as .bak; what another trad process (an open editor) saved meanwhile
is merged, not overwritten.`,
		Example: `  trad pretranslate article.fr.md --tm memories/
  trad pretranslate article.fr.trad.json --min 90
  trad pretranslate article.fr.md --mt --engine apertium`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			return pretranslateRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Min, "min", 100, "lowest score used (100 exact, 101 context only, 50–99 fuzzy)")
	opts.memoryFlags.add(f)
	f.BoolVar(&opts.MT, "mt", false, "fill the segments left empty with machine translation (origin mt)")
	f.StringVar(&opts.MTEngine, "engine", "", "MT engine for --mt (default: config.json's, else apertium)")
	f.StringVar(&opts.From, "from", "", "source language of a new project (default fr)")
	f.StringVar(&opts.To, "to", "", "target language of a new project (default en)")
	return cmd
}

func pretranslateRun(s *streams, o *pretranslateOptions) error {
	defer limitMemory(editMemoryLimit)() // as trad qa: glossaries and memories of any size
	if o.Min < tm.DefaultMin || o.Min > 101 {
		return fmt.Errorf("pretranslate: --min %d: want a score from %d to 101", o.Min, tm.DefaultMin)
	}
	p, err := segments.OpenProject(o.Path, segments.OpenOptions{By: "trad pretranslate", Lang: o.From, Target: o.To})
	store, doc, projectPath := p.Store, p.Doc, p.Path()
	printWarnings(s, p.Warnings)
	if err != nil {
		return fmt.Errorf("pretranslate: %w", err)
	}
	var svc *mt.Service
	if o.MT {
		// Before anything else: a confidential project or a broken
		// configuration stops the run with nothing changed.
		if svc, err = openMT(s, doc, projectPath, o.MTEngine); err != nil {
			return fmt.Errorf("pretranslate: --mt: %w", err)
		}
		defer closeMT(s, svc)
	}
	m, twarns, err := tm.Open(o.options(doc.SourceLang.String(), doc.TargetLang.String()))
	printWarnings(s, twarns)
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
		// With its tags: a unit of the same text with other tags is 99 %,
		// never taken at the default --min 100.
		tags, codes := tm.SegmentTags(doc, i)
		best := m.LookupTagged(seg.Source, tags, codes, tm.SegmentContext(doc, i), o.Min, 1)
		if len(best) == 0 {
			empty++
			continue
		}
		doc.SetDraftTagged(i, best[0].Target, tm.MatchTags(doc, i, best[0]), segments.OriginTM, now)
		if best[0].Score >= 100 {
			exact++
		} else {
			fuzzy++
		}
	}
	machine := 0
	if svc != nil && empty > 0 {
		machine, err = pretranslateMT(s, svc, doc, now)
		empty -= machine
		if err != nil {
			// What was filled is still saved; the error is reported last.
			err = fmt.Errorf("pretranslate: --mt: %w", err)
		}
	}
	if exact+fuzzy+machine > 0 {
		if err := saveProject(s, store, doc); err != nil {
			return fmt.Errorf("pretranslate: %w", err)
		}
	}
	if svc != nil {
		fmt.Fprintf(s.Out, "%s: %s filled as drafts (%d exact, %d fuzzy, %d machine-translated by %s), %d left empty; %s in memory\n",
			projectPath, count(exact+fuzzy+machine, "segment"), exact, fuzzy, machine, svc.Engine(), empty, count(m.Len(), "unit"))
		return err
	}
	fmt.Fprintf(s.Out, "%s: %s filled as drafts (%d exact, %d fuzzy), %d left empty; %s in memory\n",
		projectPath, count(exact+fuzzy, "segment"), exact, fuzzy, empty, count(m.Len(), "unit"))
	return nil
}

// mtBatch is how many segments go to the engine at a time: one Apertium
// run, one DeepL request.
const mtBatch = 50

// pretranslateMT fills the segments of doc still empty with machine
// translations, as drafts with origin mt, and returns how many it filled.
func pretranslateMT(s *streams, svc *mt.Service, doc *segments.Document, now time.Time) (int, error) {
	g, err := loadGlossaries(s, glossarySources{Lenient: true})
	if err != nil {
		return 0, err
	}
	matcher := glossary.NewMatcher(g, doc.SourceLang.String(), doc.TargetLang.String())
	var idx []int
	reqs := mtRequests(doc, matcher, func(i int) bool {
		seg := doc.Segments[i]
		if seg.Status == segments.StatusNew && strings.TrimSpace(seg.Target) == "" {
			idx = append(idx, i)
			return true
		}
		return false
	})
	filled := 0
	for start := 0; start < len(reqs); start += mtBatch {
		end := min(start+mtBatch, len(reqs))
		sugs, err := svc.SuggestBatch(context.Background(), reqs[start:end])
		if err != nil {
			return filled, err
		}
		for k, sg := range sugs {
			if sg.Text != "" && doc.SetMTDraft(idx[start+k], sg.Text, sg.Engine, now) {
				filled++
			}
		}
	}
	return filled, nil
}
