package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/tm"
)

func newTMCompactCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "compact",
		Short: "Fold the user memory's journals into its TMX files",
		Long: `compact folds the journals of the user's memory folder ($XDG_DATA_HOME/trad/tm),
NAME.journal.jsonl, where confirmed segments are appended, into their TMX
files NAME.tmx, and empties them: afterwards the TMX files hold the whole
memory, for another tool to import. The editor does this by itself when a
journal passes 4 MB. It prints the TMX files rewritten, one a line.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			done, err := tm.CompactAll("")
			for _, f := range done {
				fmt.Fprintln(s.Out, f)
			}
			if err != nil {
				return fmt.Errorf("tm compact: %w", err)
			}
			return nil
		},
	}
}
