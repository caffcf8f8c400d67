package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/segments"
)

// The split and merge commands change a project's segmentation as the
// editor's split and merge do, and save it as every command does (merged
// with what another trad process saved meanwhile).

func newSplitCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "split PROJECT|ARTICLE N AT",
		Short: "Split a source segment in two",
		Long: `split splits segment N (numbered from 1, as the editor shows them) in two.
AT says where: a number is how many characters of the source go to the
first part; a text is where the second part starts (its first occurrence in
the source). The point must not fall inside a word. The first part keeps
the segment's translation, as a draft (the previous version goes to the
history); the second is new. The split is stored in the project and made
again when the article changes (see docs/project-format.md).`,
		Example: `  trad split article.fr.md 3 "et il vente"
  trad split article.fr.trad.json 3 9`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return resegmentRun(s, "split", args[0], args[1], func(doc *segments.Document, i int) error {
				at, err := splitOffset(doc.Segments[i].Source, args[2])
				if err != nil {
					return err
				}
				return doc.SplitSegment(i, at, time.Now())
			})
		},
	}
}

func newMergeCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "merge PROJECT|ARTICLE N",
		Short: "Merge a source segment with the next one",
		Long: `merge merges segment N with segment N+1, which must be in the same
paragraph (heading, list item). Their translations are joined, the merged
segment taking the lower status (a draft at least), both previous versions
going to its history. Merging back the two parts of the last split takes
that split out of the project instead.`,
		Example: `  trad merge article.fr.md 3`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return resegmentRun(s, "merge", args[0], args[1], func(doc *segments.Document, i int) error {
				return doc.MergeNext(i, time.Now())
			})
		},
	}
}

// splitOffset returns the byte offset of source that at names: a number of
// characters, or the text the second part starts with.
func splitOffset(source, at string) (int, error) {
	if n, err := strconv.Atoi(at); err == nil {
		if n < 1 || n >= utf8.RuneCountInString(source) {
			return 0, fmt.Errorf("AT %d: the source has %d characters; give 1 to %d", n, utf8.RuneCountInString(source), utf8.RuneCountInString(source)-1)
		}
		off := 0
		for range n {
			_, size := utf8.DecodeRuneInString(source[off:])
			off += size
		}
		return off, nil
	}
	at = segments.Normalize(at)
	k := strings.Index(source, at)
	if k < 0 {
		return 0, fmt.Errorf("AT %q is not in the source %q", at, source)
	}
	return k, nil
}

// resegmentRun opens the project, applies op to segment number n (a
// string, 1-based) and saves.
func resegmentRun(s *streams, name, path, n string, op func(*segments.Document, int) error) error {
	num, err := strconv.Atoi(n)
	if err != nil {
		return fmt.Errorf("%s: segment number %q: want a number from 1", name, n)
	}
	p, err := segments.OpenProject(path, segments.OpenOptions{By: "trad " + name})
	printWarnings(s, p.Warnings)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	doc := p.Doc
	if num < 1 || num > len(doc.Segments) {
		return fmt.Errorf("%s: segment %d: the project has segments 1 to %d", name, num, len(doc.Segments))
	}
	if err := op(doc, num-1); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := saveProject(s, p.Store, doc); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprintf(s.Out, "%s: segment %d %s; the project has %s\n", p.Path(), num, map[string]string{"split": "split in two", "merge": "merged with the next"}[name], count(len(doc.Segments), "segment"))
	return nil
}
