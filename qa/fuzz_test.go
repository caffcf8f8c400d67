package qa

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

// FuzzCheck runs every check on arbitrary pairs: no panic, and every issue
// span lies inside the target on rune boundaries (the editor slices the
// target with it).
func FuzzCheck(f *testing.F) {
	for _, p := range [][2]string{
		{"Le taux est de 3,5 %.", "The rate is 3.5%."},
		{"«\u00a0Non\u00a0!\u00a0»", "“No!”"},
		{"Voir https://ex.fr/a_(b).", "See https://ex.fr/a_(b)."},
		{"Écrivez à a@b.fr ou @x.", "Write to a@b.fr or @x."},
		{"14.05.2021, 2019-2020, XXIe", "14 May 2021, 2019–20, 21st"},
		{"Pourquoi ?", " Why ?  "},
		{"(« [", "] » )"},
		{"vous vous", "the the"},
		{"Les vingt-sept à 15 h 30, le quatre-vingt-dix-neuvième", "The twenty-seven at 3:30 p.m., the 99th"},
		{"1,8 milliard d'euros à 15h30, 24 h sur 24", "€1.8 billion at 15:30, 24 hours a day"},
		{"Voir https://fr.ex.org/fr/rapport_fr.", "## See https://en.ex.org/en/report_en ."},
		{"Centre de Grenoble , ici", "- 1. Zurich centre ."},
	} {
		f.Add(p[0], p[1], "fr", "en")
		f.Add(p[1], p[0], "en", "fr")
	}
	f.Fuzz(func(t *testing.T, src, tgt, from, to string) {
		seg := segments.Segment{Source: src, Target: tgt, Status: segments.StatusTranslated}
		kinds := []segments.BlockKind{segments.KindParagraph, segments.KindHeading, segments.KindListItem}
		ctx := Context{SourceLang: from, TargetLang: to, Block: kinds[len(src)%3], Spell: zSpeller{}}
		for _, is := range Check(seg, ctx) {
			if is.Start < 0 || is.End < is.Start || is.End > len(tgt) {
				t.Fatalf("%v: span [%d,%d) outside target of %d bytes", is, is.Start, is.End, len(tgt))
			}
			if utf8.ValidString(tgt) && (!utf8.RuneStart(at(tgt, is.Start)) || !utf8.RuneStart(at(tgt, is.End))) {
				t.Fatalf("%v: span [%d,%d) splits a character of %q", is, is.Start, is.End, tgt)
			}
			if is.Check == "" || is.Message == "" {
				t.Fatalf("issue without id or message: %+v", is)
			}
		}
	})
}

// at returns s[i], or a rune start byte at the end of s.
func at(s string, i int) byte {
	if i >= len(s) {
		return 'x'
	}
	return s[i]
}

// FuzzLoadConfig feeds arbitrary files to LoadConfig: no panic, and a
// configuration it accepts names only known checks.
func FuzzLoadConfig(f *testing.F) {
	for _, s := range []string{
		`{"disable": ["numbers"], "severity": {"links": "warning"}}`, `{}`, ``, `{"disable": [1]}`,
		`{"severity": {"numbers": "fatal"}}`, "{\n\"disable\": [\"x\",]\n}", `[]`, `null`,
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(dir, "qa.json")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := LoadConfig(path)
		if err != nil {
			return
		}
		if verr := cfg.Validate(); verr != nil {
			t.Fatalf("LoadConfig accepted %q but Validate says %v", body, verr)
		}
	})
}

// zSpeller rejects the words with a z.
type zSpeller struct{}

func (zSpeller) CheckSkip(_ context.Context, text string, skip func(string) bool) ([]spell.Span, error) {
	var out []spell.Span
	for _, w := range spell.Words(text) {
		if strings.ContainsAny(w.Word, "zZ") && (skip == nil || !skip(w.Word)) {
			out = append(out, spell.Span(w))
		}
	}
	return out, nil
}
