package links

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // the links' texts, kinds after a '|'
	}{
		{"Voir https://www.lemonde.fr/international/article.html.", []string{"https://www.lemonde.fr/international/article.html|0"}},
		{"Lien (https://fr.wikipedia.org/wiki/Puce_(électronique)) ici", []string{"https://fr.wikipedia.org/wiki/Puce_(électronique)|0"}},
		{"sur www.elysee.fr, puis", []string{"www.elysee.fr|0"}},
		{"ftp://ftp.example.org/pub et sftp://h", []string{"ftp://ftp.example.org/pub|0", "sftp://h|0"}},
		{"Écrire à presse@example.org.", []string{"presse@example.org|1"}},
		{"Suivez @trad_project !", []string{"@trad_project|2"}},
		{"bob@example n'est pas une adresse", nil},
		{"selon lemonde.fr et Reuters.com/world.", []string{"lemonde.fr|3", "Reuters.com/world|3"}},
		{"voir example.org/2024/05", []string{"example.org/2024/05|3"}},
		{"p.ex. un cas, c.-à-d. un autre", nil},
		{"Il a fini.Le lendemain", nil},
		{"M.Dupont et 3.5 points, 2,5 %", nil},
		{"«https://a.fr»", []string{"https://a.fr|0"}},
		{"", nil},
	} {
		var got []string
		for _, sp := range Find(c.in) {
			got = append(got, c.in[sp.Start:sp.End]+"|"+string(rune('0'+sp.Kind)))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("Find(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"https://a.fr/x).", "a@b.fr", "@x", "lemonde.fr/a?b", "www.", "a.b.c.d.fr", "ftp://", "x://y",
		"(https://a.b/(c))", "«https://a.b»", "@h_1", "Libération.fr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Find(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("Find(%q): bad span %+v after %d", s, sp, prev)
			}
			if !In([]Span{sp}, sp.Start) || In([]Span{sp}, sp.End) {
				t.Fatalf("In disagrees with span %+v", sp)
			}
			prev = sp.End
		}
	})
}

// A link never starts inside a word written with accents: the byte before
// is then part of a letter, not ASCII.
func TestNoLinkInsideAccentedWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Selon Libération.fr, le site", ""},
		{"Écrivez à josé.garcia@example.org", ""},
		{"la vidéo.fr de", ""},
		{"Selon liberation.fr, le site", "liberation.fr"},
		{"Écrivez à jose.garcia@example.org", "jose.garcia@example.org"},
		{"voir éhttps://x.org", ""},
	} {
		var got []string
		for _, sp := range Find(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: links %q, want %q", tc.in, got, tc.want)
		}
	}
}
