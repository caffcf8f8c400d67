package bitext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
)

// notes are put on fixtureDoc's segments: a reviewed heading, a draft, an
// untranslated segment in a translated block, a list item, a table cell,
// and a block without any translation; their texts hold what Markdown and
// XML would read otherwise.
var notes = map[int]string{
	0:  "vérifier le titre",
	2:  "deux\nlignes | * _ <br> `x` & <b> [^trad-s1]: y",
	3:  "  espaces autour  ",
	4:  "&#32; littéral \\ fin",
	10: "pays",
	13: "# pas un titre\n\n[^trad-s2]: pas une note",
}

func notesDoc() *segments.Document {
	doc := fixtureDoc()
	for i, n := range notes {
		doc.Segments[i].Note = n
	}
	return doc
}

// A segment's note goes out and comes back in TMX, XLIFF 2.1, 2.0, 1.2 and
// the Markdown parallel layout (for TMX, the segments exported as units).
func TestNotesRoundTrip(t *testing.T) {
	src := notesDoc()
	for _, tt := range []struct {
		name   string
		format string
		opts   Options
		imp    func(*segments.Document, *bytes.Buffer) (*ImportReport, error)
	}{
		{"tmx", FormatTMX, Options{All: true}, func(d *segments.Document, b *bytes.Buffer) (*ImportReport, error) { return ImportTMX(d, b, t0) }},
		{"xliff 2.1", FormatXLIFF, Options{All: true}, func(d *segments.Document, b *bytes.Buffer) (*ImportReport, error) { return ImportXLIFF(d, b, t0) }},
		{"xliff 2.0", FormatXLIFF, Options{All: true, XLIFF: XLIFFOptions{Version: XLIFF20}}, func(d *segments.Document, b *bytes.Buffer) (*ImportReport, error) { return ImportXLIFF(d, b, t0) }},
		{"xliff 1.2", FormatXLIFF, Options{All: true, XLIFF: XLIFFOptions{Version: XLIFF12}}, func(d *segments.Document, b *bytes.Buffer) (*ImportReport, error) { return ImportXLIFF(d, b, t0) }},
		{"md parallel", FormatMD, Options{All: true, Markdown: MarkdownOptions{Layout: LayoutParallel}}, func(d *segments.Document, b *bytes.Buffer) (*ImportReport, error) { return ImportMarkdown(d, b, t0) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, src, tt.format, tt.opts); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			back := fixtureDoc()
			if tt.format == FormatTMX {
				for i := range back.Segments { // TMX fills empty segments only
					back.Segments[i].Target, back.Segments[i].TargetTags, back.Segments[i].Status = "", nil, segments.StatusNew
				}
			}
			rep, err := tt.imp(back, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for i := range src.Segments {
				want := src.Segments[i].Note
				if tt.format == FormatTMX && !Exported(&src.Segments[i], tt.opts) {
					want = ""
				}
				if got := back.Segments[i].Note; got != want {
					t.Errorf("segment %d: note %q, want %q (report %+v)\n%s", i+1, got, want, rep, out)
				}
			}
		})
	}
}

// The parallel layout marks each note's segment with a footnote reference
// and lists the notes at the end; the article's own line that looks like
// a note is escaped, and a note-like line in a fenced code block is not
// read as a note.
func TestMarkdownNotes(t *testing.T) {
	doc := buildDoc("markdown",
		tb{kind: segments.KindParagraph, segs: []string{"[^trad-s2]: pas une note."}, tgts: []string{"[^trad-s2]: not a note.|translated"}},
		tb{kind: segments.KindParagraph, segs: []string{"Une phrase.", "Une autre."}, tgts: []string{"A sentence.|translated", "Another.|translated"}},
	)
	doc.Segments[1].Note = "à revoir"
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, doc, Options{Markdown: MarkdownOptions{Layout: LayoutParallel}}); err != nil {
		t.Fatal(err)
	}
	want := "\\[^trad-s2]: pas une note.\n\n\\[^trad-s2]: not a note.\n\nUne phrase. Une autre.\n\nA sentence.[^trad-s2-899f444c] Another.\n\n[^trad-s2-899f444c]: à revoir\n"
	if got := buf.String(); got != want {
		t.Fatalf("parallel layout:\n%s\nwant\n%s", got, want)
	}
	in := buf.String() + "\n```\n[^trad-s1]: dans du code\n```\n\n~~~~\n```\n[^trad-s1]: encore du code\n~~~~\n\n[^trad-s9]: hors du projet\n"
	back := buildDoc("markdown",
		tb{kind: segments.KindParagraph, segs: []string{"[^trad-s2]: pas une note."}},
		tb{kind: segments.KindParagraph, segs: []string{"Une phrase.", "Une autre."}},
	)
	rep, err := ImportMarkdown(back, strings.NewReader(in), t0)
	if err != nil {
		t.Fatal(err)
	}
	if back.Segments[0].Note != "" || back.Segments[1].Note != "à revoir" || back.Segments[2].Note != "" {
		t.Errorf("notes %q, %q, %q; want only segment 2's", back.Segments[0].Note, back.Segments[1].Note, back.Segments[2].Note)
	}
	if rep.Units != 2 || rep.Filled != 1 || len(rep.Skipped) != 1 || rep.Skipped[0].Line != 20 || !strings.HasPrefix(rep.Skipped[0].Msg, "segment s9") {
		t.Errorf("report %+v", rep)
	}
}

// Any note survives the parallel layout: written, escaped, read back.
func FuzzMarkdownNote(f *testing.F) {
	for _, n := range notes {
		f.Add(n)
	}
	f.Add("<br>\\<br>&#13;\r\n\u2003x\u00a0")
	f.Fuzz(func(t *testing.T, note string) {
		if !utf8.ValidString(note) {
			return
		}
		note = segments.Normalize(note)
		if got := unescapeCell(MarkdownCell(note)); got != note {
			t.Fatalf("cell %q reads back %q, want %q", MarkdownCell(note), got, note)
		}
		doc := fixtureDoc()
		doc.Segments[5].Note = note
		var buf bytes.Buffer
		if err := WriteMarkdown(&buf, doc, Options{Markdown: MarkdownOptions{Layout: LayoutParallel}}); err != nil {
			t.Fatal(err)
		}
		back := fixtureDoc()
		if _, err := ImportMarkdown(back, &buf, t0); err != nil {
			t.Fatal(err)
		}
		want := note
		if strings.TrimSpace(note) == "" {
			want = ""
		}
		for i, s := range back.Segments {
			if w := map[bool]string{true: want}[i == 5]; s.Note != w {
				t.Fatalf("segment %d: note %q, want %q", i+1, s.Note, w)
			}
		}
	})
}

func TestUnescapeCell(t *testing.T) {
	for in, want := range map[string]string{
		`a\|b\*c`:        "a|b*c",
		"x<br>y":         "x\ny",
		`\<br>`:          "<br>",
		"&#32;a&#160;":   " a\u00a0",
		"&#x20; &#;":     "&#x20; &#;",
		`\a \\ \`:        `\a \ \`,
		"&#99999999999;": "&#99999999999;",
	} {
		if got := unescapeCell(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// A renderer with footnotes (goldmark, as GitHub's) shows each note as a
// footnote of the segment that has it, with the note's text.
func TestMarkdownNotesRenderAsFootnotes(t *testing.T) {
	var md bytes.Buffer
	if err := WriteMarkdown(&md, notesDoc(), Options{All: true, Markdown: MarkdownOptions{Layout: LayoutParallel}}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(ghtml.WithUnsafe())).Convert(md.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	if n := strings.Count(html, `<li id="fn:`); n != len(notes) {
		t.Errorf("%d footnotes, want %d:\n%s", n, len(notes), html)
	}
	for _, want := range []string{
		`Digital sovereignty<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
		`<p>vérifier le titre&#160;<a href="#fnref:1"`,
		"deux<br>lignes | * _ &lt;br&gt; `x` &amp; &lt;b&gt; [^trad-s1]: y",
		`# pas un titre<br><br>[^trad-s2]: pas une note`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered HTML lacks %q:\n%s", want, html)
		}
	}
}

// Any input: no panic, the document stays consistent, notes are clean.
func FuzzImportMarkdown(f *testing.F) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, notesDoc(), Options{All: true, Markdown: MarkdownOptions{Layout: LayoutParallel}}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add("[^trad-s1]: \x1b[31mrouge&#27;\n```\n[^trad-s2]: x\n")
	f.Fuzz(func(t *testing.T, in string) {
		doc := fixtureDoc()
		if _, err := ImportMarkdown(doc, strings.NewReader(in), t0); err != nil {
			t.Fatal(err)
		}
		if err := doc.Check(); err != nil {
			t.Fatalf("import left an inconsistent document: %v", err)
		}
		for _, s := range doc.Segments {
			if hasControl(s.Note) {
				t.Fatalf("segment %d: note %q holds a control character", s.Index+1, s.Note)
			}
		}
	})
}

// A line longer than the reader takes is an error naming it.
func TestImportMarkdownLongLine(t *testing.T) {
	in := "Une ligne.\n" + strings.Repeat("x", 65<<20) + "\n"
	_, err := ImportMarkdown(fixtureDoc(), strings.NewReader(in), t0)
	if err == nil || !strings.Contains(err.Error(), "line 2:") {
		t.Errorf("error %v, want one naming line 2", err)
	}
}
