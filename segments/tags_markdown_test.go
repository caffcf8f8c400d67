package segments

import (
	"slices"
	"strings"
	"testing"
)

func TestMarkdownInline(t *testing.T) {
	tests := []struct {
		md, plain string
		codes     []Code
		tags      []Tag
	}{
		{md: "Plain text.", plain: "Plain text."},
		{md: `A \*not\* &amp; b.`, plain: `A \*not\* &amp; b.`},
		{
			md: "Le **cloud** et *la* [CNIL](https://cnil.fr \"t\").", plain: "Le cloud et la CNIL.",
			codes: []Code{
				{ID: 1, Type: CodeBold, Pair: true, Open: "**", Close: "**"},
				{ID: 2, Type: CodeItalic, Pair: true, Open: "*", Close: "*"},
				{ID: 3, Type: CodeLink, Pair: true, Open: "[", Close: `](https://cnil.fr "t")`},
			},
			tags: []Tag{{3, 1, TagOpen}, {8, 1, TagClose}, {12, 2, TagOpen}, {14, 2, TagClose}, {15, 3, TagOpen}, {19, 3, TagClose}},
		},
		{
			md: "Run `go build` then ![logo](a.png)<br>x <https://a.b>", plain: "Run  then x ",
			codes: []Code{
				{ID: 1, Type: CodeCode, Open: "`go build`"},
				{ID: 2, Type: CodeImage, Open: "![logo](a.png)"},
				{ID: 3, Type: CodeBreak, Open: "<br>"},
				{ID: 4, Type: CodeLink, Open: "<https://a.b>"},
			},
			tags: []Tag{{4, 1, TagPlaceholder}, {10, 2, TagPlaceholder}, {10, 3, TagPlaceholder}, {12, 4, TagPlaceholder}},
		},
		{
			md: "***a*** `x``y` ``a`b``", plain: "a  ",
			codes: []Code{
				{ID: 1, Type: CodeItalic, Pair: true, Open: "*", Close: "*"},
				{ID: 2, Type: CodeBold, Pair: true, Open: "**", Close: "**"},
				{ID: 3, Type: CodeCode, Open: "`x``y`"},
				{ID: 4, Type: CodeCode, Open: "``a`b``"},
			},
		},
		{
			md: "Ligne un  \nligne deux\\\n**trois**", plain: "Ligne un ligne deux trois",
			codes: []Code{
				{ID: 1, Type: CodeBreak, Open: "  \n", Spaced: true},
				{ID: 2, Type: CodeBreak, Open: "\\\n", Spaced: true},
				{ID: 3, Type: CodeBold, Pair: true, Open: "**", Close: "**"},
			},
			tags: []Tag{{8, 1, TagPlaceholder}, {19, 2, TagPlaceholder}, {20, 3, TagOpen}, {25, 3, TagClose}},
		},
		{
			// A break after a space needs no space of its own.
			md: "un \\\ndeux<br>trois <br>quatre", plain: "un deux trois quatre",
			codes: []Code{
				{ID: 1, Type: CodeBreak, Open: "\\\n"},
				{ID: 2, Type: CodeBreak, Open: "<br>", Spaced: true},
				{ID: 3, Type: CodeBreak, Open: "<br>"},
			},
			tags: []Tag{{3, 1, TagPlaceholder}, {7, 2, TagPlaceholder}, {14, 3, TagPlaceholder}},
		},
		{
			// Inline HTML that opens and closes among siblings is one pair;
			// an element left open is a placeholder.
			md: `a <u>b</u> <span class="x">c <b>d</b></span> <u>e`, plain: "a b c d e",
			codes: []Code{
				{ID: 1, Type: CodeOther, Pair: true, Open: "<u>", Close: "</u>"},
				{ID: 2, Type: CodeOther, Pair: true, Open: `<span class="x">`, Close: "</span>"},
				{ID: 3, Type: CodeBold, Pair: true, Open: "<b>", Close: "</b>"},
				{ID: 4, Type: CodeOther, Open: "<u>"},
			},
			tags: []Tag{{2, 1, TagOpen}, {3, 1, TagClose}, {4, 2, TagOpen}, {6, 3, TagOpen}, {7, 3, TagClose}, {7, 2, TagClose}, {8, 4, TagPlaceholder}},
		},
		{
			// A pair never crosses an emphasis, nor another pair.
			md: "<u>*a</u>* <u><b>x</u></b>", plain: "a x",
			codes: []Code{
				{ID: 1, Type: CodeOther, Open: "<u>"},
				{ID: 2, Type: CodeItalic, Pair: true, Open: "*", Close: "*"},
				{ID: 3, Type: CodeOther, Open: "</u>"},
				{ID: 4, Type: CodeOther, Pair: true, Open: "<u>", Close: "</u>"},
				{ID: 5, Type: CodeBold, Open: "<b>"},
				{ID: 6, Type: CodeBold, Open: "</b>"},
			},
			tags: []Tag{{0, 1, TagPlaceholder}, {0, 2, TagOpen}, {1, 3, TagPlaceholder}, {1, 2, TagClose},
				{2, 4, TagOpen}, {2, 5, TagPlaceholder}, {3, 4, TagClose}, {3, 6, TagPlaceholder}},
		},
		{
			md: "x<br/>y <img src=a> z<!-- c --> <u/>", plain: "x y  z ",
			codes: []Code{
				{ID: 1, Type: CodeBreak, Open: "<br/>", Spaced: true},
				{ID: 2, Type: CodeImage, Open: "<img src=a>"},
				{ID: 3, Type: CodeOther, Open: "<!-- c -->"},
				{ID: 4, Type: CodeOther, Open: "<u/>"},
			},
		},
		// A soft line break is the reader's to join: the text stays as it is.
		{md: "un *deux*\ntrois", plain: "un *deux*\ntrois"},
	}
	for _, tt := range tests {
		plain, codes, tags := markdownInline(tt.md, nil)
		if plain != tt.plain {
			t.Errorf("%q: plain %q, want %q", tt.md, plain, tt.plain)
		}
		if tt.codes != nil && !slices.Equal(codes, tt.codes) {
			t.Errorf("%q: codes %+v, want %+v", tt.md, codes, tt.codes)
		}
		if tt.tags != nil && tagsKey(tags) != tagsKey(tt.tags) {
			t.Errorf("%q: tags %v, want %v", tt.md, tags, tt.tags)
		}
		if back := RenderTagged(plain, tags, codes); back != tt.md {
			t.Errorf("%q: written back as %q", tt.md, back)
		}
	}
}

// FuzzMarkdownInline checks that any block's Markdown is written back byte
// for byte from its plain text and codes, and that the tags fit the text.
func FuzzMarkdownInline(f *testing.F) {
	for _, s := range []string{"a **b** c", "[x](u) `c` ![i](j)", "<b>x</b> &amp; \\*", "*a **b** c*", "[a][r]", "``` a ```",
		"a  \nb", "*a\\\nb*<br>c", "un.<br>Deux"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		// As the reader hands it: lines without leading spaces, joined by
		// a space, or by their line end after a hard break (mdWalker.join).
		lines := strings.Split(strings.TrimSpace(Normalize(md)), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimLeft(l, " ")
		}
		md = strings.Join(lines, "\n")
		plain, codes, tags := markdownInline(md, nil)
		if back := RenderTagged(plain, tags, codes); back != md {
			t.Fatalf("%q written back as %q", md, back)
		}
		if len(codes) > 0 && strings.Contains(plain, "\n") {
			t.Fatalf("%q: a line end left in the plain text %q", md, plain)
		}
		b := Block{Codes: codes}
		if err := checkTags(&b, plain, tags); err != nil {
			t.Fatalf("%q: %v", md, err)
		}
	})
}
