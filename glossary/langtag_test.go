package glossary

import (
	"strings"
	"testing"
)

// TestDeprecatedLanguageCodes: a glossary whose header says "iw" (the code
// older tools still write for Hebrew) is found by a matcher for "iw" and
// for "he", as its entries are keyed by langtag.Base.
func TestDeprecatedLanguageCodes(t *testing.T) {
	g, _, err := Read(strings.NewReader("iw\ten\nשלום\tpeace\n"), "old.tsv", FormatTSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"iw", "he", "he-IL", "IW_il"} {
		if hits := NewMatcher(g, lang, "en").Match("שלום"); len(hits) != 1 {
			t.Errorf("matcher for %q: %d hits, want 1", lang, len(hits))
		}
	}
}
