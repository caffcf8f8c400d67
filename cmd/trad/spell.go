package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/spell"
)

// newSpellCmd is `trad spell`: the user dictionary and a spelling check of
// a text, with the Hunspell dictionaries the editor and `trad qa` use.
func newSpellCmd(s *streams) *cobra.Command {
	var lang string
	cmd := &cobra.Command{
		Use:   "spell add WORD... --lang LANG | spell check TEXT --lang LANG",
		Short: "Add words to the user dictionary, or check the spelling of a text",
		Long: `spell manages the user's dictionary ($XDG_DATA_HOME/trad/spell/LANG.txt, one
word a line) that the spelling check of the editor and of 'trad qa' accepts
besides the Hunspell dictionary of the language (found in
$XDG_DATA_HOME/trad/hunspell, /usr/share/hunspell or /usr/share/myspell/dicts;
Debian packages hunspell and hunspell-en-us, hunspell-fr…).`,
		Example: `  trad spell add Zelensky chipmaker --lang en
  trad spell check "The goverment said." --lang en`,
	}
	add := &cobra.Command{
		Use:   "add WORD... --lang LANG",
		Short: "Add words to the user dictionary of a language",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := spell.UserWordsPath(lang)
			for _, w := range args {
				added, err := spell.AddUserWord(path, w)
				if err != nil {
					return fmt.Errorf("spell add: %w", err)
				}
				if added {
					fmt.Fprintf(s.Out, "%s: added %q\n", path, w)
				} else {
					fmt.Fprintf(s.Out, "%s: %q is already there\n", path, w)
				}
			}
			return nil
		},
	}
	check := &cobra.Command{
		Use:   "check TEXT... --lang LANG",
		Short: "Print the misspelt words of a text, one a line with suggestions",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := spell.New(lang)
			if err != nil {
				return fmt.Errorf("spell check: %w", err)
			}
			defer c.Close()
			ctx := context.Background()
			for _, text := range args {
				spans, err := c.Check(ctx, text)
				if err != nil {
					return fmt.Errorf("spell check: %w", err)
				}
				for _, sp := range spans {
					suggs, _ := c.Suggest(ctx, sp.Word)
					fmt.Fprintf(s.Out, "%d:%d %s %v\n", sp.Start, sp.End, sp.Word, suggs)
				}
			}
			return nil
		},
	}
	for _, c := range []*cobra.Command{add, check} {
		c.Flags().StringVar(&lang, "lang", "", "language (BCP 47: en, en-GB, fr)")
		_ = c.MarkFlagRequired("lang")
		cmd.AddCommand(c)
	}
	return cmd
}
