package glossary

import (
	"fmt"
	"strings"
	"testing"
)

func TestDuplicates(t *testing.T) {
	tests := []struct {
		name string
		tsv  string
		want []string
	}{
		{"none", "chat\tcat\nchien\tdog\n", nil},
		{"repeat", "chat\tcat\nchien\tdog\nchat\tkitty\n", []string{`gen.tsv:3: source term "chat" already defined on line 1`}},
		{"third names the first", "chat\tcat\nchat\tkitty\nchat\tpuss\n", []string{
			`gen.tsv:2: source term "chat" already defined on line 1`,
			`gen.tsv:3: source term "chat" already defined on line 1`}},
		{"case counts", "Chat\tcat\nchat\tcat\n", nil},
		{"hyphen and elision ignored", "chef-d'œuvre\tmasterpiece\nchef d'œuvre\tmasterwork\nl'Union\tthe Union\nUnion\tUnion\n", []string{
			`gen.tsv:2: source term "chef d'œuvre" already defined on line 1`,
			`gen.tsv:4: source term "Union" already defined on line 3`}},
		{"synonyms of one entry", "fr\ten\nchat | chat\tcat\nchat\tkitty\n", []string{
			`gen.tsv:3: source term "chat" already defined on line 2`}},
		{"other words", "taux d'intérêt\tinterest rate\ntaux d'intérêts\tinterest rates\n", nil},
	}
	for _, tt := range tests {
		g, warns, err := Read(strings.NewReader(tt.tsv), "gen.tsv", FormatTSV)
		if err != nil || len(warns) > 0 {
			t.Fatal(tt.name, err, warns)
		}
		// The same with every key hashing alike: found by comparing keys.
		for _, h := range []struct {
			name string
			dups []Warning
		}{{"maphash", Duplicates(g, "fr")}, {"colliding", duplicates(g, "fr", func([]byte) uint64 { return 7 })}} {
			var got []string
			for _, w := range h.dups {
				got = append(got, w.String())
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("%s, %s hash:\n got %q\nwant %q", tt.name, h.name, got, tt.want)
			}
		}
	}
}

// Entries of two files giving one term are not duplicates: each file is
// checked on its own.
func TestDuplicatesPerFile(t *testing.T) {
	a, _, _ := Read(strings.NewReader("chat\tcat\n"), "a.tsv", FormatTSV)
	b, _, _ := Read(strings.NewReader("chat\tcat\nchat\tkitty\n"), "b.tsv", FormatTSV)
	got := Duplicates(Merge(a, b), "fr")
	if len(got) != 1 || got[0].String() != `b.tsv:2: source term "chat" already defined on line 1` {
		t.Errorf("got %v", got)
	}
}

// plainWords must only accept texts the tokenizer gives back unchanged.
func TestPlainWords(t *testing.T) {
	for _, s := range []string{"taux de change", "Union européenne", "COP30", "x", "", " a", "a ", "a  b", "chef d'État",
		"l'Union", "sous-marin", "3,5 %", "OPEP+", "中国 银行", "naïve café", "e\u0301te\u0301", "a\tb"} {
		checkPlainWords(t, s)
	}
	for _, s := range []string{"taux de change", "Union européenne", "COP30", "naïve café"} {
		if !plainWords(s) {
			t.Errorf("plainWords(%q) = false: ordinary terms should take the fast path", s)
		}
	}
}

func checkPlainWords(t *testing.T, s string) {
	if !plainWords(s) {
		return
	}
	var words []string
	for _, tk := range NewAnalyzer("fr").appendTokens(nil, s) {
		words = append(words, tk.Text)
	}
	if strings.Join(words, " ") != s {
		t.Errorf("plainWords(%q) but its tokens are %q", s, words)
	}
}

func FuzzPlainWords(f *testing.F) {
	for _, s := range []string{"taux de change", "l'Union", "a  b", "中国", "3,5", "e\u0301"} {
		f.Add(s)
	}
	f.Fuzz(checkPlainWords)
}
