package segments

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestReadHTMLArticle(t *testing.T) {
	doc, _, err := ReadFile("testdata/html/article.html", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatHTML || doc.SourceLang.String() != "fr-FR" {
		t.Errorf("format %q, language %s (want html, fr-FR from <html lang>)", doc.Format, doc.SourceLang)
	}
	var got []string
	for bi := range doc.Blocks {
		got = append(got, describeBlock(doc, bi))
	}
	all := strings.Join(got, "\n")
	t.Log(all)
	for _, furniture := range []string{"Partagez", "Accueil", "Passez en revue", "© Le Journal"} {
		if strings.Contains(all, furniture) {
			t.Errorf("page furniture %q kept", furniture)
		}
	}
	for _, want := range []string{
		`paragraph "L'Europe dépend des ‹b1›fournisseurs américains‹/b1› pour le ‹i2›cloud‹/i2›. Selon la ‹a3›CNIL‹/a3›, la situation évolue."`,
		`paragraph "La commande ‹c1› compile le programme. Les ‹i2›données sensibles‹/i2› doivent rester en Europe, dit-elle.‹n3›Une deuxième ligne suit ici pour allonger ce paragraphe."`,
		`heading/2 "Les enjeux"`,
		`list-item/1 "-" "Les puces sont ‹b1›stratégiques‹/b1› pour l'industrie européenne."`,
		`quote "Nous devons agir vite, a déclaré la ministre devant les députés."`,
		`‹m1›`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("extraction lacks %s", want)
		}
	}
	if u := doc.Blocks[2].Codes[2].URL(); u != "https://cnil.fr/rapport?a=1&b=2" {
		t.Errorf("link URL %q", u)
	}
	checkInvariants(t, doc)
}

// On the shared French news pages, the extraction has the paragraphs and
// inline elements of Readability.js's expected extraction.
func TestReadHTMLSharedPages(t *testing.T) {
	for _, name := range []string{"fr-lemonde-1", "fr-liberation-1"} {
		dir := "../../shared/formats/samples/articles/"
		want, err := os.ReadFile(dir + name + ".readability-expected.html")
		if err != nil {
			t.Skipf("shared samples not available: %v", err)
		}
		doc, _, err := ReadFile(dir+name+".source.html", ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		// The title and the byline are not paragraphs of the expected extraction.
		for _, b := range doc.Blocks[2:] {
			if b.Kind == KindParagraph || b.Kind == KindQuote || b.Kind == KindListItem {
				got["p"]++
			}
			for _, c := range b.Codes {
				switch c.Type {
				case CodeLink:
					got["a"]++
				case CodeItalic:
					got["em"]++
				case CodeBold:
					got["strong"]++
				}
			}
		}
		exp := countElements(t, want)
		t.Logf("%s: got %v, Readability.js %v", name, got, exp)
		for _, k := range []string{"p", "a", "em", "strong"} {
			// Adjacent elements with the same effect are merged into one tag.
			if got[k] > exp[k] || got[k] < exp[k]-1 || k == "p" && got[k] != exp[k] {
				t.Errorf("%s: %d %s, Readability.js has %d", name, got[k], k, exp[k])
			}
		}
	}
}

// countElements counts the p (and li), a, em (and i) and strong (and b)
// elements of an HTML fragment that have text.
func countElements(t *testing.T, data []byte) map[string]int {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && strings.TrimSpace(textOf(n)) != "" {
			switch n.DataAtom {
			case atom.P, atom.Li:
				out["p"]++
			case atom.A:
				out["a"]++
			case atom.Em, atom.I:
				out["em"]++
			case atom.Strong, atom.B:
				out["strong"]++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	return out
}

// FuzzReadHTML: any page reads without panic into a consistent document
// whose Markdown is written back from its codes.
func FuzzReadHTML(f *testing.F) {
	page, err := os.ReadFile("testdata/html/article.html")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(page))
	f.Add(`<html lang="en"><body><p>a <b>b <i>c</b> d</i> <a href="x>y">e</a><br><br><code>` + "`" + `</code></p></body></html>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, _, err := Read(strings.NewReader(page), ReadOptions{Format: FormatHTML, Tags: true})
		if err != nil {
			return
		}
		if err := doc.Check(); err != nil {
			t.Fatalf("inconsistent document: %v", err)
		}
	})
}
