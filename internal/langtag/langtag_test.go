package langtag

import (
	"strings"
	"testing"
)

func TestBase(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fr", "fr"}, {"fr-FR", "fr"}, {"FR_ca", "fr"}, {" en-GB ", "en"},
		{"zh_Hans", "zh"}, {"zh-Hant-TW", "zh"},
		{"iw", "he"}, {"IW-IL", "he"}, {"in", "id"}, {"tl", "fil"}, {"mo", "ro"}, {"sh", "sr"},
		{"und", "und"}, {"zz", "zz"}, {"", ""}, {"x-klingon", "x"}, {"ara-", "ar"}, {"fr-", "fr"}, {"not a tag", "not a tag"},
	} {
		if got := Base(c.in); got != c.want {
			t.Errorf("Base(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPickerKeys(t *testing.T) {
	for _, c := range []struct {
		name     string
		variants map[string]string
		src, tgt string
		wantS    string
		wantT    string
	}{
		{"exact", map[string]string{"fr": "a", "en": "b"}, "fr", "en", "fr", "en"},
		{"exact before base", map[string]string{"fr-CA": "a", "fr": "b", "en-US": "c"}, "fr", "en", "fr", "en-US"},
		{"base, lowest key", map[string]string{"fr-FR": "a", "fr-CA": "b", "fr-BE": "c", "en": "d"}, "fr", "en", "fr-BE", "en"},
		{"case and underscore", map[string]string{"FR_fr": "a", "EN-us": "b"}, "fr-FR", "en-US", "FR_fr", "EN-us"},
		{"deprecated code", map[string]string{"EN-US": "a", "IW-IL": "b"}, "en", "he", "EN-US", "IW-IL"},
		{"missing target", map[string]string{"fr": "a", "de": "b"}, "fr", "en", "fr", ""},
	} {
		// Many runs: map order must not change the answer.
		for i := 0; i < 50; i++ {
			s, tg := NewPicker(c.src, c.tgt).Keys(c.variants)
			if s != c.wantS || tg != c.wantT {
				t.Fatalf("%s: Keys = %q, %q; want %q, %q", c.name, s, tg, c.wantS, c.wantT)
			}
		}
	}
}

func FuzzBase(f *testing.F) {
	for _, s := range []string{"fr-FR", "iw", "zh_Hans", "und-FR", "x-a-b", "-", "_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := Base(s)
		if b != strings.ToLower(b) {
			t.Fatalf("Base(%q) = %q, not lower-case", s, b)
		}
		if Match(s, s) != 2 {
			t.Fatalf("Match(%q, itself) != 2", s)
		}
		if bb := Base(b); bb != b {
			t.Fatalf("Base(%q) = %q, but Base(%q) = %q", s, b, b, bb)
		}
	})
}
