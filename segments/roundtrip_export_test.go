package segments_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// breaksArticle is a Markdown document of n groups of blocks with hard
// line breaks (both forms, inside and between sentences), inline <br>,
// and tables whose cells hold inline formatting, besides the usual
// emphasis, links and code spans.
func breaksArticle(n int) string {
	var b strings.Builder
	b.WriteString("# Adresses et *tableaux*\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Le bureau %d est au  \n12 rue **Haute**, à [Paris](https://exemple.fr/%d).\\\nOuvert le lundi. Fermé le `dimanche`.\n\n", i, i)
		fmt.Fprintf(&b, "- Écrire à la mairie<br>%d place du Marché. Puis attendre.<br>La réponse vient.\n\n", i)
		fmt.Fprintf(&b, "> Il a dit :   \n> « *Jamais* %d. »\n\n", i)
		fmt.Fprintf(&b, "| Ville | Note |\n|---|:-:|\n| **Lyon %d** | voir [ici](https://a.b/%d) et `x\\|y` |\n| Nice | *bien*, très **bien** |\n\n", i, i)
	}
	return strings.TrimRight(b.String(), "\n")
}

// TestBreaksRoundTrip saves and reopens a project of breaksArticle and
// writes its translated document: untranslated, it is the article byte for
// byte; with every target its source and tags, too; and TMX and XLIFF
// hold the plain sentences, line breaks as spaces, no markup.
func TestBreaksRoundTrip(t *testing.T) {
	md := breaksArticle(40)
	dir := t.TempDir()
	src := filepath.Join(dir, "article.md")
	if err := os.WriteFile(src, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, err := segments.ReadFile(src, segments.ReadOptions{Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	codes, breaks := 0, 0
	for _, b := range doc.Blocks {
		codes += len(b.Codes)
		for _, c := range b.Codes {
			if c.Type == segments.CodeBreak {
				breaks++
			}
		}
	}
	if codes < 400 || breaks < 200 {
		t.Fatalf("%d codes, %d line breaks read", codes, breaks)
	}
	pp := segments.ProjectPath(src)
	if err := segments.Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	if doc, _, err = segments.Load(pp); err != nil {
		t.Fatal(err)
	}
	write := func() string {
		var out bytes.Buffer
		if err := bitext.WriteTarget(&out, doc, bitext.Options{}); err != nil {
			t.Fatal(err)
		}
		return strings.TrimSuffix(out.String(), "\n")
	}
	if got := write(); got != md {
		t.Errorf("untranslated document differs:\n%s", diffAt(got, md))
	}
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for i, s := range doc.Segments {
		if strings.ContainsAny(s.Source, "*`[\n") || strings.Contains(s.Source, "<br>") {
			t.Fatalf("segment %d keeps markup: %q", i, s.Source)
		}
		doc.ConfirmTagged(i, s.Source, s.SourceTags, "", now)
	}
	if got := write(); got != md {
		t.Errorf("translated document differs:\n%s", diffAt(got, md))
	}
	var tmx bytes.Buffer
	if err := bitext.WriteTMX(&tmx, doc, bitext.Options{}); err != nil {
		t.Fatal(err)
	}
	found := false
	err = bitext.ReadTMX(&tmx, func(tu bitext.TU) error {
		if tu.Variants["fr"] == "Le bureau 3 est au 12 rue Haute, à Paris." {
			found = true
		}
		return nil
	})
	if err != nil || !found {
		t.Errorf("TMX: the sentence with line breaks not found as plain text (%v)", err)
	}
}

// diffAt shows where a and b first differ.
func diffAt(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-60, 0)
	return fmt.Sprintf("at byte %d:\n got %q\nwant %q", i, a[lo:min(i+60, len(a))], b[lo:min(i+60, len(b))])
}
