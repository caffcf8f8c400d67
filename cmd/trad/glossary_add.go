package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/internal/safefile"
	"github.com/trad-project/trad/tui"
)

type glossaryAddOptions struct {
	From, To     string
	Domain, Note string
	POS          string
	File         string
	Force        bool
	Source       string
	Target       string
}

func newGlossaryAddCmd(s *streams) *cobra.Command {
	o := &glossaryAddOptions{}
	cmd := &cobra.Command{
		Use:   "add [flags] SOURCE TARGET",
		Short: "Add a term to your glossary, in that file's own format",
		Long: `add appends one entry to a writable glossary, as the editor's add-term form
does: the --file given, else the file config.json names
("glossary": {"user_file": PATH}: absolute, ~/…, or a name in the user
folder), else the first glossary file of the user folder
($XDG_CONFIG_HOME/trad/glossaries/), else user.tsv there, created on first
use. The entry is written in the file's own layout (OmegaT two columns,
multi-language TSV/CSV, TBX before </body>), the rest of the file left as
it was; see docs/glossary.md, "Adding terms".

An entry of the user glossaries (and of --file) that already gives SOURCE
is a clash: a duplicate (same target) or a conflict (other targets). Clashes
are listed and nothing is added unless --force.`,
		Example: `  trad glossary add "nuage souverain" "sovereign cloud" --domain tech
  trad glossary add --to de puce Chip --file ~/terms/de.tbx`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Source, o.Target = args[0], args[1]
			return glossaryAddRun(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "fr", "source language")
	f.StringVar(&o.To, "to", "en", "target language")
	f.StringVar(&o.Domain, "domain", "", "domain (tech, geopolitics…)")
	f.StringVar(&o.Note, "note", "", "usage note")
	f.StringVar(&o.POS, "pos", "", "part of speech: noun, verb, adj, adv, propn, other")
	f.StringVar(&o.File, "file", "", "glossary file to add to (default: the user glossary)")
	f.BoolVar(&o.Force, "force", false, "add even when the term duplicates or contradicts an entry")
	return cmd
}

func glossaryAddRun(s *streams, o *glossaryAddOptions) error {
	path := o.File
	if path == "" {
		// The same setting and loader as the editor's add-term form.
		cfg, err := glossary.LoadConfig(tui.ConfigPath())
		if err != nil {
			return fmt.Errorf("glossary add: %w", err)
		}
		p, err := glossary.UserGlossaryPath(cfg.UserFile)
		if err != nil {
			return fmt.Errorf("glossary add: %w", err)
		}
		path = p
	}
	e := glossary.Entry{
		Terms:  glossary.NewTerms(map[string][]string{glossary.BaseLang(o.From): {o.Source}, glossary.BaseLang(o.To): {o.Target}}),
		Domain: o.Domain, Note: o.Note, POS: o.POS,
	}
	// The clash check runs under the lock AppendEntryChecked takes, so
	// parallel adds of one term give one row and clash reports.
	existing := func() (*glossary.Glossary, error) {
		src := glossarySources{NoBuiltin: true}
		// A file of the user folder is loaded with it: not twice.
		if _, err := os.Stat(path); err == nil && !safefile.SameFile(filepath.Dir(path), glossary.UserDir()) {
			src.Paths = []string{path}
		}
		return loadGlossaries(s, src)
	}
	added, clashes, err := glossary.AppendEntryChecked(path, e, o.From, o.To, glossary.AppendOptions{Existing: existing, Force: o.Force})
	for _, c := range clashes {
		fmt.Fprintf(s.Err, "trad: %s: %s: %s → %s\n", c.Kind, c.Entry.Origin, c.Source, strings.Join(c.Targets, " | "))
	}
	if errors.Is(err, glossary.ErrClash) {
		return errors.New("glossary add: the term clashes with the entries above; nothing added (--force adds it)")
	}
	if err != nil {
		return fmt.Errorf("glossary add: %w", err)
	}
	_, err = fmt.Fprintf(s.Out, "added to %s: %s → %s\n", added.Origin, strings.Join(added.Source(o.From), " | "), strings.Join(added.Target(o.To), " | "))
	return err
}
