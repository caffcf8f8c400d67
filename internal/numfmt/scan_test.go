package numfmt

import (
	"strconv"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	tests := []struct {
		lang, text string
		// want is Text, then Key, then "F" when Foreign.
		want string
	}{
		{"fr", "3,5 %", "3,5|3.5"},
		{"fr", "4 000 euros", "4 000|4000"},
		{"fr", "4\u202f000\u202f000,25", "4\u202f000\u202f000,25|4000000.25"},
		{"fr", "4\u00a0000", "4\u00a0000|4000"},
		{"fr", "4.000", "4.000|4000"}, // the German grouping is read too
		{"fr", "1,234", "1,234|1.234"},
		{"fr", "3.5 %", "3.5|3.5|F"},
		{"fr", "1,234.5", "1,234.5|1234.5|F"},
		{"fr", "1 234.5", "1 234.5|1234.5|F"},
		{"fr", "2024 500 cas", "2024|2024"}, // a space groups only after 1-3 digits
		{"fr", "1 500 2", "1 500|1500"},     // nor before other than three
		{"fr", "3.12.1", "3.12.1|~3.12.1"},
		{"fr", "1,2,3", "1,2,3|~1,2,3"},
		{"fr", "007", "007|7"},
		{"fr", "0,50", "0,50|0.5"},
		{"fr", "1 000,", "1 000|1000"}, // a separator not followed by a digit ends it
		{"en", "1,234,567.50", "1,234,567.50|1234567.5"},
		{"en", "3.5", "3.5|3.5"},
		{"en", "3,5", "3,5|3.5|F"},
		{"en", "1.234,5", "1.234,5|1234.5|F"},
		{"en", "1,234,5", "1,234,5|~1,234,5"},
		{"en", "12,34,567", "12,34,567|~12,34,567"},
		{"en", "4 000.5", "4 000.5|4000.5"},
		{"en", "4,000 000", "4,000|4000"}, // no spaces after another separator
		{"de", "1.234,5", "1.234,5|1234.5"},
		{"de", "1,234.5", "1,234.5|1234.5|F"},
		{"de-CH", "4’000.50", "4’000.50|4000.5"},
		{"de-CH", "4'000", "4'000|4000"},
		{"de-CH", "1’234’567.5", "1’234’567.5|1234567.5"},
		{"en", "5'10\"", "5|5"},                            // an apostrophe only groups thousands
		{"de-CH", "1234’567", "1234|1234"},                 // after a lead of 1-3 digits
		{"fr", "4 000\u00a0000", "4 000\u00a0000|4000000"}, // the group spaces are one mark
		{"fr", "1.000 000", "1.000|1000"},                  // a space only after spaces
		{"en", "1,000’000", "1,000|1000"},                  // nor an apostrophe after a comma
		{"de-CH", "3,5", "3,5|3.5|F"},
		{"nn", "4\u00a0000,5", "4\u00a0000,5|4000.5"},
		{"id", "4.000", "4.000|4000"},
		{"vi", "3,5", "3,5|3.5"},
		{"zh", "1,234.5", "1,234.5|1234.5"},
		{"ar", "١٢٣٫٥", "١٢٣٫٥|123.5"}, // Arabic digits and decimal mark (U+066B)
		{"hi", "१२,३४५", "१२,३४५|12345"},
		{"ja", "１２３", "１２３|123"},
	}
	for _, tt := range tests {
		n := Scan(tt.text, 0, For(tt.lang))
		got := n.Text + "|" + n.Key()
		if n.Foreign {
			got += "|F"
		}
		if got != tt.want {
			t.Errorf("Scan(%q, %s) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
		if n.Start != 0 || n.End != len(n.Text) || n.Text != tt.text[n.Start:n.End] {
			t.Errorf("Scan(%q, %s): span %d:%d, text %q", tt.text, tt.lang, n.Start, n.End, n.Text)
		}
	}
}

// Without a language (align), the last separator is the decimal mark unless
// three digits follow it and it repeats the others. align's TestNumberKey
// has the common forms ("40 000", "3,5", "1.234,567"…); these are the
// edges.
func TestScanNoLanguage(t *testing.T) {
	tests := []struct{ text, key string }{
		{"1.234.567", "1234567"},
		{"1’234’567,5", "1234567.5"},
		{"12345 678", "12345"}, // a space groups only after 1-3 digits
		{"1.2.3", "~1.2.3"},
		{"12,34,567", "~12,34,567"},
		{"३.५", "3.5"},
	}
	for _, tt := range tests {
		if got := Scan(tt.text, 0, Format{}).Key(); got != tt.key {
			t.Errorf("Scan(%q, no language) = %q, want %q", tt.text, got, tt.key)
		}
	}
}

func TestScanAt(t *testing.T) {
	s := "Le taux passe de 3,5 % à 4 000,25 €."
	i := strings.Index(s, "4")
	n := Scan(s, i, For("fr"))
	if n.Start != i || n.Text != "4 000,25" || n.Int != "4000" || n.Frac != "25" || n.Group != " " || n.Value() != "4000.25" {
		t.Errorf("Scan at %d: %+v", i, n)
	}
}

func TestDigitValue(t *testing.T) {
	for _, zero := range []rune{'0', '٠', '۰', '०', '০', '๐', '０', 0x1D7CE, 0x1D7D8, 0x1D7F6} {
		for v := range 10 {
			if got := DigitValue(zero + rune(v)); got != v {
				t.Errorf("DigitValue(%U) = %d, want %d", zero+rune(v), got, v)
			}
		}
	}
	for _, r := range "a,x٫" {
		if DigitValue(r) != -1 || IsDigit(r) {
			t.Errorf("%q is not a digit", r)
		}
	}
}

// fuzzLangs are the conventions the fuzz test reads every text in.
var fuzzLangs = []string{"fr", "en", "de", "de-CH", "nn", "id", "vi", "zh", "hi"}

// FuzzScan reads a text at each of its digits in several conventions: the
// span is the text's, the digits are ASCII, a value parses, and a readable
// number written back the language's way (Format.Write)
// reads back to the same value in that language, not as Foreign.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"3,5 %", "4 000", "1,234,567.50", "1.234,5", "3.12.1", "4’000", "١٢٣", "1\u202f000,5", "12,34,567", "x 0 0,000 1"} {
		f.Add(s)
	}
	formats := []Format{{}}
	for _, l := range fuzzLangs {
		formats = append(formats, For(l))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, r := range s {
			if !IsDigit(r) {
				continue
			}
			for _, fm := range formats {
				checkScan(t, s, i, fm)
			}
		}
	})
}

func checkScan(t *testing.T, s string, i int, fm Format) {
	n := Scan(s, i, fm)
	if n.Start != i || n.End <= i || n.End > len(s) || n.Text != s[n.Start:n.End] {
		t.Fatalf("Scan(%q, %d, %+q): span %d:%d text %q", s, i, fm, n.Start, n.End, n.Text)
	}
	if z := ScriptZero(s[i:]); DigitValue(z) != 0 {
		t.Fatalf("ScriptZero(%q): %q is not a zero", s[i:], z)
	}
	if n.Opaque {
		if n.Value() != "" || n.Key() != "~"+n.Text {
			t.Fatalf("Scan(%q, %d): opaque with value %q", s, i, n.Value())
		}
		return
	}
	if n.Int == "" || strings.Trim(n.Int+n.Frac, "0123456789") != "" {
		t.Fatalf("Scan(%q, %d, %+q): digits %q %q", s, i, fm, n.Int, n.Frac)
	}
	if _, err := strconv.ParseFloat(n.Value(), 64); err != nil && !strings.Contains(err.Error(), "range") {
		t.Fatalf("Scan(%q, %d): value %q: %v", s, i, n.Value(), err)
	}
	if fm.Decimal == "" {
		return
	}
	written := fm.Write(n.Int, n.Frac, fm.Group)
	back := Scan(written, 0, fm)
	if back.Text != written || back.Value() != n.Value() || back.Foreign || back.Opaque {
		t.Fatalf("%q read %q in %+q; written back %q reads %+v", s, n.Value(), fm, written, back)
	}
}

func TestWrite(t *testing.T) {
	tests := []struct{ lang, intDigits, frac, group, want string }{
		{"fr", "1234567", "5", "\u202f", "1\u202f234\u202f567,5"},
		{"en", "1234567", "50", ",", "1,234,567.50"},
		{"de-CH", "4000", "", "’", "4’000"},
		{"de", "1234", "5", "", "1234,5"},
		{"vi", "3", "5", ".", "3,5"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).Write(tt.intDigits, tt.frac, tt.group); got != tt.want {
			t.Errorf("%s: Write(%q, %q, %q) = %q, want %q", tt.lang, tt.intDigits, tt.frac, tt.group, got, tt.want)
		}
	}
}

func TestScriptZeroAndInScript(t *testing.T) {
	tests := []struct {
		text string
		zero rune
	}{{"3,5", '0'}, {"٣٤", '٠'}, {"１２３", '０'}, {"१२,३४५", '०'}}
	for _, tt := range tests {
		n := Scan(tt.text, 0, For("en"))
		zero := ScriptZero(tt.text)
		if zero != tt.zero {
			t.Errorf("ScriptZero(%q) = %q, want %q", tt.text, zero, tt.zero)
		}
		// The digits written back in the number's script are the text's.
		if got := InScript(GroupDigits(n.Int, n.Group), zero); n.Frac == "" && got != tt.text {
			t.Errorf("InScript(%q, %q) = %q, want %q", n.Int, zero, got, tt.text)
		}
	}
	if got := InScript("1,234.5 kg", '٠'); got != "١,٢٣٤.٥ kg" {
		t.Errorf("InScript = %q", got)
	}
	if ScriptZero("x1") != '0' || ScriptZero("") != '0' {
		t.Error("ScriptZero of a text not starting with a digit is '0'")
	}
}

func TestAfterWord(t *testing.T) {
	for _, r := range "GAx_7é" {
		if !AfterWord(r) {
			t.Errorf("a digit after %q is part of a word", r)
		}
	}
	for _, r := range " ,(-有は円カ" {
		if AfterWord(r) {
			t.Errorf("a digit after %q starts a number", r)
		}
	}
}

// Numbers written with Arabic-Indic or full-width digits use their own
// marks: they read as the Latin ones they stand for.
func TestScanOtherScriptMarks(t *testing.T) {
	for _, tc := range []struct {
		s, lang, key, group string
	}{
		{"١٢٬٥٠٠", "ar", "12500", "\u066c"},
		{"٣٫٥", "ar", "3.5", ""},
		{"１２，５００", "zh", "12500", "，"},
		{"３．５", "zh", "3.5", ""},
	} {
		n := Scan(tc.s, 0, For(tc.lang))
		if n.Text != tc.s || n.Key() != tc.key || n.Group != tc.group {
			t.Errorf("%q (%s): %q key %q group %q, want key %q group %q", tc.s, tc.lang, n.Text, n.Key(), n.Group, tc.key, tc.group)
		}
	}
}
