package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/internal/diag"
	"github.com/trad-project/trad/internal/safetext"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// the module version from the build info is used.
var version = ""

// streams are the command's standard streams, injected so tests can drive
// every subcommand without a terminal.
type streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// exitError carries a specific exit code up to run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// run executes trad with args and returns the process exit code.
func run(args []string, in io.Reader, out, errOut io.Writer) int {
	sOut, sErr := safetext.NewWriter(out), safetext.NewWriter(errOut)
	defer sOut.Flush()
	defer sErr.Flush()
	root := newRootCmd(&streams{In: in, Out: sOut, Err: sErr})
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(sErr, "trad:", err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	return 0
}

// safe returns s with its output streams wrapped in a safetext.Writer (once):
// whatever a command prints — text from articles, projects, memories and
// glossaries, file names in messages — reaches the terminal without escape
// sequences or control characters other than tab and newline. JSON stays
// valid: encoding/json writes C0 controls as \u escapes, which pass.
func (s *streams) safe() *streams {
	wrap := func(w io.Writer) io.Writer {
		if _, ok := w.(*safetext.Writer); ok {
			return w
		}
		return safetext.NewWriter(w)
	}
	return &streams{In: s.In, Out: wrap(s.Out), Err: wrap(s.Err)}
}

// rawOut returns the stream the editor draws on: the unwrapped standard
// output (the editor cleans the text it draws itself, and its own escape
// sequences must pass).
func rawOut(w io.Writer) io.Writer {
	if sw, ok := w.(*safetext.Writer); ok {
		return sw.Unwrap()
	}
	return w
}

func newRootCmd(raw *streams) *cobra.Command {
	s := raw.safe()
	root := &cobra.Command{
		Use:   "trad [FILE]",
		Short: "Translate articles segment by segment in the terminal",
		Long: `trad splits an article into sentence segments and opens a side-by-side
editor with glossary help; it exports the bilingual result as TMX, XLIFF,
Markdown or TSV. With no arguments it opens the bundled sample article.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionString(),
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.AddCommand(
		newVersionCmd(s),
		newSegmentCmd(s),
		newExportCmd(s),
		newImportCmd(s),
		newStatsCmd(s),
		newGlossaryCmd(s),
		newTMCmd(s),
		newPretranslateCmd(s),
		newConfirmCmd(s),
		newSplitCmd(s),
		newMergeCmd(s),
		newQACmd(s),
		newSpellCmd(s),
		newAlignCmd(s),
		newMTCmd(s),
		newAnalyzeCmd(s),
	)
	addEditCommand(root, &streams{In: s.In, Out: rawOut(raw.Out), Err: s.Err})
	addOfficeFlags(root)
	return root
}

func newVersionCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print trad's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(s.Out, "trad", versionString())
			return err
		},
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	// A module version only when it names a release (go install
	// …@v1.2.0): a build inside a checkout gets a pseudo-version
	// (v0.0.0-20251205…-abcdef+dirty) that go run does not, and the TMX
	// creationtoolversion must not depend on how trad was started.
	if bi, ok := debug.ReadBuildInfo(); ok && releaseVersion.MatchString(bi.Main.Version) {
		return bi.Main.Version
	}
	return "0.1.0-dev"
}

// releaseVersion matches a semantic version with no pre-release or build
// suffix, which pseudo-versions and "(devel)" always have.
var releaseVersion = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// printWarnings prints what reading worked around, one "trad: warning:"
// line each (segments, glossary and tm all return diag.Warning).
func printWarnings(s *streams, ws []diag.Warning) {
	for _, w := range ws {
		fmt.Fprintln(s.Err, "trad: warning:", w)
	}
}
