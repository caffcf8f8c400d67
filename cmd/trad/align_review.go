package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/trad-project/trad/align"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tui"
)

// reviewPaths returns where the review writes the project and the TMX:
// -o names one of them, the other is derived from it (NAME.trad.json and
// NAME.tmx side by side).
func reviewPaths(source, out string, tmx bool) (project, tmxPath string) {
	if tmx {
		return segments.ProjectPath(source), out
	}
	return out, strings.TrimSuffix(out, segments.ProjectExt) + ".tmx"
}

// alignReview opens the alignment review view on res.
func alignReview(s *streams, res *alignment, out string, tmx bool) error {
	// The view cleans what it draws itself; it needs the terminal unwrapped.
	so, ok := rawOut(s.Out).(*os.File)
	si, inOK := s.In.(*os.File)
	if !ok || !inOK || !isTerminal(so) || !isTerminal(si) {
		return errors.New("align: --review needs a terminal (standard input and output); without it, align writes the project or TMX directly")
	}
	// As for the editor: ask the terminal for its background before the
	// first frame, where lipgloss would swallow the keys typed meanwhile.
	lipgloss.SetHasDarkBackground(termenv.NewOutput(so).HasDarkBackground())
	project, tmxPath := reviewPaths(res.src.SourcePath, out, tmx)
	m := tui.NewAlign(tui.AlignOptions{
		Src:     res.pair.Source(),
		Tgt:     res.pair.Target(),
		Links:   res.links,
		Rescore: res.pair.Confidence,
		Save: func(links []align.Link) error {
			res.links = links
			res.apply()
			return segments.Save(project, res.doc)
		},
		Export: func(links []align.Link) (string, error) {
			res.links = links
			res.apply()
			if err := writeAlignTMX(io.Discard, res.doc, tmxPath); err != nil {
				return "", fmt.Errorf("align: %w", err)
			}
			return tmxPath, nil
		},
		Title:   filepath.Base(res.src.SourcePath) + " ↔ " + filepath.Base(res.tgt.SourcePath),
		NoColor: os.Getenv("NO_COLOR") != "",
	})
	final, err := tea.NewProgram(m, tea.WithAltScreen(), tea.WithInput(si), tea.WithOutput(so)).Run()
	if err != nil {
		return fmt.Errorf("align: %w", err)
	}
	if fm, ok := final.(tui.AlignModel); ok && fm.Unsaved() {
		fmt.Fprintln(s.Err, "trad: align: quit without writing the last changes")
	}
	return nil
}
