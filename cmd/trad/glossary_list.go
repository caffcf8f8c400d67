package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newGlossaryListCmd(s *streams) *cobra.Command {
	o := &glossaryOptions{}
	cmd := &cobra.Command{
		Use:   "list [flags]",
		Short: "Print every glossary entry, sorted with French collation",
		Long: `list prints every entry of the loaded glossaries (see trad glossary --help
for the sources), in the format of trad glossary lookup.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGlossaries(s, o.sources())
			if err != nil {
				return fmt.Errorf("glossary list: %w", err)
			}
			return printEntries(s, g.Entries(), o)
		},
	}
	o.addLoadFlags(cmd)
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON lines")
	return cmd
}
