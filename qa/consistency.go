package qa

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trad-project/trad/internal/textfold"
	"github.com/trad-project/trad/segments"
)

// CheckConsistency compares the translated segments of doc, as Xbench and
// OmegaT do: the same source translated differently
// (inconsistent-target), and different sources translated identically
// (inconsistent-source). Texts are compared normalised: NFC, case folded,
// punctuation and runs of spaces ignored (digits kept). Texts of fewer than
// two words are left out: "Oui." and "Si." may both be "Yes.". Every
// segment of a group gets an issue naming the others.
func CheckConsistency(doc *segments.Document, cfg *Config) []Issue {
	var out []Issue
	var norm [][2]string // each segment's source and target, normalised once
	for _, id := range []string{CheckInconsistentTarget, CheckInconsistentSource} {
		if !cfg.Enabled(id) {
			continue
		}
		if norm == nil {
			norm = make([][2]string, len(doc.Segments))
			for i, s := range doc.Segments {
				if strings.TrimSpace(s.Target) != "" {
					norm[i] = [2]string{normalizeForCompare(s.Source), normalizeForCompare(s.Target)}
				}
			}
		}
		out = append(out, inconsistent(doc, cfg, id, norm)...)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Segment < out[b].Segment })
	return out
}

// inconsistent groups segments by one side (the source for
// inconsistent-target) and reports groups whose other side differs.
func inconsistent(doc *segments.Document, cfg *Config, id string, norm [][2]string) []Issue {
	groups := map[string][]int{}
	var order []string
	other := make(map[int]string)
	for i, s := range doc.Segments {
		if strings.TrimSpace(s.Target) == "" {
			continue
		}
		k, v := norm[i][0], norm[i][1]
		if id == CheckInconsistentSource {
			k, v = v, k
		}
		if strings.Count(k, " ") < 1 {
			continue
		}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
		other[i] = v
	}
	var out []Issue
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		for _, i := range g {
			var diff []string
			for _, j := range g {
				if other[j] != other[i] {
					diff = append(diff, fmt.Sprintf("segment %d: %s", j+1, quote(side(doc.Segments[j], id))))
				}
			}
			if len(diff) == 0 {
				continue
			}
			msg := "same source translated differently in " + strings.Join(diff, "; ")
			if id == CheckInconsistentSource {
				msg = "same translation for a different source in " + strings.Join(diff, "; ")
			}
			out = append(out, newIssue(i, id, cfg.SeverityOf(id), msg, 0, 0))
		}
	}
	return out
}

// side returns the text an inconsistency message quotes: the differing
// target, or the differing source.
func side(s segments.Segment, id string) string {
	if id == CheckInconsistentSource {
		return s.Source
	}
	return s.Target
}

// normalizeForCompare returns s in NFC, case folded, with apostrophes
// unified, punctuation dropped (but for a mark between digits: "3,5") and
// spaces collapsed to one.
func normalizeForCompare(s string) string {
	s = textfold.Fold(s)
	var b strings.Builder
	space := false
	prev := rune(0)
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			prev = r
			continue
		case unicode.IsPunct(r) || unicode.IsSymbol(r) && r != '%' && r != '€' && r != '$' && r != '£':
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				if r == '\'' || r == '’' || r == '-' {
					space = b.Len() > 0
				}
				prev = r
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
