package align

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// scores are strict precision, recall and F1 as the shared score.py
// computes them (Sennrich and Volk's measure, vecalign's variant): k:0 and
// 0:k links are split into single null links; precision is over all the
// system's links, recall over the gold links with both sides non-empty.
type scores struct{ P, R, F1 float64 }

func linkKey(src, tgt []int) string {
	return indexList(src) + ":" + indexList(tgt)
}

func normaliseLinks(links []Link) map[string]bool {
	out := map[string]bool{}
	for _, l := range links {
		s, t := slices.Sorted(slices.Values(l.Src)), slices.Sorted(slices.Values(l.Tgt))
		switch {
		case len(s) > 0 && len(t) == 0:
			for _, i := range s {
				out[linkKey([]int{i}, nil)] = true
			}
		case len(t) > 0 && len(s) == 0:
			for _, j := range t {
				out[linkKey(nil, []int{j})] = true
			}
		case len(s) > 0:
			out[linkKey(s, t)] = true
		}
	}
	return out
}

func strictScores(gold, test []Link) scores {
	g, t := normaliseLinks(gold), normaliseLinks(test)
	tp := 0
	for k := range t {
		if g[k] {
			tp++
		}
	}
	rtp, rn := 0, 0
	for k := range g {
		if strings.Contains(k, "[]") {
			continue
		}
		rn++
		if t[k] {
			rtp++
		}
	}
	var sc scores
	if len(t) > 0 {
		sc.P = float64(tp) / float64(len(t))
	}
	if rn > 0 {
		sc.R = float64(rtp) / float64(rn)
	}
	if sc.P+sc.R > 0 {
		sc.F1 = 2 * sc.P * sc.R / (sc.P + sc.R)
	}
	return sc
}

// sharedDir is the project's shared evaluation data, outside the
// repository: $TRAD_SHARED, or ../shared next to the checkout.
func sharedDir() string {
	if d := os.Getenv("TRAD_SHARED"); d != "" {
		return d
	}
	return "../../shared"
}

// devSet reads a sentence-per-line pair and its gold links from dir.
func devSet(t testing.TB, dir, name, sl, tl string) (src, tgt []string, gold []Link) {
	t.Helper()
	read := func(ext string) *os.File {
		f, err := os.Open(filepath.Join(dir, name+"."+ext))
		if err != nil {
			t.Skipf("skipping: %v (the shared evaluation data is not part of the repository)", err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	var err error
	if src, err = ReadSentences(read(sl), name+"."+sl); err != nil {
		t.Fatal(err)
	}
	if tgt, err = ReadSentences(read(tl), name+"."+tl); err != nil {
		t.Fatal(err)
	}
	if gold, err = ParseLinks(read("gold"), name+".gold"); err != nil {
		t.Fatal(err)
	}
	return src, tgt, gold
}
