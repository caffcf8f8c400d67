package glossary

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestCoverageFile measures the built-in glossary on a list of terms a
// news translator expects, written by someone who has not read the data
// (issue 14). The list is not in the repository: name it with
// TRAD_GLOSSARY_EXPECTED=path (columns fr, en alternatives separated by
// " | ", domain; a header line). Each French term is matched inside a
// neutral sentence; it counts as found when a hit overlaps it and one of
// the hit's English targets is an expected translation (case, hyphens, a
// leading article and a final plural s aside). Where the expected
// translation is a phrase around the term ("Taiwanese chipmaker TSMC"), a
// hit whose translation is part of it is counted apart.
func TestCoverageFile(t *testing.T) {
	path := os.Getenv("TRAD_GLOSSARY_EXPECTED")
	if path == "" {
		t.Skip("set TRAD_GLOSSARY_EXPECTED to a held-out term list to measure coverage")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := NewMatcher(Default(), "fr", "en")
	norm := func(s string) string {
		s = strings.ToLower(strings.ReplaceAll(s, "-", " "))
		var words []string
		for i, w := range strings.Fields(s) {
			if i == 0 && (w == "the" || w == "a" || w == "an") {
				continue
			}
			words = append(words, singular(w))
		}
		return " " + strings.Join(words, " ") + " "
	}
	total, found, part, hitWrong := 0, 0, 0, 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 || len(cols) < 2 || strings.HasPrefix(cols[0], "#") {
			continue
		}
		total++
		const pre = "Le rapport évoque "
		sentence := pre + cols[0] + " dans ce contexte."
		start, end := len(pre), len(pre)+len(cols[0])
		want := map[string]bool{}
		for _, e := range strings.Split(cols[1], "|") {
			want[norm(strings.TrimSpace(e))] = true
		}
		ok, inside, any := false, false, false
		var got []string
		for _, h := range m.Match(sentence) {
			if h.End <= start || h.Start >= end {
				continue
			}
			any = true
			for _, tg := range h.Targets {
				got = append(got, tg)
				n := norm(tg)
				if want[n] {
					ok = true
				}
				for w := range want {
					inside = inside || strings.Contains(w, n)
				}
			}
		}
		switch {
		case ok:
			found++
		case inside:
			part++
			t.Logf("%s:%d: %q → %v, part of %s", path, line, cols[0], got, cols[1])
		case any:
			hitWrong++
			t.Logf("%s:%d: %q → %v, expected %s", path, line, cols[0], got, cols[1])
		default:
			t.Logf("%s:%d: %q not found", path, line, cols[0])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(total, 1)) }
	t.Logf("%s: %d terms; %d found with an expected translation (%.1f%%); %d more where a hit's translation is part of the expected one (%.1f%% together); %d hit with other translations; %d not found",
		path, total, found, pct(found), part, pct(found+part), hitWrong, total-found-part-hitWrong)
}

// singular undoes the regular English plural (duties, gases, taxes, chips)
// so that "anti-dumping duties" is the glossary's "anti-dumping duty".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "s")
}
