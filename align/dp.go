package align

import (
	"math"
)

// shape is a link's number of source and target sentences.
type shape struct{ a, b int }

// shapes are the links the dynamic programme considers, with their prior
// cost (-log of how often translators produce them, roughly as in Gale and
// Church, with more room for merges and splits as in literary texts).
var shapes = []struct {
	shape
	prior float64
}{
	{shape{1, 1}, 0},
	{shape{1, 0}, 0},
	{shape{0, 1}, 0},
	{shape{1, 2}, 1.6},
	{shape{2, 1}, 1.6},
	{shape{2, 2}, 2.6},
	{shape{1, 3}, 3.2},
	{shape{3, 1}, 3.2},
	{shape{2, 3}, 4.5},
	{shape{3, 2}, 4.5},
}

// junkNull is the share of the null cost paid to leave a junk sentence
// (see sentence.junk) alone: cheaper than gluing it to a real link.
const junkNull = 0.2

// maxRatio bounds the ratio of target to source length.
const maxRatio = 1.5

// maxSpan is the most sentences a link has on one side.
const maxSpan = 3

// params weigh the cues. The values are tuned on the development data (see
// BENCHMARKS.md).
type params struct {
	variance float64 // s² of the length model, per character
	wLen     float64 // weight of the length cost
	wLex     float64 // weight of the lexical similarity (Dice of keys)
	null     float64 // cost of leaving a sentence without counterpart
	nullLen  float64 // and its increase with the square root of the sentence's length
	shape    float64 // scale of the shapes' prior costs
}

var defaultParams = params{variance: 6.8, wLen: 1, wLex: 20, null: 2.5, nullLen: 0.4, shape: 1}

// problem is one alignment: the two sides' cues and the band of the
// dynamic programme.
type problem struct {
	src, tgt []sentence
	p        params
	ratio    float64 // target characters per source character
	lo, hi   []int   // band: row i (source sentences consumed) spans target columns lo[i]..hi[i]
	match    matchBand
}

func newProblem(src, tgt []sentence, p params) *problem {
	pr := &problem{src: src, tgt: tgt, p: p, ratio: 1}
	ls, lt := 0, 0
	for _, s := range src {
		ls += s.chars
	}
	for _, t := range tgt {
		lt += t.chars
	}
	// The ratio of the two texts' lengths estimates how much longer the
	// target language writes, but dropped or added passages (captions,
	// notes) skew it: it is pulled towards 1 on short texts and kept in
	// the range language pairs have.
	const prior = 1000
	pr.ratio = min(maxRatio, max(1/maxRatio, (float64(lt)+prior)/(float64(ls)+prior)))
	return pr
}

// lengthCost is Gale and Church's: -log of the probability of a length
// difference at least this large, the target length being normal around
// ratio × the source length with variance proportional to the length.
func (pr *problem) lengthCost(ls, lt int) float64 {
	mean := (float64(ls) + float64(lt)/pr.ratio) / 2
	if mean == 0 {
		return 0
	}
	d := (float64(lt) - float64(ls)*pr.ratio) / math.Sqrt(mean*pr.p.variance*pr.ratio)
	return tailCost(math.Abs(d))
}

// tailCost is -log(2(1 - Φ(d))) for d ≥ 0, from a table: it is evaluated
// for every cell and shape of the programme, and Erfc and Log dominated
// the run time.
func tailCost(d float64) float64 {
	x := d / tailStep
	if x >= float64(len(tailTable)-1) {
		// The tail's asymptote, continuous enough at the table's end.
		return d*d/2 + math.Log(d*math.Sqrt(math.Pi/2))
	}
	i := int(x)
	f := x - float64(i)
	return tailTable[i]*(1-f) + tailTable[i+1]*f
}

const tailStep = 1.0 / 128

var tailTable = func() []float64 {
	t := make([]float64, 8*128+1)
	for i := range t {
		t[i] = -math.Log(math.Erfc(float64(i) * tailStep / math.Sqrt2))
	}
	return t
}()

// linkStats returns the lexical Dice and the length cost of the link of
// source sentences i0..i1-1 and target sentences j0..j1-1 (both non-empty).
func (pr *problem) linkStats(i0, i1, j0, j1 int) (dice, lenCost float64) {
	ls, lt := 0, 0
	var ws, wt, m float32
	for i := i0; i < i1; i++ {
		ls += pr.src[i].chars
		ws += pr.src[i].weight
		for j := j0; j < j1; j++ {
			m += pr.match.at(pr, i, j)
		}
	}
	for j := j0; j < j1; j++ {
		lt += pr.tgt[j].chars
		wt += pr.tgt[j].weight
	}
	if m > wt {
		m = wt
	}
	if ws+wt > 0 {
		dice = float64(2 * m / (ws + wt))
	}
	return dice, pr.lengthCost(ls, lt)
}

// cost is the cost of a link of shape k ending at (i, j).
func (pr *problem) cost(k int, i, j int) float64 {
	sh := shapes[k]
	return pr.linkCost(sh.a, sh.b, i, j, sh.prior)
}

// linkCost is the cost of the link of a source and b target sentences
// ending at (i, j), whose shape has the prior cost prior.
func (pr *problem) linkCost(a, b, i, j int, prior float64) float64 {
	if a == 0 || b == 0 {
		var s sentence
		if b == 0 {
			s = pr.src[i-1]
		} else {
			s = pr.tgt[j-1]
		}
		if s.junk {
			return pr.p.null * junkNull
		}
		return pr.p.null + pr.p.nullLen*math.Sqrt(float64(s.chars))
	}
	dice, lc := pr.linkStats(i-a, i, j-b, j)
	return pr.p.wLen*lc + pr.p.shape*prior - pr.p.wLex*dice
}

// shapePrior returns the prior cost of a link of a source and b target
// sentences; shapes the programme never proposes (a 4:1 made by joining
// links in the review) cost as much as their size suggests.
func shapePrior(a, b int) float64 {
	for _, sh := range shapes {
		if sh.a == a && sh.b == b {
			return sh.prior
		}
	}
	return 1.6 * float64(a+b-2)
}

// matchBand caches the keys two sentences share, for the cells the band
// can reach.
type matchBand struct {
	lo  []int
	row [][]float32
}

func (mb *matchBand) at(pr *problem, i, j int) float32 {
	if i >= len(mb.row) {
		return shared(pr.src[i].reach, pr.tgt[j])
	}
	r := mb.row[i]
	k := j - mb.lo[i]
	if k < 0 || k >= len(r) {
		return shared(pr.src[i].reach, pr.tgt[j])
	}
	if r[k] < 0 {
		r[k] = shared(pr.src[i].reach, pr.tgt[j])
	}
	return r[k]
}

// setBand sets the band of half-width w around the diagonal and resets the
// match cache to the cells it can reach.
func (pr *problem) setBand(w int) {
	n, m := len(pr.src), len(pr.tgt)
	pr.lo, pr.hi = make([]int, n+1), make([]int, n+1)
	for i := 0; i <= n; i++ {
		c := 0
		if n > 0 {
			c = int(math.Round(float64(i) * float64(m) / float64(n)))
		}
		pr.lo[i], pr.hi[i] = max(0, c-w), min(m, c+w)
	}
	pr.lo[n], pr.hi[0] = max(0, min(pr.lo[n], m-w)), max(pr.hi[0], min(m, w))
	pr.match = matchBand{lo: make([]int, n), row: make([][]float32, n)}
	for i := 0; i < n; i++ {
		lo := max(0, pr.lo[min(n, i+1)]-maxSpan)
		hi := min(m, pr.hi[min(n, i+maxSpan)]+maxSpan)
		r := make([]float32, max(0, hi-lo))
		for k := range r {
			r[k] = -1
		}
		pr.match.lo[i], pr.match.row[i] = lo, r
	}
}

// solve runs the banded dynamic programme and returns the links of the
// cheapest path, whether the path touched the band's edge, and false if
// no path fits in the band.
func (pr *problem) solve() ([]Link, bool, bool) {
	n, m := len(pr.src), len(pr.tgt)
	inf := math.Inf(1)
	dist := make([][]float64, n+1)
	back := make([][]int8, n+1)
	for i := 0; i <= n; i++ {
		w := pr.hi[i] - pr.lo[i] + 1
		dist[i] = make([]float64, w)
		back[i] = make([]int8, w)
		for k := range dist[i] {
			dist[i][k] = inf
			back[i][k] = -1
		}
	}
	get := func(i, j int) float64 {
		if i < 0 || j < pr.lo[i] || j > pr.hi[i] {
			return inf
		}
		return dist[i][j-pr.lo[i]]
	}
	dist[0][0-pr.lo[0]] = 0
	for i := 0; i <= n; i++ {
		for j := pr.lo[i]; j <= pr.hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, bk := inf, int8(-1)
			for k, sh := range shapes {
				if sh.a > i || sh.b > j {
					continue
				}
				prev := get(i-sh.a, j-sh.b)
				if math.IsInf(prev, 1) {
					continue
				}
				if c := prev + pr.cost(k, i, j); c < best {
					best, bk = c, int8(k)
				}
			}
			dist[i][j-pr.lo[i]], back[i][j-pr.lo[i]] = best, bk
		}
	}
	var links []Link
	edge := false
	for i, j := n, m; i > 0 || j > 0; {
		if (pr.lo[i] > 0 && j <= pr.lo[i]+1) || (pr.hi[i] < m && j >= pr.hi[i]-1) {
			edge = true
		}
		k := back[i][j-pr.lo[i]]
		if k < 0 {
			// Unreachable within the band: should not happen as the band
			// always joins (0,0) to (n,m).
			return nil, true, false
		}
		sh := shapes[k]
		links = append(links, Link{Src: span(i-sh.a, i), Tgt: span(j-sh.b, j)})
		i, j = i-sh.a, j-sh.b
	}
	for l, r := 0, len(links)-1; l < r; l, r = l+1, r-1 {
		links[l], links[r] = links[r], links[l]
	}
	return links, edge, true
}

func span(a, b int) []int {
	if a >= b {
		return []int{}
	}
	s := make([]int, b-a)
	for k := range s {
		s[k] = a + k
	}
	return s
}
