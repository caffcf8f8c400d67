package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/align"
	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

func runAlign(t *testing.T, stdin string, args ...string) (code int, out, errOut string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user glossaries
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var o, e bytes.Buffer
	code = run(append([]string{"align"}, args...), strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

// alignPair copies the French–English test articles of the align package
// to a temporary folder.
func alignPair(t *testing.T) (dir, fr, en string) {
	t.Helper()
	dir = t.TempDir()
	for _, name := range []string{"article.fr.md", "article.en.md"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "align", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(dir, "article.fr.md"), filepath.Join(dir, "article.en.md")
}

// alignTestGlossary returns the absolute path of the align package's test
// glossary: with --no-builtin, it pins the dictionary of the tests whose
// exact output would otherwise move with the built-in glossary's data.
func alignTestGlossary(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "align", "testdata", "glossary.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// pinnedAlign aligns two articles in process as `trad align --no-builtin
// --glossary alignTestGlossary` does (no user glossary).
func pinnedAlign(t *testing.T, fr, en string) []align.Link {
	t.Helper()
	g, _, err := glossary.ReadFile(alignTestGlossary(t))
	if err != nil {
		t.Fatal(err)
	}
	read := func(path, lang, target string) *segments.Document {
		d, _, err := segments.ReadFile(path, segments.ReadOptions{Lang: lang, Target: target})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	_, links := align.New(align.WithCore(g), "fr", "en").Documents(read(fr, "fr", "en"), read(en, "en", "fr"))
	return links
}

func TestAlignSentences(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.fr")
	os.WriteFile(src, []byte("Le président est arrivé le 3 mai.\nIl a vu 12 ministres.\nLa réunion a duré 4 heures.\n"), 0o644)
	tgt := "The president arrived on 3 May and saw 12 ministers.\nThe meeting lasted 4 hours.\n"
	code, out, errOut := runAlign(t, tgt, "--sentences", src, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	links, err := align.ParseLinks(strings.NewReader(out), "stdout")
	if err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	var got []string
	for _, l := range links {
		got = append(got, strings.SplitN(l.String(), ":", 3)[0]+":"+strings.SplitN(l.String(), ":", 3)[1])
	}
	if strings.Join(got, " ") != "[0, 1]:[0] [2]:[1]" {
		t.Errorf("links %v\n%s", got, out)
	}
	code, out, _ = runAlign(t, tgt, "--sentences", "--no-confidence", src, "-")
	if code != 0 || out != "[0, 1]:[0]\n[2]:[1]\n" {
		t.Errorf("--no-confidence: exit %d, %q", code, out)
	}
	outFile := filepath.Join(dir, "a.links")
	if code, _, e := runAlign(t, tgt, "--sentences", "-o", outFile, src, "-"); code != 0 {
		t.Fatalf("-o: exit %d: %s", code, e)
	}
	if data, _ := os.ReadFile(outFile); !strings.HasPrefix(string(data), "[0, 1]:[0]:") {
		t.Errorf("links file %q", data)
	}
}

func TestAlignProject(t *testing.T) {
	dir, fr, en := alignPair(t)
	code, _, errOut := runAlign(t, "", fr, en)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	project := filepath.Join(dir, "article.fr.trad.json")
	if !strings.Contains(errOut, "wrote "+project) || !strings.Contains(errOut, "merged or split") {
		t.Errorf("stderr %q", errOut)
	}
	doc, _, err := segments.Load(project)
	if err != nil {
		t.Fatal(err)
	}
	filled := 0
	for _, s := range doc.Segments {
		if s.Target != "" {
			filled++
			if s.Origin != align.Origin || s.Status != segments.StatusDraft {
				t.Errorf("segment %d: origin %q status %v", s.Index, s.Origin, s.Status)
			}
		}
	}
	if filled < len(doc.Segments)-2 {
		t.Errorf("%d of %d segments filled", filled, len(doc.Segments))
	}
	// An existing project is not replaced without --force.
	code, _, errOut = runAlign(t, "", fr, en)
	if code == 0 || !strings.Contains(errOut, "--force") {
		t.Errorf("second run: exit %d, %q", code, errOut)
	}
	if code, _, errOut = runAlign(t, "", "--force", fr, en); code != 0 {
		t.Errorf("--force: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(project + ".bak"); err != nil {
		t.Errorf("no backup of the replaced project: %v", err)
	}
	// The review would write it too, even with -o FILE.tmx.
	code, _, errOut = runAlign(t, "", "--review", fr, en, "-o", filepath.Join(dir, "x.tmx"))
	if code == 0 || !strings.Contains(errOut, "--force") {
		t.Errorf("--review -o x.tmx over a project: exit %d, %q", code, errOut)
	}
}

func TestAlignTMX(t *testing.T) {
	dir, fr, en := alignPair(t)
	out := filepath.Join(dir, "pair.tmx")
	code, _, errOut := runAlign(t, "", "--no-builtin", "--glossary", alignTestGlossary(t), fr, en, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	units, merged := 0, false
	err = bitext.ReadTMX(f, func(u bitext.TU) error {
		units++
		s, g := u.Variants["fr"], u.Variants["en"]
		if strings.HasPrefix(s, "L'ordre du jour") && strings.HasSuffix(s, "un avis.") && strings.HasPrefix(g, "The agenda") {
			merged = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if units < 40 || !merged {
		t.Errorf("%d units, merged unit found: %v", units, merged)
	}
}

// TestAlignAddedSentence checks that a sentence the translator added
// (no source sentence) is not lost: the project and the TMX keep it in the
// note of the unit before it, and the summary says so.
func TestAlignAddedSentence(t *testing.T) {
	dir := t.TempDir()
	fr, en := filepath.Join(dir, "a.fr.md"), filepath.Join(dir, "a.en.md")
	const added = "Paris had not seen such a summit since 1995, when the Schengen rules came into force for seven countries."
	os.WriteFile(fr, []byte("Le président est arrivé à Paris le 3 mai 2024.\n\nLa réunion a duré 4 heures et s'est terminée par un communiqué commun.\n\nLe lendemain, 300 manifestants attendaient devant le palais.\n"), 0o644)
	os.WriteFile(en, []byte("The president arrived in Paris on 3 May 2024.\n\nThe meeting lasted 4 hours and ended with a joint statement. "+added+"\n\nThe next day, 300 protesters were waiting outside the palace.\n"), 0o644)
	out := filepath.Join(dir, "a.tmx")
	code, _, errOut := runAlign(t, "", "--no-builtin", "--glossary", alignTestGlossary(t), fr, en, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "1 translated sentences without source, kept in notes") {
		t.Errorf("summary %q", errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var notes []string
	err = bitext.ReadTMX(f, func(u bitext.TU) error {
		if u.Variants["fr"] == "" || strings.Contains(u.Variants["en"], "Schengen") {
			t.Errorf("unit %+v: the added sentence is not a translation", u.Variants)
		}
		if u.Note != "" {
			notes = append(notes, u.Variants["fr"]+" | "+u.Note)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "La réunion a duré 4 heures et s'est terminée par un communiqué commun. | " + align.AddedPrefix + added
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

func TestAlignErrors(t *testing.T) {
	dir, fr, en := alignPair(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{fr, en, "-o", filepath.Join(dir, "x.xlf")}, "want a project"},
		{[]string{fr, filepath.Join(dir, "missing.md")}, "missing.md"},
		{[]string{"--review", "--sentences", fr, en}, "--review"},
		{[]string{"--review", fr, en}, "needs a terminal"},
		{[]string{"--sentences", "-", "-"}, "only one of"},
		{[]string{"-", en}, "give -o"},
		{[]string{"--sentences", filepath.Join(dir, "none"), en}, "none"},
	} {
		code, _, errOut := runAlign(t, "", tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

var updateAlign = flag.Bool("update-align", false, "rewrite the align golden files in ../../align/testdata")

// TestAlignSentencesGolden pins the exact --sentences output (links and
// confidences) on the story pair; -update-align rewrites it after a
// deliberate change of the aligner.
func TestAlignSentencesGolden(t *testing.T) {
	td := filepath.Join("..", "..", "align", "testdata")
	code, out, errOut := runAlign(t, "", "--sentences", "--no-builtin", "--glossary", alignTestGlossary(t),
		filepath.Join(td, "story.fr-en.fr"), filepath.Join(td, "story.fr-en.en"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden := filepath.Join(td, "story.fr-en.links")
	if *updateAlign {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s (go test -run AlignSentencesGolden -update-align to accept):\n%s", golden, out)
	}
}
