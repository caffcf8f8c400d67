package bitext

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// blockShape is what a list's structure is made of.
func blockShape(doc *segments.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		fmt.Fprintf(&b, "%s/%d/%q/%q\n", bl.Kind, bl.Level, bl.Marker, bl.Text)
	}
	return b.String()
}

func readMD(t *testing.T, s string) *segments.Document {
	t.Helper()
	doc, _, err := segments.Read(strings.NewReader(s), segments.ReadOptions{Format: segments.FormatMarkdown})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestTargetKeepsEmptyListAncestors writes back lists whose items have no
// text of their own ("- - - item"): the translated document must read as
// the same structure. Before, the item came back as an indented code block.
func TestTargetKeepsEmptyListAncestors(t *testing.T) {
	for _, in := range []string{
		"- - - item\n",
		"- - - item\n- - second\n\n1. - a\n",
		"- a\n  - b\n    - - c\n- 1. - d\n      - e\n",
		"> - - cité\n",
		"- - \n- x\n",
	} {
		doc := readMD(t, in)
		var out bytes.Buffer
		if err := WriteTarget(&out, doc, Options{All: true}); err != nil {
			t.Fatal(err)
		}
		back := readMD(t, out.String())
		if got, want := blockShape(back), blockShape(doc); got != want {
			t.Errorf("%q written as %q reads as\n%s\nwant\n%s", in, out.String(), got, want)
		}
	}
}

// TestTargetDeepItemWithoutAncestors writes a project made by an older
// trad, where "- - - item" was stored as one level-3 item with marker "-".
func TestTargetDeepItemWithoutAncestors(t *testing.T) {
	doc := buildDoc("markdown", tb{kind: segments.KindListItem, level: 3, marker: "-", segs: []string{"item"}, tgts: []string{"elem|translated"}})
	var out bytes.Buffer
	if err := WriteTarget(&out, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "- - - elem\n" {
		t.Errorf("got %q, want %q", out.String(), "- - - elem\n")
	}
}
