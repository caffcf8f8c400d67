package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder: replaced by the segments work (issue 2).
func newSegmentCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "segment FILE",
		Short: "Split an article into sentence segments",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return errors.New("segment: not implemented yet")
		},
	}
}
