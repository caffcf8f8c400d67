package textfold

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestKeys(t *testing.T) {
	tests := []struct {
		name, in, fold, unaccent, loose string
	}{
		{"ASCII", "Le Monde", "le monde", "Le Monde", "le monde"},
		{"French accents", "État élevé", "état élevé", "Etat eleve", "etat eleve"},
		{"ligatures", "Œuvre cœur Æsir", "œuvre cœur æsir", "OEuvre coeur AEsir", "oeuvre coeur aesir"},
		{"apostrophes", "L’État d‘ici lʼan", "l'état d'ici l'an", "L’Etat d‘ici lʼan", "l'etat d'ici l'an"},
		{"decomposed input", "E\u0301te\u0301", "été", "Ete", "ete"},
		{"sharp s", "Straße STRASSE", "strasse strasse", "Straße STRASSE", "strasse strasse"},
		{"Turkish dotted capital I", "İstanbul", "i\u0307stanbul", "Istanbul", "istanbul"},
		{"Turkish dotless i stays a letter", "ıslak ISLAK", "ıslak islak", "ıslak ISLAK", "ıslak islak"},
		{"letters without decomposition", "Ørsted Łódź đ", "ørsted łódź đ", "Ørsted Łodz đ", "ørsted łodz đ"},
		{"Vietnamese", "Tiếng Việt", "tiếng việt", "Tieng Viet", "tieng viet"},
		{"Greek tonos and dialytika", "Ελλάδα ΐ", "ελλάδα ΐ", "Ελλαδα ι", "ελλαδα ι"},
		{"Greek iota subscript", "ᾳ", "αι", "α", "αι"},
		{"Cyrillic ё loses its diaeresis", "Ёлка ёж", "ёлка ёж", "Елка еж", "елка еж"},
		{"Cyrillic й and ї stay", "Йод їжак", "йод їжак", "Йод їжак", "йод їжак"},
		{"kana keep dakuten", "がか", "がか", "がか", "がか"},
		{"Hangul", "한국어", "한국어", "한국어", "한국어"},
		{"CJK", "人工智能", "人工智能", "人工智能", "人工智能"},
		{"Devanagari keeps its signs", "हिन्दी", "हिन्दी", "हिन्दी", "हिन्दी"},
		{"Arabic harakat are optional", "كِتَاب", "كِتَاب", "كتاب", "كتاب"},
		{"Hebrew points are optional", "שָׁלוֹם", "שָׁלוֹם", "שלום", "שלום"},
		{"mark on a digit stays", "1\u0301", "1\u0301", "1\u0301", "1\u0301"},
		{"mark on q is dropped", "q\u0303", "q\u0303", "q", "q"},
		{"Kelvin sign", "\u212A", "k", "K", "k"},
		{"Cherokee folds to its capitals", "Ꮀꮀ", "ᎰᎰ", "Ꮀꮀ", "ᎰᎰ"},
		{"emoji", "ok 👍🏽", "ok 👍🏽", "ok 👍🏽", "ok 👍🏽"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.fold {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.fold)
			}
			if got := Unaccent(tt.in); got != tt.unaccent {
				t.Errorf("Unaccent(%q) = %q, want %q", tt.in, got, tt.unaccent)
			}
			if got := Loose(tt.in); got != tt.loose {
				t.Errorf("Loose(%q) = %q, want %q", tt.in, got, tt.loose)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"plain":             "plain",
		"l’e\u0301te\u0301": "l'été",
		"Aujourdʼhui":       "Aujourd'hui",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoAllocation: the glossary calls Fold and Unaccent on every word
// of a text; words that are already keys cost no allocation.
func TestNoAllocation(t *testing.T) {
	for _, s := range []string{"monde", "élevé", "cœur"} {
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
			t.Errorf("Fold(%q) allocates %v times", s, n)
		}
	}
	for _, s := range []string{"monde", "Etat", "人工智能", "йод"} {
		if n := testing.AllocsPerRun(100, func() { _ = Unaccent(s) }); n != 0 {
			t.Errorf("Unaccent(%q) allocates %v times", s, n)
		}
	}
}

func FuzzKeys(f *testing.F) {
	for _, s := range []string{"État", "Œuvre", "İstanbul", "Straße", "ᾳ", "ΐ", "Ёлка", "がか", "كِتَاب", "q\u0303", "\u0345", "a\u0345\u0301", "\xff", "ǅ", "ﬀ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []struct {
			name string
			fn   func(string) string
		}{{"Norm", Norm}, {"Fold", Fold}, {"Unaccent", Unaccent}, {"Loose", Loose}} {
			got := k.fn(s)
			if utf8.ValidString(s) && !norm.NFC.IsNormalString(got) {
				t.Fatalf("%s(%q) = %q is not NFC", k.name, s, got)
			}
			if again := k.fn(got); again != got {
				t.Fatalf("%s is not idempotent: %q → %q → %q", k.name, s, got, again)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		if got, want := Loose(s), Unaccent(Fold(s)); got != want {
			t.Fatalf("Loose(%q) = %q, Unaccent(Fold) = %q", s, got, want)
		}
	})
}
