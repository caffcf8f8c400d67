package segments

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/script"
)

func TestWordCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"Bonjour", 1},
		{"Le Conseil a tranché.", 4},
		{"l'homme aujourd’hui", 2},          // apostrophe between letters joins
		{"peut-être", 2},                    // hyphen splits
		{"3,5 % et 1.99 $", 3},              // decimals are one word, symbols none
		{"40\u202f000 euros", 2},            // thousands with a narrow no-break space
		{"2024 30 personnes", 3},            // a plain space still separates numbers
		{"« Tu viens ? » demanda-t-il.", 5}, // Tu viens demanda t il
		{"J.-P. Sartre", 3},
		{"S.N.C.F.", 1},
		{"https://example.com/page", 3}, // https, example.com, page
		{"— … —", 0},
		{"élève_2", 1},
		{"中文分词", 4},
		{"日本語です", 5},
		{"café\u0301", 1},
	}
	for _, tt := range tests {
		if got := WordCount(tt.in); got != tt.want {
			t.Errorf("WordCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestStats(t *testing.T) {
	doc, _, err := Read(strings.NewReader("Un deux trois.\n\nQuatre cinq.\n\nSix.\n\nSept huit neuf dix.\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	doc.SetTarget(0, "One two three.", StatusTranslated, now)
	doc.SetTarget(1, "Four", StatusDraft, now)
	doc.SetTarget(3, "Seven eight nine ten.", StatusReviewed, now)
	st := doc.Stats()
	if st.Total != (StatusCount{4, 10}) {
		t.Errorf("total %+v", st.Total)
	}
	want := [4]StatusCount{{1, 1}, {1, 2}, {1, 3}, {1, 4}}
	if st.ByStatus != want {
		t.Errorf("by status %+v, want %+v", st.ByStatus, want)
	}
	if st.Confirmed() != (StatusCount{2, 7}) || math.Abs(st.Percent-70) > 1e-9 {
		t.Errorf("confirmed %+v, percent %v", st.Confirmed(), st.Percent)
	}
	if (&Document{}).Stats().Percent != 0 {
		t.Error("empty document is not 0%")
	}
}

// wordCountRef is WordCount as first written, asking unicode for every
// rune: FuzzWordCount checks that the table-driven one counts the same.
func wordCountRef(s string) int {
	n, in, prev := 0, false, rune(0)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case script.IsIdeograph(r):
			n++
			in = false
		case isWordRune(r) || in && unicode.Is(unicode.Mn, r):
			if !in {
				n++
				in = true
			}
			prev = r
		case in && isMid(r, prev, s[i+size:]):
		default:
			in = false
		}
		i += size
	}
	return n
}

func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"l'homme aujourd’hui", "3,5 % et 1.99", "café\u0301 ́a", "日本語です", "Ωμέγα ψ̃ кот", "a\xffb", "40\u202f000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := WordCount(s), wordCountRef(s); got != want {
			t.Errorf("WordCount(%q) = %d, the reference counts %d", s, got, want)
		}
	})
}

// BenchmarkWordCount counts the words of French text, as the editor does
// for its progress figures when it opens an article.
func BenchmarkWordCount(b *testing.B) {
	s := string(benchText(b, 8<<20))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		WordCount(s)
	}
}
