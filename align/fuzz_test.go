package align

import (
	"strings"
	"testing"
)

// FuzzSentences reads two sentence-per-line inputs and aligns them: no
// panic, and the links cover every sentence exactly once, in order, with
// confidences in [0, 1].
func FuzzSentences(f *testing.F) {
	f.Add("Une phrase.\nDeux phrases, 40 000 euros.\n", "One sentence.\nTwo sentences,\n40,000 euros.\n")
	f.Add("", "only\ntarget\n")
	f.Add("\x1b[31m«»\r\n\u2028\n\n", "?\n!\n(\n")
	f.Add("1.2.3,4 5 000\n", "1,2\n")
	a := New(DefaultGlossary(), "fr", "en")
	f.Fuzz(func(t *testing.T, s, g string) {
		src, err := ReadSentences(strings.NewReader(s), "src")
		if err != nil {
			t.Fatal(err)
		}
		tgt, err := ReadSentences(strings.NewReader(g), "tgt")
		if err != nil {
			t.Fatal(err)
		}
		if len(src) > 60 || len(tgt) > 60 {
			return
		}
		links := a.Sentences(src, tgt)
		if !Check(links, len(src), len(tgt)) {
			t.Fatalf("links %v do not cover %d × %d sentences", links, len(src), len(tgt))
		}
	})
}

// FuzzParseLinks: no panic, and what parses writes back to links that
// parse the same.
func FuzzParseLinks(f *testing.F) {
	f.Add("[0]:[0]\n[1, 2]:[1]:0.5\n[3]:[]\n")
	f.Add("[]:[]\n[0]:[x]")
	f.Add("[0]:[0]:1e400\n")
	f.Fuzz(func(t *testing.T, in string) {
		links, err := ParseLinks(strings.NewReader(in), "in")
		if err != nil {
			return
		}
		var b strings.Builder
		if err := WriteLinks(&b, links, false); err != nil {
			t.Fatal(err)
		}
		back, err := ParseLinks(strings.NewReader(b.String()), "out")
		if err != nil || len(back) != len(links) {
			t.Fatalf("%q: wrote %q, read back %v, %v", in, b.String(), back, err)
		}
	})
}

// FuzzNumberKey: no panic on any digits and separators.
func FuzzNumberKey(f *testing.F) {
	f.Add("40 000,5")
	f.Add("1.234,567.8")
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range tokens(s, nil) {
			if tk.num && numberKey(tk.text) == "" {
				t.Fatalf("%q: empty key for %q", s, tk.text)
			}
		}
	})
}
