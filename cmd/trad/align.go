package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/align"
	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/segments"
)

// alignOptions are the flags and arguments of `trad align`.
type alignOptions struct {
	Source, Translation string
	From, To            string
	Output              string
	Sentences           bool
	Review              bool
	Force               bool
	NoConfidence        bool
	Glossaries          []string
	NoUser, NoBuiltin   bool
}

func newAlignCmd(s *streams) *cobra.Command {
	o := &alignOptions{}
	cmd := &cobra.Command{
		Use:   "align SOURCE TRANSLATION [--from fr] [--to en] [-o OUT]",
		Short: "Align an article with an existing translation into a project or a TMX",
		Long: `align pairs the sentences of an article with those of a translation made
elsewhere. Both are read as trad reads articles (text or Markdown) and
segmented; their paragraphs and headings are aligned first, then the
sentences inside them, with links of every shape (1:1, 1:2, 2:1, 2:2, 1:3,
3:1, and sentences without counterpart). The cues are sentence lengths,
numbers, punctuation, shared names and words, and the glossaries (built-in,
the user's, --glossary) used as a bilingual dictionary. See docs/align.md.

The result is a project (default NAME.trad.json next to SOURCE, or -o
FILE.trad.json): the source article with the aligned sentences as drafts of
origin "align", to review and confirm in the editor. With -o FILE.tmx it is
a TMX file directly. --review opens the alignment review view first.

With --sentences, SOURCE and TRANSLATION hold one sentence per line (no
segmentation) and the links are printed in vecalign's format, one per line,
0-based: "[0]:[0]:0.912", "[1, 2]:[1]:0.634", "[3]:[]:0.870"; the number
after the last colon is the link's confidence (--no-confidence drops it).`,
		Example: `  trad align article.fr.md article.en.md
  trad align article.fr.md article.en.md -o article.tmx
  trad align --review article.fr.md article.en.md
  trad align --sentences --from de --to fr text.de text.fr > text.links`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Source, o.Translation = args[0], args[1]
			return alignRun(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "fr", "language of SOURCE")
	f.StringVar(&o.To, "to", "en", "language of TRANSLATION")
	f.StringVarP(&o.Output, "output", "o", "", "project (.trad.json) or TMX (.tmx) to write; with --sentences, the links file (default: standard output)")
	f.BoolVar(&o.Sentences, "sentences", false, "inputs are one sentence per line; print the links")
	f.BoolVar(&o.Review, "review", false, "review the alignment in the terminal before writing")
	f.BoolVar(&o.Force, "force", false, "replace an existing project (its previous version is kept as .bak)")
	f.BoolVar(&o.NoConfidence, "no-confidence", false, "with --sentences, print the links without confidences")
	f.StringArrayVar(&o.Glossaries, "glossary", nil, "glossary file or folder used as dictionary (repeatable)")
	f.BoolVar(&o.NoUser, "no-user", false, "do not use the user's glossary folder")
	f.BoolVar(&o.NoBuiltin, "no-builtin", false, "do not use the built-in glossary")
	return cmd
}

func alignRun(s *streams, o *alignOptions) error {
	if o.Sentences && o.Review {
		return errors.New("align: --review aligns articles, not --sentences lists")
	}
	if o.Source == "-" && o.Translation == "-" {
		return errors.New("align: only one of SOURCE and TRANSLATION can be standard input (-)")
	}
	g, err := loadGlossaries(s, glossarySources{Paths: o.Glossaries, NoUser: o.NoUser, NoBuiltin: o.NoBuiltin})
	if err != nil {
		return fmt.Errorf("align: %w", err)
	}
	a := align.New(align.WithCore(g), o.From, o.To)
	if o.Sentences {
		return alignSentences(s, a, o)
	}
	out, tmx, err := alignOutput(o)
	if err != nil {
		return err
	}
	res, err := alignArticles(s, a, o)
	if err != nil {
		return err
	}
	if o.Review {
		return alignReview(s, res, out, tmx)
	}
	if tmx {
		err = writeAlignTMX(s.Out, res.doc, out)
	} else {
		err = segments.Save(out, res.doc)
	}
	if err != nil {
		return fmt.Errorf("align: %w", err)
	}
	if out == "-" {
		out = "standard output"
	}
	fmt.Fprintf(s.Err, "trad: wrote %s: %s\n", out, res.summary())
	return nil
}

// alignOutput returns the file align writes and whether it is a TMX.
func alignOutput(o *alignOptions) (string, bool, error) {
	out := o.Output
	switch {
	case out == "" && o.Source == "-":
		return "", false, errors.New("align: SOURCE is standard input: give -o FILE.trad.json or -o FILE.tmx")
	case out == "":
		out = segments.ProjectPath(o.Source)
	case strings.EqualFold(bitext.FormatForPath(out), bitext.FormatTMX):
		if o.Review {
			// The review writes the project beside SOURCE too.
			if err := checkNewProject(segments.ProjectPath(o.Source), o.Force); err != nil {
				return "", false, err
			}
		}
		return out, true, nil
	case !segments.IsProjectPath(out):
		return "", false, fmt.Errorf("align: -o %s: want a project (%s) or a TMX file (.tmx)", out, segments.ProjectExt)
	}
	return out, false, checkNewProject(out, o.Force)
}

// checkNewProject refuses to replace an existing project without force: it
// may hold a translator's work.
func checkNewProject(path string, force bool) error {
	if _, err := os.Stat(path); err == nil && !force {
		return fmt.Errorf("align: %s exists: give --force to replace it (the previous version is kept as .bak), or another -o", path)
	}
	return nil
}

func alignSentences(s *streams, a *align.Aligner, o *alignOptions) error {
	read := func(path string) ([]string, error) {
		if path == "-" {
			return align.ReadSentences(s.In, "stdin")
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("align: %w", err)
		}
		defer f.Close()
		return align.ReadSentences(f, path)
	}
	src, err := read(o.Source)
	if err != nil {
		return err
	}
	tgt, err := read(o.Translation)
	if err != nil {
		return err
	}
	links := a.Sentences(src, tgt)
	write := func(w io.Writer) error { return align.WriteLinks(w, links, !o.NoConfidence) }
	if o.Output == "" || o.Output == "-" {
		return write(s.Out)
	}
	if err := safefile.Write(o.Output, write, safefile.Options{}); err != nil {
		return fmt.Errorf("align: %w", err)
	}
	return nil
}

// alignment is an aligned pair of articles.
type alignment struct {
	src, tgt *segments.Document
	pair     *align.Pair
	links    []align.Link
	doc      *segments.Document // src with the aligned targets
	applied  align.ApplyResult
}

func alignArticles(s *streams, a *align.Aligner, o *alignOptions) (*alignment, error) {
	src, err := readArticle(s, o.Source, segments.ReadOptions{Lang: o.From, Target: o.To})
	if err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	tgt, err := readArticle(s, o.Translation, segments.ReadOptions{Lang: o.To, Target: o.From})
	if err != nil {
		return nil, fmt.Errorf("align: %w", err)
	}
	res := &alignment{src: src, tgt: tgt}
	res.pair, res.links = a.Documents(src, tgt)
	res.apply()
	return res, nil
}

// apply rebuilds the project document from the links.
func (r *alignment) apply() {
	r.doc, r.applied = align.Apply(r.src, r.tgt, r.links, time.Now())
}

func (r *alignment) summary() string {
	var one, many, dropped, added int
	for _, l := range r.links {
		switch {
		case len(l.Tgt) == 0:
			dropped++
		case len(l.Src) == 0:
			added++
		case len(l.Src) == 1 && len(l.Tgt) == 1:
			one++
		default:
			many++
		}
	}
	sum := fmt.Sprintf("%d links (%d 1:1, %d merged or split, %d source sentences without translation, %d translated sentences without source",
		len(r.links), one, many, dropped, added)
	if r.applied.Added > 0 {
		sum += ", kept in notes \"" + align.AddedPrefix + "…\""
	}
	if r.applied.Dropped > 0 {
		sum += fmt.Sprintf(", %d left out: the source has no sentence", r.applied.Dropped)
	}
	return sum + fmt.Sprintf("); %d drafts, %d to check (confidence under %.1f)", r.applied.Filled, r.applied.Low, align.LowConfidence)
}

// writeAlignTMX writes the TMX of the aligned project doc to out (stdout
// when out is "-"), drafts included.
func writeAlignTMX(stdout io.Writer, doc *segments.Document, out string) error {
	bo := bitext.Options{All: true, ToolVersion: versionString()}
	if out == "-" {
		return bitext.WriteTMX(stdout, doc, bo)
	}
	return safefile.Write(out, func(w io.Writer) error { return bitext.WriteTMX(w, doc, bo) }, safefile.Options{})
}
