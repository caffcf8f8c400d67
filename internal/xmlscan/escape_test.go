package xmlscan

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct {
		in        string
		attr      bool
		want      string
		wantDrops int
	}{
		{"a < b & c > d", false, "a &lt; b &amp; c &gt; d", 0},
		{"dit \"oui\"\tet\nnon", false, "dit \"oui\"\tet\nnon", 0},
		{"dit \"oui\"\tet\nnon", true, "dit &quot;oui&quot;&#x9;et&#xA;non", 0},
		{"a\r\nb", false, "a&#xD;\nb", 0},
		{"a\uFFFFb\x01c\uFFFEd", false, "abcd", 3},
		{"bad \xff byte", false, "bad  byte", 1},
		{"漢字 😀", true, "漢字 😀", 0},
	} {
		var b strings.Builder
		n, err := Escape(&b, c.in, c.attr)
		if err != nil || b.String() != c.want || n != c.wantDrops {
			t.Errorf("Escape(%q, %v) = %q, %d, %v; want %q, %d", c.in, c.attr, b.String(), n, err, c.want, c.wantDrops)
		}
	}
}

// FuzzEscape: what Escape writes, as text and as an attribute, reads back
// through encoding/xml as the input without the dropped characters.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"a<b", "\"q\"\t\n\r", "\uFFFF", "\xff", "é&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var kept strings.Builder
		for _, r := range strings.ToValidUTF8(s, "\x00") {
			if r != 0 && IsChar(r) {
				kept.WriteRune(r)
			}
		}
		want := kept.String()
		doc := "<a x=\"" + EscapeString(s, true) + "\">" + EscapeString(s, false) + "</a>"
		var v struct {
			X    string `xml:"x,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if v.X != want || v.Text != want {
			t.Fatalf("%q: read back attr %q, text %q; want %q", s, v.X, v.Text, want)
		}
	})
}
