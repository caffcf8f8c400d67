package main

import "github.com/spf13/cobra"

// addEditCommand wires the editor: `trad edit FILE`, and `trad [FILE]` as its
// shorthand. Placeholder until the editor lands (issue 4).
func addEditCommand(root *cobra.Command, s *streams) {}
