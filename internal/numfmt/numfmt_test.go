package numfmt

import "testing"

func TestFor(t *testing.T) {
	tests := []struct {
		lang           string
		decimal, group string
	}{
		// The locales tm and qa disagreed on (issue 15): CLDR writes 3,5.
		{"nn", ",", "\u00a0"},
		{"id", ",", "."},
		{"vi", ",", "."},
		{"fr", ",", "\u202f"}, // CLDR 34 and later (x/text has 32)
		{"fr-FR", ",", "\u202f"},
		{"fr-CA", ",", "\u00a0"},
		{"de", ",", "."},
		{"pt-BR", ",", "."},
		{"no", ",", "\u00a0"}, // an alias of nb
		{"nb", ",", "\u00a0"},
		{"en", ".", ","},
		{"en_GB", ".", ","},
		{"ja", ".", ","},
		{"de-CH", ".", "’"}, // the region counts: Swiss German writes 3.5
		{"hi", ".", ","},    // Indian grouping 12,34,567.5
		{"ar", ".", ","},    // Latin digits: ASCII separators
		{"", ".", ","},
		{"not a tag!", ".", ","},
	}
	for _, tt := range tests {
		f := For(tt.lang)
		if f.Decimal != tt.decimal || f.Group != tt.group {
			t.Errorf("For(%q) = %+q, want decimal %q group %q", tt.lang, f, tt.decimal, tt.group)
		}
		if DecimalComma(tt.lang) != (tt.decimal == ",") {
			t.Errorf("DecimalComma(%q) disagrees with For", tt.lang)
		}
	}
}

func TestGroupDigits(t *testing.T) {
	tests := []struct{ in, sep, want string }{
		{"12000000", ",", "12,000,000"},
		{"123456", "\u00a0", "123\u00a0456"},
		{"1234", ".", "1.234"},
		{"999", ",", "999"},
		{"", ",", ""},
		{"12345", "", "12345"},
	}
	for _, tt := range tests {
		if got := GroupDigits(tt.in, tt.sep); got != tt.want {
			t.Errorf("GroupDigits(%q, %q) = %q, want %q", tt.in, tt.sep, got, tt.want)
		}
	}
}

func TestSeparators(t *testing.T) {
	for _, r := range " \u00a0\u202f\u2009" {
		if !IsGroupSpace(r) || !IsSeparator(r) {
			t.Errorf("%U is a group space", r)
		}
	}
	for _, r := range ",.'’" {
		if IsGroupSpace(r) || !IsSeparator(r) {
			t.Errorf("%q is a separator, not a space", r)
		}
	}
	for _, r := range "-/:\t" {
		if IsSeparator(r) {
			t.Errorf("%q is not a number separator", r)
		}
	}
	if GroupSpaceAt("4\u202f000", 1) != 3 || GroupSpaceAt("4 000", 1) != 1 || GroupSpaceAt("4x", 1) != 0 || GroupSpaceAt("4", 1) != 0 {
		t.Error("GroupSpaceAt")
	}
}
