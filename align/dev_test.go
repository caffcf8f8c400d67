package align

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDevGermanFrench aligns the shared German–French development text and
// checks its strict F1 stays above a floor a little under the measured
// figure (BENCHMARKS.md).
func TestDevGermanFrench(t *testing.T) {
	src, tgt, gold := devSet(t, filepath.Join(sharedDir(), "eval", "align"), "tb-dev-de-fr", "de", "fr")
	a := New(DefaultGlossary(), "de", "fr")
	links := a.Sentences(src, tgt)
	sc := strictScores(gold, links)
	g := normaliseLinks(gold)
	t.Logf("de–fr dev: strict P %.3f R %.3f F1 %.3f", sc.P, sc.R, sc.F1)
	if sc.F1 < devFloorDeFr {
		t.Errorf("strict F1 %.3f, want ≥ %.2f", sc.F1, devFloorDeFr)
	}
	// At least half of the sentences the gold leaves without counterpart
	// must come out as 1:0 / 0:1 links (the goal).
	var goldNull, found int
	sys := normaliseLinks(links)
	for k := range g {
		if strings.Contains(k, "[]") {
			goldNull++
			if sys[k] {
				found++
			}
		}
	}
	t.Logf("unaligned sentences: %d of %d found", found, goldNull)
	if found*2 < goldNull {
		t.Errorf("%d of %d unaligned sentences found, want at least half", found, goldNull)
	}
	// Links flagged for review (under LowConfidence) must be wrong more
	// often than the others.
	var n, right [2]int
	for _, l := range links {
		k := 0
		if l.Conf < LowConfidence {
			k = 1
		}
		n[k]++
		if g[linkKey(l.Src, l.Tgt)] {
			right[k]++
		}
	}
	t.Logf("right links: %d of %d confident, %d of %d flagged", right[0], n[0], right[1], n[1])
	if n[1] == 0 || float64(right[1])/float64(n[1]) > float64(right[0])/float64(n[0])-0.1 {
		t.Errorf("the confidence does not tell wrong links")
	}
}

const devFloorDeFr = 0.82

// TestTune searches the parameters on the development data; it runs only
// with TRAD_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("TRAD_TUNE") == "" {
		t.Skip("set TRAD_TUNE=1 to search the parameters")
	}
	src, tgt, gold := devSet(t, filepath.Join(sharedDir(), "eval", "align"), "tb-dev-de-fr", "de", "fr")
	a := New(DefaultGlossary(), "de", "fr")
	src2, tgt2, gold2 := devSet(t, "testdata", "article.fr-en", "fr", "en")
	a2 := New(DefaultGlossary(), "fr", "en")
	for _, idf := range []float64{1} {
		idfWeight = idf
		s, g := a.cues(src, sourceSide), a.cues(tgt, targetSide)
		s2, g2 := a2.cues(src2, sourceSide), a2.cues(tgt2, targetSide)
		for _, wl := range []float64{8, 12, 16, 20} {
			for _, nl := range []float64{1.5, 2, 2.5} {
				for _, nll := range []float64{0.2, 0.3, 0.4} {
					p := defaultParams
					p.wLex, p.null, p.nullLen = wl, nl, nll
					sc := strictScores(gold, a.solve(s, g, p))
					sc2 := strictScores(gold2, a2.solve(s2, g2, p))
					fmt.Printf("idf %.1f %+v de-fr P %.3f R %.3f F1 %.3f   fr-en F1 %.3f\n", idf, p, sc.P, sc.R, sc.F1, sc2.F1)
				}
			}
		}
	}
}
