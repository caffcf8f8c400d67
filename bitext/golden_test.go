package bitext

import (
	"bytes"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// TestGoldens writes the fixture project in every format and layout and
// compares with testdata/golden (checked once with xmllint, tmx-validate
// and md-table; see .ci/interop.d/bitext.sh for the checks CI repeats).
func TestGoldens(t *testing.T) {
	tests := []struct {
		file, format string
		opts         Options
		doc          func() *segments.Document
	}{
		{"fixture.tmx", FormatTMX, Options{}, fixtureDoc},
		{"fixture-all-paragraph.tmx", FormatTMX, Options{All: true, TMX: TMXOptions{Level: LevelParagraph}}, fixtureDoc},
		{"fixture-context.tmx", FormatTMX, Options{All: true, Context: true}, fixtureDoc},
		{"fixture.xlf", FormatXLIFF, Options{All: true}, fixtureDoc},
		{"fixture-12.xlf", FormatXLIFF, Options{All: true, XLIFF: XLIFFOptions{Version: XLIFF12}}, fixtureDoc},
		{"fixture.md", FormatMD, Options{}, fixtureDoc},
		{"fixture-parallel.md", FormatMD, Options{Markdown: MarkdownOptions{Layout: LayoutParallel}}, fixtureDoc},
		{"fixture-notes-parallel.md", FormatMD, Options{All: true, Markdown: MarkdownOptions{Layout: LayoutParallel}}, notesDoc},
		{"fixture-target.md", FormatTarget, Options{}, fixtureDoc},
		{"fixture.tsv", FormatTSV, Options{}, fixtureDoc},
		{"text-target.txt", FormatTarget, Options{All: true}, textDoc},
		{"text-parallel.md", FormatMD, Options{All: true, Markdown: MarkdownOptions{Layout: LayoutParallel}}, textDoc},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var buf bytes.Buffer
			var warns []string
			tt.opts.Now, tt.opts.ToolVersion = t0, "test"
			tt.opts.Warn = func(m string) { warns = append(warns, m) }
			if err := Write(&buf, tt.doc(), tt.format, tt.opts); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, buf.String())
			if tt.format == FormatTarget && !tt.opts.All && (len(warns) != 1 || !strings.HasPrefix(warns[0], "4 of 14 segments not translated")) {
				t.Errorf("warnings %q, want 4 of 14 untranslated", warns)
			}
		})
	}
}

// textDoc is a plain-text article: a title, paragraphs, a nested list.
func textDoc() *segments.Document {
	return buildDoc("text",
		tb{kind: segments.KindHeading, level: 1, segs: []string{"Titre"}, tgts: []string{"Title|translated"}},
		tb{kind: segments.KindParagraph, segs: []string{"Une phrase.", "Une autre."}, tgts: []string{"A sentence.|draft"}},
		tb{kind: segments.KindListItem, level: 1, marker: "1.", segs: []string{"Premier."}, tgts: []string{"First.|translated"}},
		tb{kind: segments.KindListItem, level: 2, marker: "-", segs: []string{"Sous-point."}, tgts: []string{"Sub-point.|translated"}},
		tb{kind: segments.KindListItem, level: 1, marker: "2.", segs: []string{"Second."}},
	)
}
