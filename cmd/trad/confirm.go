package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/segments"
)

// confirmOptions are the flags and arguments of `trad confirm`.
type confirmOptions struct {
	Path  string // project or article
	N     int    // 1-based segment number
	Text  string // the translation; "-" reads standard input
	Draft bool
	Note  string
	Undo  bool
}

func newConfirmCmd(s *streams) *cobra.Command {
	opts := &confirmOptions{}
	cmd := &cobra.Command{
		Use:   "confirm PROJECT|ARTICLE N [TEXT|-] [--draft] [--note NOTE] [--undo]",
		Short: "Set and confirm the translation of one segment",
		Long: `confirm sets the translation of segment N (numbered from 1, as the editor
shows them) to TEXT ("-" reads it from standard input) and marks it
translated, as enter does in the editor; --draft keeps it a draft,
--note sets the segment's note, --undo goes back to the segment's previous
version. The project is saved as the editor saves it: what another trad
process saved meanwhile is merged, and the previous version of the segment
is kept in its history.`,
		Example: `  trad confirm article.fr.md 3 "Chips remain scarce."
  echo "Prices rise." | trad confirm article.fr.trad.json 4 -
  trad confirm article.fr.md 3 --undo`,
		Args: cobra.RangeArgs(2, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			n, err := strconv.Atoi(args[1])
			if err != nil {
				return fmt.Errorf("confirm: segment number %q: want a number from 1", args[1])
			}
			opts.N = n
			if len(args) == 3 {
				opts.Text = args[2]
			} else if !opts.Undo && !cmd.Flags().Changed("note") {
				return fmt.Errorf("confirm: give the TEXT (or - to read it), --note or --undo")
			}
			return confirmRun(s, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Draft, "draft", false, "keep the text as a draft instead of confirming it")
	f.StringVar(&opts.Note, "note", "", "set the segment's note")
	f.BoolVar(&opts.Undo, "undo", false, "go back to the segment's previous version")
	return cmd
}

func confirmRun(s *streams, o *confirmOptions) error {
	if o.Text == "-" {
		data, err := io.ReadAll(s.In)
		if err != nil {
			return fmt.Errorf("confirm: read standard input: %w", err)
		}
		o.Text = strings.TrimRight(string(data), "\r\n")
	}
	p, err := segments.OpenProject(o.Path, segments.OpenOptions{By: "trad confirm"})
	store, doc := p.Store, p.Doc
	printWarnings(s, p.Warnings)
	if err != nil {
		return fmt.Errorf("confirm: %w", err)
	}
	if o.N < 1 || o.N > len(doc.Segments) {
		return fmt.Errorf("confirm: segment %d: the project has segments 1 to %d", o.N, len(doc.Segments))
	}
	i, now := o.N-1, time.Now()
	// Outside text: cleaned of control and escape sequences, NFC.
	text := segments.Normalize(o.Text)
	what := "confirmed"
	switch {
	case o.Undo:
		if !doc.Restore(i, now) {
			return fmt.Errorf("confirm: segment %d has no previous version", o.N)
		}
		what = "restored"
	case o.Text != "" && o.Draft:
		doc.SetDraft(i, text, segments.OriginTyped, now)
		what = "saved as draft"
	case o.Text != "":
		doc.Confirm(i, text, segments.OriginTyped, now)
	default:
		what = "noted"
	}
	if o.Note != "" {
		doc.SetNote(i, segments.Normalize(o.Note), now)
	}
	if err := saveProject(s, store, doc); err != nil {
		return fmt.Errorf("confirm: %w", err)
	}
	fmt.Fprintf(s.Out, "%s: segment %d %s\n", store.Path(), o.N, what)
	return nil
}

// saveProject saves doc through store and says on s.Err what another trad
// process saved meanwhile and was merged in.
func saveProject(s *streams, store *segments.Store, doc *segments.Document) error {
	res, err := store.Save(doc)
	if err != nil {
		return err
	}
	if msg := res.Message(); msg != "" {
		fmt.Fprintln(s.Err, "trad: merged:", msg)
	}
	return nil
}

// count is n followed by noun, plural when n is not 1 ("1 segment",
// "3 segments").
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
