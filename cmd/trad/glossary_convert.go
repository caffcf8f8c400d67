package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/glossary"
)

type glossaryConvertOptions struct {
	In, Out  string
	From, To string
	Format   string
	fromSet  bool
}

func newGlossaryConvertCmd(s *streams) *cobra.Command {
	o := &glossaryConvertOptions{}
	cmd := &cobra.Command{
		Use:   "convert [flags] IN OUT",
		Short: "Convert a glossary between OmegaT TSV, CSV and TBX",
		Long: `convert reads IN (any format trad reads) and writes OUT, the format chosen
by OUT's extension unless --format says otherwise:

  .txt .utf8 .tab   OmegaT tab-separated: source, target, comment (--from/--to)
  .tsv .csv         a header of language codes and every language, or with
                    --from/--to, two columns as OmegaT reads them
  .tbx              TBX 2008 <martif type="TBX-Basic">, which OmegaT and
                    translate-toolkit read (--format tbx3 for TBX v3)

OUT is written to a temporary file and renamed, so it is never left half
written. IN may be "builtin" for the built-in glossary.`,
		Example: `  trad glossary convert terms.csv terms.tbx
  trad glossary convert --from fr --to de builtin fr-de.utf8
  trad glossary convert --format tbx3 terms.tbx terms-v3.tbx`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.In, o.Out = args[0], args[1]
			o.fromSet = cmd.Flags().Changed("from") || cmd.Flags().Changed("to")
			return glossaryConvertRun(s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "fr", "source language (two-column outputs; names OmegaT files' source column)")
	f.StringVar(&o.To, "to", "en", "target language (two-column outputs; names OmegaT files' target column)")
	f.StringVar(&o.Format, "format", "", "output format: tsv, tsv-multi, csv, csv-multi, tbx or tbx3 (default: by extension)")
	return cmd
}

// outputFormat picks the format to write OUT in.
func (o *glossaryConvertOptions) outputFormat() (glossary.Format, error) {
	if o.Format != "" {
		return glossary.ParseFormat(o.Format)
	}
	switch strings.ToLower(filepath.Ext(o.Out)) {
	case ".txt", ".utf8", ".tab":
		return glossary.FormatTSV, nil
	case ".tsv":
		if o.fromSet {
			return glossary.FormatTSV, nil
		}
		return glossary.FormatTSVMulti, nil
	case ".csv":
		if o.fromSet {
			return glossary.FormatCSV, nil
		}
		return glossary.FormatCSVMulti, nil
	case ".tbx":
		return glossary.FormatTBX, nil
	}
	return "", fmt.Errorf("cannot tell the format of %s from its extension: use --format", o.Out)
}

func glossaryConvertRun(s *streams, o *glossaryConvertOptions) error {
	format, err := o.outputFormat()
	if err != nil {
		return fmt.Errorf("glossary convert: %w", err)
	}
	var g *glossary.Glossary
	if _, statErr := os.Stat(o.In); o.In == glossary.BuiltinName && errors.Is(statErr, os.ErrNotExist) {
		g = glossary.Default()
	} else {
		var warns []glossary.Warning
		g, warns, err = glossary.Open(o.In)
		printWarnings(s, warns)
		if err != nil {
			return fmt.Errorf("glossary convert: %w", err)
		}
	}
	if abs(o.In) == abs(o.Out) {
		return fmt.Errorf("glossary convert: %s is both input and output", o.In)
	}
	n, err := glossary.WriteFile(o.Out, g, format, glossary.WriteOptions{From: o.From, To: o.To})
	if err != nil {
		return fmt.Errorf("glossary convert: %w", err)
	}
	fmt.Fprintf(s.Err, "trad: wrote %s entries to %s (%s)\n", strconv.Itoa(n), o.Out, format)
	return nil
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
