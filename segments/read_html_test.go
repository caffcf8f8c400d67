package segments

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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
		dir := sharedDir() + "/formats/samples/articles/"
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

// sharedDir is the project's shared material, outside the repository:
// $TRAD_SHARED, or ../shared next to the checkout.
func sharedDir() string {
	if d := os.Getenv("TRAD_SHARED"); d != "" {
		return d
	}
	return "../../shared"
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
	f.Add(`<p># a <u>*</u>_ [b]&amp;lt; 1. <a href="x">!</a>!<a href="y">c</a> \ ` + "`" + `</p><p>- d</p>`)
	f.Add(`<html lang="en"><body><p>a <b>b <i>c</b> d</i> <a href="x>y">e</a><br><br><code>` + "`" + `</code></p></body></html>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, _, err := Read(strings.NewReader(page), ReadOptions{Format: FormatHTML, Tags: true})
		if err != nil {
			return
		}
		if err := doc.Check(); err != nil {
			t.Fatalf("inconsistent document: %v", err)
		}
		// A plain block's Markdown reads back as its text and codes: no
		// character of the page is lost to, or taken for, Markdown. (The
		// space standing for a line break between segments is the
		// segmentation's: spaces are left out of the comparison.)
		for bi := range doc.Blocks {
			b := &doc.Blocks[bi]
			if !b.Plain {
				continue
			}
			md := doc.BlockSourceMarkup(bi)
			text, codes, tags, plain := htmlInline(md)
			want := strings.ReplaceAll(doc.BlockSourceLabels(bi), " ", "")
			got := strings.ReplaceAll(LabelTagged(text, tags, codes), " ", "")
			if !plain || got != want || !slices.Equal(codes, b.Codes) {
				t.Fatalf("block %d: %q written as %q, read back as %q (%v)", bi, want, md, got, plain)
			}
		}
	})
}

// A web page's text is plain in the segments (what the editor shows, the
// memory and TMX get): no Markdown escape leaks from reading, and the
// Markdown written back escapes what it must, so that it reads again as
// the same text and codes.
func TestReadHTMLPlainText(t *testing.T) {
	tests := []struct{ html, text, labels, markup string }{
		{`a &lt; b &gt; c`, `a < b > c`, "", `a \< b \> c`},
		{`<b>&lt;</b>=lt, <b>&gt;</b>=gt`, `<=lt, >=gt`, `‹b1›<‹/b1›=lt, ‹b2›>‹/b2›=gt`, `**\<**=lt, **\>**=gt`},
		{`2 * 3 = 6`, `2 * 3 = 6`, "", `2 \* 3 = 6`},
		{`snake_case et __init__`, `snake_case et __init__`, "", `snake\_case et \_\_init\_\_`},
		{`voir [note] ici`, `voir [note] ici`, "", `voir \[note\] ici`},
		{`# motclé en tête`, `# motclé en tête`, "", `\# motclé en tête`},
		{`C# et F# au milieu`, `C# et F# au milieu`, "", `C# et F# au milieu`},
		{`- un tiret en tête`, `- un tiret en tête`, "", `\- un tiret en tête`},
		{`+ un plus en tête`, `+ un plus en tête`, "", `\+ un plus en tête`},
		{`12) en tête`, `12) en tête`, "", `12\) en tête`},
		{`~~~ en tête`, `~~~ en tête`, "", `\~~~ en tête`},
		{`un \ seul`, `un \ seul`, "", `un \\ seul`},
		{"des `coches`", "des `coches`", "", "des \\`coches\\`"},
		{`l'entité &amp;copy; écrite`, `l'entité &copy; écrite`, "", `l'entité \&copy; écrite`},
		{`AT&amp;T &amp; co`, `AT&T & co`, "", `AT&T & co`},
		{`Oui!<a href="https://a.fr/x">lien</a>`, `Oui!lien`, `Oui!‹a1›lien‹/a1›`, `Oui\![lien](<https://a.fr/x>)`},
		{`le <u>chat</u> dort`, `le chat dort`, `le ‹x1›chat‹/x1› dort`, `le <u>chat</u> dort`},
		// A bold inside a bold changes nothing.
		{`<b><b><i>un</i>deux</b></b> trois`, `undeux trois`, `‹b1›‹i2›un‹/i2›deux‹/b1› trois`, `***un*deux** trois`},
		// "**" after ")" before a letter closes nothing in CommonMark: the
		// block's formatting is written as HTML tags.
		{`le mot <b>(x)</b>y et <i>z</i>`, `le mot (x)y et z`, `le mot ‹b1›(x)‹/b1›y et ‹i2›z‹/i2›`, `le mot <b>(x)</b>y et <i>z</i>`},
		{`CO<sub>2</sub> et <b>x<sup>2</sup></b>`, `CO2 et x2`, `CO‹x1›2‹/x1› et ‹b2›x‹x3›2‹/x3›‹/b2›`, `CO<sub>2</sub> et **x<sup>2</sup>**`},
	}
	for _, tt := range tests {
		page := `<html lang="fr"><body><article><p>` + tt.html + `</p></article></body></html>`
		doc, _, err := Read(strings.NewReader(page), ReadOptions{Format: FormatHTML, Tags: true})
		if err != nil {
			t.Fatalf("%s: %v", tt.html, err)
		}
		if len(doc.Blocks) != 1 || !doc.Blocks[0].Plain {
			t.Fatalf("%s: %d blocks, want 1 plain: %+v", tt.html, len(doc.Blocks), doc.Blocks)
		}
		var src []string
		for _, s := range doc.BlockSegments(0) {
			src = append(src, s.Source)
		}
		if got := strings.Join(src, " "); got != tt.text {
			t.Errorf("%s: segment text %q, want %q", tt.html, got, tt.text)
		}
		if tt.labels == "" {
			tt.labels = tt.text
		}
		if got := doc.BlockSourceLabels(0); got != tt.labels {
			t.Errorf("%s: labels %q, want %q", tt.html, got, tt.labels)
		}
		md := doc.BlockSourceMarkup(0)
		if md != tt.markup {
			t.Errorf("%s: Markdown %q, want %q", tt.html, md, tt.markup)
		}
		text, codes, _, plain := htmlInline(md)
		if !plain || text != doc.Blocks[0].Text || !slices.Equal(codes, doc.Blocks[0].Codes) {
			t.Errorf("%s: Markdown %q reads back as %q %+v", tt.html, md, text, codes)
		}
		checkInvariants(t, doc)
	}
}

// A translator's target in a web page's block is plain text too: a typed
// "<" or "*" is escaped when the block is written as Markdown, read back
// from that Markdown as typed, and the block stays plain in the project
// file.
func TestHTMLTargetPlain(t *testing.T) {
	page := `<html lang="fr"><body><article><p>Le <b>chat</b> &lt; le chien.</p></article></body></html>`
	doc, _, err := Read(strings.NewReader(page), ReadOptions{Format: FormatHTML, Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	doc.UpdateTagged(0, "The cat < the *dog*.", []Tag{{4, 1, TagOpen}, {7, 1, TagClose}}, StatusTranslated, OriginTyped, time.Now())
	pp := filepath.Join(t.TempDir(), "page.trad.json")
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, _, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	b, s := &got.Blocks[0], &got.Segments[0]
	if !b.Plain {
		t.Fatal("the block is no longer plain after save and load")
	}
	const md = `The **cat** \< the \*dog\*.`
	if m := b.TargetMarkup(s); m != md {
		t.Errorf("target Markdown %q, want %q", m, md)
	}
	if l := b.TargetLabels(s); l != "The ‹b1›cat‹/b1› < the *dog*." {
		t.Errorf("target shown as %q", l)
	}
	text, tags, ok := b.ParseTargetMarkup(s, md)
	if !ok || text != s.Target || tagsKey(tags) != tagsKey(s.TargetTags) {
		t.Errorf("%q read back as %q %v (%v)", md, text, tags, ok)
	}
}
