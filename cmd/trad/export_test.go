package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

var updateFixture = flag.Bool("update-fixture", false, "rewrite bitext/testdata/project/*.trad.json")

// fixtureTranslations are the targets of the fixture projects, by source;
// "Cette phrase reste à traduire." stays new and the 5G item is a draft.
var fixtureTranslations = map[string]string{
	"La souveraineté numérique":                                    "Digital sovereignty",
	"L'Europe dépend des fournisseurs américains pour le cloud.":   "Europe depends on American providers for the cloud.",
	"L'Europe dépend des fournisseurs *américains* pour le cloud.": "Europe depends on *American* providers for the cloud.",
	"Prix : 5 € & taxes <incluses>.":                               "Price: €5 & taxes <included>.",
	"Les données « sensibles » doivent rester en Europe.":          "\"Sensitive\" data must stay in Europe.",
	"Le débat | la controverse continue.":                          "The debate | the controversy goes on.",
	"Les puces sont stratégiques.":                                 "Chips are strategic.",
	"La 5G aussi.":                                                 "So is 5G.",
	"Pays":                                                         "Country",
	"Capitale":                                                     "Capital",
	"France":                                                       "France",
	"Paris":                                                        "Paris",
	// tags.fr.md: targets written in Markdown, mapped onto the source's codes.
	"Le *guide* des balises":                               "The tag *guide*",
	"Le **cloud** et la [CNIL](https://cnil.fr/?a=1&b=2).": "The **cloud** and the [CNIL](https://cnil.fr/?a=1&b=2).",
	"Lancez `go build` ici.":                               "Run `go build` here.",
	"**Tout en gras.**":                                    "**All in bold.**",
	"Fin <br> ![logo](a.png).":                             "End <br> ![logo](a.png).",
}

// translate fills doc from fixtureTranslations.
func translate(doc *segments.Document) {
	at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	for i, s := range doc.Segments {
		bl := &doc.Blocks[s.Block]
		if t, ok := fixtureTranslations[bl.SourceMarkup(&s)]; ok {
			st := segments.StatusTranslated
			if s.Source == "La 5G aussi." {
				st = segments.StatusDraft
			}
			text, tags, _ := bl.ParseTargetMarkup(&s, t)
			doc.UpdateTagged(i, text, tags, st, s.Origin, at)
		}
	}
}

// makeProject copies the fixture article name into a temporary folder and
// saves its translated project there; it returns the article's path.
func makeProject(t *testing.T, name string) (article, project string) {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "bitext", "testdata", "project", name))
	if err != nil {
		t.Fatal(err)
	}
	article = filepath.Join(dir, name)
	if err := os.WriteFile(article, data, 0o644); err != nil {
		t.Fatal(err)
	}
	op, err := segments.OpenProject(article, segments.OpenOptions{})
	doc, project := op.Doc, op.Path()
	if err != nil {
		t.Fatal(err)
	}
	translate(doc)
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	return article, project
}

// TestWriteFixtureProjects rewrites the committed fixture projects used by
// .ci/interop.d/bitext.sh when run with -update-fixture.
func TestWriteFixtureProjects(t *testing.T) {
	if !*updateFixture {
		t.Skip("run with -update-fixture to rewrite bitext/testdata/project")
	}
	for _, name := range []string{"note.fr.txt", "article.fr.md", "tags.fr.md"} {
		path := filepath.Join("..", "..", "bitext", "testdata", "project", name)
		op, err := segments.OpenProject(path, segments.OpenOptions{})
		doc, project := op.Doc, op.Path()
		if err != nil {
			t.Fatal(err)
		}
		translate(doc)
		if err := segments.Save(project, doc); err != nil {
			t.Fatal(err)
		}
		os.Remove(project + ".bak")
	}
}

// runTrad runs trad with args, registering the bitext verbs when root.go
// does not (yet) do it.
func runTrad(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb}
	root := newRootCmd(s)
	have := map[string]bool{}
	for _, c := range root.Commands() {
		have[c.Name()] = true
	}
	for name, mk := range map[string]func(*streams) *cobra.Command{"export": newExportCmd, "import": newImportCmd, "stats": newStatsCmd} {
		if !have[name] {
			root.AddCommand(mk(s))
		}
	}
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(&errb, "trad:", err)
		return 1, out.String(), errb.String()
	}
	return 0, out.String(), errb.String()
}

func TestExportFormats(t *testing.T) {
	article, project := makeProject(t, "article.fr.md")
	tests := []struct {
		args []string
		want []string // substrings of the output
		not  []string
	}{
		{[]string{"--format", "tmx"}, []string{`srclang="fr"`, `<seg>Price: €5 &amp; taxes &lt;included&gt;.</seg>`}, []string{"So is 5G."}},
		{[]string{"--format", "tmx", "--all"}, []string{"So is 5G."}, nil},
		{[]string{"--format", "tmx", "--tmx-level", "paragraph"}, []string{`segtype="paragraph"`, "<seg>Chips are strategic.</seg>"}, []string{"Price"}},
		{[]string{"--format", "xliff"}, []string{`version="2.1"`, `<segment id="s4" state="initial">`}, nil},
		{[]string{"--format", "xliff", "--xliff-version", "1.2"}, []string{`version="1.2"`, `<target state="translated">Digital sovereignty</target>`}, nil},
		{[]string{"--format", "md"}, []string{"| # | Source (fr) | Target (en) |", `| The debate \| the controversy goes on. |`}, nil},
		{[]string{"--format", "md", "--md-layout", "parallel"}, []string{"# La souveraineté numérique\n\n# Digital sovereignty\n"}, nil},
		{[]string{"--format", "target"}, []string{"# Digital sovereignty\n", "- Chips are strategic.\n  1. La 5G aussi.\n", "```go\nfmt.Println(\"pas traduit\")\n```"}, nil},
		{[]string{"--format", "tsv"}, []string{"Pays\tCountry\ttranslated\n", "Cette phrase reste à traduire.\t\tnew\n"}, nil},
	}
	for _, tt := range tests {
		for _, path := range []string{article, project} {
			code, out, errs := runTrad(t, append([]string{"export", path}, tt.args...)...)
			if code != 0 {
				t.Fatalf("export %v: exit %d: %s", tt.args, code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("export %s %v: output lacks %q:\n%s", filepath.Base(path), tt.args, w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("export %v: output has %q", tt.args, w)
				}
			}
		}
	}
	// The translated document warns about what stays in French.
	if _, _, errs := runTrad(t, "export", project, "--format", "target"); !strings.Contains(errs, "2 of 12 segments not translated") {
		t.Errorf("target export warnings: %q", errs)
	}
}

func TestExportOutputFile(t *testing.T) {
	article, _ := makeProject(t, "note.fr.txt")
	dir := filepath.Dir(article)
	for _, tt := range []struct{ file, root string }{
		{"out.tmx", "tmx"}, {"out.xlf", "xliff"}, {"out.xliff", "xliff"},
	} {
		out := filepath.Join(dir, tt.file)
		if code, _, errs := runTrad(t, "export", article, "-o", out); code != 0 {
			t.Fatalf("export -o %s: %s", tt.file, errs)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var root struct{ XMLName xml.Name }
		if err := xml.Unmarshal(data, &root); err != nil || root.XMLName.Local != tt.root {
			t.Errorf("%s: root %v err %v, want <%s>", tt.file, root.XMLName, err, tt.root)
		}
	}
	txt := filepath.Join(dir, "out.txt")
	if code, _, errs := runTrad(t, "export", article, "-o", txt); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(txt); !strings.HasPrefix(string(b), "Digital sovereignty\n\nEurope depends") {
		t.Errorf("out.txt:\n%s", b)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestExportErrors(t *testing.T) {
	article, _ := makeProject(t, "note.fr.txt")
	dir := filepath.Dir(article)
	keep := filepath.Join(dir, "keep.tmx")
	os.WriteFile(keep, []byte("precious"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", article}, "give --format"},
		{[]string{"export", article, "-o", filepath.Join(dir, "out.docx")}, "cannot tell the format"},
		{[]string{"export", article, "--format", "pdf"}, "unknown export format"},
		{[]string{"export", article, "-o", keep, "--tmx-level", "word"}, "unknown level"},
		{[]string{"export", filepath.Join(dir, "missing.txt"), "--format", "tmx"}, "missing.txt"},
		{[]string{"export", article, "-o", filepath.Join(dir, "nodir", "x.tmx")}, "nodir"},
		{[]string{"export", article, "-o", article}, "the project's own file"},
	}
	for _, tt := range tests {
		code, _, errs := runTrad(t, tt.args...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want an error mentioning %q", tt.args, code, errs, tt.want)
		}
	}
	if b, _ := os.ReadFile(keep); string(b) != "precious" {
		t.Errorf("a failed export replaced the file: %q", b)
	}
}

func TestFormatForPath(t *testing.T) {
	for in, want := range map[string]string{"a.TMX": "tmx", "a.xlf": "xliff", "a.md": "md", "a.tsv": "tsv", "a.txt": "target", "a.json": "", "dir.x/a": ""} {
		if got := bitext.FormatForPath(in); got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", in, got, want)
		}
	}
}
