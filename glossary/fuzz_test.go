package glossary

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// trimmedTerms renders an entry's terms as writers keep them (trimmed,
// tabs and line breaks flattened, empty ones dropped).
func trimmedTerms(e *Entry, langs ...string) string {
	var b strings.Builder
	for _, l := range langs {
		b.WriteString(l + "=")
		for _, t := range e.Terms.Get(l) {
			if t = strings.TrimSpace(flat(t)); t != "" {
				b.WriteString(t + "|")
			}
		}
		b.WriteString(";")
	}
	return b.String()
}

func addFiles(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// roundTrip writes g in format and checks that reading it back gives the
// same terms for the entries that could be written.
func roundTrip(t *testing.T, g *Glossary, format Format, langs ...string) {
	var buf bytes.Buffer
	n, err := Write(&buf, g, format, WriteOptions{From: "fr", To: "en", Langs: langs})
	if err == ErrNothingToWrite {
		return
	}
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	back, warns, err := Read(bytes.NewReader(buf.Bytes()), "back", format)
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, buf.String())
	}
	if len(formatWarnings(warns)) > 0 {
		t.Fatalf("read back warnings: %v\n%s", warns, buf.String())
	}
	if back.Len() != n {
		t.Fatalf("wrote %d entries, read back %d\n%s", n, back.Len(), buf.String())
	}
}

func FuzzReadTSV(f *testing.F) {
	addFiles(f, "testdata/omegat-glossary-rules.utf8", "testdata/omegat36-glossary.txt", "testdata/sample.tsv")
	f.Add([]byte("fr\ten\n\xff\xfeb\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, warns, err := Read(bytes.NewReader(data), "f.tsv", FormatTSV)
		for _, w := range warns {
			if w.Line < 1 {
				t.Fatalf("warning without a line: %v", w)
			}
		}
		if err != nil {
			return
		}
		for _, e := range g.Entries() {
			if e.Terms.Len() == 0 || e.Origin.Line < 1 {
				t.Fatalf("entry without terms or line: %+v", e)
			}
		}
		if isPairs(g) {
			// Keep the entries a two-column file can hold.
			var keep []*Entry
			for _, e := range g.Entries() {
				s, tg := strings.TrimSpace(flat(e.Terms.Get(LangSource)[0])), strings.TrimSpace(flat(e.Terms.Get(LangTarget)[0]))
				if s != "" && tg != "" && s[0] != '#' {
					keep = append(keep, e)
				}
			}
			// A first row that looks like a header ("fr<TAB>en") is
			// written so that it does not read back as one.
			roundTrip(t, New(keep...), FormatTSV)
			return
		}
		roundTrip(t, g, FormatTSVMulti)
	})
}

func isPairs(g *Glossary) bool {
	for _, e := range g.Entries() {
		if e.Terms.Has(LangSource) {
			return true
		}
	}
	return false
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("chat,cat,animal\n\"a, b\",\"c\"\"d\"\n# c\n\"x\ny\",z\n"))
	f.Add([]byte("fr,en,domain\nnuage,cloud,tech\n"))
	f.Add([]byte("a,\"b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := Read(bytes.NewReader(data), "f.csv", FormatCSV)
		if err != nil {
			return
		}
		if isPairs(g) {
			// Every entry read has a source and a target, so it is
			// written, and reads back as an entry (not as a header:
			// "AA,AA,AA   " once did; see pairCells).
			roundTrip(t, g, FormatCSV)
			return
		}
		roundTrip(t, g, FormatCSVMulti)
	})
}

func FuzzReadTBX(f *testing.F) {
	addFiles(f, "testdata/tbx-basic-2008-sample.tbx", "testdata/ltac-astronomy-tbx-v3.tbx")
	f.Add([]byte(`<martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>a &amp; b&#233;<![CDATA[<c>]]></term></tig></langSet></termEntry></body></text></martif>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x "y">]><!-- c --><tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term>t</term></termSec></langSec></conceptEntry></body></text></tbx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := Read(bytes.NewReader(data), "f.tbx", FormatTBX)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "read glossary f.tbx") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		langs := map[string]bool{}
		for _, e := range g.Entries() {
			for l := range e.Terms.All() {
				langs[l] = true
			}
		}
		var ls []string
		for l := range langs {
			ls = append(ls, l)
		}
		for _, format := range []Format{FormatTBX, FormatTBX3} {
			var buf bytes.Buffer
			if _, err := Write(&buf, g, format, WriteOptions{Langs: ls}); err != nil {
				continue
			}
			back, _, err := Read(&buf, "back", format)
			if err != nil {
				t.Fatalf("%s read back: %v", format, err)
			}
			var want []string
			for _, e := range g.Entries() {
				if k := trimmedTerms(e, ls...); strings.Contains(k, "|") {
					want = append(want, k)
				}
			}
			if back.Len() != len(want) {
				t.Fatalf("%s: %d entries back, want %d", format, back.Len(), len(want))
			}
			for i, e := range back.Entries() {
				if got := trimmedTerms(e, ls...); got != want[i] {
					t.Fatalf("%s entry %d: %s, want %s", format, i, got, want[i])
				}
			}
		}
	})
}

// FuzzMatch checks the matcher's invariants on any text: spans inside the
// text, in order, not overlapping, Text equal to the span.
func FuzzMatch(f *testing.F) {
	g, _, err := ReadFile("testdata/sample.tsv")
	if err != nil {
		f.Fatal(err)
	}
	m := NewMatcher(g, "fr", "en")
	f.Add("Les réseaux sociaux de Pékin, l’IA et la Maison-Blanche.")
	f.Add("d'intelligences artificielles téléchargées\u0301")
	f.Add("Les ETATS-UNIS, l'Etat et l'Election PRESIDENTIELLE ; A la une, OEUVRE.")
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, m.Match(text))
	})
}

// FuzzReaccent checks that reaccent only puts accents back on capitals:
// without them the word is unchanged, up to the case of a spelled-out
// ligature ("Oe" for "Œ").
func FuzzReaccent(f *testing.F) {
	f.Add("Etats", "état")
	f.Add("OEUVRE", "œuvre")
	f.Add("Oe", "œ")
	f.Add("A", "à")
	f.Add("eleve", "élève")
	f.Fuzz(func(t *testing.T, word, term string) {
		if !utf8.ValidString(word) || !utf8.ValidString(term) {
			t.Skip()
		}
		r, changed := reaccent(word, term)
		if !changed && r != word {
			t.Fatalf("reaccent(%q, %q) = %q without a change", word, term, r)
		}
		if !utf8.ValidString(r) || !strings.EqualFold(deaccent(r), deaccent(word)) {
			t.Fatalf("reaccent(%q, %q) = %q: not the same letters", word, term, r)
		}
	})
}

// formatWarnings leaves out the warnings about content a writer keeps as
// it is (a term too long to match, a malformed guard): reading written
// data back warns about them again.
func formatWarnings(warns []Warning) []Warning {
	var out []Warning
	for _, w := range warns {
		if !strings.HasPrefix(w.Msg, "term of more than") && !strings.HasPrefix(w.Msg, "guard") {
			out = append(out, w)
		}
	}
	return out
}

// FuzzMatchTerm checks the same invariants with a term from the input:
// the term side (prefixed compounds, a trailing "+", forms of the lemma)
// must not panic whatever the glossary holds.
func FuzzMatchTerm(f *testing.F) {
	f.Add("bouclier anti-missile", "un bouclier antimissile", "noun")
	f.Add("OPEP+", "l'Opep+ et la COP30", "propn")
	f.Add("N'Djamena", "à N’Djamena, les Shebabs", "propn")
	f.Add("ﬀantimissile++", "ﬀanti-missile++", "adj")
	f.Add("turc", "turques grecques", "adj")
	f.Fuzz(func(t *testing.T, term, text, pos string) {
		m := NewMatcher(New(&Entry{Terms: NewTerms(map[string][]string{"fr": {term}, "en": {"x"}}), POS: pos}), "fr", "en")
		checkSpans(t, text, m.Match(text))
	})
}

// checkSpans fails t unless hits are inside text, in order, not
// overlapping, each with Text equal to its span.
func checkSpans(t *testing.T, text string, hits []Hit) {
	t.Helper()
	end := 0
	for _, h := range hits {
		if h.Start < end || h.End <= h.Start || h.End > len(text) || text[h.Start:h.End] != h.Text {
			t.Fatalf("bad hit %+v after %d in %q", h, end, text)
		}
		end = h.End
	}
}
