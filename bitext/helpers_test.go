package bitext

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// tb describes a block for buildDoc: its segments' sources and, per
// segment, "target|status" (status one of new, draft, translated, reviewed).
type tb struct {
	kind          segments.BlockKind
	level         int
	marker, info  string
	text          string   // for code blocks and table delimiter rows
	prefix, after string   // text around the segments (table pipes)
	sep           string   // between segments, default " "
	segs          []string // sources
	tgts          []string // "target|status"
}

var t0 = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

// buildDoc builds a document by hand, with offsets that index block texts.
func buildDoc(format string, blocks ...tb) *segments.Document {
	doc := &segments.Document{
		SourceLang: language.MustParse("fr-FR"),
		TargetLang: language.MustParse("en"),
		SourcePath: "article.fr." + map[string]string{"markdown": "md", "text": "txt"}[format],
		Format:     format,
	}
	for _, d := range blocks {
		bl := segments.Block{Kind: d.kind, Level: d.level, Marker: d.marker, Info: d.info, First: len(doc.Segments)}
		if len(d.segs) == 0 {
			bl.Text = d.text
			doc.Blocks = append(doc.Blocks, bl)
			continue
		}
		sep := d.sep
		if sep == "" {
			sep = " "
		}
		text := d.prefix
		for i, s := range d.segs {
			if i > 0 {
				text += sep
			}
			seg := segments.Segment{Index: len(doc.Segments), Block: len(doc.Blocks), Start: len(text), Source: s}
			text += s
			seg.End = len(text)
			if i < len(d.tgts) && d.tgts[i] != "" {
				k := strings.LastIndexByte(d.tgts[i], '|')
				tgt, st := d.tgts[i][:k], d.tgts[i][k+1:]
				seg.Target = tgt
				seg.Status, _ = segments.ParseStatus(st)
				seg.Changed = t0.Add(time.Duration(seg.Index) * time.Minute)
			}
			doc.Segments = append(doc.Segments, seg)
		}
		bl.Text = text + d.after
		bl.Count = len(d.segs)
		doc.Blocks = append(doc.Blocks, bl)
	}
	return doc
}

// fixtureDoc is a Markdown article with every block kind, statuses and
// characters that formats must escape.
func fixtureDoc() *segments.Document {
	return buildDoc("markdown",
		tb{kind: segments.KindHeading, level: 1, segs: []string{"La souveraineté numérique"},
			tgts: []string{"Digital sovereignty|reviewed"}},
		tb{kind: segments.KindParagraph,
			segs: []string{"L’Europe dépend des « hyperscalers » américains.", "Prix : 5 € & taxes <incluses>.", "Cette phrase reste à traduire."},
			tgts: []string{"Europe depends on American \"hyperscalers\".|translated", "Price: €5 & taxes <included>.|draft"}},
		tb{kind: segments.KindListItem, level: 1, marker: "-", segs: []string{"Le *cloud* | les données."},
			tgts: []string{"The *cloud* | the data.|translated"}},
		tb{kind: segments.KindListItem, level: 2, marker: "1.", segs: []string{"Un chemin C:\\dossier\\`code`."},
			tgts: []string{"A path C:\\folder\\`code`.|translated"}},
		tb{kind: segments.KindListItem, level: 1, marker: "-", segs: []string{"# pas un titre"},
			tgts: []string{"# not a heading|translated"}},
		tb{kind: segments.KindQuote, segs: []string{"« Il a dit bonjour » 😀 à M. Dupont.", "Deuxième phrase."},
			tgts: []string{"\"He said hello\" 😀 to Mr Dupont.|translated", "Second sentence.|translated"}},
		tb{kind: segments.KindCode, info: "go", text: "```go\nfmt.Println(\"x\")\n```"},
		tb{kind: segments.KindParagraph, info: "table", prefix: "| ", sep: " | ", after: " |", segs: []string{"Pays", "Capitale"},
			tgts: []string{"Country|translated", "Capital|translated"}},
		tb{kind: segments.KindCode, info: "table", text: "|---|---|"},
		tb{kind: segments.KindParagraph, info: "table", prefix: "| ", sep: " | ", after: " |", segs: []string{"France", "Paris"},
			tgts: []string{"France|translated", ""}},
		tb{kind: segments.KindParagraph, segs: []string{"Fin."}, tgts: []string{"|translated"}},
	)
}

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// gfmRows parses the rows of a GFM table as markdown-it does for the
// constructs trad writes: cells split at unescaped pipes and trimmed,
// backslash escapes of ASCII punctuation, numeric character references,
// the entities &amp; &lt; &gt; &quot;, and <br> as a line break. The
// delimiter row is dropped. It returns nil for lines that are not rows.
func gfmRows(md string) [][]string {
	var rows [][]string
	for n, line := range strings.Split(strings.TrimRight(md, "\n"), "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		if n == 1 && strings.Trim(line, "|-: ") == "" {
			continue
		}
		line = strings.TrimPrefix(strings.TrimSpace(line), "|")
		var cells []string
		esc, start := false, 0
		for i := 0; i < len(line); i++ {
			switch {
			case esc:
				esc = false
			case line[i] == '\\':
				esc = true
			case line[i] == '|':
				cells = append(cells, line[start:i])
				start = i + 1
			}
		}
		if rest := line[start:]; strings.TrimSpace(rest) != "" {
			cells = append(cells, rest)
		}
		for i, c := range cells {
			cells[i] = gfmInline(strings.TrimFunc(c, jsSpace))
		}
		rows = append(rows, cells)
	}
	return rows
}

func gfmInline(c string) string {
	var b strings.Builder
	for i := 0; i < len(c); {
		switch {
		case c[i] == '\\' && i+1 < len(c) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c[i+1]) >= 0:
			b.WriteByte(c[i+1])
			i += 2
		case strings.HasPrefix(c[i:], "<br>"):
			b.WriteByte('\n')
			i += 4
		case strings.HasPrefix(c[i:], "&#"):
			j := strings.IndexByte(c[i:], ';')
			if v, err := strconv.Atoi(c[i+2 : i+j]); j > 0 && err == nil && utf8.ValidRune(rune(v)) {
				b.WriteRune(rune(v))
				i += j + 1
				continue
			}
			b.WriteByte(c[i])
			i++
		default:
			ent := map[string]string{"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\""}
			done := false
			for k, v := range ent {
				if strings.HasPrefix(c[i:], k) {
					b.WriteString(v)
					i += len(k)
					done = true
					break
				}
			}
			if !done {
				b.WriteByte(c[i])
				i++
			}
		}
	}
	return b.String()
}

func mustTag(s string) language.Tag { return language.MustParse(s) }

func mustRead(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
